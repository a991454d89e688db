/**
 * A worksheet that is not plain XML (a comment, a processing instruction or
 * CDATA somewhere, which the fast reader leaves to saxes) is read in one walk
 * that checks as it goes: when it meets such a thing, everything collected so
 * far is forgotten and saxes reads the part from the start. The cells, the
 * merges and protection, and the places the writer splices at come out as for
 * the same sheet without it — nothing twice, nothing lost.
 */
import { applyPlanToFile, openWorkbookFile, readAllCells } from '../../../src/hosts/xlsx';
import type { CellWrite } from '../../../src/workbook/plan';
import { fileErrorText } from '../../../src/messages/file-errors';
import { buildXlsx, definedName, SML } from '../../support/xlsx-build';

const ROWS = [
  '<row r="1"><c r="A1" t="inlineStr"><is><t>指标</t></is></c><c r="B1"><v>1</v></c></row>',
  '<row r="2"><c r="A2"><v>2</v></c><c r="B2" s="0"/></row>',
  '<row r="3"><c r="A3"><v>3</v></c></row>',
];
const AFTER = '<sheetProtection sheet="1"/><mergeCells count="2"><mergeCell ref="A1:A2"/><mergeCell ref="C3:D3"/></mergeCells>';
/** Something outside the plain subset, at each place it could be met. */
const INTRUDERS = ['<!-- 备注 -->', '<?pi x?>'];

function book(rows: string[], after: string): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${SML}"><sheetData>${rows.join('')}</sheetData>${after}</worksheet>`;
  return buildXlsx({ sheets: [{ name: 'S', xml }], names: definedName('评价结果', "'S'!$A$1:$D$3") });
}

/** The same sheet with the intruder at position `at` (between rows, inside a row, after the merges). */
function variants(intruder: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at <= ROWS.length; at++) out.push(book([...ROWS.slice(0, at), intruder, ...ROWS.slice(at)], AFTER));
  out.push(book([ROWS[0], ROWS[1].replace('</c>', `</c>${intruder}`), ROWS[2]], AFTER));
  out.push(book(ROWS, AFTER.replace('</mergeCells>', `</mergeCells>${intruder}`)));
  return out;
}

const writes: CellWrite[] = [
  { address: { sheet: 'S', row: 1, col: 1 }, value: { kind: 'number', text: '42' } },
  { address: { sheet: 'S', row: 2, col: 3 }, value: { kind: 'text', text: '新' } },
];

function cellsOf(bytes: Uint8Array): string[] {
  const r = readAllCells(bytes);
  if (!r.ok) throw new Error(fileErrorText(r.error));
  return [...r.value.get('S')!].map(([ref, c]) => `${ref}=${c.value}`);
}

describe('a worksheet that is not plain XML', () => {
  const plain = book(ROWS, AFTER);
  const plainOpened = openWorkbookFile(plain);
  if (!plainOpened.ok) throw new Error(fileErrorText(plainOpened.error));

  it('reads the same cells, merges and protection as the plain sheet, none of them twice', () => {
    for (const intruder of INTRUDERS) {
      for (const bytes of variants(intruder)) {
        const opened = openWorkbookFile(bytes);
        if (!opened.ok) throw new Error(fileErrorText(opened.error));
        expect(opened.value.sheetFacts['S']).toEqual(plainOpened.value.sheetFacts['S']);
        expect(opened.value.sheetFacts['S'].merges).toHaveLength(2);
        expect(opened.value.input['评价结果']).toEqual(plainOpened.value.input['评价结果']);
        expect(cellsOf(bytes)).toEqual(cellsOf(plain));
      }
    }
  });

  it('is written at the places of the cells read: the same bytes as locating afresh, the cells as planned', () => {
    for (const intruder of INTRUDERS) {
      for (const bytes of variants(intruder)) {
        const opened = openWorkbookFile(bytes);
        if (!opened.ok) throw new Error(fileErrorText(opened.error));
        const recorded = opened.value.apply({ writes });
        const located = applyPlanToFile(bytes, { writes });
        if (!recorded.ok || !located.ok) throw new Error('write failed');
        expect(Buffer.from(recorded.value).equals(Buffer.from(located.value))).toBe(true);
        const cells = cellsOf(recorded.value);
        expect(cells).toContain('B2=42');
        expect(cells).toContain('D3=新');
        expect(cells.filter((c) => c.startsWith('B2='))).toHaveLength(1);
      }
    }
  });
});
