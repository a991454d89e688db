/**
 * The built pages in a real browser (Debian's Chromium via playwright-core):
 * the standalone page scores the example, offers the scored workbook (checked
 * with our reader and with openpyxl) and lists errors; the Excel pane, with
 * office.js replaced by the strict fake, writes the same cells as the xlsx
 * host. Every request is recorded: none may leave the page's origin.
 * Screenshots (360 px wide) go to test-output/screenshots; with
 * UPDATE_SCREENSHOTS=1 they are also copied to docs/screenshots.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { applyPlanToFile, openWorkbookFile, readAllCells, readWorkbookFile } from '../../src/hosts/xlsx';
import { scoreBook } from '../../src/workbook/score-book';
import { DEPARTMENT_SHEET, EXPECTED as NATIONAL } from '../support/national-book';
import { nationalXlsx } from '../support/national-xlsx';
import { a1 } from '../../src/workbook/address';
import type { CellWrite } from '../../src/workbook/plan';
import { scoreWorkbook } from '../../src/workbook/score-workbook';
import type { FakeCell } from '../fakes/office';
import { EXAMPLE_NAMES } from '../hosts/excel/example-workbook';
import { exampleWith } from '../support/fixtures';
import { RULE_BOOKS, ruleBookBytes } from '../support/rule-books';
import { WORDING_EXPECTED, wordingBookBytes } from '../support/wording-book';
import { hasOpenpyxl, readWithOpenpyxl } from '../support/openpyxl-cells';
import { EXAMPLE, ROOT } from '../support/paths';
import { buildFakeOffice, buildWeb, chromiumAvailable, foreignRequests, launchChromium, serve, watch, type PageLog } from './support/browser';
import { fileErrorText } from '../../src/messages/file-errors';

const OUT = path.join(ROOT, 'test-output', 'e2e');
const WEB = path.join(OUT, 'web');
const FAKE = path.join(OUT, 'fake-office');
const FILES = path.join(OUT, 'files');
const SHOTS = path.join(ROOT, 'test-output', 'screenshots');
const DOC_SHOTS = path.join(ROOT, 'docs', 'screenshots');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const exampleBytes = new Uint8Array(fs.readFileSync(EXAMPLE));
const exampleRead = readWorkbookFile(exampleBytes);
if (!exampleRead.ok) throw new Error(fileErrorText(exampleRead.error));
const expected = scoreWorkbook(exampleRead.value);
const INDICATOR_SCORES = ['0.00/8', '12.00/12', '9.42/12', '8.00/8', '9.99/10', '15.00/15', '7.80/15', '10.00/10'];

/** What a planned write must leave in the cell: [value, number format or null when the plan keeps it]. */
function plannedCell(w: CellWrite): [string | number | null, string | null] {
  const v = w.value;
  return [v.kind === 'number' ? Number(v.text) : v.kind === 'text' ? v.text : null, w.numberFormat || null];
}

function ref(w: CellWrite): string {
  return `${w.address.sheet}!${a1(w.address.row, w.address.col)}`;
}

/** A full-page screenshot, or only its top `height` pixels (a long page of several evaluations). */
async function screenshot(page: Page, name: string, height?: number): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, name);
  if (height === undefined) await page.screenshot({ path: file, fullPage: true });
  else await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: page.viewportSize()!.width, height } });
  if (process.env.UPDATE_SCREENSHOTS) {
    fs.mkdirSync(DOC_SHOTS, { recursive: true });
    fs.copyFileSync(file, path.join(DOC_SHOTS, name));
  }
}

const run = chromiumAvailable('test/e2e/web.test.ts');
const suite = run ? describe : describe.skip;

suite('pages in Chromium', () => {
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let origin: string;
  let closeServer: () => Promise<void>;
  let fakeOfficeJs: string;
  const logs: { name: string; log: PageLog; allowed: string[] }[] = [];

  beforeAll(async () => {
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(FILES, { recursive: true });
    const relative = (dir: string) => path.relative(ROOT, dir);
    const builds = Promise.all([buildWeb(relative(WEB)), buildFakeOffice(relative(FAKE))]);
    builds.catch(() => undefined); // reported below, after the browser is known (so afterAll can close it)
    const browser = await launchChromium();
    context = browser.context;
    closeBrowser = browser.close;
    await builds;
    const server = await serve(WEB);
    origin = server.origin;
    closeServer = server.close;
    const cells = readAllCells(exampleBytes);
    if (!cells.ok) throw new Error(fileErrorText(cells.error));
    const data = { sheets: Array.from(cells.value, ([sheet, m]) => [sheet, Array.from(m)]), names: EXAMPLE_NAMES, excelApi: 1.4 };
    fakeOfficeJs = `window.__selfevalFakeData = ${JSON.stringify(data)};\n` + fs.readFileSync(path.join(FAKE, 'fake-office.js'), 'utf8');
  }, 600000); // webpack builds: minutes on a busy 2-core machine (a harness limit, not a timing assertion)

  afterAll(async () => {
    if (closeBrowser) await closeBrowser();
    if (closeServer) await closeServer();
  });

  /** A new page whose every request is recorded; `allowed` are the foreign URLs the test answers itself. */
  async function open(name: string, office: 'fake' | 'unreachable' | 'none'): Promise<{ page: Page; log: PageLog }> {
    const page = await context.newPage();
    const log = await watch(page, origin, (url) => (url === OFFICE_JS && office === 'fake' ? { body: fakeOfficeJs, contentType: 'text/javascript' } : null));
    logs.push({ name, log, allowed: office === 'none' ? [] : [OFFICE_JS] });
    return { page, log };
  }

  async function upload(page: Page, file: string): Promise<void> {
    await page.setInputFiles('#file', file);
    await page.click('#score');
  }

  it('standalone page: scores the example, shows the result and offers the scored workbook', async () => {
    const { page, log } = await open('standalone', 'none');
    await page.goto(`${origin}/index.html`);
    await page.waitForSelector('#standalone');
    expect(await page.textContent('#standalone')).toContain('选择工作簿');
    expect(await page.$('#download')).toBeNull();
    await upload(page, EXAMPLE);
    await page.waitForSelector('.result__value');
    expect(await page.textContent('.result__value')).toBe('81.53');
    expect(await page.textContent('.grade')).toBe('良');
    expect(await page.textContent('.result__execution')).toContain('93.16%');
    expect(await page.$$eval('.indicator__score', (els) => els.map((e) => e.textContent))).toEqual(INDICATOR_SCORES);
    await page.click('.indicator__toggle >> nth=2');
    expect(await page.textContent('.indicator__note')).toBe(expected.summary!.indicators[2].note);
    await screenshot(page, 'standalone-result.png');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(download.suggestedFilename()).toBe('示例-二工片区2023.scored.xlsx');
    const saved = path.join(FILES, download.suggestedFilename());
    await download.saveAs(saved);
    const bytes = new Uint8Array(fs.readFileSync(saved));

    // Byte for byte what the xlsx host writes in Node.
    const inNode = applyPlanToFile(exampleBytes, expected.plan);
    if (!inNode.ok) throw new Error(fileErrorText(inNode.error));
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(inNode.value))).toBe(0);

    // Every output cell, read back with our reader…
    const cells = readAllCells(bytes);
    if (!cells.ok) throw new Error(fileErrorText(cells.error));
    expect(expected.plan.writes.length).toBeGreaterThan(40);
    for (const w of expected.plan.writes) {
      const [value, format] = plannedCell(w);
      const cell = cells.value.get(w.address.sheet)!.get(a1(w.address.row, w.address.col));
      expect([ref(w), cell ? cell.value : null]).toEqual([ref(w), value]);
      if (format) expect([ref(w), cell!.numberFormat]).toEqual([ref(w), format]);
    }
    expect(cells.value.get('评价结果')!.get('B17')!.value).toBe(81.53);

    // …and with openpyxl, a reader independent of ours.
    if (hasOpenpyxl()) {
      const read = readWithOpenpyxl(saved, expected.plan.writes.map(ref));
      for (const w of expected.plan.writes) {
        const [value, format] = plannedCell(w);
        expect([ref(w), read[ref(w)].value]).toEqual([ref(w), value]);
        if (format) expect([ref(w), read[ref(w)].format]).toEqual([ref(w), format]);
      }
    } else if (process.env.CI) {
      throw new Error('openpyxl is missing (apt-get install -y python3-openpyxl; .ci/run does this)');
    } else {
      console.warn('openpyxl not installed: the scored workbook was checked with our own reader only');
    }
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('standalone page: lists workbook errors with cell addresses and file problems in Chinese; nothing to download', async () => {
    const broken = path.join(FILES, '有错误.xlsx');
    fs.writeFileSync(broken, exampleWith({ '绩效指标!I6': '七十八' }));
    const notXlsx = path.join(FILES, '不是工作簿.xlsx');
    fs.writeFileSync(notXlsx, '这是一个文本文件，不是工作簿。\n');
    const { page, log } = await open('standalone errors', 'none');
    await page.goto(`${origin}/index.html`);
    await page.waitForSelector('#standalone');

    // A good run first: its download must disappear with the next file.
    await upload(page, EXAMPLE);
    await page.waitForSelector('#download');
    await upload(page, broken);
    await page.waitForSelector('.issue--error');
    expect(await page.$$eval('.issue--error .issue__cell', (els) => els.map((e) => e.textContent))).toEqual(["'绩效指标'!I6"]);
    expect(await page.textContent('.issue--error')).toContain('七十八');
    expect(await page.textContent('.status')).toContain('工作簿中有 1 处错误，没有生成已评分工作簿');
    expect(await page.$('#download')).toBeNull();
    expect(await page.$('.result')).toBeNull();
    await screenshot(page, 'standalone-errors.png');

    await upload(page, notXlsx);
    await page.waitForSelector('#file-error');
    expect(await page.textContent('#file-error')).toContain('文件不是 .xlsx 工作簿');
    expect(await page.$('#download')).toBeNull();
    expect(await page.$('.issue--error')).toBeNull();
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('Excel pane with the strict office.js fake: writes the planned cells and shows the result', async () => {
    const { page, log } = await open('excel pane', 'fake');
    await page.goto(`${origin}/taskpane.html`);
    await page.waitForSelector('#insert'); // the Excel pane, not the standalone page
    expect(await page.$('#standalone')).toBeNull();
    await page.click('#score');
    await page.waitForSelector('.result__value');
    expect(await page.textContent('.result__value')).toBe('81.53');
    expect(await page.textContent('.grade')).toBe('良');
    expect(await page.$$eval('.indicator__score', (els) => els.map((e) => e.textContent))).toEqual(INDICATOR_SCORES);
    expect(await page.textContent('.status')).toContain(`已写入 ${expected.plan.writes.length} 个单元格`);

    type Store = { sheets: { name: string; cells: FakeCell[][] }[]; writes: { property: string; rows: number; cols: number }[]; syncCount: number };
    const store = await page.evaluate(() => {
      const s = (window as unknown as { __selfevalFakeStore: Store }).__selfevalFakeStore;
      return { sheets: s.sheets.map((sh) => ({ name: sh.name, cells: sh.cells })), writes: s.writes, syncCount: s.syncCount };
    });
    for (const w of expected.plan.writes) {
      const [value, format] = plannedCell(w);
      const sheet = store.sheets.find((s) => s.name === w.address.sheet)!;
      const cell = sheet.cells[w.address.row][w.address.col];
      expect([ref(w), cell.value]).toEqual([ref(w), value === null ? '' : value]);
      if (format) expect([ref(w), cell.numberFormat]).toEqual([ref(w), format]);
    }
    const valueCells = store.writes.filter((w) => w.property === 'values').reduce((n, w) => n + w.rows * w.cols, 0);
    expect(valueCells).toBe(expected.plan.writes.length);
    expect(store.syncCount).toBeLessThanOrEqual(3);

    await page.click('.indicator__toggle >> nth=6');
    await screenshot(page, 'excel-pane-result.png');
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('taskpane.html outside Office (office.js unreachable) falls back to the standalone page', async () => {
    const { page } = await open('taskpane fallback', 'unreachable');
    await page.goto(`${origin}/taskpane.html`);
    await page.waitForSelector('#standalone');
    expect(await page.textContent('#standalone')).toContain('选择工作簿');
    await upload(page, EXAMPLE);
    await page.waitForSelector('.result__value');
    expect(await page.textContent('.result__value')).toBe('81.53');
    // The standalone rules are added to taskpane.html by the standalone chunk.
    expect(await page.$eval('.picker', (el) => getComputedStyle(el).borderTopStyle)).toBe('dashed');
    await page.close();
  });

  it('standalone page: a workbook under each 规则方案 shows the hand-worked figures and names the preset', async () => {
    const { page, log } = await open('standalone rules', 'none');
    await page.goto(`${origin}/index.html`);
    await page.waitForSelector('#standalone');
    for (const book of RULE_BOOKS) {
      const file = path.join(FILES, book.file);
      fs.writeFileSync(file, ruleBookBytes(book));
      await upload(page, file);
      // The preset line is unique to each book: wait for this book's result.
      await page.waitForFunction((name) => {
        const el = document.querySelector('.result__preset');
        return !!el && el.textContent === '规则方案' + name && !document.querySelector('.progress');
      }, book.preset);
      expect([book.preset, await page.textContent('.result__value'), await page.textContent('.grade')]).toEqual([book.preset, book.expected.total, book.expected.grade]);
      const scores = await page.$$eval('.indicator__score', (els) => els.map((e) => (e.textContent || '').split('/')[0]));
      expect([book.preset, scores]).toEqual([book.preset, book.expected.scores]);
      expect([book.preset, await page.$$eval('.issue--warning', (els) => els.length)]).toEqual([book.preset, book.expected.warnings.length]);
    }
    // The last book (执行率封顶): the downloaded workbook is byte for byte what the xlsx host writes in Node.
    const last = RULE_BOOKS[RULE_BOOKS.length - 1];
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const saved = path.join(FILES, 'rules-' + download.suggestedFilename());
    await download.saveAs(saved);
    const bytes = ruleBookBytes(last);
    const read = readWorkbookFile(bytes);
    if (!read.ok) throw new Error(fileErrorText(read.error));
    const inNode = applyPlanToFile(bytes, scoreWorkbook(read.value).plan);
    if (!inNode.ok) throw new Error(fileErrorText(inNode.error));
    expect(Buffer.compare(fs.readFileSync(saved), Buffer.from(inNode.value))).toBe(0);
    const cells = readAllCells(new Uint8Array(fs.readFileSync(saved)));
    if (!cells.ok) throw new Error(fileErrorText(cells.error));
    expect(cells.value.get('评价结果')!.get('B17')!.value).toBe(79);
    expect(cells.value.get('评价结果')!.get('B19')!.value).toBe('一般');
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('standalone page: a 时效指标 with a date cell and a qualitative 效果一般 score the hand-worked figures', async () => {
    const { page, log } = await open('standalone wording', 'none');
    await page.goto(`${origin}/index.html`);
    await page.waitForSelector('#standalone');
    const file = path.join(FILES, '日常用语.xlsx');
    fs.writeFileSync(file, wordingBookBytes());
    await upload(page, file);
    await page.waitForFunction((total) => document.querySelector('.result__value')?.textContent === total, WORDING_EXPECTED.total);
    expect(await page.textContent('.grade')).toBe(WORDING_EXPECTED.grade);
    const scores = await page.$$eval('.indicator__score', (els) => els.map((e) => (e.textContent || '').split('/')[0]));
    expect(scores).toEqual(WORDING_EXPECTED.scores);
    // The deadline row's 计算说明 opens under its toggle.
    await (await page.$$('.indicator__toggle'))[6].click();
    await page.waitForSelector('.indicator__note');
    expect(await page.textContent('.indicator__note')).toContain(WORDING_EXPECTED.notes[6]);
    await screenshot(page, 'standalone-wording.png');
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('standalone page: a workbook without names shows the tables found; 按建议的名称计分 scores it as the named example', async () => {
    const { page, log } = await open('standalone nameless', 'none');
    await page.goto(`${origin}/index.html`);
    await page.waitForSelector('#standalone');
    // The example with its defined names taken out of workbook.xml, as an accountant's own workbook has none.
    const parts = unzipSync(new Uint8Array(fs.readFileSync(EXAMPLE)));
    parts['xl/workbook.xml'] = strToU8(strFromU8(parts['xl/workbook.xml']).replace(/<definedNames>[\s\S]*?<\/definedNames>/, ''));
    const file = path.join(FILES, '无名称.xlsx');
    fs.writeFileSync(file, zipSync(parts));
    await upload(page, file);
    await page.waitForSelector('#proposal');
    const lines = await page.$$eval('.proposal__lines li', (els) => els.map((e) => e.textContent || ''));
    expect(lines.some((l) => l.includes('第 3 行找到绩效指标表 A3:P11'))).toBe(true);
    await screenshot(page, 'standalone-nameless.png');
    await page.click('#score-named');
    await page.waitForFunction(() => document.querySelector('.result__value')?.textContent === '81.53');
    expect(await page.textContent('.grade')).toBe('良');
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('standalone page: the 5-project national workbook with its 部门整体 sheet, one card per evaluation, the scored download', async () => {
    const { page, log } = await open('standalone national', 'none');
    await page.goto(`${origin}/index.html`);
    await page.waitForSelector('#standalone');
    const file = path.join(FILES, '二工片区2023-项目支出.xlsx');
    const bytes = await nationalXlsx();
    fs.writeFileSync(file, bytes);
    await upload(page, file);
    await page.waitForSelector('#download');
    // Cards per evaluation, as worked out by hand in test/support/national-book.ts.
    expect(await page.$$eval('.evaluation__title', (els) => els.map((e) => e.textContent))).toEqual(NATIONAL.map((e) => e.scope ?? '部门整体'));
    expect(await page.$$eval('.result__value', (els) => els.map((e) => e.textContent))).toEqual(NATIONAL.map((e) => e.total));
    expect(await page.$$eval('.result .grade', (els) => els.map((e) => e.textContent))).toEqual(NATIONAL.map((e) => e.grade));
    expect(await page.$$eval('.overview__total', (els) => els.map((e) => e.textContent))).toEqual(NATIONAL.map((e) => e.total + ' / 100'));
    const scores = await page.$$eval('.evaluation', (sections) =>
      sections.map((s) => Array.from(s.querySelectorAll('.indicator__score')).map((e) => (e.textContent || '').split('/')[0])),
    );
    expect(scores).toEqual(NATIONAL.map((e) => e.indicatorScores));
    expect(await page.textContent('.status')).toContain('已为 6 个评价计分');
    // The stale formula in a 总分 cell is said, with its cell.
    expect(await page.$$eval('.issue--warning .issue__cell', (els) => els.map((e) => e.textContent))).toContain("'免费开放补助'!H20");
    // The status line and the first evaluations (the whole page is some 5000 px tall).
    await screenshot(page, 'standalone-national.png', 1500);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(download.suggestedFilename()).toBe('二工片区2023-项目支出.scored.xlsx');
    const saved = path.join(FILES, download.suggestedFilename());
    await download.saveAs(saved);
    // Byte for byte what the xlsx host writes in Node, and every hand-worked figure in its cell.
    const opened = openWorkbookFile(bytes);
    if (!opened.ok) throw new Error(fileErrorText(opened.error));
    const inNode = opened.value.apply(scoreBook(opened.value.book).plan);
    if (!inNode.ok) throw new Error(fileErrorText(inNode.error));
    expect(Buffer.compare(fs.readFileSync(saved), Buffer.from(inNode.value))).toBe(0);
    const cells = readAllCells(new Uint8Array(fs.readFileSync(saved)));
    if (!cells.ok) throw new Error(fileErrorText(cells.error));
    for (const e of NATIONAL) {
      for (const [a1ref, value] of Object.entries(e.cells)) {
        expect([e.scope, a1ref, cells.value.get(e.scope ?? DEPARTMENT_SHEET)!.get(a1ref)?.value]).toEqual([e.scope, a1ref, value]);
      }
    }
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('no page sent a request outside its own origin (office.js excepted, answered by the test)', () => {
    expect(logs.length).toBe(8);
    for (const { name, log, allowed } of logs) {
      expect(log.requests.length).toBeGreaterThan(3);
      expect([name, foreignRequests(log, origin).filter((url) => allowed.indexOf(url) < 0)]).toEqual([name, []]);
    }
    const standalone = logs[0].log.requests;
    expect(standalone.some((url) => /office\.js/.test(url))).toBe(false);
    expect(standalone.some((url) => /\/web-xlsx\.[0-9a-f]{8}\.js$/.test(url))).toBe(true);
  });
});
