import { normalizeHeader } from './normalize';
import executionCap from './rule-presets/execution-cap.json';
import mofGeneral from './rule-presets/mof-general.json';
import mofProject from './rule-presets/mof-project.json';
import sichuanForm from './rule-presets/sichuan-form.json';

/**
 * A named bundle of 评分规则 settings (规则方案), kept as data: each setting's
 * label and its value written exactly as a user would type it in the value
 * cell, so that a preset is read by the same parser as the workbook's own rows
 * and means the same as its settings spelled out. Where each preset's rules
 * come from is documented in docs/workbook-contract.md (§6.2).
 */
export interface RulePreset {
  name: string;
  settings: Readonly<Record<string, string>>;
}

/** Every preset, 财政部通用 (the v1 defaults spelled out) first. */
export const RULE_PRESETS: readonly RulePreset[] = [mofGeneral, mofProject, sichuanForm, executionCap];

export const PRESET_NAMES: readonly string[] = RULE_PRESETS.map((p) => p.name);

/** The preset a 规则方案 cell names, matched like a label (spaces, full-width forms, a trailing group). */
export function findPreset(text: string): RulePreset | null {
  const key = normalizeHeader(text);
  for (const p of RULE_PRESETS) if (normalizeHeader(p.name) === key) return p;
  return null;
}

/**
 * The preset an unknown name probably meant, for “did you mean”: one whose
 * name contains it or is contained in it (`四川` → 四川自评表), else the
 * closest within an edit distance of a third of its length. Null when none is close.
 */
export function suggestPreset(text: string): string | null {
  const key = normalizeHeader(text);
  if (key === '') return null;
  let best: { name: string; distance: number } | null = null;
  for (const p of RULE_PRESETS) {
    const name = normalizeHeader(p.name);
    if (name.indexOf(key) >= 0 || key.indexOf(name) >= 0) return p.name;
    const distance = editDistance(key, name);
    if (distance <= Math.max(1, Math.floor(name.length / 3)) && (best === null || distance < best.distance)) best = { name: p.name, distance };
  }
  return best ? best.name : null;
}

/** Levenshtein distance on UTF-16 units (preset names are BMP Chinese). */
function editDistance(a: string, b: string): number {
  let previous: number[] = [];
  for (let j = 0; j <= b.length; j++) previous.push(j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = previous[j - 1] + (a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitute));
    }
    previous = current;
  }
  return previous[b.length];
}
