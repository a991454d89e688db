import { decimalCompare, decimalEquals, type Settings } from '../engine';
import type { CellAddress } from './address';
import type { CellInput, NameResolution } from './cells';
import type { GradesSource } from './issues';
import type { IssueList } from './issue-list';
import { cellText, normalizeHeader } from './normalize';
import { findPreset, PRESET_NAMES, suggestPreset, type RulePreset } from './presets';
import { VALUE_PARSERS, type GradeList, type SettingsDraft } from './setting-values';
import {
  DEFAULT_LOCAL_RULES,
  DEFAULT_REVIEW_RULES,
  DEFAULT_SETTINGS,
  NAME,
  SETTING_LABELS,
  V1_GRADE_KEYS,
  settingLabel,
  type LocalRules,
  type ReviewRules,
  type SettingKey,
} from './vocabulary';
import { at } from './header-table';
import { describeRangeProblem } from './range-problems';

export interface ParsedSettings {
  settings: Settings;
  /** The rules checked beyond scoring (一级指标分值, 偏差原因, 报告字数). */
  local: LocalRules;
  /** The 复核 checks of selfeval batch (never used by a single run). */
  review: ReviewRules;
  /** The 规则方案 that scored, by its canonical name; null when none was named. */
  preset: string | null;
  /** Settings the workbook states explicitly (a blank value cell keeps the preset's value or the default). */
  explicit: Partial<Record<SettingKey, CellAddress>>;
}

const LABELS = new Map<string, SettingKey>();
for (const s of SETTING_LABELS) for (const l of [s.label, ...s.aliases]) LABELS.set(normalizeHeader(l), s.key);

/** A filled value cell of a recognised setting. */
interface Entry {
  key: SettingKey;
  label: string;
  cell: CellInput;
  address: CellAddress;
}

/**
 * `评分规则` (optional, label–value pairs): an unknown label warns, a bad value
 * is an error naming the cell. The settings are assembled in three layers —
 * the defaults (v1), the 规则方案 named (wherever its row is), then every
 * other row in order — so an explicit setting always overrides its preset.
 */
export function parseSettings(resolution: NameResolution, issues: IssueList): ParsedSettings {
  const draft = newDraft();
  const explicit: ParsedSettings['explicit'] = {};
  const done = (preset: string | null): ParsedSettings => ({ settings: draft.settings, local: draft.local, review: draft.review, preset, explicit });
  if (resolution.kind === 'missing') return done(null);
  if (resolution.kind !== 'range') {
    describeRangeProblem(NAME.settings, resolution, issues);
    return done(null);
  }
  const { range, cells } = resolution;
  if (range.cols < 2) {
    issues.add({ code: 'rangeTooSmall', name: NAME.settings, range, need: 'labelValue' });
    return done(null);
  }
  const entries: Entry[] = [];
  for (let r = 0; r < range.rows; r++) {
    const labelText = cellText(cells[r][0].value);
    if (labelText === '') continue;
    const key = LABELS.get(normalizeHeader(labelText));
    if (!key) {
      issues.add({ code: 'settingUnknown', cell: at(range, r, 0), text: labelText });
      continue;
    }
    if (cellText(cells[r][1].value) === '') continue;
    entries.push({ key, label: labelText, cell: cells[r][1], address: at(range, r, 1) });
  }

  let preset: { preset: RulePreset; address: CellAddress } | null = null;
  for (const e of entries) {
    if (e.key !== 'preset') continue;
    const found = findPreset(cellText(e.cell.value));
    explicit.preset = e.address;
    if (found) preset = { preset: found, address: e.address };
    else {
      preset = null;
      const text = cellText(e.cell.value);
      issues.add({ code: 'settingUnknownPreset', cell: e.address, text, known: PRESET_NAMES, suggestion: suggestPreset(text) });
    }
  }
  if (preset) applyPreset(preset.preset, draft);
  const presetGrades = draft.grades;

  for (const e of entries) {
    if (e.key === 'preset') continue;
    const apply = VALUE_PARSERS[e.key](e.cell);
    if (!apply) {
      issues.add({ code: 'settingBadValue', cell: e.address, setting: e.key, label: e.label, text: cellText(e.cell.value) });
      continue;
    }
    apply(draft);
    explicit[e.key] = e.address;
  }

  const gradesSource: GradesSource | null =
    explicit.grades !== undefined
      ? { kind: 'setting', cell: explicit.grades }
      : preset && presetGrades
        ? { kind: 'preset', preset: preset.preset.name, cell: preset.address }
        : null;
  resolveGrades(draft, gradesSource, explicit, issues);
  return done(preset ? preset.preset.name : null);
}

function newDraft(): SettingsDraft {
  return {
    settings: { ...DEFAULT_SETTINGS, grades: DEFAULT_SETTINGS.grades.map((g) => ({ ...g })) },
    local: { ...DEFAULT_LOCAL_RULES },
    review: { ...DEFAULT_REVIEW_RULES },
    grades: null,
    v1Bounds: {},
  };
}

/** A preset's values, read by the same parsers as the workbook's rows; a value they reject is a bug in the preset file. */
function applyPreset(preset: RulePreset, draft: SettingsDraft): void {
  for (const label of Object.keys(preset.settings)) {
    const key = LABELS.get(normalizeHeader(label));
    const text = preset.settings[label];
    const apply = key && key !== 'preset' ? VALUE_PARSERS[key]({ value: text, numberFormat: 'General', formula: false }) : null;
    if (!apply) throw new Error(`rule preset ${preset.name}: invalid setting ${label} = ${text}`);
    apply(draft);
  }
}

/**
 * The grades that apply. 等级 (from the workbook or the preset) gives names and
 * bounds, else the v1 grades 优 / 良 / 中 / 差. A v1 key sets the bound of the
 * grade it names: an error when the list has no such grade, or when the
 * workbook's own 等级 row gives that grade another bound. The bounds must then
 * descend strictly; the cell blamed is a v1 key's when one of the pair was set
 * that way (as v1 did), else the 等级 or 规则方案 cell.
 */
function resolveGrades(draft: SettingsDraft, source: GradesSource | null, explicit: ParsedSettings['explicit'], issues: IssueList): void {
  const list: GradeList = draft.grades
    ? { bands: draft.grades.bands.map((b) => ({ ...b })), lowest: draft.grades.lowest }
    : { bands: DEFAULT_SETTINGS.grades.map((g) => ({ ...g })), lowest: DEFAULT_SETTINGS.lowestGrade };
  const v1Cell: Partial<Record<string, CellAddress>> = {};
  for (const key of V1_GRADE_KEYS) {
    const value = draft.v1Bounds[key];
    const cell = explicit[key];
    if (value === undefined || cell === undefined) continue;
    const label = settingLabel(key);
    const band = list.bands.find((b) => b.name === label);
    if (!band) {
      if (source) issues.add({ code: 'settingGradeUnknown', cell, label, grades: [...list.bands.map((b) => b.name), list.lowest], source });
      continue;
    }
    if (source?.kind === 'setting' && !decimalEquals(band.min, value)) {
      issues.add({ code: 'settingGradeConflict', cell, label, value, bound: band.min, gradesCell: source.cell });
      continue;
    }
    band.min = value;
    v1Cell[label] = cell;
  }
  for (let i = 0; i + 1 < list.bands.length; i++) {
    if (decimalCompare(list.bands[i].min, list.bands[i + 1].min) > 0) continue;
    // v1 blamed 优 before 良 for the first pair and 中 before 良 for the second: the outer grade first.
    const [outer, inner] = i === 0 ? [list.bands[i], list.bands[i + 1]] : [list.bands[i + 1], list.bands[i]];
    const where = v1Cell[outer.name] ?? v1Cell[inner.name] ?? source?.cell;
    if (where) issues.add({ code: 'settingBandsOrder', cell: where, bands: list.bands.map((b) => ({ ...b })) });
    break;
  }
  draft.settings.grades = list.bands;
  draft.settings.lowestGrade = list.lowest;
}

