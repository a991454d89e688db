import type { Rule } from '../engine';

/** What a 计算说明 needs, every figure already formatted for display. */
export interface NoteData {
  rule: Rule;
  direction: 'atLeast' | 'atMost' | 'equal' | 'qualitative';
  /** `100%`, `4978.49万元`; '' for qualitative. */
  target: string;
  actual: string;
  /** The same figures without a unit, for formulas (`52`, `78.48%`). */
  targetFigure: string;
  actualFigure: string;
  weight: string;
  ruleScore: string;
  score: string;
  /** Completion rate as shown (`78.48%`), or null. */
  rate: string | null;
  adjusted: boolean;
  negativeActual: boolean;
  manual: boolean;
  roundRatesFirst: boolean;
  /** Qualitative: the tier's name and band as shown. */
  tierName?: string;
  band?: string;
  actualText?: string;
}

const RULE_TEXT: Record<Rule['kind'], (d: NoteData) => string> = {
  met: (d) =>
    d.direction === 'atMost'
      ? `反向指标：实际完成值 ${d.actual} 未超过指标值 ${targetLabel(d)}，得满分 ${d.weight} 分`
      : `实际完成值 ${d.actual} 达到指标值 ${targetLabel(d)}，得满分 ${d.weight} 分`,
  proportional: (d) =>
    d.roundRatesFirst
      ? `实际完成值 ${d.actual} 未达到指标值 ${targetLabel(d)}，按完成率计分：${d.weight} × ${d.rate} = ${d.ruleScore} 分`
      : `实际完成值 ${d.actual} 未达到指标值 ${targetLabel(d)}，按完成比例计分：${d.weight} × ${d.actualFigure} ÷ ${d.targetFigure} = ${d.ruleScore} 分`,
  targetZero: (d) => `指标值为 0，得满分 ${d.weight} 分`,
  equalZero: (d) =>
    d.rule.kind === 'equalZero' && d.rule.met
      ? `指标值为 0，实际完成值 ${d.actual} 未超过 0，得满分 ${d.weight} 分`
      : `指标值为 0，实际完成值 ${d.actual} 大于 0，得 0 分`,
  reverseDeduct: (d) =>
    `反向指标：实际完成值 ${d.actual} 超过指标值 ${targetLabel(d)}，按偏差扣分：${d.weight} × (1 − (${d.actualFigure} − ${d.targetFigure}) ÷ ${d.targetFigure}) = ${d.ruleScore} 分`,
  reverseDouble: (d) => `反向指标：实际完成值 ${d.actual} 达到指标值 ${targetLabel(d)} 的 2 倍及以上，得 0 分`,
  reverseRatio: (d) => `反向指标：实际完成值 ${d.actual} 超过指标值 ${targetLabel(d)}，按比值计分：${d.weight} × ${d.targetFigure} ÷ ${d.actualFigure} = ${d.ruleScore} 分`,
  reverseZero: (d) => `反向指标：实际完成值 ${d.actual} 超过指标值 ${targetLabel(d)}，按规则记 0 分`,
  qualitative: (d) =>
    `定性指标：${d.actualText ?? ''}，属“${d.tierName ?? ''}”档，分值区间 ${d.band ?? ''}` +
    (d.manual ? '' : `，暂按区间上限计 ${d.ruleScore} 分（请确认）`),
  manualOnly: () => `定性指标：未填写完成情况，按人工得分`,
};

function targetLabel(d: NoteData): string {
  return d.adjusted ? `${d.target}（调整后）` : d.target;
}

/** 计算说明: how the score was reached, in one line. */
export function indicatorNote(d: NoteData): string {
  const parts: string[] = [];
  if (d.negativeActual) parts.push('实际完成值为负数，按 0 计');
  parts.push(RULE_TEXT[d.rule.kind](d));
  if (d.manual) parts.push(d.rule.kind === 'qualitative' || d.rule.kind === 'manualOnly' ? `采用人工得分 ${d.score} 分` : `采用人工得分 ${d.score} 分（规则得分 ${d.ruleScore} 分）`);
  return parts.join('；') + '。';
}

export function bandText(low: string, high: string, highInclusive: boolean): string {
  return `[${low}, ${high}${highInclusive ? ']' : ')'}`;
}
