/// <reference types="office-js" />
/**
 * Entry of taskpane.html: inside Excel the pane scores the open workbook;
 * anywhere else the standalone mode is loaded as a separate chunk.
 */
import './polyfills';
import { detectCapabilities } from '../hosts/excel/capabilities';
import { createPreferences, detectHost } from './office-helpers';
import { createPane } from './pane-controller';
import { paneCanDownload, saveWithLink } from './save-file';

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
  const nav = navigator as Navigator & { msSaveOrOpenBlob?: unknown };
  const platform = Office.context && Office.context.diagnostics ? String(Office.context.diagnostics.platform) : undefined;
  createPane(root(), {
    run: (batch) => Excel.run(batch),
    caps: detectCapabilities(),
    prefs: createPreferences(),
    // The docx package is a chunk of its own ('web-docx'), loaded only when 下载 Word 文档 is clicked.
    download: paneCanDownload(platform, navigator.userAgent, typeof nav.msSaveOrOpenBlob === 'function')
      ? {
          reportDocx: (doc) => import(/* webpackChunkName: "web-docx" */ 'selfeval/docx-chunk').then((m) => m.reportWriter.reportDocx(doc)),
          save: saveWithLink,
        }
      : undefined,
  });
}

if (typeof Office === 'undefined') {
  // office.js could not be loaded (no network to the CDN and no local copy): a plain web page.
  standalone();
} else {
  Office.onReady(start);
}
