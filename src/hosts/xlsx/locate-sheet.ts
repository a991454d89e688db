import { scanSheet } from './scan-sheet';
import { LayoutRecorder, type SheetLayout } from './sheet-layout';

export type { CellSpan, RowSpan, SheetLayout } from './sheet-layout';

/**
 * Parses a worksheet part and records where its rows, the cells of the
 * `targetRows`, <dimension> and <sheetData> are — by the reader's own walk
 * (scan-sheet.ts), so rows and cells are placed by its rule
 * (cell-positions.ts) and come out in ascending order, each row once. The
 * reader records the same while it reads (resolve-contract-names.ts); this is
 * for a part the reader did not record. Throws a FileErrorAbort.
 */
export function locateSheet(text: string, part: string, sheet: string, targetRows: Set<number>): SheetLayout {
  const recorder = new LayoutRecorder(text, (row) => targetRows.has(row));
  scanSheet(text, part, sheet, () => undefined, undefined, recorder);
  return recorder.layout;
}
