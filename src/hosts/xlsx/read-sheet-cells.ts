import { a1, parseA1 } from '../../workbook/address';
import type { CellInput } from '../../workbook/cells';
import { inBoxes } from './cell-box';
import { sheetXml, type LoadedWorkbook } from './load-workbook';
import { scanSheet } from './scan-sheet';
import { toCellInput } from './to-cell-input';

/**
 * Every <c> element of every worksheet (chartsheets have none), keyed by
 * sheet name and A1 address; a cell inside an array formula's range is a
 * formula wherever its anchor is.
 */
export function readSheetCells(wb: LoadedWorkbook): Map<string, Map<string, CellInput>> {
  const out = new Map<string, Map<string, CellInput>>();
  for (const sheet of wb.structure.sheets) {
    if (sheet.kind !== 'worksheet') continue;
    const cells = new Map<string, CellInput>();
    const { formulaBoxes, cellsBeforeAnchor } = scanSheet(sheetXml(wb.pkg, sheet).text, sheet.part!, sheet.name, (raw) => {
      cells.set(a1(raw.row, raw.col), toCellInput(raw, wb.sharedStrings, wb.formats));
    });
    if (cellsBeforeAnchor) {
      for (const [ref, cell] of cells) {
        const at = parseA1(ref)!;
        if (!cell.formula && inBoxes(formulaBoxes, at.row, at.col)) cell.formula = true;
      }
    }
    out.set(sheet.name, cells);
  }
  return out;
}
