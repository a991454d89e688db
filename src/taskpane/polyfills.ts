/**
 * The only polyfills: built-ins that IE11 (the webview of Office 2016 on
 * Windows) lacks or gets wrong and that the bundled code calls. Promise comes
 * from office.js inside Office; outside Office the standalone mode targets
 * modern browsers. scripts/check-es5.js fails when the bundle uses a
 * built-in that is neither in IE11, nor provided by office.js, nor here.
 * String.prototype.normalize is deliberately absent: the workbook layer
 * checks for it and falls back itself.
 */

function define(target: object, name: string, value: unknown): void {
  if (!(name in target)) Object.defineProperty(target, name, { configurable: true, writable: true, value });
}

define(String.prototype, 'includes', function includes(this: string, search: string, start?: number): boolean {
  return this.indexOf(search, start || 0) !== -1;
});
define(String.prototype, 'startsWith', function startsWith(this: string, search: string, at?: number): boolean {
  const pos = at || 0;
  return this.substr(pos, search.length) === search;
});
define(String.prototype, 'endsWith', function endsWith(this: string, search: string, end?: number): boolean {
  const stop = end === undefined || end > this.length ? this.length : end;
  return this.substring(stop - search.length, stop) === search;
});
define(String.prototype, 'repeat', function repeat(this: string, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += this;
  return out;
});

define(Array.prototype, 'includes', function includes(this: unknown[], item: unknown): boolean {
  for (let i = 0; i < this.length; i++) {
    const x = this[i];
    if (x === item || (x !== x && item !== item)) return true;
  }
  return false;
});
define(Array.prototype, 'findIndex', function findIndex(this: unknown[], pred: (x: unknown, i: number, a: unknown[]) => boolean, self?: unknown): number {
  for (let i = 0; i < this.length; i++) if (pred.call(self, this[i], i, this)) return i;
  return -1;
});
define(Array.prototype, 'find', function find(this: unknown[], pred: (x: unknown, i: number, a: unknown[]) => boolean, self?: unknown): unknown {
  for (let i = 0; i < this.length; i++) if (pred.call(self, this[i], i, this)) return this[i];
  return undefined;
});

/** IE11's Set and Map ignore the constructor's array argument; wrap them so `new Set([...])` works. */
function fixCollection(name: 'Set' | 'Map', add: (c: any, item: any) => void): void {
  const g = window as any;
  const Native = g[name];
  if (typeof Native !== 'function') return;
  let sample: any;
  try {
    sample = name === 'Set' ? new Native([1]) : new Native([[1, 1]]);
  } catch (e) {
    return;
  }
  if (sample.size === 1) return;
  const Fixed = function (items?: any[]) {
    const c = new Native();
    if (items) for (let i = 0; i < items.length; i++) add(c, items[i]);
    return c;
  };
  Fixed.prototype = Native.prototype;
  g[name] = Fixed;
}
fixCollection('Set', (c, item) => c.add(item));
fixCollection('Map', (c, pair) => c.set(pair[0], pair[1]));

export {};
