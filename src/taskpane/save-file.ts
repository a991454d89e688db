/**
 * Handing a file to the browser as a download — the only way a page or a
 * pane can save one (Office.js has no save API): `<a download>` on a Blob URL,
 * or IE11's msSaveOrOpenBlob (the web view of Office 2016 MSI).
 */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function saveBlobForOldBrowsers(blob: Blob, name: string): boolean {
  const nav = navigator as Navigator & { msSaveOrOpenBlob?: (blob: Blob, name: string) => boolean };
  if (!nav.msSaveOrOpenBlob) return false;
  nav.msSaveOrOpenBlob(blob, name);
  return true;
}

export function saveWithLink(blob: Blob, name: string): void {
  if (saveBlobForOldBrowsers(blob, name)) return;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  document.body.removeChild(link);
  // After the download has started: the browser has the blob by then.
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/**
 * Whether a pane's web view lets it download a file (docs/deployment.md):
 * Excel on the web (the browser itself), Windows with WebView2 (Chromium) or
 * with IE11 (msSaveOrOpenBlob); not the EdgeHTML web view of Office 2016/2019,
 * nor Mac and iPad (WKWebView ignores the click).
 */
export function paneCanDownload(platform: string | undefined, userAgent: string, hasMsSave: boolean): boolean {
  if (platform === 'OfficeOnline') return true;
  if (platform !== 'PC') return false;
  if (/Edge\/\d/.test(userAgent)) return false;
  return /Chrome\/|Edg\//.test(userAgent) || hasMsSave;
}
