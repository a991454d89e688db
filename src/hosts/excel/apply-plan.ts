/// <reference types="office-js" />
import type { RangeAddress } from '../../workbook/address';
import { formatCell, formatRange } from '../../workbook/address';
import type { WritePlan } from '../../workbook/plan';
import { parseArea, type WholeKind } from '../../workbook/reference';
import { localAddress, sameRange } from './excel-address';
import { type HostError, toHostError } from './host-error';
import { holdsFormula, queueContentBox, type RawRange, trimToContent } from './read-workbook';
import { type PriorBlock, restoreBySheet } from './restore-blocks';
import { chunkBlocks, type ExcelValue, groupWrites, type WriteBlock } from './write-blocks';

/** One written rectangle: what was there before and what 计算得分 put there. */
export interface SnapshotBlock extends PriorBlock {
  written: ExcelValue[][];
}

/** Everything 撤销本次计算 needs, kept in memory for the session. */
export interface Snapshot {
  blocks: SnapshotBlock[];
  /** The names 设定名称并计算 added (ExcelApi 1.4) in the same batch: 撤销本次计算 deletes them too. */
  addedNames?: { scope: string | null; name: string }[];
}

/** A contract name's address when it was read; re-checked in every write batch. */
export interface ExpectedName {
  /** The sheet of a sheet-scoped name (ExcelApi 1.4); null for a workbook-scoped one. */
  scope: string | null;
  name: string;
  address: RangeAddress;
  /**
   * Set for a name over whole columns or rows: its expected address is the trimmed one, and the
   * check re-resolves it the same way (content box, trimmed) instead of comparing the reference.
   */
  whole?: WholeKind;
}

export interface ApplyOptions {
  /** The contract names as they were read; re-checked in the write batch. */
  expected?: ExpectedName[];
  /** Re-resolve whole names through Worksheet.getUsedRange(true) (ExcelApi 1.2), as the read did. */
  usedRangeValuesOnly?: boolean;
  /** The ranges as read, used to roll back if a write batch fails half-way. */
  prior?: RawRange[];
  /** Request size budget (estimated bytes); see chunkBlocks. */
  maxRequestBytes?: number;
}

export type ApplyResult = { ok: true; snapshot: Snapshot; blocks: number } | { ok: false; error: HostError };

interface Queued {
  block: WriteBlock;
  target: Excel.Range;
}

interface NameCheck {
  scope: string | null;
  name: string;
  /** The name's range (its address is loaded). */
  range: Excel.Range;
  expected: RangeAddress;
  /** For a name over whole columns or rows: its kind and content box (address, values, formulas loaded). */
  whole?: { kind: WholeKind; box: Excel.Range };
}

/** Whether the name still resolves to the range the read found. */
function unmoved(check: NameCheck): boolean {
  const now = parseArea(check.range.address);
  if (!now) return false;
  if (!check.whole) return now.whole === null && sameRange(now, check.expected);
  if (now.whole !== check.whole.kind) return false;
  const box = check.whole.box;
  const trimmed = trimToContent({ address: box.address, values: box.values, formulas: box.formulas }, check.whole.kind);
  return trimmed !== null && sameRange(trimmed.address, check.expected);
}

/** The prior content of a block taken from the read (for rollback after a failed batch). */
function priorFromRead(block: WriteBlock, prior: RawRange[]): PriorBlock | null {
  const out: PriorBlock = {
    sheet: block.sheet, row: block.row, col: block.col, rows: block.rows, cols: block.cols,
    values: [], numberFormat: [], formulas: [],
  };
  for (let r = 0; r < block.rows; r++) {
    const values: unknown[] = [];
    const formats: unknown[] = [];
    const formulas: unknown[] = [];
    for (let c = 0; c < block.cols; c++) {
      const row = block.row + r;
      const col = block.col + c;
      let found = false;
      for (const raw of prior) {
        const a = raw.address;
        if (a.sheet === block.sheet && row >= a.row && row < a.row + a.rows && col >= a.col && col < a.col + a.cols) {
          values.push(raw.values[row - a.row][col - a.col]);
          formats.push(raw.numberFormat[row - a.row][col - a.col]);
          formulas.push(raw.formulas[row - a.row][col - a.col]);
          found = true;
          break;
        }
      }
      if (!found) return null;
    }
    out.values.push(values);
    out.numberFormat.push(formats);
    out.formulas.push(formulas);
  }
  return out;
}

/** The first cell of a loaded target that now holds a formula, or null. */
function formulaCell(item: Queued): string | null {
  const formulas = item.target.formulas;
  const values = item.target.values;
  for (let r = 0; r < item.block.rows; r++) {
    for (let c = 0; c < item.block.cols; c++) {
      if (holdsFormula(formulas[r][c], values[r][c])) {
        return formatCell({ sheet: item.block.sheet, row: item.block.row + r, col: item.block.col + c });
      }
    }
  }
  return null;
}

function loadedPrior(item: Queued): SnapshotBlock {
  const b = item.block;
  return {
    sheet: b.sheet, row: b.row, col: b.col, rows: b.rows, cols: b.cols,
    values: item.target.values, numberFormat: item.target.numberFormat, formulas: item.target.formulas,
    written: b.values,
  };
}

/**
 * Writes a plan: contiguous cells as one block each, one `values` and at most
 * one `numberFormat` assignment per block, one sync per request (one request
 * for any ordinary workbook). In the same batch, before the writes, it loads
 * the contract names' addresses and each block's current content: after the
 * sync it checks that nothing moved and that no target cell gained a formula
 * since the read, and otherwise puts the blocks back as they were.
 */
export async function applyPlan(context: Excel.RequestContext, plan: WritePlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const chunks = chunkBlocks(groupWrites(plan), options.maxRequestBytes);
  const done: SnapshotBlock[] = [];
  let blockCount = 0;
  for (let index = 0; index < chunks.length; index++) {
    const chunk = chunks[index];
    const checks: NameCheck[] = [];
    // Every batch re-checks the names: the user can edit the workbook between two batches.
    if (options.expected) {
      for (const { scope, name, address, whole: kind } of options.expected) {
        const names = scope === null ? context.workbook.names : context.workbook.worksheets.getItem(scope).names;
        const range = names.getItem(name).getRange();
        range.load('address');
        const check: NameCheck = { scope, name, range, expected: address };
        if (kind) {
          const box = queueContentBox(range, kind, options.usedRangeValuesOnly === true);
          box.load('address,values,formulas');
          check.whole = { kind, box };
        }
        checks.push(check);
      }
    }
    const queued: Queued[] = [];
    for (const block of chunk) {
      const target = context.workbook.worksheets.getItem(block.sheet).getRange(localAddress(block));
      target.load('values,numberFormat,formulas');
      queued.push({ block, target });
    }
    for (const item of queued) {
      item.target.values = item.block.values;
      if (item.block.numberFormat) item.target.numberFormat = item.block.numberFormat as any[][];
    }
    const sheets: string[] = [];
    for (const block of chunk) if (sheets.indexOf(block.sheet) < 0) sheets.push(block.sheet);
    try {
      await context.sync();
    } catch (e) {
      const error = toHostError(e, {
        sheets,
        range: chunk.length === 1 ? formatRange(chunk[0]) : undefined,
      });
      // The lookups (names, sheets) come before every write in the batch: when one of them failed, or
      // Excel refused the whole batch (edit mode), this batch wrote nothing. Otherwise whatever part of
      // it ran is put back from the read. Earlier batches are put back from their snapshots.
      const wroteNothing = error.code === 'itemNotFound' || error.code === 'editMode';
      const rollback: PriorBlock[] = done.slice();
      if (!wroteNothing) {
        for (const block of chunk) {
          const prior = options.prior ? priorFromRead(block, options.prior) : null;
          if (prior) rollback.push(prior);
        }
      }
      const restore = rollback.length > 0 ? await restoreBySheet(context, rollback) : null;
      if (error.code === 'itemNotFound') return { ok: false, error: { code: 'changed', detail: 'nameDeleted' } };
      // AccessDenied names no sheet. The rollback wrote every sheet of this batch again, one sheet per
      // sync: the sheets that refused it are the protected ones, and when every other sheet took its
      // rollback, nothing is left written (ExcelApi 1.1 has no Worksheet.protection to ask).
      if (error.code === 'protectedSheet' && restore && restore.refused.length > 0 && restore.failed.length === 0) {
        return { ok: false, error: { code: 'protectedSheet', sheets: restore.refused, certain: true, restored: true } };
      }
      return { ok: false, error };
    }
    for (const check of checks) {
      if (!unmoved(check)) {
        await restoreBySheet(context, done.concat(queued.map(loadedPrior)));
        return { ok: false, error: { code: 'changed', detail: 'nameMoved', name: check.name } };
      }
    }
    for (const item of queued) {
      const cell = formulaCell(item);
      if (cell) {
        await restoreBySheet(context, done.concat(queued.map(loadedPrior)));
        return { ok: false, error: { code: 'changed', detail: 'formula', cell } };
      }
    }
    for (const item of queued) done.push(loadedPrior(item));
    blockCount += chunk.length;
  }
  return { ok: true, snapshot: { blocks: done }, blocks: blockCount };
}
