import { a1 } from '../../workbook/address';
import type { CellInput } from '../../workbook/cells';
import { sheetXml, type LoadedWorkbook } from './load-workbook';
import { scanSheet } from './scan-sheet';
import { toCellInput } from './to-cell-input';

/** Every <c> element of every worksheet (chartsheets have none), keyed by sheet name and A1 address. */
export function readSheetCells(wb: LoadedWorkbook): Map<string, Map<string, CellInput>> {
  const out = new Map<string, Map<string, CellInput>>();
  for (const sheet of wb.structure.sheets) {
    if (sheet.kind !== 'worksheet') continue;
    const cells = new Map<string, CellInput>();
    scanSheet(sheetXml(wb.pkg, sheet).text, sheet.part!, sheet.name, (raw) => {
      cells.set(a1(raw.row, raw.col), toCellInput(raw, wb.sharedStrings, wb.formats));
    });
    out.set(sheet.name, cells);
  }
  return out;
}
