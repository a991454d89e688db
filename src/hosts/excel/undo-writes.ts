/// <reference types="office-js" />
import { formatCell } from '../../workbook/address';
import type { Snapshot, SnapshotBlock } from './apply-plan';
import { localAddress } from './excel-address';
import { type HostError, toHostError } from './host-error';
import { queueRestore } from './restore-blocks';

export type UndoResult = { ok: true } | { ok: false; error: HostError };

/** How a written value reads back: the apostrophe prefix is not part of the value. */
function readBack(written: unknown): unknown {
  return typeof written === 'string' && written.charAt(0) === "'" ? written.slice(1) : written;
}

/** The first cell of a block whose content is no longer what 计算得分 wrote, or null. */
function staleCell(block: SnapshotBlock, values: unknown[][], formulas: unknown[][]): string | null {
  for (let r = 0; r < block.rows; r++) {
    for (let c = 0; c < block.cols; c++) {
      const expected = readBack(block.written[r][c]);
      if (values[r][c] !== expected || formulas[r][c] !== values[r][c]) {
        return formatCell({ sheet: block.sheet, row: block.row + r, col: block.col + c });
      }
    }
  }
  return null;
}

/**
 * 撤销本次计算: puts back the values and number formats every written cell
 * had before the last 计算得分, and deletes the names its 设定名称并计算 added. Two syncs: it first checks that the cells
 * still hold what was written (if the user edited one since, nothing is
 * changed and the cell is named), then restores all blocks in one batch.
 */
export async function undoWrites(context: Excel.RequestContext, snapshot: Snapshot | null): Promise<UndoResult> {
  if (!snapshot || snapshot.blocks.length === 0) return { ok: false, error: { code: 'nothingToUndo' } };
  const sheets: string[] = [];
  const targets: Excel.Range[] = [];
  for (const block of snapshot.blocks) {
    if (sheets.indexOf(block.sheet) < 0) sheets.push(block.sheet);
    const target = context.workbook.worksheets.getItem(block.sheet).getRange(localAddress(block));
    target.load('values,formulas');
    targets.push(target);
  }
  try {
    await context.sync();
  } catch (e) {
    return { ok: false, error: toHostError(e, { sheets, what: { sheets } }) };
  }
  for (let i = 0; i < snapshot.blocks.length; i++) {
    const cell = staleCell(snapshot.blocks[i], targets[i].values, targets[i].formulas);
    if (cell) return { ok: false, error: { code: 'undoStale', cell } };
  }
  for (const block of snapshot.blocks) queueRestore(context, block);
  // Names added by 设定名称并计算 (ExcelApi 1.4, as NamedItem.delete): deleted in the same batch as the cells.
  for (const added of snapshot.addedNames || []) {
    const names = added.scope === null ? context.workbook.names : context.workbook.worksheets.getItem(added.scope).names;
    names.getItem(added.name).delete();
  }
  try {
    await context.sync();
  } catch (e) {
    return { ok: false, error: toHostError(e, { sheets }) };
  }
  return { ok: true };
}
