/// <reference types="office-js" />
/** The ribbon command's result dialog: shows the lines passed in the URL fragment. */
import { UI } from '../messages/excel-ui';
import type { DialogContent } from './commands';
import { h } from './dom';

function content(): DialogContent {
  try {
    return JSON.parse(decodeURIComponent(window.location.hash.slice(1))) as DialogContent;
  } catch (e) {
    return { ok: false, lines: [UI.dialogOpenPane] };
  }
}

function render(): void {
  const c = content();
  const root = document.getElementById('app') as HTMLElement;
  const close = h('button', { type: 'button', class: 'btn btn--primary' }, [UI.dialogClose]);
  close.addEventListener('click', () => {
    if (typeof Office !== 'undefined' && Office.context && Office.context.ui && Office.context.ui.messageParent) {
      Office.context.ui.messageParent('close');
    } else {
      window.close();
    }
  });
  root.appendChild(
    h('div', { class: 'pane dialog' }, [
      h('h1', null, [UI.dialogTitle]),
      h('div', { class: 'message ' + (c.ok ? 'message--success' : 'message--error'), role: 'status' }, c.lines.map((line) => h('p', null, [line]))),
      close,
    ]),
  );
  close.focus();
}

if (typeof Office !== 'undefined') Office.onReady(render);
else render();
