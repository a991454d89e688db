/**
 * Standalone mode (outside Office): choose an .xlsx file and score it in the
 * browser with the xlsx host. Placeholder: the pane loads this module as a
 * separate chunk with import() and calls startStandalone(root); the
 * implementation replaces the body of this function.
 */
import { UI } from '../../messages/excel-ui';
import { clear, h } from '../dom';

export function startStandalone(root: HTMLElement): void {
  clear(root);
  root.appendChild(
    h('div', { class: 'pane' }, [
      h('header', { class: 'pane__header' }, [h('h1', null, [UI.title])]),
      h('section', { class: 'card standalone', id: 'standalone' }, [
        h('h2', null, [UI.standaloneTitle]),
        h('p', null, [UI.standalonePlaceholder]),
      ]),
    ]),
  );
}
