/** A tiny element builder (no framework; ES5-friendly DOM calls only). */
export type Child = Node | string | null | undefined | false;

export function h(tag: string, attrs: { [name: string]: string | boolean | undefined } | null, children?: Child[]): HTMLElement {
  const el = document.createElement(tag);
  if (attrs) {
    for (const name of Object.keys(attrs)) {
      const value = attrs[name];
      if (value === undefined || value === false) continue;
      el.setAttribute(name, value === true ? '' : value);
    }
  }
  if (children) {
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      el.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
  }
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}
