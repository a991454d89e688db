import { percentText } from '../engine';
import type { FigureKind, ReviewFinding } from '../workbook/review';
import { settingLabel } from '../workbook/vocabulary';

/** What a stated figure is, in the words of the 复核 sheet's 项目 column. */
export function figureName(figure: FigureKind): string {
  switch (figure.kind) {
    case 'result':
      return `评价结果“${figure.label}”`;
    case 'indicatorRate':
      return `指标“${figure.subject}”的完成率`;
    case 'indicatorScore':
      return `指标“${figure.subject}”的得分`;
    case 'rowRate':
      return `“${figure.subject}”的执行率`;
    case 'rowAdjustment':
      return `“${figure.subject}”的调整率`;
    case 'rowScore':
      return `“${figure.subject}”的预算执行率得分`;
    case 'projectRate':
      return `项目“${figure.subject}”的执行率`;
    case 'subtotal':
      return figure.subject === '' ? '小计' : `“${figure.subject}”小计`;
    case 'formTotal':
      return '总分';
    case 'formGrade':
      return '自评等级';
  }
}

const shown = (value: string, percent: boolean) => (value === '' ? '（空）' : percent && /^-?[0-9.]+$/.test(value) ? percentText(value) : value);

/**
 * The 复核 sheet's columns for one finding: what is checked, the unit's
 * figure and the rules' figure (a stated figure only: a consistency check
 * compares two figures of the rules, said in words), and the finding in words.
 */
export interface ReviewText {
  item: string;
  stated: string;
  computed: string;
  text: string;
}

/** A finding in words: what differs or fails, and what to look at. */
export function reviewText(f: ReviewFinding): ReviewText {
  switch (f.code) {
    case 'statedDiffers': {
      const item = figureName(f.figure);
      const stated = shown(f.stated, f.percent);
      const computed = shown(f.computed, f.percent);
      return { item, stated, computed, text: `单位填报${item}为 ${stated}，按评分规则应为 ${computed}。` };
    }
    case 'rateGap':
      return {
        item: '指标得分率与预算执行率',
        stated: '',
        computed: '',
        text: `指标得分率（Σ得分/Σ分值）${percentText(f.scoreRate)} 与预算执行率 ${percentText(f.executionRate)} 相差超过 ${percentText(f.threshold)}（${settingLabel('reviewRateGap')}），请核实绩效目标与资金使用是否匹配。`,
      };
    case 'budgetZero':
      return { item: `“${f.subject}”的全年预算数`, stated: '', computed: '', text: `“${f.subject}”的全年预算数为 0，无法计算执行率，请核实。` };
    case 'unspent':
      return {
        item: `“${f.subject}”的结余`,
        stated: '',
        computed: '',
        text: `“${f.subject}”未执行的预算占 ${percentText(f.share)}，超过 ${percentText(f.threshold)}（${settingLabel('reviewUnspent')}），请核实结余原因。`,
      };
    case 'overachieved':
      return {
        item: `指标“${f.subject}”的完成率`,
        stated: '',
        computed: '',
        text: `指标“${f.subject}”超额完成，超过偏离度预警阈值 ${percentText(f.threshold)}，请核实指标值设定是否偏低。`,
      };
    case 'reasonBlank':
      return {
        item: `指标“${f.subject}”的偏差原因`,
        stated: '',
        computed: '',
        text: `指标“${f.subject}”未完全达成（按规则 ${f.score} / ${f.weight} 分），但偏差原因为空（${settingLabel('reviewReason')}）。`,
      };
    case 'weightTotal':
      return {
        item: '分值合计',
        stated: '',
        computed: '',
        text: `预算执行率分值与各指标分值合计为 ${f.total} 分，不是 ${f.expected} 分（${settingLabel('reviewWeightTotal')}），请核实分值设置。`,
      };
  }
}
