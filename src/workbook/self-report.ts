import { decimalMinus, decimalSum, type Grade } from '../engine';
import type { StatedFigure, StatedTarget } from './parse-indicators';
import type { ReportInfo } from './parse-report-info';
import type { Quantity } from './issues';
import { rowLabelKey } from './normalize';
import type { ScoreOutcome, StatedBudgetRow } from './report';
import { BASIC_LABEL, BREAKDOWNS, PROJECT_LABEL, type ReportBlockKey, type ReportKind } from './vocabulary';

/**
 * The 绩效自评报告 as data: its outline, and every sentence that states a
 * figure with the figures it states, exactly as the scored workbook has them
 * (decimals as strings). The words are src/messages/self-report.ts's, so that
 * the command line, the page and the pane all render the same text.
 */

/** A fact of 报告信息 (单位名称, 年度, 项目名称): as written, or missing (a placeholder then). */
export type Fact = { kind: 'given'; text: string } | { kind: 'missing'; key: 'unit' | 'year' | 'project' };

/** A free-text block of 报告信息: its paragraphs, or null when not written (a placeholder then). */
export interface BlockRef {
  key: ReportBlockKey;
  paragraphs: string[] | null;
}

export interface ProjectLine {
  name: string;
  budget: string | null;
  actual: string | null;
  /** 项目效益, '' when not written (the part is then left out). */
  benefit: string;
}

/** An indicator's sentence: every part with no data is null and left out. */
export interface IndicatorSentence {
  number: number;
  name: string;
  target: StatedTarget | null;
  /** A qualitative target's phrase. */
  targetText: string;
  monitor: StatedFigure | null;
  adjustedTarget: StatedTarget | null;
  /** The quantitative actual, or null (then actualText, a qualitative phrase). */
  actual: Quantity | null;
  actualText: string;
  /** 完成率 as a ratio string, null for a qualitative indicator. */
  rate: string | null;
  reason: string;
  measures: string;
  weight: string;
  score: string;
}

/** The sentences of the report that state figures, and the free-text blocks. */
export type Sentence =
  | { kind: 'block'; block: BlockRef }
  | { kind: 'projectsDone'; count: number; budget: string; actual: string }
  | { kind: 'initialBudget'; total: string; basic: string | null; project: string | null }
  | { kind: 'adjustment'; initial: string; change: string; budget: string; rate: string | null }
  | { kind: 'execution'; budget: string; actual: string; rate: string }
  | { kind: 'spending'; year: Fact; actual: string; basic: string | null; basicUse: BlockRef; project: string | null; projectUse: BlockRef }
  | { kind: 'basicSpending'; year: Fact; budget: string; staff: string | null; office: string | null; actual: string | null; rate: string | null }
  | { kind: 'projectTotals'; year: Fact; count: number; budget: string; actual: string }
  | { kind: 'projectGroup'; number: number; source: string; count: number; budget: string; actual: string; projects: ProjectLine[] }
  | { kind: 'performance'; year: Fact; budget: string; actual: string; rate: string; score: string }
  | { kind: 'indicator'; indicator: IndicatorSentence }
  | { kind: 'conclusion'; year: Fact; reportKind: ReportKind; project: Fact; total: string; grade: Grade };

/** A paragraph: sentences run together. */
export type Paragraph = Sentence[];

/** Headings of the outline, by role; the numbering (一、 （一） 1. （1）) comes from the level. */
export type HeadingKey =
  | 'overview'
  | 'unitBasics'
  | 'functions'
  | 'organization'
  | 'keyWork'
  | 'budgetScale'
  | 'arrangement'
  | 'adjustment'
  | 'execution'
  | 'spendingScope'
  | 'management'
  | 'basicSpending'
  | 'projectManagement'
  | 'projectManaged'
  | 'system'
  | 'compliance'
  | 'projectUsed'
  | 'performance'
  | 'indicator'
  | 'conclusion'
  | 'problems'
  | 'improvement'
  | 'measures'
  | 'suggestions'
  | 'projectOverview'
  | 'projectFunds';

export interface Section {
  heading: HeadingKey;
  /** Only for 'indicator': its place (指标一, 指标二 …). */
  number?: number;
  paragraphs: Paragraph[];
  sections: Section[];
}

export interface SelfReport {
  kind: ReportKind;
  unit: Fact;
  year: Fact;
  project: Fact;
  sections: Section[];
}

const section = (heading: HeadingKey, paragraphs: Paragraph[] = [], sections: Section[] = []): Section => ({ heading, paragraphs, sections });

/** A block as its paragraphs, each a paragraph of its own (one placeholder paragraph when missing). */
function blockParagraphs(info: ReportInfo, key: ReportBlockKey): Paragraph[] {
  const ref = blockRef(info, key);
  return ref.paragraphs ? ref.paragraphs.map((p) => [{ kind: 'block', block: { key, paragraphs: [p] } }]) : [[{ kind: 'block', block: ref }]];
}

function blockRef(info: ReportInfo, key: ReportBlockKey): BlockRef {
  const text = info.blocks[key];
  return { key, paragraphs: text ? text.paragraphs : null };
}

function fact(info: ReportInfo, key: 'unit' | 'year' | 'project'): Fact {
  const text = info[key];
  return text ? { kind: 'given', text } : { kind: 'missing', key };
}

function rowOf(rows: StatedBudgetRow[], label: string): StatedBudgetRow | undefined {
  const key = rowLabelKey(label);
  return rows.find((r) => !r.isTotal && r.key === key);
}

/**
 * The report of one scored evaluation, or null when it has no summary (it
 * had errors: the host reports them instead, as scoring does).
 */
export function buildSelfReport(outcome: ScoreOutcome): SelfReport | null {
  const summary = outcome.summary;
  const stated = outcome.stated;
  if (!summary || !stated) return null;
  const { info, rows } = stated;
  const year = fact(info, 'year');
  const project = fact(info, 'project');
  const total = rows.find((r) => r.isTotal);
  const basic = rowOf(rows, BASIC_LABEL);
  const projectRow = rowOf(rows, PROJECT_LABEL);
  const [staffLabel, officeLabel] = BREAKDOWNS.find((b) => b.whole === BASIC_LABEL)?.parts ?? [];
  const staff = staffLabel ? rowOf(rows, staffLabel) : undefined;
  const office = officeLabel ? rowOf(rows, officeLabel) : undefined;
  const execution = summary.execution;

  const projects = summary.projects.map((p, i) => ({ ...p, source: stated.projects[i]?.source ?? '', benefit: stated.projects[i]?.benefit ?? '' }));
  const complete = projects.filter((p) => p.budget !== null && p.actual !== null);
  const projectSums = complete.length > 0 ? { budget: decimalSum(complete.map((p) => p.budget!)), actual: decimalSum(complete.map((p) => p.actual!)) } : null;

  // 一(三) 预算规模及安排: each sentence only when its figures are in the workbook.
  const initial: Paragraph[] = total?.initial ? [[{ kind: 'initialBudget', total: total.initial, basic: basic?.initial ?? null, project: projectRow?.initial ?? null }]] : [];
  const adjustment: Paragraph[] = total?.initial
    ? [[{ kind: 'adjustment', initial: total.initial, change: decimalMinus(execution.budget, total.initial), budget: execution.budget, rate: summary.adjustmentRate }]]
    : [];
  const executed: Paragraph[] = [[{ kind: 'execution', budget: execution.budget, actual: execution.actual, rate: execution.rate }]];
  const spending: Paragraph[] = [
    [
      {
        kind: 'spending',
        year,
        actual: execution.actual,
        basic: basic?.actual ?? null,
        basicUse: blockRef(info, 'basicUse'),
        project: projectRow?.actual ?? null,
        projectUse: blockRef(info, 'projectUse'),
      },
    ],
  ];

  const indicators = summary.indicators.map((result, i): Section => {
    const s = stated.indicators[i];
    const indicator: IndicatorSentence = {
      number: i + 1,
      name: result.name,
      target: s.target,
      targetText: s.targetText,
      monitor: s.monitor,
      adjustedTarget: s.adjustedTarget,
      actual: s.actual,
      actualText: s.actualText,
      rate: result.rate,
      reason: s.reason,
      measures: s.measures,
      weight: result.weight,
      score: result.score,
    };
    return { heading: 'indicator', number: i + 1, paragraphs: [[{ kind: 'indicator', indicator }]], sections: [] };
  });
  const performance = section('performance', [[{ kind: 'performance', year, budget: execution.budget, actual: execution.actual, rate: execution.rate, score: execution.score }]], indicators);
  const conclusion = section('conclusion', [[{ kind: 'conclusion', year, reportKind: info.kind, project, total: summary.total, grade: summary.grade }]]);
  const problems = section('problems', blockParagraphs(info, 'problems'));
  const improvement = section('improvement', [], [section('measures', blockParagraphs(info, 'measures')), section('suggestions', blockParagraphs(info, 'suggestions'))]);
  const compliance = [section('system', blockParagraphs(info, 'system')), section('compliance', blockParagraphs(info, 'compliance'))];

  const groups: Sentence[] = [];
  const sources: string[] = [];
  for (const p of projects) if (sources.indexOf(p.source) < 0) sources.push(p.source);
  sources.forEach((source, i) => {
    const members = projects.filter((p) => p.source === source);
    const known = members.filter((p) => p.budget !== null && p.actual !== null);
    groups.push({
      kind: 'projectGroup',
      number: i + 1,
      source,
      count: members.length,
      budget: decimalSum(known.map((p) => p.budget!)),
      actual: decimalSum(known.map((p) => p.actual!)),
      projects: members.map((p) => ({ name: p.name, budget: p.budget, actual: p.actual, benefit: p.benefit })),
    });
  });
  const projectUse: Paragraph[] = projectSums
    ? [[{ kind: 'projectTotals', year, count: projects.length, budget: projectSums.budget, actual: projectSums.actual }], ...groups.map((g): Paragraph => [g])]
    : [];

  const base = { unit: fact(info, 'unit'), year, project };
  if (info.kind === 'project') {
    return {
      kind: 'project',
      ...base,
      sections: [
        section('overview', [], [
          section('projectOverview', blockParagraphs(info, 'projectOverview')),
          section('projectFunds', [], [
            section('arrangement', [...initial, ...blockParagraphs(info, 'arrangementNote')]),
            section('adjustment', [...adjustment, ...blockParagraphs(info, 'adjustmentNote')]),
            section('execution', [...executed, ...blockParagraphs(info, 'executionNote')]),
          ]),
        ]),
        section('projectManagement', [], compliance),
        performance,
        conclusion,
        problems,
        improvement,
      ],
    };
  }

  const keyWork = blockParagraphs(info, 'keyWork');
  if (projectSums && info.blocks.keyWork) {
    // The seed states the year's projects right after the first paragraph of its 年度重点工作.
    keyWork[0] = [...keyWork[0], { kind: 'projectsDone', count: projects.length, budget: projectSums.budget, actual: projectSums.actual }];
  }
  const basicSpending: Paragraph[] = basic?.budget
    ? [
        [
          {
            kind: 'basicSpending',
            year,
            budget: basic.budget,
            staff: staff?.budget ?? null,
            office: office?.budget ?? null,
            actual: basic.actual,
            rate: summary.rows.find((r) => rowLabelKey(r.label) === basic.key)?.rate ?? null,
          },
        ],
      ]
    : [];
  return {
    kind: 'department',
    ...base,
    sections: [
      section('overview', [], [
        section('unitBasics', [], [section('functions', blockParagraphs(info, 'functions')), section('organization', blockParagraphs(info, 'organization'))]),
        section('keyWork', keyWork),
        section('budgetScale', [], [
          section('arrangement', [...initial, ...blockParagraphs(info, 'arrangementNote')]),
          section('adjustment', [...adjustment, ...blockParagraphs(info, 'adjustmentNote')]),
          section('execution', [...executed, ...blockParagraphs(info, 'executionNote')]),
          section('spendingScope', spending),
        ]),
      ]),
      section('management', [], [
        section('basicSpending', [...basicSpending, ...blockParagraphs(info, 'basicManagement')]),
        section('projectManaged', [], [section('projectManagement', [], compliance), section('projectUsed', projectUse)]),
      ]),
      performance,
      conclusion,
      problems,
      improvement,
    ],
  };
}
