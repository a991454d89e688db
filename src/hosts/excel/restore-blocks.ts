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

export interface RestoreResult {
  /** Sheets that refused the rollback with AccessDenied: protected. */
  refused: string[];
  /** Sheets whose rollback failed for another reason. */
  failed: string[];
}

const ACCESS_DENIED = 'AccessDenied';

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
 * sheet that refuses (protected) does not stop the others. Errors are not
 * thrown (the caller reports the original failure), but told apart: the
 * sheets that refused with AccessDenied (a protected sheet refuses the
 * rollback's writes as it refused the plan's, which is how ExcelApi 1.1,
 * without Worksheet.protection, learns which sheet is protected), and the
 * sheets whose rollback failed otherwise (their cells may not be restored).
 */
export async function restoreBySheet(context: Excel.RequestContext, blocks: PriorBlock[]): Promise<RestoreResult> {
  const sheets: string[] = [];
  for (const block of blocks) if (sheets.indexOf(block.sheet) < 0) sheets.push(block.sheet);
  const result: RestoreResult = { refused: [], failed: [] };
  for (const sheet of sheets) {
    try {
      for (const block of blocks) if (block.sheet === sheet) queueRestore(context, block);
      await context.sync();
    } catch (e) {
      if (e && (e as { code?: unknown }).code === ACCESS_DENIED) result.refused.push(sheet);
      else result.failed.push(sheet);
    }
  }
  return result;
}
