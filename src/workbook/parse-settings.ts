import { decimalCompare, decimalTimes, type Settings } from '../engine';
import type { CellAddress } from './address';
import type { NameResolution } from './cells';
import type { IssueList } from './issue-list';
import { cellText, normalizeHeader } from './normalize';
import { readNumber } from './numbers';
import { DEFAULT_SETTINGS, MAX_DECIMALS, NAME, NO_WORDS, REVERSE_MODES, SETTING_LABELS, YES_WORDS, type SettingKey } from './vocabulary';
import { at } from './header-table';
import { describeRangeProblem } from './range-problems';

export interface ParsedSettings {
  settings: Settings;
  /** Settings the workbook states explicitly (a blank value cell keeps the default). */
  explicit: Partial<Record<SettingKey, CellAddress>>;
}

const LABELS = new Map<string, SettingKey>();
for (const s of SETTING_LABELS) for (const l of [s.label, ...s.aliases]) LABELS.set(normalizeHeader(l), s.key);

/** `评分规则` (optional, label–value pairs): an unknown label warns, a bad value is an error naming the cell. */
export function parseSettings(resolution: NameResolution, issues: IssueList): ParsedSettings {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  // The v1 keys 优 / 良 / 中 set the lower bounds of the three default grades.
  const bounds = { excellent: DEFAULT_SETTINGS.grades[0].min, good: DEFAULT_SETTINGS.grades[1].min, pass: DEFAULT_SETTINGS.grades[2].min };
  const explicit: ParsedSettings['explicit'] = {};
  if (resolution.kind === 'missing') return { settings, explicit };
  if (resolution.kind !== 'range') {
    describeRangeProblem(NAME.settings, resolution, issues);
    return { settings, explicit };
  }
  const { range, cells } = resolution;
  if (range.cols < 2) {
    issues.add({ code: 'rangeTooSmall', name: NAME.settings, range, need: 'labelValue' });
    return { settings, explicit };
  }
  for (let r = 0; r < range.rows; r++) {
    const labelText = cellText(cells[r][0].value);
    if (labelText === '') continue;
    const key = LABELS.get(normalizeHeader(labelText));
    const valueAddress = at(range, r, 1);
    if (!key) {
      issues.add({ code: 'settingUnknown', cell: at(range, r, 0), text: labelText });
      continue;
    }
    const cell = cells[r][1];
    if (cellText(cell.value) === '') continue;
    const bad = () => issues.add({ code: 'settingBadValue', cell: valueAddress, setting: key, label: labelText, text: cellText(cell.value) });
    switch (key) {
      case 'executionWeight':
      case 'excellent':
      case 'good':
      case 'pass': {
        const n = readNumber(cell);
        if (n.kind !== 'number' || decimalCompare(n.number.value, '0') < 0 || n.number.percentFormat || n.number.textPercent) {
          bad();
          continue;
        }
        if (key === 'executionWeight') settings.executionWeight = n.number.value;
        else bounds[key] = n.number.value;
        break;
      }
      case 'decimals': {
        const n = readNumber(cell);
        if (n.kind !== 'number' || !/^\d+$/.test(n.number.value) || Number(n.number.value) > MAX_DECIMALS) {
          bad();
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
          bad();
          continue;
        }
        settings.reverseMode = mode;
        break;
      }
      case 'overachievementThreshold': {
        const n = readNumber(cell);
        if (n.kind !== 'number' || decimalCompare(n.number.value, '0') < 0) {
          bad();
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
        if (v === true || (YES_WORDS as readonly string[]).includes(text)) settings.roundRatesFirst = true;
        else if (v === false || (NO_WORDS as readonly string[]).includes(text)) settings.roundRatesFirst = false;
        else {
          bad();
          continue;
        }
        break;
      }
    }
    explicit[key] = valueAddress;
  }
  // The cell to blame: 优 when 优 ≤ 良 (or 良 if only 良 was set), 中 when 良 ≤ 中 (or 良 if only 良 was set).
  const bands = bounds;
  if (decimalCompare(bounds.excellent, bounds.good) <= 0) {
    const where = explicit.excellent ?? explicit.good;
    if (where) issues.add({ code: 'settingBandsOrder', cell: where, ...bands });
  } else if (decimalCompare(bounds.good, bounds.pass) <= 0) {
    const where = explicit.pass ?? explicit.good;
    if (where) issues.add({ code: 'settingBandsOrder', cell: where, ...bands });
  }
  const [excellent, good, pass] = DEFAULT_SETTINGS.grades;
  settings.grades = [
    { name: excellent.name, min: bounds.excellent },
    { name: good.name, min: bounds.good },
    { name: pass.name, min: bounds.pass },
  ];
  return { settings, explicit };
}

