import { decimalCompare, decimalEquals, decimalTimes, manualScoreProblem, type IndicatorInput, type Tier } from '../engine';
import { bandText } from '../messages/notes';
import type { CellAddress } from './address';
import type { NameResolution } from './cells';
import { optionalNumber, requiredNumber } from './fields';
import { readHeaderTable, type TableCell, type TableRow } from './header-table';
import type { IssueList } from './issue-list';
import { cellText, normalizeHeader, stripWhitespace, nfkc } from './normalize';
import { isBlank, isPercentFormat, readNumber, type NumberValue } from './numbers';
import { describeRangeProblem } from './range-problems';
import { parseNature, parseTargetText, type Nature, type Operator } from './target';
import {
  INDICATOR_COLUMNS,
  TABLE_TOTAL_LABELS,
  TIER_A_WORDS,
  TIER_B_WORD,
  TIER_C_WORDS,
  TIER_NAMES,
  type IndicatorColumn,
} from './vocabulary';

export interface Indicator {
  name: string;
  level1: string;
  level2: string;
  /** The name cell: where the indicator is reported. */
  address: CellAddress;
  input: IndicatorInput;
  /** The target is a percentage: targets and actuals are ratios. */
  percent: boolean;
  /** Display unit for notes (`万元`, `人`), '' for percentages. */
  unit: string;
  /** The target scored against (调整后指标值 when filled), as a ratio for percentages. */
  target: string | null;
  adjusted: boolean;
  /** The qualitative phrase of the actual, for notes. */
  actualText: string;
  actualAddress: CellAddress;
  weightAddress: CellAddress;
  manualAddress?: CellAddress;
  rateCell?: TableCell;
  scoreCell?: TableCell;
  noteCell?: TableCell;
}

const HEADERS = new Map<IndicatorColumn, string>(INDICATOR_COLUMNS.map((c) => [c.key, c.header]));
const field = (key: IndicatorColumn): string => HEADERS.get(key)!;
const TOTAL_KEYS = new Set(TABLE_TOTAL_LABELS.map(normalizeHeader));
const INPUTS: IndicatorColumn[] = ['name', 'target', 'nature', 'adjustedTarget', 'actual', 'weight', 'manual'];

/** `绩效指标` (required): one Indicator per data row; merged 一级/二级 cells are filled down. */
export function parseIndicators(resolution: NameResolution, decimals: number, issues: IssueList): Indicator[] | null {
  if (resolution.kind !== 'range') {
    describeRangeProblem('绩效指标', resolution, issues);
    return null;
  }
  const table = readHeaderTable('绩效指标', resolution.range, resolution.cells, INDICATOR_COLUMNS, issues);
  if (!table) return null;
  const indicators: Indicator[] = [];
  let ok = true;
  let level1 = '';
  let level2 = '';
  for (const row of table.rows) {
    const l1 = cellText(row.get('level1')?.cell.value ?? null);
    const l2 = cellText(row.get('level2')?.cell.value ?? null);
    if (l1 !== '') {
      level1 = l1;
      level2 = '';
    }
    if (l2 !== '') level2 = l2;
    const name = cellText(row.get('name')?.cell.value ?? null);
    if ([l1, l2, name].some((t) => TOTAL_KEYS.has(normalizeHeader(t)))) continue;
    if (INPUTS.every((k) => { const tc = row.get(k); return !tc || isBlank(tc.cell); })) continue;
    const parsed = parseRow(row, name, level1, level2, decimals, issues);
    if (parsed) indicators.push(parsed);
    else ok = false;
  }
  if (!ok) return null;
  if (indicators.length === 0) {
    issues.atName('noIndicators', '绩效指标');
    return null;
  }
  return indicators;
}

interface Direction {
  direction: Operator | 'qualitative';
  value: string | null;
  percent: boolean;
  unit: string;
}

function parseRow(row: TableRow<IndicatorColumn>, name: string, level1: string, level2: string, decimals: number, issues: IssueList): Indicator | null {
  // Every cell of the row is read and checked, whatever fails first, so that
  // all of a row's problems are reported together.
  const before = issues.errors.length;
  const nameCell = row.get('name')!;
  if (name === '') issues.atCell('valueRequired', nameCell.address, { field: field('name') });
  checkOutputCells(row, issues);

  const weightCell = row.get('weight')!;
  let weight = requiredNumber(weightCell, field('weight'), issues, weightCell.address);
  if (weight && decimalCompare(weight.value, '0') <= 0) {
    issues.atCell('weightNotPositive', weight.address, { text: weight.value });
    weight = null;
  }

  const natureCell = row.get('nature');
  const natureText = natureCell ? cellText(natureCell.cell.value) : '';
  let nature: Nature | null = null;
  if (natureText !== '') {
    nature = parseNature(natureText);
    if (nature.kind === 'unknown') issues.atCell('natureUnknown', natureCell!.address, { text: natureText });
  }
  const unitColumn = row.get('unit') ? stripWhitespace(nfkc(cellText(row.get('unit')!.cell.value))) : '';

  const targetCell = row.get('target')!;
  const base = readTarget(targetCell, nature, unitColumn, null, issues);
  let target = base;
  let adjusted = false;
  const adjustedCell = row.get('adjustedTarget');
  if (base && base.direction !== 'qualitative' && adjustedCell && !isBlank(adjustedCell.cell)) {
    target = readTarget(adjustedCell, nature, unitColumn, base, issues);
    adjusted = true;
  }
  const manual = optionalNumber(row.get('manual'), field('manual'), issues);

  // The actual is read even when the target failed, as the target's text suggests.
  const actualCell = row.get('actual')!;
  const qualitative = target ? target.direction === 'qualitative' : looksQualitative(targetCell, nature);
  const percent = target ? target.percent : looksPercent(targetCell, unitColumn);
  let tier: Tier | null = null;
  let actual: string | undefined;
  let actualText = '';
  if (qualitative) {
    actualText = cellText(actualCell.cell.value);
    if (actualText === '') {
      if (!manual) issues.atCell('valueRequired', actualCell.address, { field: field('actual') });
    } else {
      tier = tierOf(actualText);
      if (!tier) issues.atCell('tierUnknown', actualCell.address, { text: actualText });
    }
  } else {
    const read = readActual(actualCell, percent, issues);
    if (read !== null) actual = read;
  }
  if (manual && weight && (!qualitative || tier || actualText === '')) {
    const problem = manualScoreProblem(manual.value, weight.value, qualitative ? tier : null, decimals);
    if (problem) {
      // The band is checked on the score as it would be written (rounded to 小数位数): show that figure.
      const text = decimalEquals(problem.rounded, manual.value) ? manual.value : `${manual.value}（按小数位数舍入为 ${problem.rounded}）`;
      if (qualitative && tier) issues.atCell('manualOutOfBand', manual.address, { text, tier: TIER_NAMES[tier], band: bandText(problem.low, problem.high, problem.highInclusive) });
      else issues.atCell('manualOutOfRange', manual.address, { text, high: problem.high });
    }
  }
  if (issues.errors.length > before || !target || !weight || manual === null) return null;

  const unit = target.percent ? '' : target.unit;
  const common = {
    name,
    level1,
    level2,
    address: nameCell.address,
    percent: target.percent,
    unit,
    target: target.value,
    adjusted,
    actualText,
    actualAddress: actualCell.address,
    weightAddress: weight.address,
    manualAddress: manual?.address,
    rateCell: row.get('rate'),
    scoreCell: row.get('score'),
    noteCell: row.get('note'),
  };
  const manualScore = manual ? manual.value : null;
  if (target.direction === 'qualitative') {
    return { ...common, input: { direction: 'qualitative', tier, weight: weight.value, manualScore } };
  }
  if (decimalCompare(actual!, '0') < 0) {
    issues.atCell('negativeActual', actualCell.address, { field: field('actual'), text: display(actual!, target.percent, unit) });
  }
  return { ...common, input: { direction: target.direction, target: target.value!, actual: actual!, weight: weight.value, manualScore } };
}

/** 完成率, 得分, 计算说明 are written for every indicator row: a formula there is an error (never overwritten). */
function checkOutputCells(row: TableRow<IndicatorColumn>, issues: IssueList): void {
  for (const key of ['rate', 'score', 'note'] as const) {
    const tc = row.get(key);
    if (tc?.cell.formula) issues.atCell('outputFormula', tc.address, { field: field(key) });
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

/**
 * 指标值 or 调整后指标值. `base` is the parsed 指标值 when reading the adjusted
 * target: a bare number there keeps the operator and unit of 指标值.
 */
function readTarget(tc: TableCell, nature: Nature | null, unitColumn: string, base: Direction | null, issues: IssueList): Direction | null {
  const label = base ? field('adjustedTarget') : field('target');
  const natureOp = nature?.kind === 'operator' ? nature.operator : null;
  const columnPercent = unitColumn === '%';
  const raw = tc.cell.value;
  if (isBlank(tc.cell)) {
    if (tc.cell.formula) issues.atCell('formulaWithoutValue', tc.address, { field: label });
    else issues.atCell('valueRequired', tc.address, { field: label });
    return null;
  }
  if (tc.cell.error) {
    issues.atCell('errorValue', tc.address, { field: label, text: String(raw) });
    return null;
  }
  if (nature?.kind === 'qualitative' && !base) return { direction: 'qualitative', value: null, percent: false, unit: '' };

  let operator: Operator | null;
  let number: NumberValue;
  if (typeof raw === 'number') {
    const read = readNumber(tc.cell);
    if (read.kind !== 'number') return null;
    operator = null;
    number = read.number;
  } else {
    const text = cellText(raw);
    const parsed = parseTargetText(text);
    if (parsed.kind === 'invalid') {
      if (parsed.badThousands) issues.atCell('badThousands', tc.address, { field: label, text });
      else issues.atCell('targetUnparsable', tc.address, { text });
      return null;
    }
    if (parsed.kind === 'qualitative') {
      if (base) {
        issues.atCell('targetUnparsable', tc.address, { text });
        return null;
      }
      if (natureOp) {
        issues.atCell('targetNeedsNumber', tc.address, { text, nature: natureText(natureOp) });
        return null;
      }
      return { direction: 'qualitative', value: null, percent: false, unit: '' };
    }
    operator = parsed.operator;
    number = { value: parsed.value, unit: parsed.unit, percentFormat: false, textPercent: parsed.percent };
  }
  if (operator && natureOp && operator !== natureOp) {
    issues.atCell('operatorConflict', tc.address, { text: cellText(raw), nature: natureText(natureOp) });
    return null;
  }
  const direction = operator ?? natureOp ?? base?.direction ?? 'atLeast';
  const percent = number.percentFormat || number.textPercent || columnPercent || (base !== null && base.percent && !number.unit);
  const value = asRatio(number, percent);
  if (decimalCompare(value, '0') < 0) {
    issues.atCell('targetNegative', tc.address, { text: cellText(raw) });
    return null;
  }
  const unit = number.unit && number.unit !== '%' ? number.unit : unitColumn !== '%' ? unitColumn || base?.unit || '' : '';
  return { direction, value, percent, unit };
}

function natureText(op: Operator): string {
  return op === 'atLeast' ? '≥' : op === 'atMost' ? '≤' : '=';
}

/** The actual as a decimal (ratio for percentages); null after an issue (blank or not a number). */
function readActual(tc: TableCell, percent: boolean, issues: IssueList): string | null {
  const n = requiredNumber(tc, field('actual'), issues, tc.address);
  if (n === null) return null;
  if (percent && !n.percentFormat && !n.textPercent && decimalCompare(n.value, '0') > 0 && decimalCompare(n.value, '1.5') <= 0) {
    issues.atCell('percentLooksLikeRatio', tc.address, {
      text: n.value,
      shown: n.value + '%',
      alt: decimalTimes(n.value, '100') + '%',
    });
  }
  return asRatio(n, percent);
}

export function tierOf(phrase: string): Tier | null {
  const text = stripWhitespace(nfkc(phrase));
  if (TIER_C_WORDS.some((w) => text.includes(w))) return 'C';
  if (text.includes(TIER_B_WORD)) return 'B';
  if (TIER_A_WORDS.some((w) => text.includes(w))) return 'A';
  return null;
}

/** A figure for notes: `78.48%`, `4978.49万元`. */
export function display(value: string, percent: boolean, unit: string): string {
  return percent ? decimalTimes(value, '100') + '%' : value + unit;
}

