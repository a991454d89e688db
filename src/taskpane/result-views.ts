/**
 * The parts of a result an accountant checks and files, besides the total:
 * the 预算执行 rows, the projects' rates, the 一级指标 subtotals, small score
 * bars, the marks on a score and the heading of the printed result. Shared by
 * the pane and the page (render-pane.ts puts them together).
 */
import { formatCell } from '../workbook/address';
import type { BlockResult, IndicatorResult, ScoreSummary } from '../workbook/report';
import type { BookOutcome } from '../workbook/score-book';
import { blockLabel, headingLabel, headingResult, joinedNotes, manualMarkTitle, percentText, printDateText, UI } from '../messages/excel-ui';
import { type Child, h } from './dom';
import { gradeClass } from './pane-state';

/** Below this share of its 分值 a score's bar is drawn in the warning colour (a weak indicator). */
const WEAK_SHARE = 0.6;

/**
 * A score's bar: its share of the 分值 as a width. Only a drawing — the
 * figure itself is always the engine's decimal text beside it — so a float
 * is fine here. Hidden from screen readers, which read the figure.
 */
export function scoreBar(score: string, weight: string): HTMLElement {
  const w = Number(weight);
  const share = w > 0 ? Math.max(0, Math.min(1, Number(score) / w)) : 0;
  const weak = share < WEAK_SHARE;
  const fill = h('span', { class: 'bar__fill' + (weak ? ' bar__fill--weak' : '') });
  // CSSOM, not a style attribute: the page's CSP has no 'unsafe-inline'.
  fill.style.width = Math.round(share * 1000) / 10 + '%';
  // A weak score's whole track is tinted too, so that even 0 of 8 stands out.
  return h('span', { class: 'bar' + (weak ? ' bar--weak' : ''), 'aria-hidden': 'true' }, [fill]);
}

function rateRow(label: string, rate: string | null, adjustment: string | null, total: boolean): HTMLElement {
  return h('tr', total ? { class: 'figures__total' } : null, [
    h('th', { scope: 'row' }, [label]),
    h('td', null, [percentText(rate)]),
    h('td', null, [percentText(adjustment)]),
  ]);
}

/** 预算执行: the total row (the one scored) and each breakdown row, with 执行率 and 调整率. */
export function budgetTable(summary: ScoreSummary): HTMLElement {
  const rows = [rateRow(UI.budgetTotalRow, summary.execution.rate, summary.adjustmentRate, true)];
  for (const row of summary.rows) rows.push(rateRow(row.label, row.rate, row.adjustmentRate, false));
  return h('section', { class: 'card figures', 'aria-label': UI.budgetRows }, [
    h('h2', null, [UI.budgetRows]),
    h('table', { class: 'figures__table' }, [
      h('thead', null, [h('tr', null, [h('th', { scope: 'col' }, [UI.budgetRowLabel]), h('th', { scope: 'col' }, [UI.rowRate]), h('th', { scope: 'col' }, [UI.rowAdjustment])])]),
      h('tbody', null, rows),
    ]),
  ]);
}

/** 项目支出: each project's 执行率; nothing when the workbook lists no projects. */
export function projectTable(summary: ScoreSummary): HTMLElement | null {
  if (summary.projects.length === 0) return null;
  return h('section', { class: 'card figures', 'aria-label': UI.projects }, [
    h('h2', null, [UI.projects]),
    h('table', { class: 'figures__table figures__table--two' }, [
      h('thead', null, [h('tr', null, [h('th', { scope: 'col' }, [UI.projectName]), h('th', { scope: 'col' }, [UI.rowRate])])]),
      h('tbody', null, summary.projects.map((p) => h('tr', null, [h('th', { scope: 'row' }, [p.name]), h('td', null, [percentText(p.rate)])]))),
    ]),
  ]);
}

/** A block's heading: the 一级指标, its subtotal and its bar. */
export function blockHead(block: BlockResult): HTMLElement {
  return h('div', { class: 'block__head', 'aria-label': blockLabel(block.level1, block.score, block.weight) }, [
    h('div', { class: 'block__row' }, [
      h('h3', { class: 'block__name' }, [block.level1]),
      h('span', { class: 'block__score', title: UI.indicatorScore }, [block.score + '/' + block.weight]),
    ]),
    scoreBar(block.score, block.weight),
  ]);
}

/** The indicators of each block, in the blocks' order. */
export function indicatorsByBlock(summary: ScoreSummary): { block: BlockResult; indicators: IndicatorResult[] }[] {
  return summary.blocks.map((block) => ({ block, indicators: summary.indicators.filter((i) => i.level1 === block.level1) }));
}

/** On the page (no workbook to select it in), an indicator's cell, beside its name. */
export function indicatorCell(ind: IndicatorResult): HTMLElement {
  return h('span', { class: 'indicator__cell', title: UI.indicatorCell }, [formatCell(ind.address)]);
}

/** The 人工得分 and 规则调整 marks on an indicator's meta line, with what they mean in their title. */
export function indicatorMarks(ind: IndicatorResult): Child[] {
  return [
    ind.manual ? h('span', { class: 'mark mark--manual', title: manualMarkTitle(ind.ruleScore) }, [UI.manualMark]) : null,
    ind.adjustments.length > 0 ? h('span', { class: 'mark mark--adjusted', title: joinedNotes(ind.adjustments.map((a) => a.note)) }, [UI.adjustedMark]) : null,
  ];
}

/** The local rules that changed the total (执行率总分上限), on the result card. */
export function totalAdjustments(summary: ScoreSummary): HTMLElement | null {
  if (summary.adjustments.length === 0) return null;
  return h('div', { class: 'result__adjusted' }, [
    h('span', { class: 'mark mark--adjusted' }, [UI.adjustedMark]),
    ' ' + joinedNotes(summary.adjustments.map((a) => a.note)),
  ]);
}

function headingLine(label: string, value: Child): HTMLElement {
  return h('p', { class: 'print-heading__line' }, [h('span', { class: 'print-heading__label' }, [headingLabel(label)]), value]);
}

/** The unit and year of a printed result, where the workbook says them (null: a line to fill in by hand). */
export interface FilingInfo {
  unit: string | null;
  year: string | null;
}

/**
 * The top of the printed result (hidden on screen): unit and year, the
 * date, and the total and grade of the one evaluation (several: each is in
 * the overview below it).
 */
export function printHeading(outcome: BookOutcome, date: Date, filing: FilingInfo | null): HTMLElement {
  const [only] = outcome.evaluations;
  const summary = outcome.evaluations.length === 1 && outcome.errors.length === 0 ? only.summary : null;
  const result = summary ? headingResult(summary.total, summary.max) : null;
  // With the result here, the card below need not repeat the total and grade on paper (taskpane.css).
  return h('header', { class: 'print-heading print-only' + (summary ? ' print-heading--result' : '') }, [
    h('p', { class: 'print-heading__title' }, [UI.printTitle]),
    headingLine(UI.printUnit, (filing && filing.unit) || UI.printBlank),
    headingLine(UI.printYear, (filing && filing.year) || UI.printBlank),
    headingLine(UI.printDate, printDateText(date)),
    summary && result
      ? h('p', { class: 'print-heading__result' }, [
          h('span', { class: 'print-heading__label' }, [result[0]]),
          h('strong', null, [result[1]]),
          result[2],
          h('span', { class: 'grade ' + gradeClass(summary.gradeLevel, summary.gradeScale.length) }, [summary.grade]),
        ])
      : null,
  ]);
}
