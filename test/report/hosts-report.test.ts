/** @jest-environment jsdom */
/**
 * The three hosts write the same 自评报告 for the same workbook: the CLI's
 * `selfeval report --format txt`, the Excel pane's sheet 自评报告 (strict
 * office.js fake) and the page's .docx (its document handed to the writer).
 * Also: the pane never touches an existing sheet, writes nothing on errors,
 * and sets the sheet up to print; the CLI fails like score on errors.
 */
import '../taskpane/jsdom-text-codec';
import { strFromU8, unzipSync } from 'fflate';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/run';
import { nodeFileSystem } from '../../src/cli/node-file-system';
import { REPORT_COLUMN_WIDTH } from '../../src/hosts/excel/write-report';
import type { ReportDocument } from '../../src/messages/self-report';
import { createPane } from '../../src/taskpane/pane-controller';
import { paneCanDownload } from '../../src/taskpane/save-file';
import { reportDocx } from '../../src/hosts/report/docx';
import { startStandalone } from '../../src/taskpane/standalone';
import { fileScorer } from '../../src/taskpane/standalone/xlsx-chunk';
import { contextFor, type FakeWorkbook, workbookFromCells } from '../fakes/office';
import { cellsOf, EXAMPLE_NAMES, exampleBytes } from '../hosts/excel/example-workbook';

const CAPS = { protection: true, addNames: true };

/** The example in the fake with every name the file defines: 项目支出 with its 资金性质/项目效益 columns, and 报告信息. */
function exampleWithReportInfo(): FakeWorkbook {
  return workbookFromCells(cellsOf(exampleBytes()), EXAMPLE_NAMES);
}

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await runCli(args, { fs: nodeFileSystem, stdout: (t) => out.push(t), stderr: (t) => out.push(t), version: 'test', tempTag: () => 'test' });
  return { code, out: out.join('') };
}

let tmp: string;
/** The CLI's report as lines: title, unit, a blank line, then headings and paragraphs (the txt indent removed). */
let cliLines: string[];

beforeAll(async () => {
  // jsdom has no object URLs (the page offers the scored workbook through one).
  Object.assign(URL, { createObjectURL: () => 'blob:test/1', revokeObjectURL: () => undefined });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-hosts-report-'));
  const input = path.join(tmp, '示例.xlsx');
  fs.writeFileSync(input, exampleBytes());
  const { code } = await cli(['report', input, '--format', 'txt']);
  expect(code).toBe(0);
  const text = fs.readFileSync(path.join(tmp, '示例.自评报告.txt'), 'utf8');
  cliLines = text.replace(/\n$/, '').split('\n').map((l) => l.replace(/^\u3000\u3000/, ''));
}, 60000);

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  document.body.innerHTML = '';
});

function mountPane(store: FakeWorkbook) {
  const root = document.createElement('div');
  document.body.appendChild(root);
  const pane = createPane(root, { run: (batch) => batch(contextFor(store)), caps: CAPS });
  return { pane, $: (sel: string) => root.querySelector(sel) as HTMLElement };
}

function columnA(store: FakeWorkbook, sheet: string): string[] {
  const s = store.findSheet(sheet)!;
  return s.cells.map((row) => String(row[0]?.value ?? ''));
}

describe('the Excel pane: the .docx where its web view can download a file', () => {
  it('offers 下载 Word 文档 after 生成自评报告, with the CLI\'s report inside, and nothing where it cannot', async () => {
    const store = exampleWithReportInfo();
    const root = document.createElement('div');
    document.body.appendChild(root);
    const made: Uint8Array[] = [];
    const saved: Array<{ blob: Blob; name: string }> = [];
    const pane = createPane(root, {
      run: (batch) => batch(contextFor(store)),
      caps: CAPS,
      download: {
        reportDocx: (doc) => reportDocx(doc).then((bytes) => (made.push(bytes), bytes)),
        save: (blob, name) => saved.push({ blob, name }),
      },
    });
    (root.querySelector('#report') as HTMLElement).click();
    await pane.idle();
    const button = root.querySelector('#report-docx') as HTMLElement;
    expect(button.textContent).toBe('下载 Word 文档（.docx）');
    button.click();
    await pane.idle();
    expect(saved.map((s) => [s.name, s.blob.type])).toEqual([['自评报告.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']]);
    const xml = strFromU8(unzipSync(made[0])['word/document.xml']);
    // The title and the closing figure sentence of the CLI's report are in the pane's .docx.
    expect(xml).toContain(cliLines[0]);
    expect(cliLines.some((l) => l.includes('综合得分81.53分'))).toBe(true);
    expect(xml).toContain('综合得分81.53分');

    const { pane: plain, $ } = mountPane(exampleWithReportInfo());
    $('#report').click();
    await plain.idle();
    expect($('#report-docx')).toBeNull();
  });

  it.each([
    ['OfficeOnline', 'Mozilla/5.0 (Macintosh) Safari/605', false, true],
    ['PC', 'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 Edg/120.0', false, true],
    ['PC', 'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0 Safari/537.36 Edge/18.19045', false, false],
    ['PC', 'Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko', true, true],
    ['Mac', 'Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15', false, false],
    ['iOS', 'Mozilla/5.0 (iPad) AppleWebKit/605.1.15', false, false],
  ])('platform %s, %s (msSaveOrOpenBlob %s): download %s', (platform, ua, msSave, expected) => {
    expect(paneCanDownload(platform, ua, msSave)).toBe(expected);
  });
});

describe('the Excel pane: 生成自评报告', () => {
  it('writes the CLI\'s text into a new sheet 自评报告, one row per paragraph, wrapped, headings bold, A4 wide', async () => {
    const store = exampleWithReportInfo();
    const before = JSON.stringify(store.findSheet('绩效指标')!.cells);
    const { pane, $ } = mountPane(store);
    expect($('#report').textContent).toBe('生成自评报告');
    $('#report').click();
    await pane.idle();
    expect(columnA(store, '自评报告')).toEqual(cliLines);
    const sheet = store.findSheet('自评报告')!;
    expect(sheet.cells.every((row) => row[0].wrap === true)).toBe(true);
    expect(sheet.columnWidths[0]).toBe(REPORT_COLUMN_WIDTH);
    expect(sheet.cells.filter((row) => row[0].bold).map((row) => row[0].value)).toContain('三、部门单位整体支出绩效分析');
    // Scoring read only: no cell of the workbook's own sheets was written.
    expect(JSON.stringify(store.findSheet('绩效指标')!.cells)).toBe(before);
    expect($('.status').textContent).toContain('自评报告已写入新工作表“自评报告”');
    expect(store.syncCount).toBeLessThanOrEqual(4);
  });

  it('never touches an existing sheet 自评报告: the report goes to 自评报告 (2)', async () => {
    const store = exampleWithReportInfo();
    store.addSheet('自评报告').cell(0, 0).value = '我的草稿';
    const { pane, $ } = mountPane(store);
    $('#report').click();
    await pane.idle();
    expect(columnA(store, '自评报告')).toEqual(['我的草稿']);
    expect(columnA(store, '自评报告 (2)')).toEqual(cliLines);
  });

  it('writes nothing when the workbook has errors, and lists them', async () => {
    const store = exampleWithReportInfo();
    store.findSheet('绩效指标')!.cell(3, 9).value = 'abc'; // J4: 分值 of the first indicator
    const { pane, $ } = mountPane(store);
    $('#report').click();
    await pane.idle();
    expect(store.findSheet('自评报告')).toBeUndefined();
    expect($('.status').textContent).not.toContain('自评报告已写入');
    expect(document.body.textContent).toContain("'绩效指标'!J4");
  });
});

describe('the page: 生成自评报告', () => {
  it('downloads a .docx made from the same text as the CLI\'s, after scoring', async () => {
    const root = document.createElement('div');
    document.body.appendChild(root);
    let written: ReportDocument | null = null;
    const saved: { name: string; type: string; size: number }[] = [];
    const page = startStandalone(root, {
      loadScorer: () => Promise.resolve(fileScorer),
      readFile: () => Promise.resolve(exampleBytes()),
      paint: () => Promise.resolve(),
      linkStylesheet: false,
      loadReportWriter: () =>
        Promise.resolve({
          reportDocx: (doc: ReportDocument) => {
            written = doc;
            return import('../../src/hosts/report/docx').then((m) => m.reportDocx(doc));
          },
        }),
      saveFile: (blob, name) => saved.push({ name, type: blob.type, size: blob.size }),
    });
    page.choose(new File([new Uint8Array(1)], '示例.xlsx'));
    expect(root.querySelector('#report')).toBeNull();
    page.score();
    await page.idle();
    const button = root.querySelector('#report') as HTMLElement;
    expect(button.textContent).toBe('生成自评报告');
    button.click();
    await page.idle();
    expect(written).not.toBeNull();
    const doc = written as unknown as ReportDocument;
    expect([doc.title, doc.subtitle, '', ...doc.lines.map((l) => l.text)]).toEqual(cliLines);
    expect(saved).toEqual([{ name: '示例.自评报告.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: expect.any(Number) }]);
    expect(saved[0].size).toBeGreaterThan(5000);
  });
});

describe('selfeval report', () => {
  it('fails like score on workbook errors: exit 1, the cell named, no report written', async () => {
    const input = path.join(tmp, '坏.xlsx');
    // The example with a 分值 that is no number, built through the lossless writer.
    const { applyPlanToFile } = await import('../../src/hosts/xlsx');
    const broken = applyPlanToFile(exampleBytes(), {
      writes: [{ address: { sheet: '绩效指标', row: 3, col: 9 }, value: { kind: 'text', text: 'abc' } }],
    });
    if (!broken.ok) throw new Error('cannot build the broken workbook');
    fs.writeFileSync(input, broken.value);
    const { code, out } = await cli(['report', input]);
    expect(code).toBe(1);
    expect(out).toContain("'绩效指标'!J4");
    expect(out).toContain('未生成自评报告');
    expect(fs.existsSync(path.join(tmp, '坏.自评报告.docx'))).toBe(false);
  });

  it('a workbook without 报告信息 gets visible placeholders, never invented text', async () => {
    // The example's names without 报告信息 (its sheet stays, unnamed, so nothing reads it).
    const store = workbookFromCells(cellsOf(exampleBytes()), EXAMPLE_NAMES.filter((n) => n.name !== '报告信息'));
    const { pane, $ } = mountPane(store);
    $('#report').click();
    await pane.idle();
    const lines = columnA(store, '自评报告');
    expect(lines[0]).toBe('【请填写：单位名称】【请填写：年度】年度部门整体支出绩效自评报告');
    expect(lines).toContain('【请填写：部门主要职能】');
    expect(lines).toContain('【请填写：年度】年度部门整体支出绩效自评综合得分81.53分，评价结果为“良”。');
    // The figures are there all the same.
    expect(lines).toContain('我单位年初批复预算数4135.45万元，年中调整数843.04万元，调整后全年预算数4978.49万元，预算调整率20.39%。');
  });
});
