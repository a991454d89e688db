/**
 * Rows and cells without `r` (ECMA-376 Part 1 §18.3.1.73 row, §18.3.1.4 c):
 * the reader and the writer place them by one rule (docs/contract-notes.md),
 * the same one openpyxl and LibreOffice use, and refuse the files on which
 * readers would disagree. Checked cell by cell with our reader and with
 * openpyxl, on hand-made sheets and on generated contract workbooks in every
 * form (fast-check).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { applyPlanToFile, openWorkbookFile, readAllCells } from '../../../src/hosts/xlsx';
import { a1, parseA1 } from '../../../src/workbook/address';
import type { CellWrite, PlannedValue } from '../../../src/workbook/plan';
import { scoreWorkbook } from '../../../src/workbook/score-workbook';
import { makeBook } from '../../hardening/contract-books';
import { formedXlsx, type ExpectedCell, type ExpectedGrid } from '../../support/position-forms';
import { buildXlsx } from '../../support/xlsx-build';
import { openpyxlAvailable, openpyxlDump, type OpenpyxlDump } from '../../support/xlsx-compare';
import { fileErrorText } from '../../../src/messages/file-errors';

const num = (text: string): PlannedValue => ({ kind: 'number', text });
const txt = (text: string): PlannedValue => ({ kind: 'text', text });

function at(ref: string, value: PlannedValue, numberFormat?: string): CellWrite {
  const { row, col } = parseA1(ref)!;
  return { address: { sheet: 'S', row, col }, value, numberFormat };
}

const book = (rows: string) => buildXlsx({ sheets: [{ name: 'S', rows }] });

/** Our reader's cells of sheet S as `A1=value` (formulas marked `=f`). */
function listed(bytes: Uint8Array): string[] {
  const r = readAllCells(bytes);
  if (!r.ok) throw new Error(`${r.error.code}: ${fileErrorText(r.error)}`);
  return [...r.value.get('S')!].map(([ref, c]) => `${ref}=${c.value}${c.formula ? '=f' : ''}`);
}

function apply(bytes: Uint8Array, ...writes: CellWrite[]): Uint8Array {
  const r = applyPlanToFile(bytes, { writes });
  if (!r.ok) throw new Error(`${r.error.code}: ${fileErrorText(r.error)}`);
  return r.value;
}

function sheetData(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
  return xml.slice(xml.indexOf('<sheetData>') + 11, xml.indexOf('</sheetData>'));
}

const PY = openpyxlAvailable();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-positions-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** openpyxl's view of several files at once (one python process): file index → sheet → A1 → cell. */
function openpyxlGrids(files: Uint8Array[]): Map<string, Map<string, ExpectedCell>>[] {
  const paths = files.map((bytes, i) => {
    const p = path.join(dir, `${Date.now()}-${i}.xlsx`);
    fs.writeFileSync(p, bytes);
    return p;
  });
  const dumps = openpyxlDump(paths);
  return paths.map((p) => {
    const d: OpenpyxlDump = dumps[p];
    if (!d.ok) throw new Error(`openpyxl cannot read ${p}: ${d.error}`);
    const out = new Map<string, Map<string, ExpectedCell>>();
    for (const [sheet, cells] of Object.entries(d.sheets)) {
      const m = new Map<string, ExpectedCell>();
      for (const [ref, [kind, value, numberFormat]] of Object.entries(cells)) {
        m.set(ref, { value: kind === 'number' ? Number(value) : kind === 'empty' ? null : (value as string), numberFormat, formula: false });
      }
      out.set(sheet, m);
    }
    return out;
  });
}

const EMPTY: ExpectedCell = { value: null, numberFormat: 'General', formula: false };

/** Every cell that differs between two grids (a missing cell reads as an empty General one). */
function differences(want: ExpectedGrid, got: Map<string, Map<string, ExpectedCell>>, withFormula: boolean): unknown[] {
  const out: unknown[] = [];
  for (const sheet of new Set([...want.keys(), ...got.keys()])) {
    const w = want.get(sheet) ?? new Map();
    const g = got.get(sheet) ?? new Map();
    for (const ref of new Set([...w.keys(), ...g.keys()])) {
      const a = w.get(ref) ?? EMPTY;
      const b = g.get(ref) ?? EMPTY;
      if (a.value !== b.value || a.numberFormat !== b.numberFormat || (withFormula && a.formula !== b.formula)) out.push([sheet, ref, a, b]);
    }
  }
  return out;
}

function ourGrid(bytes: Uint8Array): Map<string, Map<string, ExpectedCell>> {
  const r = readAllCells(bytes);
  if (!r.ok) throw new Error(`${r.error.code}: ${fileErrorText(r.error)}`);
  const out = new Map<string, Map<string, ExpectedCell>>();
  for (const [sheet, cells] of r.value) {
    const m = new Map<string, ExpectedCell>();
    for (const [ref, c] of cells) m.set(ref, { value: c.value as string | number | null, numberFormat: c.numberFormat, formula: c.formula });
    out.set(sheet, m);
  }
  return out;
}

describe('rows without r that skip rows through their cells\' r (a generator that leaves out empty rows)', () => {
  // Rows 1, 4 and 7; only the cells say which row they are in. C4 holds a formula.
  const rows =
    '<row><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>' +
    '<row><c r="A4"><v>3</v></c><c r="C4"><f>A4*2</f><v>6</v></c></row>' +
    '<row><c r="A7"><v>4</v></c></row>';
  const bytes = book(rows);

  it('reads every cell where its r says', () => {
    expect(listed(bytes)).toEqual(['A1=1', 'B1=2', 'A4=3', 'C4=6=f', 'A7=4']);
  });

  it('writes into the rows the reader reads: no duplicate, no neighbour overwritten, rows in order', () => {
    const out = apply(bytes, at('B4', num('10')), at('A2', num('20')), at('B7', txt('x')), at('D1', num('30')));
    expect(listed(out)).toEqual(['A1=1', 'B1=2', 'D1=30', 'A2=20', 'A4=3', 'B4=10', 'C4=6=f', 'A7=4', 'B7=x']);
    expect(sheetData(out)).toBe(
      '<row><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="D1"><v>30</v></c></row>' +
        '<row r="2"><c r="A2"><v>20</v></c></row>' +
        '<row><c r="A4"><v>3</v></c><c r="B4"><v>10</v></c><c r="C4"><f>A4*2</f><v>6</v></c></row>' +
        '<row><c r="A7"><v>4</v></c><c r="B7" t="inlineStr"><is><t>x</t></is></c></row>',
    );
  });

  it('overwrites the cell the reader read, not the one at the same place in the n-th <row>', () => {
    const out = apply(bytes, at('A4', num('33')));
    expect(listed(out)).toEqual(['A1=1', 'B1=2', 'A4=33', 'C4=6=f', 'A7=4']);
    // Replaced in place: one A4, no second row 4 after row 7.
    expect(sheetData(out)).toBe(rows.replace('<c r="A4"><v>3</v></c>', '<c r="A4"><v>33</v></c>'));
  });

  it('blames the formula only on the cell that has it', () => {
    // C2 is empty (the second <row> is row 4): writing it is fine; writing C4 is refused.
    expect(listed(apply(bytes, at('C2', num('1'))))).toContain('C2=1');
    const r = applyPlanToFile(bytes, { writes: [at('C4', num('1'))] });
    expect(r.ok || [r.error.code, fileErrorText(r.error).includes("'S'!C4")]).toEqual(['formulaCell', true]);
  });

  it('openpyxl reads the written file the same way', () => {
    if (!PY) return;
    const out = apply(bytes, at('B4', num('10')), at('A2', num('20')), at('B7', txt('x')), at('D1', num('30')));
    const [grid] = openpyxlGrids([out]);
    expect([...grid.get('S')!].map(([ref, c]) => `${ref}=${c.value}`).sort()).toEqual(
      ['A1=1', 'B1=2', 'D1=30', 'A2=20', 'A4=3', 'B4=10', 'C4=6', 'A7=4', 'B7=x'].sort(),
    );
  });
});

describe('rows and cells without r in every combination', () => {
  it('places a row without r after the previous <row>, and a cell without r after the previous cell', () => {
    const rows =
      '<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row>' + // row 1: A B E F
      '<row r="3"><c r="B3"><v>7</v></c><c><v>8</v></c></row>' + // row 3: B C
      '<row><c><v>9</v></c></row>' + // row 4: A
      '<row/>' + // row 5, empty
      '<row><c r="C6"/><c><v>10</v></c></row>'; // row 6: C (empty) D
    const bytes = book(rows);
    expect(listed(bytes)).toEqual(['A1=1', 'B1=2', 'E1=5', 'F1=6', 'B3=7', 'C3=8', 'A4=9', 'C6=null', 'D6=10']);
    const out = apply(bytes, at('D1', num('40')), at('A3', num('41')), at('B4', num('42')), at('A5', num('43')), at('A6', num('44')), at('G7', num('45')), at('C6', num('46')));
    expect(listed(out)).toEqual([
      'A1=1', 'B1=2', 'D1=40', 'E1=5', 'F1=6', 'A3=41', 'B3=7', 'C3=8', 'A4=9', 'B4=42', 'A5=43', 'A6=44', 'C6=46', 'D6=10', 'G7=45',
    ]);
    // What is written has r; the cells and rows without r around it keep their places.
    expect(sheetData(out)).toBe(
      '<row><c><v>1</v></c><c><v>2</v></c><c r="D1"><v>40</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row>' +
        '<row r="3"><c r="A3"><v>41</v></c><c r="B3"><v>7</v></c><c><v>8</v></c></row>' +
        '<row><c><v>9</v></c><c r="B4"><v>42</v></c></row>' +
        '<row><c r="A5"><v>43</v></c></row>' +
        '<row><c r="A6"><v>44</v></c><c r="C6"><v>46</v></c><c><v>10</v></c></row>' +
        '<row r="7"><c r="G7"><v>45</v></c></row>',
    );
  });

  it('keeps the place of a cell without r when the cell before it is rewritten', () => {
    const bytes = book('<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>');
    const out = apply(bytes, at('B1', txt('b')), at('A1', { kind: 'empty' }));
    expect(sheetData(out)).toBe('<row><c r="A1"/><c r="B1" t="inlineStr"><is><t>b</t></is></c><c><v>3</v></c></row>');
    expect(listed(out)).toEqual(['A1=null', 'B1=b', 'C1=3']);
  });

  it('refuses the files on which readers disagree, naming the cell', () => {
    const refused: [string, string][] = [
      // A cell whose r names another row than its <row r>.
      ['<row r="3"><c r="B5"><v>1</v></c></row>', "'S'!B5"],
      // A cell without r in a row whose other cells name another row than the counted one
      // (openpyxl and LibreOffice would put it in the counted row 2, not beside A5 in B5).
      ['<row r="1"><c r="A1"/></row><row><c r="A5"><v>1</v></c><c><v>2</v></c></row>', "'S'!B5"],
      // Two rows told in one <row>.
      ['<row><c r="A1"><v>1</v></c><c r="B2"><v>2</v></c></row>', "'S'!B2"],
      // Rows out of order, or twice.
      ['<row r="3"><c r="A3"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>', "'S'!2:2"],
      ['<row r="2"><c r="A2"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row>', "'S'!2:2"],
      // After a row told by its cells (row 5), a row without r and without cell r is counted as row 3: out of order.
      ['<row><c r="A1"/></row><row><c r="A5"><v>1</v></c></row><row><c><v>2</v></c></row>', "'S'!A3"],
      ['<row><c r="A1"/></row><row><c r="A5"><v>1</v></c></row><row/>', "'S'!3:3"],
      // Cells out of order, or twice.
      ['<row r="1"><c r="C1"><v>1</v></c><c r="B1"><v>2</v></c></row>', "'S'!B1"],
      ['<row><c><v>1</v></c><c r="A1"><v>2</v></c></row>', "'S'!A1"],
    ];
    for (const [rows, cell] of refused) {
      for (const result of [readAllCells(book(rows)), applyPlanToFile(book(rows), { writes: [at('Z9', num('1'))] })]) {
        expect([rows, result.ok || result.error.code]).toEqual([rows, 'cellPosition']);
        expect([rows, !result.ok && fileErrorText(result.error).includes(cell)]).toEqual([rows, true]);
      }
    }
  });
});

describe('generated contract workbooks in every position form, scored through the real pipeline', () => {
  const CLEAN = Array.from({ length: 80 }, (_, i) => i).filter((i) => makeBook(i).error === null);

  /** Scores the formed book and returns the written file and the grid every reader must see in it. */
  function scoreFormed(index: number, seed: number): { out: Uint8Array; expected: ExpectedGrid; forms: ReturnType<typeof formedXlsx>['forms'] } {
    const formed = formedXlsx(makeBook(index), seed);
    const opened = openWorkbookFile(formed.bytes);
    if (!opened.ok) throw new Error(`book ${index} form ${seed}: ${fileErrorText(opened.error)}`);
    // The input reads exactly as built.
    expect(differences(formed.expected, ourGrid(formed.bytes), true)).toEqual([]);
    const outcome = scoreWorkbook(opened.value.input);
    expect(outcome.errors).toEqual([]);
    expect(outcome.plan.writes.length).toBeGreaterThan(0);
    const written = opened.value.apply(outcome.plan);
    if (!written.ok) throw new Error(`book ${index} form ${seed}: ${fileErrorText(written.error)}`);
    const expected: ExpectedGrid = new Map([...formed.expected].map(([s, m]) => [s, new Map(m)]));
    for (const w of outcome.plan.writes) {
      const grid = expected.get(w.address.sheet)!;
      const ref = a1(w.address.row, w.address.col);
      const before = grid.get(ref);
      const value = w.value.kind === 'number' ? Number(w.value.text) : w.value.kind === 'text' ? w.value.text : null;
      grid.set(ref, { value, numberFormat: w.numberFormat ?? before?.numberFormat ?? 'General', formula: false });
    }
    return { out: written.value, expected, forms: formed.forms };
  }

  it('our reader reads back every cell as planned (fast-check over books and forms)', () => {
    const reached = { rowsWithoutR: 0, gapRowsWithoutR: 0, cellsWithoutR: 0, fillerRows: 0, fillerCells: 0 };
    fc.assert(
      fc.property(fc.constantFrom(...CLEAN), fc.integer(), (index, seed) => {
        const { out, expected, forms } = scoreFormed(index, seed);
        for (const k of Object.keys(reached) as (keyof typeof reached)[]) reached[k] += forms[k];
        expect(differences(expected, ourGrid(out), true)).toEqual([]);
      }),
      { numRuns: 60 },
    );
    // Every form was generated.
    for (const n of Object.values(reached)) expect(n).toBeGreaterThan(0);
  });

  it('the writer splices where the reader recorded: the same bytes as locating each sheet afresh (fast-check)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CLEAN), fc.integer(), (index, seed) => {
        const formed = formedXlsx(makeBook(index), seed);
        const opened = openWorkbookFile(formed.bytes);
        if (!opened.ok) throw new Error(fileErrorText(opened.error));
        const { plan } = scoreWorkbook(opened.value.input);
        const recorded = opened.value.apply(plan);
        // applyPlanToFile opens the bytes afresh: nothing was read, so every written sheet is located again.
        const located = applyPlanToFile(formed.bytes, plan);
        expect(recorded.ok && located.ok && Buffer.from(recorded.value).equals(Buffer.from(located.value))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('openpyxl, an independent reader, reads back every cell as planned (30 cases, one python process)', () => {
    if (!PY) {
      console.warn('openpyxl is not importable by /usr/bin/python3: skipping the independent-reader check.');
      return;
    }
    const cases = fc.sample(fc.tuple(fc.constantFrom(...CLEAN), fc.integer()), { numRuns: 30, seed: 1729 }).map(([i, s]) => ({ i, s, ...scoreFormed(i, s) }));
    const grids = openpyxlGrids(cases.map((c) => c.out));
    cases.forEach((c, k) => expect([c.i, c.s, differences(c.expected, grids[k], false)]).toEqual([c.i, c.s, []]));
  });
});
