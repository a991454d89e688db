/**
 * dist/selfeval.html, the standalone page as one offline file
 * (webpack.offline.js), as a unit gets it from a bureau: copied alone into a
 * folder (a USB stick) and opened from file:// in Chromium (Debian's, via
 * playwright-core). It must score the example, offer the scored workbook
 * byte for byte as the xlsx host writes it in Node, hand out the template
 * and the example it carries, and make no request at all: every request the
 * browser sees is recorded, and the browser is offline.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { BrowserContext, Page } from 'playwright-core';
import { applyPlanToFile, readWorkbookFile } from '../../src/hosts/xlsx';
import { fileErrorText } from '../../src/messages/file-errors';
import { scoreWorkbook } from '../../src/workbook/score-workbook';
import { buildOfflinePage } from './support/bundles';
import { exampleWith } from '../support/fixtures';
import { EXAMPLE, ROOT, TEMPLATE } from '../support/paths';
import { chromiumAvailable, launchChromium } from './support/browser';

const OUT = path.join(ROOT, 'test-output', 'e2e-offline');
const BUILD = path.join(OUT, 'build');
const FILES = path.join(OUT, 'files');
const INDICATOR_SCORES = ['0.00/8', '12.00/12', '9.42/12', '8.00/8', '9.99/10', '15.00/15', '7.80/15', '10.00/10'];

const exampleBytes = new Uint8Array(fs.readFileSync(EXAMPLE));

/** What the xlsx host writes in Node for the example. */
function scoredInNode(): Uint8Array {
  const read = readWorkbookFile(exampleBytes);
  if (!read.ok) throw new Error(fileErrorText(read.error));
  const written = applyPlanToFile(exampleBytes, scoreWorkbook(read.value).plan);
  if (!written.ok) throw new Error(fileErrorText(written.error));
  return written.value;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const run = chromiumAvailable('test/e2e/offline.test.ts');
const suite = run ? describe : describe.skip;

suite('the one-file offline page from file:// in Chromium', () => {
  let html: string;
  let pageUrl: string;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let stick: string;
  /** Every request of every page, and every console error, page error and CSP violation. */
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(FILES, { recursive: true });
    const built = buildOfflinePage(BUILD);
    built.catch(() => undefined); // reported below, once the browser is known (so afterAll can close it)
    const browser = await launchChromium();
    context = browser.context;
    closeBrowser = browser.close;
    const file = await built;
    html = fs.readFileSync(file, 'utf8');
    // The page alone in a folder, as on a USB stick (a name with Chinese and a space, as bureaus name folders).
    stick = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-U盘 '));
    fs.copyFileSync(file, path.join(stick, 'selfeval.html'));
    pageUrl = pathToFileURL(path.join(stick, 'selfeval.html')).href;
    await context.setOffline(true);
    context.on('request', (request) => requests.push(request.url()));
    // Anything but the page itself, data: and blob: is refused (and stays in `requests`, so the last test fails).
    await context.route('**/*', (route) => (route.request().url() === pageUrl ? route.continue() : route.abort('blockedbyclient')));
  }, 600000); // webpack builds: minutes on a busy 2-core machine (a harness limit, not a timing assertion)

  afterAll(async () => {
    if (closeBrowser) await closeBrowser();
    if (stick) fs.rmSync(stick, { recursive: true, force: true });
  });

  async function open(): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(pageUrl);
    await page.waitForSelector('#standalone');
    return page;
  }

  it('is one file: one inline script, inline styles, nothing referenced but data: URLs; CSP by hash, no unsafe-inline', () => {
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script[^>]*\bsrc=/);
    expect(html).not.toMatch(/<link[^>]*rel="stylesheet"/);
    // Every URL in the markup (outside the inline code, which the request log below covers at run time).
    const markup = html.replace(/<(script|style)>[\s\S]*?<\/\1>/g, '');
    const refs = Array.from(markup.matchAll(/\b(?:href|src)="([^"]*)"/g), (m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((ref) => !ref.startsWith('data:'))).toEqual([]);

    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1];
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toMatch(/^default-src 'none'; /);
    expect(csp).toContain("img-src data:;");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'none'");
    // The CSP precedes every script and style, and names each by the hash of its exact text.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    const script = /<script>([\s\S]*)<\/script>/.exec(html)![1];
    const styles = Array.from(html.matchAll(/<style>([\s\S]*?)<\/style>/g), (m) => m[1]);
    expect(styles).toHaveLength(2);
    expect(csp).toContain(`script-src ${sha256(script)};`);
    expect(csp).toContain(`style-src ${styles.map(sha256).join(' ')};`);
    // The template and the example travel inside the page.
    const xlsxData = 'data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,';
    expect(script).toContain(xlsxData + fs.readFileSync(TEMPLATE).toString('base64'));
    expect(script).toContain(xlsxData + fs.readFileSync(EXAMPLE).toString('base64'));
  });

  it('scores the example and offers the scored workbook, byte for byte what the xlsx host writes in Node', async () => {
    const page = await open();
    expect(await page.$('#loading')).toBeNull(); // the script ran and replaced the old-browser note
    expect(await page.$('#download')).toBeNull();
    await page.setInputFiles('#file', EXAMPLE);
    await page.click('#score');
    await page.waitForSelector('.result__value');
    expect(await page.textContent('.result__value')).toBe('81.53');
    expect(await page.textContent('.grade')).toBe('良');
    expect(await page.textContent('.result__execution')).toContain('93.16%');
    expect(await page.$$eval('.indicator__score', (els) => els.map((e) => e.textContent))).toEqual(INDICATOR_SCORES);
    // The standalone rules apply (inline <style>, no stylesheet file).
    expect(await page.$eval('.picker', (el) => getComputedStyle(el).borderTopStyle)).toBe('dashed');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(download.suggestedFilename()).toBe('示例-二工片区2023.scored.xlsx');
    const saved = path.join(FILES, download.suggestedFilename());
    await download.saveAs(saved);
    expect(Buffer.compare(fs.readFileSync(saved), Buffer.from(scoredInNode()))).toBe(0);
    await page.close();
  });

  it('hands out the blank templates and the example it carries', async () => {
    const page = await open();
    const projectTemplate = path.join(ROOT, 'assets', '模板-项目支出.xlsx');
    for (const [nth, expected, name] of [[0, TEMPLATE, '模板.xlsx'], [1, EXAMPLE, '示例-二工片区2023.xlsx'], [2, projectTemplate, '模板-项目支出.xlsx']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`.samples__link >> nth=${nth}`)]);
      expect(download.suggestedFilename()).toBe(name);
      const saved = path.join(FILES, 'sample-' + name);
      await download.saveAs(saved);
      expect([name, Buffer.compare(fs.readFileSync(saved), fs.readFileSync(expected))]).toEqual([name, 0]);
    }
    await page.close();
  });

  it('lists workbook errors with their cells; nothing to download', async () => {
    const broken = path.join(FILES, '有错误.xlsx');
    fs.writeFileSync(broken, exampleWith({ '绩效指标!I6': '七十八' }));
    const page = await open();
    await page.setInputFiles('#file', broken);
    await page.click('#score');
    await page.waitForSelector('.issue--error');
    expect(await page.$$eval('.issue--error .issue__cell', (els) => els.map((e) => e.textContent))).toEqual(["'绩效指标'!I6"]);
    expect(await page.$('#download')).toBeNull();
    await page.close();
  });

  it('made no request but the page itself, and no error or CSP violation', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => url !== pageUrl && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
