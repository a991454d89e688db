import { deadlineMet, decimalCompare, decimalEquals, decimalTimes, manualScoreProblem, type IndicatorInput, type Tier } from '../engine';
import type { CellAddress } from './address';
import type { CellInput, NameResolution } from './cells';
import { fieldOf, isEmptyNumber, optionalNumber, requiredNumber, type NumberCell } from './fields';
import { FormRows, totalKind } from './form-rows';
import { readHeaderTable, type RowOf, type TableCell } from './header-table';
import type { FieldRef, Quantity } from './issues';
import type { IssueList } from './issue-list';
import { cellText, displayText, stripWhitespace, nfkc } from './normalize';
import { isBlank, isPercentFormat, readNumber, type NumberValue } from './numbers';
import { describeRangeProblem } from './range-problems';
import { parseNature, parseTargetText, type Nature, type Operator } from './target';
import { cellDate, isoDay, parseDateText, readDate, saysOnTime, type DatePoint } from './dates';
import type { DeadlineNote } from '../messages/notes';
import { tierOf } from './tiers';
import { DEFAULT_LOCAL_RULES, type IndicatorColumn, type LocalRules, NAME } from './vocabulary';

export interface Indicator {
  name: string;
  level1: string;
  level2: string;
  /** The name cell: where the indicator is reported. */
  address: CellAddress;
  input: IndicatorInput;
  /** The target scored against (调整后指标值 when filled); null for qualitative indicators. */
  target: Quantity | null;
  adjusted: boolean;
  /** The qualitative phrase of the actual, for notes. */
  actualText: string;
  actualAddress: CellAddress;
  weightAddress: CellAddress;
  manualAddress?: CellAddress;
  rateCell?: TableCell;
  scoreCell?: TableCell;
  noteCell?: TableCell;
  /** 偏差原因 (input only): checked when 偏差原因必填 asks for it. */
  reasonCell?: TableCell;
  /** A 时效指标 with a date target: the days compared, for 计算说明. */
  deadline?: DeadlineNote;
  /** What the 自评报告 states of the indicator beyond its score (never scored). */
  stated: StatedIndicator;
}

/** A target as the report states it: the figure and its operator. */
export interface StatedTarget extends Quantity {
  operator: Operator;
  /** True when the cell itself wrote the operator (`≥95%`); false when it came from 指标性质 or the default. */
  written: boolean;
}

/** A figure of 年中监控值: a number read like 实际完成值, or the text written when it is none. */
export type StatedFigure = { kind: 'quantity'; quantity: Quantity } | { kind: 'text'; text: string };

export interface StatedIndicator {
  /** 指标值 as written (before 调整后指标值); null for a qualitative indicator. */
  target: StatedTarget | null;
  /** 调整后指标值 when filled. */
  adjustedTarget: StatedTarget | null;
  /** The target's own text for a qualitative indicator ('' otherwise). */
  targetText: string;
  /** 实际完成值 (null for a qualitative indicator: see actualText). */
  actual: Quantity | null;
  /** A qualitative indicator's 实际完成值 phrase ('' otherwise). */
  actualText: string;
  /** 年中监控值, null when blank or the column is absent. */
  monitor: StatedFigure | null;
  reason: string;
  measures: string;
}

/** What the workbook's rules say about reading indicators (评分规则). */
export type IndicatorRules = Pick<LocalRules, 'tierWords' | 'overdueMode'>;

type IndicatorRow = RowOf<'indicators'>;

/** A target as read from 指标值 or 调整后指标值. */
type ParsedTarget =
  | { kind: 'qualitative' }
  | { kind: 'deadline'; date: DatePoint; text: string }
  | { kind: 'quantitative'; operator: Operator; value: string; percent: boolean; unit: string; written: boolean };

/** The actual as read for the kind of target it is measured against. */
type ParsedActual =
  | { kind: 'qualitative'; tier: Tier | null; text: string }
  | { kind: 'quantitative'; value: string }
  /** date null: 按时完成 without a date. */
  | { kind: 'deadline'; date: DatePoint | null; text: string };

/** One row being read: its cells, where issues go, and 小数位数 (for checking manual scores as written). */
interface RowReader {
  row: IndicatorRow;
  issues: IssueList;
  decimals: number;
  rules: IndicatorRules;
}

/** Each column's FieldRef made once (issues only read them): rows ask for them at every number read. */
const FIELDS = new Map<IndicatorColumn, FieldRef>();
function field(column: IndicatorColumn): FieldRef {
  let ref = FIELDS.get(column);
  if (ref === undefined) {
    ref = fieldOf('indicators', column);
    FIELDS.set(column, ref);
  }
  return ref;
}
const INPUTS: IndicatorColumn[] = ['name', 'target', 'nature', 'adjustedTarget', 'actual', 'weight', 'manual'];
const OUTPUTS = ['rate', 'score', 'note'] as const;

/**
 * `绩效指标` (required): one Indicator per data row; merged 一级/二级 cells are
 * filled down. `form` collects the rows that are places for results (总分,
 * 小计; the grade cell): see form-rows.ts.
 */
export function parseIndicators(
  resolution: NameResolution,
  decimals: number,
  issues: IssueList,
  form: FormRows = new FormRows(),
  rules: IndicatorRules = DEFAULT_LOCAL_RULES,
): Indicator[] | null {
  if (resolution.kind !== 'range') {
    describeRangeProblem(NAME.indicators, resolution, issues);
    return null;
  }
  const table = readHeaderTable(NAME.indicators, 'indicators', resolution.range, resolution.cells, issues);
  if (!table) return null;
  const indicators: Indicator[] = [];
  let ok = true;
  let level1 = '';
  let level2 = '';
  table.rows.forEach((row, i) => {
    if (form.ended) return form.findGrade(table.range, resolution.cells, i + 1, table.columns.score);
    const l1 = textOfCell(row.cell('level1'));
    const l2 = textOfCell(row.cell('level2'));
    if (l1 !== '') {
      level1 = l1;
      level2 = '';
    }
    if (l2 !== '') level2 = l2;
    const name = textOfCell(row.cell('name'));
    // 合计 … may stand in the range's first column too (the national form's 总分 under its merged 绩效指标 label).
    const first = cellText(resolution.cells[i + 1][0].value);
    const kind = totalKind(l1) ?? totalKind(l2) ?? totalKind(name) ?? (first === l1 ? null : totalKind(first));
    if (kind) {
      if (kind !== 'total') form.add(kind, row.address, row.get('score'), indicators.length);
      if (kind === 'grand') form.findGrade(table.range, resolution.cells, i + 1, table.columns.score);
      return;
    }
    if (allBlank(row, INPUTS)) return;
    const parsed = readIndicator({ row, issues, decimals, rules }, name, level1, level2);
    if (parsed) indicators.push(parsed);
    else ok = false;
  });
  if (!ok) return null;
  if (indicators.length === 0) {
    issues.add({ code: 'noIndicators', name: NAME.indicators });
    return null;
  }
  return indicators;
}

/**
 * One indicator row. Every cell of the row is read and checked, whatever
 * fails first, so that all of a row's problems are reported together.
 */
function readIndicator(reader: RowReader, name: string, level1: string, level2: string): Indicator | null {
  const { row, issues } = reader;
  const before = issues.errorCount;
  const nameCell = row.get('name');
  if (name === '') issues.add({ code: 'valueRequired', cell: nameCell.address, field: field('name') });
  checkOutputCells(reader);
  const weight = readWeight(reader);
  const nature = readNature(reader);
  const unitColumn = stripWhitespace(nfkc(textOfCell(row.cell('unit'))));
  const { target, adjusted, base } = readTargets(reader, nature, unitColumn);
  const manualInput = row.cell('manual');
  // Mostly blank: its TableCell is made only when it holds something.
  const manual = manualInput === undefined || isEmptyNumber(manualInput) ? undefined : optionalNumber(row.get('manual'), field('manual'), issues);
  const qualitative = target ? target.kind === 'qualitative' : looksQualitative(row.get('target'), nature);
  const actual =
    target?.kind === 'deadline' ? readDeadlineActual(reader, target) : qualitative ? readTier(reader, Boolean(manual)) : readActual(reader, target, unitColumn);
  // A manual score is checked against [0, 分值] even when the actual failed; against the band once the tier is known.
  if (manual && weight && (!qualitative || actual)) checkManual(reader, manual, weight, actual?.kind === 'qualitative' ? actual.tier : null);
  if (issues.errorCount > before || !target || !weight || manual === null || !actual) return null;

  const manualScore = manual ? manual.value : null;
  const percent = target.kind === 'quantitative' && target.percent;
  const actualCell = row.get('actual');
  const reasonCell = row.get('reason');
  const stated: StatedIndicator = {
    target: statedOf(base),
    adjustedTarget: adjusted ? statedOf(target) : null,
    targetText: target.kind === 'qualitative' || target.kind === 'deadline' ? shownText(row.get('target')) : '',
    actual: null,
    actualText: actual.kind === 'qualitative' || actual.kind === 'deadline' ? actual.text : '',
    monitor: readMonitor(row.cell('monitor'), percent, target.kind === 'quantitative' ? target.unit : unitColumn),
    reason: shownText(reasonCell),
    measures: shownTextOfCell(row.cell('measures')),
  };
  // Every record is this one object literal, of one shape (deadline undefined but for 时效指标), built once.
  const record = (actualText: string, recordTarget: Indicator['target'], deadline: Indicator['deadline'], input: IndicatorInput): Indicator => ({
    name,
    level1,
    level2,
    address: nameCell.address,
    adjusted,
    actualText,
    actualAddress: actualCell.address,
    weightAddress: weight.address,
    manualAddress: manual?.address,
    rateCell: row.get('rate'),
    scoreCell: row.get('score'),
    noteCell: row.get('note'),
    reasonCell,
    stated,
    target: recordTarget,
    deadline,
    input,
  });
  if (actual.kind === 'qualitative') {
    return record(actual.text, null, undefined, { direction: 'qualitative', tier: actual.tier, weight: weight.value, manualScore });
  }
  if (actual.kind === 'deadline') {
    if (target.kind !== 'deadline') return null;
    const note = deadlineNote(target, actual);
    const input: IndicatorInput = { direction: 'deadline', deadline: note.target.iso, actual: note.actual ? note.actual.iso : null, weight: weight.value, manualScore };
    if (reader.rules.overdueMode === 'manual' && manualScore === null && note.actual && !deadlineMet(input.deadline, input.actual)) {
      issues.add({ code: 'overdueNeedsManual', cell: actualCell.address, deadline: note.target, actual: note.actual });
      return null;
    }
    return record(actual.text, null, note, input);
  }
  if (target.kind !== 'quantitative') return null; // a quantitative actual is read only for a quantitative target
  const unit = target.percent ? '' : target.unit;
  if (isNegativeDecimal(actual.value)) {
    issues.add({ code: 'negativeActual', cell: actualCell.address, field: field('actual'), value: { value: actual.value, percent: target.percent, unit } });
  }
  stated.actual = { value: actual.value, percent: target.percent, unit };
  return record(
    '',
    { value: target.value, percent: target.percent, unit },
    undefined,
    { direction: target.operator, target: target.value, actual: actual.value, weight: weight.value, manualScore },
  );
}

/** A target as the report states it, for a quantitative one. */
function statedOf(t: ParsedTarget | null): StatedTarget | null {
  return t && t.kind === 'quantitative' ? { value: t.value, percent: t.percent, unit: t.percent ? '' : t.unit, operator: t.operator, written: t.written } : null;
}

/** Below zero, told on the text (the figures here are canonical decimals: `-0` is never one). */
function isNegativeDecimal(value: string): boolean {
  return decimalCompare(value, '0') < 0;
}

/** A cell's text as the user wrote it (no NFKC), for the report to quote. */
function shownText(tc: TableCell | undefined): string {
  return tc ? displayText(tc.cell.value) : '';
}

function shownTextOfCell(cell: CellInput | undefined): string {
  return cell ? displayText(cell.value) : '';
}

function textOfCell(cell: CellInput | undefined): string {
  return cell ? cellText(cell.value) : '';
}

function allBlank(row: IndicatorRow, keys: readonly IndicatorColumn[]): boolean {
  for (let k = 0; k < keys.length; k++) {
    const cell = row.cell(keys[k]);
    if (cell && !isBlank(cell)) return false;
  }
  return true;
}

/** 完成率, 得分, 计算说明 are written for every indicator row: a formula there is an error (never overwritten). */
function checkOutputCells({ row, issues }: RowReader): void {
  for (let k = 0; k < OUTPUTS.length; k++) {
    // Peeked first: the TableCell (with its address) is made only for the issue.
    const tc = row.cell(OUTPUTS[k])?.formula ? row.get(OUTPUTS[k]) : undefined;
    if (tc) issues.add({ code: 'outputFormula', cell: tc.address, field: field(OUTPUTS[k]) });
  }
}

/** 分值: a number > 0. */
function readWeight({ row, issues }: RowReader): NumberCell | null {
  const weight = requiredNumber(row.get('weight'), field('weight'), issues);
  if (weight && decimalCompare(weight.value, '0') <= 0) {
    issues.add({ code: 'weightNotPositive', cell: weight.address, value: weight.value });
    return null;
  }
  return weight;
}

/** 指标性质, when the column is there and filled. */
function readNature({ row, issues }: RowReader): Nature | null {
  const cell = row.cell('nature');
  const text = textOfCell(cell);
  if (!cell || text === '') return null;
  const nature = parseNature(text);
  const tc = nature.kind === 'unknown' ? row.get('nature') : undefined;
  if (tc) issues.add({ code: 'natureUnknown', cell: tc.address, text });
  return nature;
}

/** 指标值, and 调整后指标值 when filled (it replaces 指标值 for scoring; ignored for a qualitative indicator). */
function readTargets(
  reader: RowReader,
  nature: Nature | null,
  unitColumn: string,
): { target: ParsedTarget | null; adjusted: boolean; base: ParsedTarget | null } {
  const base = readTarget(reader, reader.row.get('target'), nature, unitColumn, null);
  const adjustedInput = reader.row.cell('adjustedTarget');
  // Mostly blank: its TableCell is made only when it holds something.
  const adjustedCell = adjustedInput && !isBlank(adjustedInput) ? reader.row.get('adjustedTarget') : undefined;
  if (base?.kind === 'deadline' && adjustedCell && !isBlank(adjustedCell.cell)) {
    // A deadline moved (调整后指标值 `2025年3月底前`): scored against the new one.
    const moved = readDeadlineTarget(adjustedCell);
    if (!moved) reader.issues.add({ code: 'targetUnparsable', cell: adjustedCell.address, text: cellText(adjustedCell.cell.value) });
    return { target: moved, adjusted: moved !== null, base };
  }
  if (base?.kind !== 'quantitative' || !adjustedCell || isBlank(adjustedCell.cell)) return { target: base, adjusted: false, base };
  return { target: readTarget(reader, adjustedCell, nature, unitColumn, base), adjusted: true, base };
}

/**
 * 年中监控值: read like 实际完成值 (a ratio under a percentage target), but
 * never checked or scored — what is no number is kept as the text written.
 */
function readMonitor(cell: CellInput | undefined, percent: boolean, unit: string): StatedFigure | null {
  if (!cell || isBlank(cell)) return null;
  const read = readNumber(cell);
  if (read.kind !== 'number') return { kind: 'text', text: shownTextOfCell(cell) };
  const n = read.number;
  const ratio = percent || n.percentFormat || n.textPercent;
  return { kind: 'quantity', quantity: { value: asRatio(n, ratio), percent: ratio, unit: ratio ? '' : n.unit || unit } };
}

/**
 * 指标值 or 调整后指标值. `base` is the parsed 指标值 when reading the adjusted
 * target: a bare number there keeps the operator and unit of 指标值.
 */
function readTarget(
  { issues }: RowReader,
  tc: TableCell,
  nature: Nature | null,
  unitColumn: string,
  base: Extract<ParsedTarget, { kind: 'quantitative' }> | null,
): ParsedTarget | null {
  const label = base ? field('adjustedTarget') : field('target');
  const natureOp = nature?.kind === 'operator' ? nature.operator : null;
  const raw = tc.cell.value;
  if (isBlank(tc.cell)) {
    issues.add(tc.cell.formula ? { code: 'formulaWithoutValue', cell: tc.address, field: label } : { code: 'valueRequired', cell: tc.address, field: label });
    return null;
  }
  if (tc.cell.error) {
    issues.add({ code: 'errorValue', cell: tc.address, field: label, text: String(raw) });
    return null;
  }
  if (nature?.kind === 'qualitative' && !base) return { kind: 'qualitative' };

  let operator: Operator | null = null;
  let number: NumberValue;
  const deadline = readDeadlineTarget(tc);
  if (deadline) {
    if (base) issues.add({ code: 'targetUnparsable', cell: tc.address, text: cellText(raw) });
    return base ? null : deadline;
  }
  if (typeof raw === 'number') {
    const read = readNumber(tc.cell);
    if (read.kind !== 'number') return null;
    number = read.number;
  } else {
    const text = cellText(raw);
    const parsed = parseTargetText(text);
    if (parsed.kind === 'invalid') {
      issues.add(parsed.badThousands ? { code: 'badThousands', cell: tc.address, field: label, text } : { code: 'targetUnparsable', cell: tc.address, text });
      return null;
    }
    if (parsed.kind === 'qualitative') {
      if (base) issues.add({ code: 'targetUnparsable', cell: tc.address, text });
      else if (natureOp) issues.add({ code: 'targetNeedsNumber', cell: tc.address, text, nature: natureOp });
      else return { kind: 'qualitative' };
      return null;
    }
    operator = parsed.operator;
    number = { value: parsed.value, unit: parsed.unit, percentFormat: false, textPercent: parsed.percent };
  }
  if (operator && natureOp && operator !== natureOp) {
    issues.add({ code: 'operatorConflict', cell: tc.address, text: cellText(raw), nature: natureOp });
    return null;
  }
  const percent = number.percentFormat || number.textPercent || unitColumn === '%' || (base !== null && base.percent && !number.unit);
  const value = asRatio(number, percent);
  if (decimalCompare(value, '0') < 0) {
    issues.add({ code: 'targetNegative', cell: tc.address, text: cellText(raw) });
    return null;
  }
  const unit = number.unit && number.unit !== '%' ? number.unit : unitColumn !== '%' ? unitColumn || base?.unit || '' : '';
  // written: the cell states its operator itself (`≥95%`), as the report then states it too.
  return { kind: 'quantitative', operator: operator ?? natureOp ?? base?.operator ?? 'atLeast', value, percent, unit, written: operator !== null };
}

/**
 * What a 时效指标 compares: a year missing on one side is the other side's
 * (the note says so); with neither, the days compare within one year.
 */
function deadlineNote(target: Extract<ParsedTarget, { kind: 'deadline' }>, actual: Extract<ParsedActual, { kind: 'deadline' }>): DeadlineNote {
  const done = actual.date;
  const deadline = isoDay(target.date, done?.year ?? null);
  const actualIso = done ? isoDay(done, target.date.year) : null;
  return {
    target: { iso: deadline, yearShown: target.date.year !== null || done?.year != null },
    actual: done && actualIso ? { iso: actualIso, yearShown: done.year !== null || target.date.year !== null } : null,
    assumed:
      done && target.date.year === null && done.year !== null
        ? { side: 'target', year: done.year }
        : done && done.year === null && target.date.year !== null
          ? { side: 'actual', year: target.date.year }
          : null,
  };
}

/** A deadline as 指标值 (a date cell, or `2024年12月底前`, `≤2024-12-31` …), or null. */
function readDeadlineTarget(tc: TableCell): Extract<ParsedTarget, { kind: 'deadline' }> | null {
  const text = cellText(tc.cell.value);
  const date = typeof tc.cell.value === 'string' ? parseDateText(text) : cellDate(tc.cell);
  return date ? { kind: 'deadline', date, text: typeof tc.cell.value === 'string' ? text : isoDay(date, null) } : null;
}

/** The actual of a deadline target: a date cell, date text, or 按时完成. Null after an issue. */
function readDeadlineActual({ row, issues }: RowReader, target: Extract<ParsedTarget, { kind: 'deadline' }>): ParsedActual | null {
  const tc = row.get('actual');
  if (isBlank(tc.cell)) {
    issues.add(tc.cell.formula ? { code: 'formulaWithoutValue', cell: tc.address, field: field('actual') } : { code: 'valueRequired', cell: tc.address, field: field('actual') });
    return null;
  }
  if (tc.cell.error) {
    issues.add({ code: 'errorValue', cell: tc.address, field: field('actual'), text: String(tc.cell.value) });
    return null;
  }
  const text = cellText(tc.cell.value);
  if (typeof tc.cell.value === 'string' && saysOnTime(text)) return { kind: 'deadline', date: null, text };
  const date = readDate(tc.cell);
  if (!date) {
    issues.add({ code: 'deadlineActualUnparsable', cell: tc.address, text, target: target.text, number: typeof tc.cell.value === 'number' });
    return null;
  }
  // A date cell is quoted (in the report) as its day, not as its serial number.
  return { kind: 'deadline', date, text: typeof tc.cell.value === 'string' ? text : isoDay(date, null) };
}

/** The actual of a qualitative indicator: a tier phrase (blank only beside a manual score). Null after an issue. */
function readTier({ row, issues, rules }: RowReader, hasManual: boolean): ParsedActual | null {
  const tc = row.get('actual');
  const text = cellText(tc.cell.value);
  if (text === '') {
    if (hasManual) return { kind: 'qualitative', tier: null, text };
    issues.add({ code: 'valueRequired', cell: tc.address, field: field('actual') });
    return null;
  }
  const tier = tierOf(text, rules.tierWords);
  if (!tier) {
    issues.add({ code: 'tierUnknown', cell: tc.address, text });
    return null;
  }
  return { kind: 'qualitative', tier, text };
}

/**
 * The actual of a quantitative indicator, a ratio for percentages. It is read
 * even when the target failed, as the target's text suggests. Null after an issue.
 */
function readActual({ row, issues }: RowReader, target: ParsedTarget | null, unitColumn: string): ParsedActual | null {
  const tc = row.get('actual');
  const percent = target?.kind === 'quantitative' ? target.percent : looksPercent(row.get('target'), unitColumn);
  const date = cellDate(tc.cell);
  if (date) {
    issues.add({ code: 'dateNotNumber', cell: tc.address, field: field('actual'), text: isoDay(date, null) });
    return null;
  }
  const n = requiredNumber(tc, field('actual'), issues);
  if (n === null) return null;
  if (percent && !n.percentFormat && !n.textPercent && decimalCompare(n.value, '0') > 0 && decimalCompare(n.value, '1.5') <= 0) {
    issues.add({ code: 'percentLooksLikeRatio', cell: tc.address, value: n.value, ratioPercent: decimalTimes(n.value, '100') });
  }
  return { kind: 'quantitative', value: asRatio(n, percent) };
}

/** 人工得分 within [0, 分值], or within the tier's band for a qualitative indicator with a tier. */
function checkManual({ issues, decimals }: RowReader, manual: NumberCell, weight: NumberCell, tier: Tier | null): void {
  const problem = manualScoreProblem(manual.value, weight.value, tier, decimals);
  if (!problem) return;
  // The band is checked on the score as it would be written (rounded to 小数位数): show that figure too.
  const rounded = decimalEquals(problem.rounded, manual.value) ? null : problem.rounded;
  if (tier) {
    const band = { low: problem.low, high: problem.high, highInclusive: problem.highInclusive };
    issues.add({ code: 'manualOutOfBand', cell: manual.address, value: manual.value, rounded, tier, band });
  } else {
    issues.add({ code: 'manualOutOfRange', cell: manual.address, value: manual.value, rounded, high: problem.high });
  }
}

/** When the target could not be read: a qualitative indicator is one with no digit in its target, or 指标性质 定性. */
function looksQualitative(tc: TableCell, nature: Nature | null): boolean {
  if (nature?.kind === 'qualitative') return true;
  // An error value (#N/A) says nothing about the indicator: numbers are the common case.
  return !tc.cell.error && typeof tc.cell.value === 'string' && !/\d/.test(nfkc(tc.cell.value));
}

function looksPercent(tc: TableCell, unitColumn: string): boolean {
  return unitColumn === '%' || isPercentFormat(tc.cell.numberFormat) || (typeof tc.cell.value === 'string' && nfkc(tc.cell.value).includes('%'));
}

/** Percent-formatted numbers and text percents are ratios; a plain number under a percentage target is percentage points. */
function asRatio(n: NumberValue, percent: boolean): string {
  if (n.percentFormat || n.textPercent || !percent) return n.value;
  return decimalTimes(n.value, '1', '100');
}
