/// <reference types="office-js" />
/**
 * Entry of taskpane.html: inside Excel the pane scores the open workbook;
 * anywhere else the standalone mode is loaded as a separate chunk.
 */
import './polyfills';
import { detectCapabilities } from '../hosts/excel/capabilities';
import { createPreferences, detectHost } from './office-helpers';
import { createPane } from './pane-controller';

function root(): HTMLElement {
  return document.getElementById('app') as HTMLElement;
}

function standalone(): void {
  import(/* webpackChunkName: "standalone" */ './standalone/index').then((m) => m.startStandalone(root()));
}

function start(): void {
  if (!detectHost().inExcel) {
    standalone();
    return;
  }
  createPane(root(), {
    run: (batch) => Excel.run(batch),
    caps: detectCapabilities(),
    prefs: createPreferences(),
  });
}

if (typeof Office === 'undefined') {
  // office.js could not be loaded (no network to the CDN and no local copy): a plain web page.
  standalone();
} else {
  Office.onReady(start);
}
