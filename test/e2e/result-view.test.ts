/**
 * The result an accountant checks and files, in Chromium, on the page
 * (1366 × 768, an ordinary laptop) and in the Excel pane (350 px, the strict
 * office.js fake): the 预算执行 rows, the 一级指标 subtotals with their bars,
 * each indicator's cell (selected in Excel by a click, shown beside it on
 * the page), the 人工得分 mark; warnings amber and errors red, every text at
 * least 4.5:1 (WCAG contrast computed from the rendered colours); the print
 * view (A4, the heading on top, no controls); axe-core and the Tab order.
 * Screenshots go to test-output/screenshots (docs/screenshots with
 * UPDATE_SCREENSHOTS=1): result-page.png, result-pane.png, result-print.png.
 */
import AxeBuilder from '@axe-core/playwright';
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { readAllCells, readWorkbookFile } from '../../src/hosts/xlsx';
import { fileErrorText } from '../../src/messages/file-errors';
import { printDateText } from '../../src/messages/excel-ui';
import { a1, type CellAddress, formatCell } from '../../src/workbook/address';
import { sheetPrefix } from '../fakes/office/store';
import { scoreWorkbook } from '../../src/workbook/score-workbook';
import { EXAMPLE_NAMES } from '../hosts/excel/example-workbook';
import { exampleWith } from '../support/fixtures';
import { EXAMPLE, ROOT } from '../support/paths';
import { buildFakeOffice, buildWeb, chromiumAvailable, launchChromium, serve, watch, type PageLog } from './support/browser';

const OUT = path.join(ROOT, 'test-output', 'e2e-result');
const WEB = path.join(OUT, 'web');
const FAKE = path.join(OUT, 'fake-office');
const FILES = path.join(OUT, 'files');
const SHOTS = path.join(ROOT, 'test-output', 'screenshots');
const DOC_SHOTS = path.join(ROOT, 'docs', 'screenshots');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const exampleBytes = new Uint8Array(fs.readFileSync(EXAMPLE));
const exampleRead = readWorkbookFile(exampleBytes);
if (!exampleRead.ok) throw new Error(fileErrorText(exampleRead.error));
const summary = scoreWorkbook(exampleRead.value).summary!;
/** A cell as the fake's Range.address gives it (Excel's own form: `绩效指标!C4`). */
const excelAddress = (cell: CellAddress) => sheetPrefix(cell.sheet) + '!' + a1(cell.row, cell.col);

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, name);
  await page.screenshot({ path: file, fullPage: true });
  if (process.env.UPDATE_SCREENSHOTS) {
    fs.mkdirSync(DOC_SHOTS, { recursive: true });
    fs.copyFileSync(file, path.join(DOC_SHOTS, name));
  }
}

/** axe-core on the whole page: the serious and critical violations, with where they are. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page: page as never }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Every control the keyboard should reach, in document order (one radio per
 * group: the checked one), against what Tab actually focuses from the top.
 */
async function tabOrder(page: Page): Promise<{ expected: string[]; reached: string[] }> {
  const expected = await page.evaluate(() => {
    const all = Array.from(document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [tabindex]'));
    const groups = new Set<string>();
    const list: string[] = [];
    all.forEach((el, i) => {
      el.setAttribute('data-tab-id', String(i));
      const disabled = (el as HTMLButtonElement).disabled || el.getAttribute('tabindex') === '-1';
      const rendered = el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      if (disabled || !rendered) return;
      if (el instanceof HTMLInputElement && el.type === 'radio') {
        if (groups.has(el.name)) return;
        const group = Array.from(document.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${el.name}"]`));
        const checked = group.find((r) => r.checked) || group[0];
        groups.add(el.name);
        list.push(checked.getAttribute('data-tab-id') || '');
        return;
      }
      list.push(String(i));
    });
    // Tab from the top of the page: a focus point before everything (blur() alone keeps the last one).
    const start = document.createElement('span');
    start.tabIndex = -1;
    document.body.insertBefore(start, document.body.firstChild);
    start.focus();
    return list;
  });
  const reached: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => (document.activeElement ? document.activeElement.getAttribute('data-tab-id') || document.activeElement.tagName : 'none')));
  }
  return { expected, reached };
}

interface Contrast {
  text: string;
  selector: string;
  color: string;
  background: string;
  ratio: number;
}

/** WCAG 2 contrast of every visible text in the pane against its rendered background. */
async function contrasts(page: Page): Promise<Contrast[]> {
  return page.evaluate(() => {
    const rgb = (css: string) => {
      const m = /rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)/.exec(css);
      return m ? { r: +m[1], g: +m[2], b: +m[3], a: m[4] === undefined ? 1 : +m[4] } : { r: 0, g: 0, b: 0, a: 0 };
    };
    const channel = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    };
    const luminance = (c: { r: number; g: number; b: number }) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
    const background = (el: Element | null): string => {
      for (let e = el; e; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor;
        if (rgb(bg).a > 0) return bg;
      }
      return 'rgb(255, 255, 255)';
    };
    const out: { text: string; selector: string; color: string; background: string; ratio: number }[] = [];
    document.querySelectorAll('.pane *').forEach((el) => {
      const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3 && (n.textContent || '').trim() !== '');
      if (own.length === 0 || el.getClientRects().length === 0) return;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') return;
      const fg = rgb(style.color);
      const bg = background(el);
      const [l1, l2] = [luminance(fg), luminance(rgb(bg))].sort((a, b) => b - a);
      out.push({ text: (own[0].textContent || '').trim().slice(0, 20), selector: el.tagName.toLowerCase() + '.' + (el.getAttribute('class') || '').replace(/ /g, '.'), color: style.color, background: bg, ratio: (l1 + 0.05) / (l2 + 0.05) });
    });
    return out;
  });
}

/** Hue in degrees of a computed `rgb(…)` colour, and its saturation (0 for grey). */
function hue(css: string): { hue: number; saturation: number } {
  const [r, g, b] = (/(\d+), (\d+), (\d+)/.exec(css) || []).slice(1).map((n) => Number(n) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  if (d === 0) return { hue: 0, saturation: 0 };
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return { hue: (h * 60 + 360) % 360, saturation: d / max };
}
const isRed = (css: string) => {
  const c = hue(css);
  return c.saturation > 0.3 && (c.hue < 15 || c.hue > 345);
};
const isAmber = (css: string) => {
  const c = hue(css);
  return c.saturation > 0.3 && c.hue >= 30 && c.hue <= 60;
};

const run = chromiumAvailable('test/e2e/result-view.test.ts');
const suite = run ? describe : describe.skip;

suite('the result view in Chromium', () => {
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let origin: string;
  let closeServer: () => Promise<void>;
  let fakeOfficeJs: string;

  beforeAll(async () => {
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(FILES, { recursive: true });
    const relative = (dir: string) => path.relative(ROOT, dir);
    const builds = Promise.all([buildWeb(relative(WEB)), buildFakeOffice(relative(FAKE))]);
    builds.catch(() => undefined);
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

  async function open(office: boolean, width: number, height: number): Promise<{ page: Page; log: PageLog }> {
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    const log = await watch(page, origin, (url) => (url === OFFICE_JS && office ? { body: fakeOfficeJs, contentType: 'text/javascript' } : null));
    return { page, log };
  }

  async function upload(page: Page, file: string): Promise<void> {
    await page.setInputFiles('#file', file);
    await page.click('#score');
  }

  const texts = (page: Page, selector: string) => page.$$eval(selector, (els) => els.map((e) => (e.textContent || '').trim()));

  it('page at 1366 × 768: 预算执行 rows, blocks with subtotals and bars, each indicator with its cell, 人工得分 marked', async () => {
    const manual = path.join(FILES, '人工得分.xlsx');
    // 解决就业人数 (row 10) given 人工得分 12 instead of the rule's 7.80: a warning, and the mark.
    fs.writeFileSync(manual, exampleWith({ '绩效指标!K10': 12 }));
    const { page, log } = await open(false, 1366, 768);
    await page.goto(`${origin}/index.html`);
    await page.waitForSelector('#standalone');
    await upload(page, EXAMPLE);
    await page.waitForSelector('.result__value');

    // 预算执行: 合计 then each row, 执行率 and 调整率 as the workbook's results are.
    const rows = await page.$$eval('.figures__table', (tables) =>
      Array.from(tables[0].querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).map((c) => (c.textContent || '').trim())),
    );
    expect(rows).toEqual([
      ['合计', '93.16%', '20.39%'],
      ['基本支出', '98.24%', '24.70%'],
      ['人员经费', '—', '—'],
      ['公用经费', '—', '—'],
      ['项目支出', '78.48%', '9.45%'],
    ]);
    // 项目支出: one row per project with its rate.
    const projects = await page.$$eval('.figures__table', (tables) => Array.from(tables[1].querySelectorAll('tbody tr')).map((tr) => (tr.children[0].textContent || '').trim()));
    expect(projects).toEqual(summary.projects.map((p) => p.name));

    // 一级指标 subtotals (hand-worked from the seed's scores) with a bar each.
    expect(await texts(page, '.block__name')).toEqual(['产出指标', '效益指标', '满意度指标']);
    expect(await texts(page, '.block__score')).toEqual(['54.41/65', '7.80/15', '10.00/10']);
    // Each bar is as wide as its share: 7.80 of 15 is 52 %, drawn as weak; 10 of 10 is full.
    const bar = (selector: string) => page.$$eval(selector, (els) => els.map((e) => [Math.round((100 * (e.firstChild as HTMLElement).getBoundingClientRect().width) / e.getBoundingClientRect().width), (e.firstChild as HTMLElement).className]));
    expect(await bar('.block__head .bar')).toEqual([[84, 'bar__fill'], [52, 'bar__fill bar__fill--weak'], [100, 'bar__fill']]);
    expect(await page.$$eval('.indicator .bar', (els) => els.map((e) => e.classList.contains('bar--weak')))).toEqual([true, false, false, false, false, false, true, false]);
    // Each indicator's bar: its share of the 分值 to the pixel's rounding (9.42 of 12 is 78.5 %).
    const shares = (await bar('.indicator .bar')).map(([w]) => w as number);
    expect(shares.map((w, i) => Math.abs(w - (100 * Number(summary.indicators[i].score)) / Number(summary.indicators[i].weight)) <= 1)).toEqual(summary.indicators.map(() => true));
    // Every indicator with its cell beside it.
    expect(await texts(page, '.indicator__cell')).toEqual(summary.indicators.map((i) => formatCell(i.address)));
    expect(await texts(page, '.mark--manual')).toEqual([]);
    await screenshot(page, 'result-page.png');
    expect(await seriousViolations(page)).toEqual([]);
    const order = await tabOrder(page);
    expect(order.reached).toEqual(order.expected);
    expect(order.expected.length).toBeGreaterThan(10);

    await upload(page, manual);
    await page.waitForSelector('.mark--manual');
    expect(await page.$$eval('.indicator', (els) => els.filter((e) => e.querySelector('.mark--manual')).map((e) => e.querySelector('.indicator__name')!.firstChild!.textContent))).toEqual(['解决就业人数']);
    expect(await page.getAttribute('.mark--manual', 'title')).toBe('按规则得分 7.80');
    expect(await texts(page, '.block__score')).toEqual(['54.41/65', '12.00/15', '10.00/10']);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('warnings amber, errors red, every text at least 4.5:1 against its background', async () => {
    const warned = path.join(FILES, '有提示.xlsx');
    fs.writeFileSync(warned, exampleWith({ '绩效指标!K10': 12 }));
    const broken = path.join(FILES, '有错误.xlsx');
    fs.writeFileSync(broken, exampleWith({ '绩效指标!I6': '七十八' }));
    const { page, log } = await open(false, 1366, 768);
    await page.goto(`${origin}/index.html`);
    await page.waitForSelector('#standalone');

    await upload(page, warned);
    await page.waitForSelector('.issues--warning');
    const warning = await page.$eval('.issues--warning', (el) => ({
      accent: getComputedStyle(el).borderTopColor,
      title: getComputedStyle(el.querySelector('h2')!).color,
      item: getComputedStyle(el.querySelector('.issue')!).borderLeftColor,
      colors: Array.from(el.querySelectorAll('*')).map((e) => getComputedStyle(e).color),
    }));
    expect([warning.accent, warning.title, warning.item].map(isAmber)).toEqual([true, true, true]);
    expect(warning.colors.filter(isRed)).toEqual([]);
    const low = (await contrasts(page)).filter((c) => c.ratio < 4.5);
    expect(low).toEqual([]);
    expect((await contrasts(page)).length).toBeGreaterThan(50);
    await page.screenshot({ path: path.join(SHOTS, 'result-warnings.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await upload(page, broken);
    await page.waitForSelector('.issues--error');
    const error = await page.$eval('.issues--error', (el) => ({
      accent: getComputedStyle(el).borderTopColor,
      title: getComputedStyle(el.querySelector('h2')!).color,
      item: getComputedStyle(el.querySelector('.issue')!).borderLeftColor,
    }));
    expect([error.accent, error.title, error.item].map(isRed)).toEqual([true, true, true]);
    expect((await contrasts(page)).filter((c) => c.ratio < 4.5)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('打印结果: the print dialog; the print view is A4 with unit, year, date, total and grade on top and no controls', async () => {
    const { page, log } = await open(false, 1366, 768);
    await page.addInitScript(() => {
      (window as unknown as { __printed: number }).__printed = 0;
      window.print = () => {
        (window as unknown as { __printed: number }).__printed++;
      };
    });
    await page.goto(`${origin}/index.html`);
    await page.waitForSelector('#standalone');
    expect(await page.$('#print')).toBeNull();
    await upload(page, EXAMPLE);
    await page.waitForSelector('#print');
    expect(await page.textContent('#print')).toBe('打印结果');
    await page.click('#print');
    expect(await page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);
    expect(await page.isVisible('.print-heading')).toBe(false);

    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    expect(await page.isVisible('.print-heading')).toBe(true);
    const heading = (await page.textContent('.print-heading'))!;
    // 单位 and 年度 come from the example's 报告信息 (单位名称, 年度).
    for (const part of ['预算绩效自评结果', '单位：高新区(新市区)二工片区管理委员会', '年度：2023', '打印日期：' + printDateText(new Date()), '总分：81.53 / 100', '评价等级：良']) expect(heading).toContain(part);
    for (const control of ['#score', '#print', '#download', '.picker', '.samples', '.indicator__toggle', '.status']) expect([control, await page.isVisible(control)]).toEqual([control, false]);
    expect(await texts(page, '.block__score')).toEqual(['54.41/65', '7.80/15', '10.00/10']);
    // The heading has the total: the card below keeps only the execution rate.
    expect(await page.isVisible('.result__total')).toBe(false);
    expect(await page.isVisible('.result__execution')).toBe(true);
    await screenshot(page, 'result-print.png');

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const text = pdf.toString('latin1');
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(text)!;
    // A4 is 210 × 297 mm: 595 × 842 points.
    expect([Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842]);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('Excel pane at 350 px: a click on an indicator selects its cell; blocks, rows, axe-core and Tab order', async () => {
    const { page, log } = await open(true, 350, 768);
    await page.goto(`${origin}/taskpane.html`);
    await page.waitForSelector('#insert');
    await page.click('#score');
    await page.waitForSelector('.result__value');
    expect(await texts(page, '.block__score')).toEqual(['54.41/65', '7.80/15', '10.00/10']);
    expect(await page.$$('.figures__table tbody tr')).toHaveLength(1 + summary.rows.length + summary.projects.length);
    // No cell labels in Excel: the name itself selects the cell.
    expect(await page.$('.indicator__cell')).toBeNull();
    type Store = { selection: string | null };
    const selection = () => page.evaluate(() => (window as unknown as { __selfevalFakeStore: Store }).__selfevalFakeStore.selection);
    for (const i of [0, 6]) {
      await page.click(`.indicator__name >> nth=${i}`);
      await page.waitForFunction((want) => (window as unknown as { __selfevalFakeStore: Store }).__selfevalFakeStore.selection === want, excelAddress(summary.indicators[i].address));
    }
    expect(await selection()).toBe('绩效指标!C10');
    // By keyboard too: Enter on the focused name.
    await page.focus('.indicator__name >> nth=2');
    await page.keyboard.press('Enter');
    await page.waitForFunction((want) => (window as unknown as { __selfevalFakeStore: Store }).__selfevalFakeStore.selection === want, excelAddress(summary.indicators[2].address));

    expect(await seriousViolations(page)).toEqual([]);
    expect((await contrasts(page)).filter((c) => c.ratio < 4.5)).toEqual([]);
    await page.click('.indicator__toggle >> nth=6');
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await screenshot(page, 'result-pane.png');
    const order = await tabOrder(page);
    expect(order.reached).toEqual(order.expected);
    expect(order.expected.length).toBeGreaterThan(20);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
