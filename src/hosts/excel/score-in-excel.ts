/// <reference types="office-js" />
import type { RangeAddress } from '../../workbook/address';
import type { WorkbookInput } from '../../workbook/cells';
import type { WholeKind } from '../../workbook/reference';
import type { ScoreOutcome } from '../../workbook/report';
import { applyPlan, type Snapshot } from './apply-plan';
import type { Capabilities } from './capabilities';
import { type HostError, toHostError } from './host-error';
import { readWorkbook, type RawRange } from './read-workbook';

export type Scorer = (input: WorkbookInput) => ScoreOutcome;

/**
 * What one 计算得分 produced: the outcome (null when Excel failed before
 * scoring), an Excel problem (null when none) and, when cells were written,
 * the snapshot for 撤销本次计算.
 */
export interface ExcelScoreResult {
  outcome: ScoreOutcome | null;
  hostError: HostError | null;
  snapshot: Snapshot | null;
}

/**
 * 计算得分 inside one Excel.run: read (2 syncs), score (pure), write (1 sync).
 * Nothing is written when the outcome has errors, when a target sheet is
 * protected, or when the workbook changed between read and write.
 */
export async function scoreInExcel(context: Excel.RequestContext, caps: Capabilities, score: Scorer): Promise<ExcelScoreResult> {
  let read;
  try {
    read = await readWorkbook(context, caps);
  } catch (e) {
    return { outcome: null, hostError: toHostError(e, { what: '名称' }), snapshot: null };
  }
  const outcome = score(read.input);
  if (outcome.errors.length > 0 || outcome.plan.writes.length === 0) {
    return { outcome, hostError: null, snapshot: null };
  }
  const targetSheets: string[] = [];
  for (const write of outcome.plan.writes) {
    if (targetSheets.indexOf(write.address.sheet) < 0) targetSheets.push(write.address.sheet);
  }
  const locked = targetSheets.filter((sheet) => read.protectedSheets.indexOf(sheet) >= 0);
  if (locked.length > 0) {
    return { outcome, hostError: { code: 'protectedSheet', sheets: locked, certain: true }, snapshot: null };
  }
  const expected: { [name: string]: RangeAddress } = {};
  const whole: { [name: string]: WholeKind } = {};
  const prior: RawRange[] = [];
  for (const name of Object.keys(read.ranges) as (keyof typeof read.ranges)[]) {
    const raw = read.ranges[name];
    if (!raw) continue;
    expected[name] = raw.address;
    if (raw.whole) whole[name] = raw.whole;
    prior.push(raw);
  }
  const applied = await applyPlan(context, outcome.plan, {
    expected,
    whole,
    usedRangeValuesOnly: caps.usedRangeValuesOnly === true,
    prior,
  });
  if (!applied.ok) return { outcome, hostError: applied.error, snapshot: null };
  return { outcome, hostError: null, snapshot: applied.snapshot };
}
