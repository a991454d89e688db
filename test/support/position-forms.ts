/**
 * Writes a generated contract workbook (test/hardening/contract-books.ts)
 * as a real .xlsx package whose <row> and <c> elements are placed in a
 * random but valid form (ECMA-376 Part 1 §18.3.1.73 row, §18.3.1.4 c): rows
 * with or without `r`, rows without `r` that skip rows through their cells'
 * `r`, cells without `r` that follow the previous cell, empty filler rows
 * and cells, self-closing elements. Every form is one that openpyxl and
 * LibreOffice place the same way as the reading rule in
 * docs/contract-notes.md, so the expected grid is known without any reader.
 */
import { a1, parseA1 } from '../../src/workbook/address';
import type { BookModel, ModelCell } from '../hardening/contract-books';
import { bookParts, SML, zipParts } from './xlsx-build';

/** What a cell holds as every reader must see it: the shown value (cached result for formulas), its format, formula or not. */
export interface ExpectedCell {
  value: string | number | null;
  numberFormat: string;
  formula: boolean;
}

/** sheet → A1 → cell, for every model cell (filler cells are empty and General, as a missing cell reads). */
export type ExpectedGrid = Map<string, Map<string, ExpectedCell>>;

export interface FormedBook {
  bytes: Uint8Array;
  expected: ExpectedGrid;
  /** Per sheet, how many rows and cells of each form were written (to check that the forms are really reached). */
  forms: FormCounts;
}

export interface FormCounts {
  rowsWithoutR: number;
  gapRowsWithoutR: number;
  cellsWithoutR: number;
  fillerRows: number;
  fillerCells: number;
}

/** mulberry32, as in contract-books.ts: the same seed always gives the same form. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BUILTIN_IDS = new Map([
  ['General', 0],
  ['0', 1],
  ['0.00', 2],
  ['#,##0.00', 4],
  ['0%', 9],
  ['0.00%', 10],
]);

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A styles part with one cell xf per number format used (xf 0 is General). */
function stylesFor(codes: string[]): { xml: string; xf: Map<string, number> } {
  const xf = new Map<string, number>([['General', 0]]);
  const numFmts: string[] = [];
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  let next = 164;
  for (const code of codes) {
    if (xf.has(code)) continue;
    let id = BUILTIN_IDS.get(code);
    if (id === undefined) {
      id = next++;
      numFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    }
    xf.set(code, xfs.length);
    xfs.push(`<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`);
  }
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${SML}">` +
    (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` : '') +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
  return { xml, xf };
}

interface Placed {
  row: number;
  col: number;
  cell: ModelCell | null;
}

/** The <c> element for a model cell (null: an empty filler cell), with or without its r. */
function cellXml(p: Placed, withR: boolean, xf: Map<string, number>, rnd: () => number): string {
  const r = withR ? ` r="${a1(p.row, p.col)}"` : '';
  const c = p.cell;
  if (!c) return rnd() < 0.5 ? `<c${r}/>` : `<c${r}></c>`;
  const s = c.numFmt !== undefined && c.numFmt !== 'General' ? ` s="${xf.get(c.numFmt)}"` : '';
  const v = c.value;
  if (v === null) return `<c${r}${s}/>`;
  if (typeof v === 'number') return `<c${r}${s}${rnd() < 0.3 ? ' t="n"' : ''}><v>${v}</v></c>`;
  if (typeof v === 'string') return `<c${r}${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
  return `<c${r}${s}><f>${escapeXml(v.formula)}</f><v>${v.result}</v></c>`;
}

/**
 * The <sheetData> content for these cells in a random valid form. The rule
 * followed (and so the only forms generated): a row without r is the row
 * after the previous <row> element's row, unless all its cells have r (then
 * it is the row they name); a cell without r is one column after the
 * previous cell of its row element, and only where that row is the counted
 * one.
 */
/** How often each form is chosen on one sheet: a few typical generators, and a random mix. */
interface Style {
  rowWithoutR: number;
  gapRowWithoutR: number;
  cellWithoutR: number;
  fillerRows: number;
  fillerCells: number;
}

const STYLES: Style[] = [
  // Leaves out every row's r, writes every cell's r (rows skip through the cells).
  { rowWithoutR: 1, gapRowWithoutR: 1, cellWithoutR: 0, fillerRows: 0, fillerCells: 0 },
  // Leaves out every r it can, filling gaps with empty rows and cells.
  { rowWithoutR: 1, gapRowWithoutR: 0.5, cellWithoutR: 1, fillerRows: 0.8, fillerCells: 0.5 },
  // Everything explicit.
  { rowWithoutR: 0, gapRowWithoutR: 0, cellWithoutR: 0, fillerRows: 0.2, fillerCells: 0.1 },
  // A random mix.
  { rowWithoutR: 0.6, gapRowWithoutR: 0.7, cellWithoutR: 0.6, fillerRows: 0.3, fillerCells: 0.25 },
];

function sheetDataXml(cells: Placed[], xf: Map<string, number>, rnd: () => number, forms: FormCounts): string {
  const style = STYLES[Math.floor(rnd() * STYLES.length)];
  const byRow = new Map<number, Placed[]>();
  for (const p of cells) {
    const list = byRow.get(p.row) ?? [];
    list.push(p);
    byRow.set(p.row, list);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  let counted = -1; // the <row> counter (rows without r count up from the previous <row>)
  let prev = -1;
  const out: string[] = [];
  for (const n of rows) {
    // Empty filler rows in a gap: explicit r anywhere in it, or without r right after the counted row.
    if (n > prev + 1 && rnd() < style.fillerRows) {
      for (let k = prev + 1; k < n && k < prev + 4; k++) {
        const withoutR = counted + 1 === k && rnd() < style.rowWithoutR;
        const attrs = (withoutR ? '' : ` r="${k + 1}"`) + (rnd() < 0.5 ? ' ht="18" customHeight="1"' : '');
        out.push(rnd() < 0.5 ? `<row${attrs}/>` : `<row${attrs}></row>`);
        counted = k;
        prev = k;
        forms.fillerRows++;
        if (withoutR) forms.rowsWithoutR++;
      }
    }
    const line = byRow.get(n)!.sort((a, b) => a.col - b.col);
    // Empty filler cells just before a cell, to make runs of cells without r.
    const withFillers: Placed[] = [];
    let lastCol = -1;
    for (const p of line) {
      if (p.col > lastCol + 1 && rnd() < style.fillerCells) {
        for (let c = Math.max(lastCol + 1, p.col - 2); c < p.col; c++) {
          withFillers.push({ row: n, col: c, cell: null });
          forms.fillerCells++;
        }
      }
      withFillers.push(p);
      lastCol = p.col;
    }
    const counts = counted + 1 === n;
    // A row without r: either the counted row (its cells may then lack r), or a gap row told by its cells' r.
    const rowWithoutR = rnd() < (counts ? style.rowWithoutR : style.gapRowWithoutR);
    const spans = rnd() < 0.3 ? ` spans="${withFillers[0].col + 1}:${withFillers[withFillers.length - 1].col + 1}"` : '';
    out.push(rowWithoutR ? `<row${spans}>` : `<row r="${n + 1}"${spans}>`);
    if (rowWithoutR) {
      forms.rowsWithoutR++;
      if (!counts) forms.gapRowsWithoutR++;
    }
    const cellsMayLackR = !rowWithoutR || counts;
    let prevCol = -1;
    for (const p of withFillers) {
      const withoutR = cellsMayLackR && p.col === prevCol + 1 && rnd() < style.cellWithoutR;
      if (withoutR) forms.cellsWithoutR++;
      out.push(cellXml(p, !withoutR, xf, rnd));
      prevCol = p.col;
    }
    out.push('</row>');
    counted = rowWithoutR ? counted + 1 : n;
    prev = n;
  }
  return out.join('');
}

function expectedOf(cell: ModelCell | null): ExpectedCell {
  if (!cell) return { value: null, numberFormat: 'General', formula: false };
  const numberFormat = cell.numFmt ?? 'General';
  const v = cell.value;
  if (v !== null && typeof v === 'object') return { value: v.result, numberFormat, formula: true };
  return { value: v, numberFormat, formula: false };
}

/** The model as an .xlsx package in the position form chosen by `seed`, with the grid every reader must see. */
export function formedXlsx(model: BookModel, seed: number): FormedBook {
  const rnd = prng(seed);
  const codes = model.sheets.flatMap((s) => [...s.cells.values()].map((c) => c.numFmt ?? 'General'));
  const styles = stylesFor(codes);
  const expected: ExpectedGrid = new Map();
  const forms: FormCounts = { rowsWithoutR: 0, gapRowsWithoutR: 0, cellsWithoutR: 0, fillerRows: 0, fillerCells: 0 };
  const sheets = model.sheets.map((sheet) => {
    const placed: Placed[] = [...sheet.cells].map(([ref, cell]) => ({ ...parseA1(ref)!, cell }));
    const data = sheetDataXml(placed, styles.xf, rnd, forms);
    const grid = new Map<string, ExpectedCell>();
    for (const p of placed) grid.set(a1(p.row, p.col), expectedOf(p.cell));
    expected.set(sheet.name, grid);
    const merges = sheet.merges.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
    const xml =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${SML}">` +
      `<sheetData>${data}</sheetData>${merges}</worksheet>`;
    return { name: sheet.name, xml };
  });
  const names = model.names.map((n) => `<definedName name="${n.name}">${escapeXml(n.ref)}</definedName>`).join('');
  const bytes = zipParts(bookParts({ sheets, names, styles: styles.xml }));
  return { bytes, expected, forms };
}
