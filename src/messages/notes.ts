import { decimalCompare, percentText, type Adjustment, type Direction, type Rule, type Tier } from '../engine';
import type { Day, Quantity } from '../workbook/issues';
import { TIER_NAMES } from '../workbook/vocabulary';
import { bandText, dayText, formatFigure, formatQuantity, ratioPercent } from './quantity';

/** What a 计算说明 needs, as data; the text is made here. */
export interface NoteData {
  rule: Rule;
  direction: Direction;
  /** The target scored against (null for qualitative indicators). */
  target: Quantity | null;
  /** The actual after a negative one was counted as 0 (null for qualitative indicators). */
  actual: Quantity | null;
  weight: string;
  ruleScore: string;
  score: string;
  /** Completion rate as written (a ratio), or null. */
  rate: string | null;
  adjusted: boolean;
  negativeActual: boolean;
  manual: boolean;
  roundRatesFirst: boolean;
  /** Qualitative: the phrase the user wrote for the actual. */
  actualText: string;
  /** Local rules that changed the rule score (偏离扣分); empty under v1 rules, and the note is v1's. */
  adjustments: readonly Adjustment[];
  /** A 时效指标 with a date target: the days compared, and the year filled in where the user wrote none. */
  deadline?: DeadlineNote;
}

export interface DeadlineNote {
  target: Day;
  /** null: 按时完成 without a date. */
  actual: Day | null;
  /** Which side had no year and took the other's (`year`); null when both or neither had one. */
  assumed: null | { side: 'target' | 'actual'; year: number };
}

/** The formatted pieces the rule texts use. */
interface Shown {
  target: string;
  actual: string;
  targetFigure: string;
  actualFigure: string;
  rate: string;
}

const RULE_TEXT: Record<Rule['kind'], (d: NoteData, s: Shown) => string> = {
  met: (d, s) =>
    d.direction === 'atMost'
      ? `反向指标：实际完成值 ${s.actual} 未超过指标值 ${targetLabel(d, s)}，得满分 ${d.weight} 分`
      : `实际完成值 ${s.actual} 达到指标值 ${targetLabel(d, s)}，得满分 ${d.weight} 分`,
  proportional: (d, s) =>
    d.roundRatesFirst
      ? `实际完成值 ${s.actual} 未达到指标值 ${targetLabel(d, s)}，按完成率计分：${d.weight} × ${s.rate} = ${d.ruleScore} 分`
      : `实际完成值 ${s.actual} 未达到指标值 ${targetLabel(d, s)}，按完成比例计分：${d.weight} × ${s.actualFigure} ÷ ${s.targetFigure} = ${d.ruleScore} 分`,
  targetZero: (d) => `指标值为 0，得满分 ${d.weight} 分`,
  equalZero: (d, s) =>
    d.rule.kind === 'equalZero' && d.rule.met
      ? `指标值为 0，实际完成值 ${s.actual} 未超过 0，得满分 ${d.weight} 分`
      : `指标值为 0，实际完成值 ${s.actual} 大于 0，得 0 分`,
  reverseDeduct: (d, s) =>
    `反向指标：实际完成值 ${s.actual} 超过指标值 ${targetLabel(d, s)}，按偏差扣分：${d.weight} × (1 − (${s.actualFigure} − ${s.targetFigure}) ÷ ${s.targetFigure}) = ${d.ruleScore} 分`,
  reverseDouble: (d, s) => `反向指标：实际完成值 ${s.actual} 达到指标值 ${targetLabel(d, s)} 的 2 倍及以上，得 0 分`,
  reverseRatio: (d, s) => `反向指标：实际完成值 ${s.actual} 超过指标值 ${targetLabel(d, s)}，按比值计分：${d.weight} × ${s.targetFigure} ÷ ${s.actualFigure} = ${d.ruleScore} 分`,
  reverseZero: (d, s) => `反向指标：实际完成值 ${s.actual} 超过指标值 ${targetLabel(d, s)}，按规则记 0 分`,
  qualitative: (d) =>
    d.rule.kind !== 'qualitative'
      ? ''
      : `定性指标：${d.actualText}，属“${tierName(d.rule.tier)}”档，分值区间 ${bandText({ low: d.rule.bandLow, high: d.rule.bandHigh, highInclusive: d.rule.highInclusive })}` +
        (d.manual ? '' : `，暂按区间上限计 ${d.ruleScore} 分（请确认）`),
  manualOnly: () => `定性指标：未填写完成情况，按人工得分`,
  onTime: (d) =>
    !d.deadline || !d.deadline.actual
      ? `时效指标：实际完成值“${d.actualText}”，按时完成，得满分 ${d.weight} 分`
      : `时效指标：完成时间 ${dayText(d.deadline.actual)} 不晚于时限 ${dayText(d.deadline.target)}${d.adjusted ? '（调整后）' : ''}，得满分 ${d.weight} 分`,
  overdue: (d) =>
    d.deadline && d.deadline.actual
      ? `时效指标：完成时间 ${dayText(d.deadline.actual)} 晚于时限 ${dayText(d.deadline.target)}${d.adjusted ? '（调整后）' : ''}（逾期），得 0 分`
      : `时效指标：逾期，得 0 分`,
};

const ASSUMED_SIDE = { target: '指标值', actual: '实际完成值' } as const;

function targetLabel(d: NoteData, s: Shown): string {
  return d.adjusted ? `${s.target}（调整后）` : s.target;
}

export function tierName(tier: Tier): string {
  return TIER_NAMES[tier];
}

/** 计算说明: how the score was reached, in one line. */
export function indicatorNote(d: NoteData): string {
  const shown: Shown = {
    target: d.target ? formatQuantity(d.target) : '',
    actual: d.actual ? formatQuantity(d.actual) : '',
    targetFigure: d.target ? formatFigure(d.target) : '',
    actualFigure: d.actual ? formatFigure(d.actual) : '',
    rate: d.rate === null ? '' : ratioPercent(d.rate),
  };
  const parts: string[] = [];
  if (d.negativeActual) parts.push('实际完成值为负数，按 0 计');
  const assumed = d.deadline?.assumed;
  if (assumed) parts.push(`${ASSUMED_SIDE[assumed.side]}未写年份，按 ${assumed.year} 年计`);
  parts.push(RULE_TEXT[d.rule.kind](d, shown));
  for (const a of d.adjustments) parts.push(adjustmentText(a, d));
  if (d.manual) parts.push(d.rule.kind === 'qualitative' || d.rule.kind === 'manualOnly' ? `采用人工得分 ${d.score} 分` : `采用人工得分 ${d.score} 分（规则得分 ${d.ruleScore} 分）`);
  return parts.join('；') + '。';
}

/** `由 84.50 调为 79.00` */
function change(a: Adjustment): string {
  return `由 ${a.before} 调为 ${a.after}`;
}

/**
 * One local rule's step, in the words of 计算说明 and of `--json`:
 * `预算执行率 68.20% 低于 70%，总分上限 79 分：由 84.50 调为 79.00`.
 * `d` gives the indicator's figures for 偏离扣分 (its actual and target).
 */
export function adjustmentText(a: Adjustment, d?: Pick<NoteData, 'actual' | 'target'>): string {
  if (a.rule === 'executionCap') return `预算执行率 ${percentText(a.rate)} 低于 ${ratioPercent(a.below)}，总分上限 ${a.cap} 分：${change(a)}`;
  const bound = d && d.target ? formatQuantity({ ...d.target, value: a.bound }) : a.bound;
  const actual = d && d.actual ? `实际完成值 ${formatQuantity(d.actual)}` : '实际完成值';
  const floor = decimalCompare(a.before, a.points) < 0 ? '（扣分后不低于 0 分）' : '';
  return `偏离扣分：${actual} 不低于指标值 × (1 + ${ratioPercent(a.threshold)}) = ${bound}，扣 ${a.points} 分：${change(a)}${floor}`;
}

/**
 * 总分说明 (a 评价结果 label): how the total was reached, with the local rules
 * that changed it: `预算执行率得分 9.32 + 指标得分合计 72.21 = 81.53`.
 */
export function totalNote(executionScore: string, indicatorTotal: string, sum: string, adjustments: readonly Adjustment[]): string {
  const parts = [`预算执行率得分 ${executionScore} + 指标得分合计 ${indicatorTotal} = ${sum}`];
  for (const a of adjustments) parts.push(adjustmentText(a));
  return parts.join('；') + '。';
}
