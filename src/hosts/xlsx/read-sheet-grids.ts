import { EMPTY_CELL, type CellInput } from '../../workbook/cells';
import type { DetectSheet } from '../../workbook/detect';
import type { SheetFacts } from '../../workbook/sheet-facts';
import { sheetXml, type LoadedWorkbook } from './load-workbook';
import { scanSheet } from './scan-sheet';
import { toCellInput } from './to-cell-input';

/**
 * Every worksheet as the detection reads it (forms issue §3): its cells from
 * A1 as a grid and its merged areas, in the workbook's sheet order
 * (chartsheets have no cells and are left out). Only for a workbook without
 * names, so the whole sheets are read once, here, and never for scoring.
 */
export function readSheetGrids(wb: LoadedWorkbook): DetectSheet[] {
  const out: DetectSheet[] = [];
  for (const sheet of wb.structure.sheets) {
    if (sheet.kind !== 'worksheet') continue;
    const cells: CellInput[][] = [];
    const facts: SheetFacts = { merges: [], protected: false };
    scanSheet(
      sheetXml(wb.pkg, sheet).text,
      sheet.part!,
      sheet.name,
      (raw) => {
        const line = cells[raw.row] ?? (cells[raw.row] = []);
        line[raw.col] = toCellInput(raw, wb.sharedStrings, wb.formats);
      },
      facts,
    );
    // Dense rows: a missing row or cell is an empty one.
    for (let r = 0; r < cells.length; r++) {
      const line = cells[r] ?? (cells[r] = []);
      for (let c = 0; c < line.length; c++) if (!line[c]) line[c] = EMPTY_CELL;
    }
    out.push({ sheet: sheet.name, hidden: sheet.hidden, cells, merges: facts.merges });
  }
  return out;
}
