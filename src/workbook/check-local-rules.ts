import { decimalCompare, decimalEquals, decimalSum, missedTarget, type Evaluation } from '../engine';
import type { CellAddress } from './address';
import type { TableCell } from './header-table';
import type { ReasonSubject } from './issues';
import type { IssueList } from './issue-list';
import { cellText, normalizeHeader } from './normalize';
import type { BudgetModel } from './parse-budget';
import type { Indicator } from './parse-indicators';
import { overLimit } from './text-limits';
import { NAME, type LocalRules } from './vocabulary';

export interface LocalCheckInput {
  budget: BudgetModel;
  evaluation: Evaluation<Indicator>;
  local: LocalRules;
}

/**
 * The local rules that check the workbook without changing a score:
 * 一级指标分值 (warnings) and 偏差原因必填 / 偏差原因字数上限 (warnings or
 * errors, as 偏差原因必填 says). Under the defaults nothing is checked (v1).
 */
export function checkLocalRules(input: LocalCheckInput, issues: IssueList): void {
  checkBlockWeights(input, issues);
  checkReasons(input, issues);
}

/** Σ 分值 of each 一级指标 named in 一级指标分值, matched like headers (`产出指标（50分）` is 产出指标). */
function checkBlockWeights({ evaluation, local }: LocalCheckInput, issues: IssueList): void {
  for (const expected of local.blockWeights) {
    const key = normalizeHeader(expected.block);
    const members = evaluation.indicators.filter((s) => normalizeHeader(s.item.level1) === key).map((s) => s.item);
    if (members.length === 0) {
      issues.add({ code: 'blockMissing', name: NAME.indicators, block: expected.block, expected: expected.weight });
      continue;
    }
    const sum = decimalSum(members.map((i) => i.input.weight));
    if (decimalEquals(sum, expected.weight)) continue;
    issues.add({
      code: 'blockWeightMismatch',
      cell: members[0].weightAddress,
      block: members[0].level1,
      sum,
      expected: expected.weight,
      weights: members.map((i) => i.weightAddress),
    });
  }
}

type Severity = 'error' | 'warning';

/**
 * 偏差原因必填: the total row's 预算执行率 (as written) below 执行率说明阈值,
 * and every indicator short of its target (engine's missedTarget), need a
 * filled 偏差原因. 偏差原因字数上限: those reasons, when filled, within the
 * limit — checked whenever a limit is set, as a warning when 偏差原因必填 is 否.
 */
function checkReasons({ budget, evaluation, local }: LocalCheckInput, issues: IssueList): void {
  const missing: Severity | null = local.reasonMode === 'error' ? 'error' : local.reasonMode === 'warn' ? 'warning' : null;
  const tooLong: Severity = local.reasonMode === 'error' ? 'error' : 'warning';
  const check = (subject: ReasonSubject, reason: TableCell | undefined, fallback: CellAddress, required: boolean) => {
    const text = reason ? cellText(reason.cell.value) : '';
    if (text === '') {
      if (!required || missing === null) return;
      const issue = { subject, column: reason !== undefined, cell: reason ? reason.address : fallback };
      issues.add(missing === 'error' ? { code: 'reasonMissing', ...issue } : { code: 'reasonMissingWarning', ...issue });
      return;
    }
    const count = overLimit(text, local.reasonMaxChars);
    if (count === null || !reason || local.reasonMaxChars === null) return;
    const issue = { subject, count, limit: local.reasonMaxChars, cell: reason.address };
    issues.add(tooLong === 'error' ? { code: 'reasonTooLong', ...issue } : { code: 'reasonTooLongWarning', ...issue });
  };

  const rate = evaluation.execution.rate;
  const total = budget.total;
  check({ kind: 'execution', rate, threshold: local.reasonThreshold }, total.reasonCell, total.actual.address, decimalCompare(rate, local.reasonThreshold) < 0);
  for (const { item, score } of evaluation.indicators) {
    check({ kind: 'indicator', name: item.name }, item.reasonCell, item.address, missedTarget(score, item.input.weight));
  }
}
