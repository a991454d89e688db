import { readAllCells } from '../../src/hosts/xlsx';
import { a1 } from '../../src/workbook/address';
import type { FakeWorkbook } from '../fakes/office';
import { fileErrorText } from '../../src/messages/file-errors';

/** Every non-empty cell as sheet → A1 → [value, numberFormat]; empty is '' as Excel shows it. */
export type CellMap = Map<string, Map<string, [unknown, string]>>;

/** The fake Excel workbook's cells, for comparing hosts. */
export function fakeCells(store: FakeWorkbook): CellMap {
  const out: CellMap = new Map();
  for (const sheet of store.sheets) {
    const cells = new Map<string, [unknown, string]>();
    sheet.cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (cell.value !== '' || cell.numberFormat !== 'General') cells.set(a1(r, c), [cell.value, cell.numberFormat]);
      }),
    );
    out.set(sheet.name, cells);
  }
  return out;
}

/** A file's cells as our reader sees them, in the same shape as fakeCells. */
export function fileCells(bytes: Uint8Array): CellMap {
  const read = readAllCells(bytes);
  if (!read.ok) throw new Error(fileErrorText(read.error));
  const out: CellMap = new Map();
  read.value.forEach((cells, sheet) => {
    const m = new Map<string, [unknown, string]>();
    cells.forEach((cell, ref) => {
      if (cell.value !== null || cell.numberFormat !== 'General') m.set(ref, [cell.value === null ? '' : cell.value, cell.numberFormat]);
    });
    out.set(sheet, m);
  });
  return out;
}
