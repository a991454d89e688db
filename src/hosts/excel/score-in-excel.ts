/// <reference types="office-js" />
import { scoreThrough, type Scorer, type ScoringHost } from '../../workbook/pipeline';
import type { BookOutcome } from '../../workbook/score-book';
import { applyPlan, type ExpectedName, type Snapshot } from './apply-plan';
import type { Capabilities } from './capabilities';
import { type HostError, toHostError } from './host-error';
import { type ExcelRead, readWorkbook, type RawRange } from './read-workbook';
import { definesNoName, detectInExcel, type ExcelProposal } from './detect-in-excel';

export type { Scorer } from '../../workbook/pipeline';

/**
 * What one 计算得分 produced: the outcome (null when Excel failed before
 * scoring), an Excel problem (null when none) and, when cells were written,
 * the snapshot for 撤销本次计算.
 */
export interface ExcelScoreResult {
  outcome: BookOutcome | null;
  hostError: HostError | null;
  snapshot: Snapshot | null;
  /**
   * A workbook that defines none of the contract's names: what the detection
   * found (forms issue §3), shown for the user to confirm instead of the
   * names' errors (outcome is then null and nothing is written).
   */
  proposal?: ExcelProposal | null;
}

/**
 * The open workbook as a host of the scoring pipeline: read (2 syncs), then
 * write (1 sync) with the names re-checked in the same batch. Nothing is
 * written when a target sheet is protected or the workbook changed between
 * read and write.
 */
export function excelScoringHost(
  context: Excel.RequestContext,
  caps: Capabilities,
  onRead?: (read: ExcelRead) => void,
): ScoringHost<HostError, Snapshot | null> {
  let read: ExcelRead | null = null;
  return {
    async read() {
      try {
        read = await readWorkbook(context, caps);
        if (onRead) onRead(read);
      } catch (e) {
        return { ok: false, problem: toHostError(e, { what: { names: true } }) };
      }
      return { ok: true, value: read.book };
    },
    async write(plan) {
      if (!read || plan.writes.length === 0) return { ok: true, value: null };
      const targetSheets: string[] = [];
      for (const write of plan.writes) {
        if (targetSheets.indexOf(write.address.sheet) < 0) targetSheets.push(write.address.sheet);
      }
      const protectedSheets = read.protectedSheets;
      const locked = targetSheets.filter((sheet) => protectedSheets.indexOf(sheet) >= 0);
      if (locked.length > 0) return { ok: false, problem: { code: 'protectedSheet', sheets: locked, certain: true } };
      const expected: ExpectedName[] = read.ranges.map(({ scope, name, raw }) => ({ scope, name, address: raw.address, whole: raw.whole }));
      const prior: RawRange[] = read.ranges.map((r) => r.raw);
      const applied = await applyPlan(context, plan, { expected, usedRangeValuesOnly: caps.usedRangeValuesOnly === true, prior });
      return applied.ok ? { ok: true, value: applied.snapshot } : { ok: false, problem: applied.error };
    },
  };
}

/**
 * 计算得分 inside one Excel.run: the pipeline over the open workbook. When
 * the workbook defines none of the contract's names, the detection reads
 * every visible sheet instead (the names' read took one sync, the sheets take
 * one or two more: at most three in all, but for a workbook whose only name is
 * 报告信息 on ExcelApi 1.1, four) and
 * its proposal comes back: nothing is scored from a guess.
 */
export async function scoreInExcel(context: Excel.RequestContext, caps: Capabilities, score: Scorer): Promise<ExcelScoreResult> {
  let sheetList: ExcelRead['sheetList'] = null;
  const named = excelScoringHost(context, caps, (read) => (sheetList = read.sheetList || null));
  let proposal: ExcelProposal | null = null;
  const host: ScoringHost<HostError, Snapshot | null> = {
    async read() {
      const read = await named.read();
      if (!read.ok || !definesNoName(read.value)) return read;
      try {
        proposal = await detectInExcel(context, caps.usedRangeValuesOnly === true, sheetList);
      } catch (e) {
        return { ok: false, problem: toHostError(e) };
      }
      // Nothing to score: an empty book scores to no write (its errors are not shown; the proposal is).
      return read;
    },
    write: (plan, outcome) => (proposal ? Promise.resolve({ ok: true as const, value: null }) : named.write(plan, outcome)),
  };
  const result = await scoreThrough(host, { write: true, score });
  if (result.kind === 'unreadable') return { outcome: null, hostError: result.problem, snapshot: null, proposal: null };
  if (proposal) return { outcome: null, hostError: null, snapshot: null, proposal };
  return { outcome: result.outcome, hostError: result.problem, snapshot: result.written, proposal: null };
}
