/**
 * A styles part may redefine a built-in number format id (`<numFmt
 * numFmtId="10" formatCode="0.0%"/>`); Excel, openpyxl and our reader then
 * show that code for id 10. The writer must not use such an id for the
 * format it means, and scoring twice must give the same bytes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { applyPlanToFile, openWorkbookFile, readAllCells } from '../../../src/hosts/xlsx';
import { a1 } from '../../../src/workbook/address';
import type { CellWrite } from '../../../src/workbook/plan';
import { scoreWorkbook } from '../../../src/workbook/score-workbook';
import { makeBook } from '../../hardening/contract-books';
import { formedXlsx } from '../../support/position-forms';
import { buildXlsx, DEFAULT_STYLES } from '../../support/xlsx-build';
import { openpyxlAvailable, openpyxlDump, sameBytes } from '../../support/xlsx-compare';
import { fileErrorText } from '../../../src/messages/file-errors';

/** The built-in codes the scorer uses, each redefined to something else. */
const REDEFINED = '<numFmt numFmtId="1" formatCode="#,##0"/><numFmt numFmtId="2" formatCode="0.0"/><numFmt numFmtId="9" formatCode="0.0%"/><numFmt numFmtId="10" formatCode="0.0%"/>';

/** The package with REDEFINED added to its styles part's <numFmts>. */
function redefine(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  let styles = strFromU8(files['xl/styles.xml']);
  const m = /<numFmts count="(\d+)">/.exec(styles);
  styles = m
    ? styles.replace(m[0], `<numFmts count="${Number(m[1]) + 4}">${REDEFINED}`)
    : styles.replace(/(<styleSheet[^>]*>)/, `$1<numFmts count="4">${REDEFINED}</numFmts>`);
  files['xl/styles.xml'] = new TextEncoder().encode(styles);
  return zipSync(files);
}

function score(bytes: Uint8Array): { out: Uint8Array; writes: CellWrite[] } {
  const opened = openWorkbookFile(bytes);
  if (!opened.ok) throw new Error(fileErrorText(opened.error));
  const outcome = scoreWorkbook(opened.value.input);
  expect(outcome.errors).toEqual([]);
  const written = opened.value.apply(outcome.plan);
  if (!written.ok) throw new Error(fileErrorText(written.error));
  return { out: written.value, writes: outcome.plan.writes };
}

const cellXfsCount = (bytes: Uint8Array) => /<cellXfs count="(\d+)"/.exec(strFromU8(unzipSync(bytes)['xl/styles.xml']))![1];

const PY = openpyxlAvailable();

describe('generated contract workbooks whose styles redefine ids 1, 2, 9 and 10', () => {
  // Clean books with 小数位数 0, 2 and 3 and without 评分规则 (the default, 2).
  const indexes = [0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12].filter((i) => makeBook(i).error === null);
  const books = indexes.map((i) => ({ i, model: makeBook(i), bytes: redefine(formedXlsx(makeBook(i), i).bytes) }));

  it('covers every 小数位数', () => {
    expect(new Set(books.map((b) => b.model.settings?.decimals ?? 2))).toEqual(new Set([0, 2, 3]));
  });

  const scored = books.map((b) => ({ ...b, ...score(b.bytes) }));

  it('writes every number with the format it means (our reader)', () => {
    for (const { i, model, out, writes } of scored) {
      const decimals = model.settings?.decimals ?? 2;
      const cells = readAllCells(out);
      if (!cells.ok) throw new Error(fileErrorText(cells.error));
      for (const w of writes) {
        if (w.numberFormat === undefined) continue;
        const ref = a1(w.address.row, w.address.col);
        expect([i, ref, cells.value.get(w.address.sheet)!.get(ref)!.numberFormat]).toEqual([i, ref, w.numberFormat]);
      }
      // A rate shows 小数位数 decimals.
      const rates = writes.filter((w) => w.numberFormat?.endsWith('%'));
      expect(rates.length).toBeGreaterThan(0);
      for (const w of rates) expect(w.numberFormat).toBe(decimals === 0 ? '0%' : `0.${'0'.repeat(decimals)}%`);
    }
  });

  it('openpyxl, an independent reader, sees the same formats', () => {
    if (!PY) return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-formats-'));
    try {
      const files = scored.map(({ i, out }) => {
        const f = path.join(dir, `${i}.xlsx`);
        fs.writeFileSync(f, out);
        return f;
      });
      const dumps = openpyxlDump(files);
      scored.forEach(({ i, writes }, k) => {
        const d = dumps[files[k]];
        if (!d.ok) throw new Error(d.error);
        for (const w of writes) {
          if (w.numberFormat === undefined) continue;
          const ref = a1(w.address.row, w.address.col);
          expect([i, ref, d.sheets[w.address.sheet][ref]?.[2]]).toEqual([i, ref, w.numberFormat]);
        }
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('scoring the output again gives the same bytes (no cell format added each time)', () => {
    for (const { i, out } of scored) {
      const again = score(out).out;
      expect([i, cellXfsCount(again)]).toEqual([i, cellXfsCount(out)]);
      expect([i, sameBytes(again, out)]).toEqual([i, true]);
    }
  });
});

describe('the writer and a redefined built-in id', () => {
  const write = (numberFormat: string): CellWrite => ({ address: { sheet: 'S', row: 0, col: 0 }, value: { kind: 'number', text: '0.5' }, numberFormat });
  const styles = (numFmts: string) => DEFAULT_STYLES.replace(/<numFmts count="2">/, `<numFmts count="${2 + numFmts.split('<numFmt ').length - 1}">${numFmts}`);

  function applied(stylesXml: string, w: CellWrite): { styles: string; format: string } {
    const bytes = buildXlsx({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }], styles: stylesXml });
    const r = applyPlanToFile(bytes, { writes: [w] });
    if (!r.ok) throw new Error(fileErrorText(r.error));
    const cells = readAllCells(r.value);
    if (!cells.ok) throw new Error(fileErrorText(cells.error));
    return { styles: strFromU8(unzipSync(r.value)['xl/styles.xml']), format: cells.value.get('S')!.get('A1')!.numberFormat };
  }

  it('uses a new custom id when the built-in one shows another code', () => {
    const out = applied(styles('<numFmt numFmtId="10" formatCode="0.0%"/>'), write('0.00%'));
    expect(out.format).toBe('0.00%');
    expect(out.styles).toContain('<numFmt numFmtId="166" formatCode="0.00%"/>');
  });

  it('still uses the built-in id when the file defines it with the same code', () => {
    const out = applied(styles('<numFmt numFmtId="10" formatCode="0.00%"/>'), write('0.00%'));
    expect(out.format).toBe('0.00%');
    expect(out.styles).toContain('<numFmts count="3">');
    expect(out.styles).toContain('<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>');
  });

  it('reuses a custom id that already shows the code', () => {
    const out = applied(styles('<numFmt numFmtId="2" formatCode="0.0"/><numFmt numFmtId="170" formatCode="0.00"/>'), write('0.00'));
    expect(out.format).toBe('0.00');
    expect(out.styles).toContain('<xf numFmtId="170" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>');
  });
});
