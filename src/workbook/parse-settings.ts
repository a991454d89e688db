import { DEFAULT_SETTINGS, decimalCompare, decimalTimes, type Settings } from '../engine';
import { formatRange, type CellAddress } from './address';
import type { NameResolution } from './cells';
import type { IssueList } from './issue-list';
import { cellText, normalizeHeader } from './normalize';
import { readNumber } from './numbers';
import { REVERSE_MODES, SETTING_LABELS, type SettingKey } from './vocabulary';
import { at } from './header-table';
import { describeRangeProblem } from './range-problems';

export interface ParsedSettings {
  settings: Settings;
  /** Settings the workbook states explicitly (a blank value cell keeps the default). */
  explicit: Partial<Record<SettingKey, CellAddress>>;
}

const MAX_DECIMALS = 6;

const LABELS = new Map<string, SettingKey>();
for (const s of SETTING_LABELS) for (const l of [s.label, ...s.aliases]) LABELS.set(normalizeHeader(l), s.key);

/** `评分规则` (optional, label–value pairs): an unknown label warns, a bad value is an error naming the cell. */
export function parseSettings(resolution: NameResolution, issues: IssueList): ParsedSettings {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const explicit: ParsedSettings['explicit'] = {};
  if (resolution.kind === 'missing') return { settings, explicit };
  if (resolution.kind !== 'range') {
    describeRangeProblem('评分规则', resolution, issues);
    return { settings, explicit };
  }
  const { range, cells } = resolution;
  if (range.cols < 2) {
    issues.atName('rangeTooSmall', '评分规则', { range: formatRange(range), need: '需要两列：规则名称和取值' });
    return { settings, explicit };
  }
  for (let r = 0; r < range.rows; r++) {
    const labelText = cellText(cells[r][0].value);
    if (labelText === '') continue;
    const key = LABELS.get(normalizeHeader(labelText));
    const valueAddress = at(range, r, 1);
    if (!key) {
      issues.atCell('settingUnknown', at(range, r, 0), { text: labelText });
      continue;
    }
    const cell = cells[r][1];
    if (cellText(cell.value) === '') continue;
    const bad = (expected: string) => issues.atCell('settingBadValue', valueAddress, { label: labelText, text: cellText(cell.value), expected });
    switch (key) {
      case 'executionWeight':
      case 'excellent':
      case 'good':
      case 'pass': {
        const n = readNumber(cell);
        if (n.kind !== 'number' || decimalCompare(n.number.value, '0') < 0 || n.number.percentFormat || n.number.textPercent) {
          bad('应为不小于 0 的数字');
          continue;
        }
        settings[key] = n.number.value;
        break;
      }
      case 'decimals': {
        const n = readNumber(cell);
        if (n.kind !== 'number' || !/^\d+$/.test(n.number.value) || Number(n.number.value) > MAX_DECIMALS) {
          bad(`应为 0 到 ${MAX_DECIMALS} 的整数`);
          continue;
        }
        settings.decimals = Number(n.number.value);
        break;
      }
      case 'reverseMode': {
        const modeText = normalizeHeader(cellText(cell.value));
        const mode = Object.prototype.hasOwnProperty.call(REVERSE_MODES, modeText)
          ? (REVERSE_MODES as Record<string, Settings['reverseMode']>)[modeText]
          : undefined;
        if (!mode) {
          bad('应为“偏差扣分”“比值”或“零分”');
          continue;
        }
        settings.reverseMode = mode;
        break;
      }
      case 'overachievementThreshold': {
        const n = readNumber(cell);
        if (n.kind !== 'number' || decimalCompare(n.number.value, '0') < 0) {
          bad('应为百分比，例如 30%');
          continue;
        }
        // 30% (text or percent format) is a ratio already; a plain 30 means 30 percentage points, a plain 0.3 a ratio.
        const v = n.number;
        const isRatio = v.textPercent || v.percentFormat || decimalCompare(v.value, '1') <= 0;
        settings.overachievementThreshold = isRatio ? v.value : decimalTimes(v.value, '1', '100');
        break;
      }
      case 'roundRatesFirst': {
        const v = cell.value;
        const text = normalizeHeader(cellText(v));
        if (v === true || text === '是' || text === 'true') settings.roundRatesFirst = true;
        else if (v === false || text === '否' || text === 'false') settings.roundRatesFirst = false;
        else {
          bad('应为“是”或“否”');
          continue;
        }
        break;
      }
    }
    explicit[key] = valueAddress;
  }
  // The cell to blame: 优 when 优 ≤ 良 (or 良 if only 良 was set), 中 when 良 ≤ 中 (or 良 if only 良 was set).
  const bands = { excellent: settings.excellent, good: settings.good, pass: settings.pass };
  if (decimalCompare(settings.excellent, settings.good) <= 0) {
    const where = explicit.excellent ?? explicit.good;
    if (where) issues.atCell('settingBandsOrder', where, bands);
  } else if (decimalCompare(settings.good, settings.pass) <= 0) {
    const where = explicit.pass ?? explicit.good;
    if (where) issues.atCell('settingBandsOrder', where, bands);
  }
  return { settings, explicit };
}

