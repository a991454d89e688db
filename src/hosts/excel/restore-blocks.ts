/// <reference types="office-js" />
import { localAddress } from './excel-address';
import { holdsFormula } from './read-workbook';
import { excelText } from './write-blocks';

/** The prior content of a written rectangle, exactly as Range.values/numberFormat/formulas returned it. */
export interface PriorBlock {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  values: unknown[][];
  numberFormat: unknown[][];
  formulas: unknown[][];
}

/**
 * Queues the writes that put a block back as it was: formulas where there
 * were formulas, constants (text protected from re-interpretation) elsewhere,
 * then the number formats. No sync.
 */
export function queueRestore(context: Excel.RequestContext, block: PriorBlock): void {
  const target = context.workbook.worksheets.getItem(block.sheet).getRange(localAddress(block));
  let anyFormula = false;
  const cells: unknown[][] = [];
  for (let r = 0; r < block.rows; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < block.cols; c++) {
      const value = block.values[r][c];
      const formula = block.formulas[r][c];
      if (holdsFormula(formula, value)) {
        anyFormula = true;
        row.push(formula);
      } else {
        row.push(typeof value === 'string' ? excelText(value) : value);
      }
    }
    cells.push(row);
  }
  if (anyFormula) target.formulas = cells as any[][];
  else target.values = cells as any[][];
  target.numberFormat = block.numberFormat as any[][];
}

/**
 * Best-effort rollback after a failed write batch: one batch per sheet, so a
 * sheet that refuses (protected) does not stop the others. Errors are swallowed:
 * the caller reports the original failure.
 */
export async function restoreBySheet(context: Excel.RequestContext, blocks: PriorBlock[]): Promise<void> {
  const sheets: string[] = [];
  for (const block of blocks) if (sheets.indexOf(block.sheet) < 0) sheets.push(block.sheet);
  for (const sheet of sheets) {
    try {
      for (const block of blocks) if (block.sheet === sheet) queueRestore(context, block);
      await context.sync();
    } catch (e) {
      // reported by the caller
    }
  }
}
