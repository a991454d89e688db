import { dec } from './decimal';
import type { Settings } from './types';

export type Grade = '优' | '良' | '中' | '差';

/** Grade bands are inclusive lower bounds on the rounded total. */
export function gradeForScore(total: string, settings: Settings): Grade {
  const t = dec(total);
  if (t.gte(dec(settings.excellent))) return '优';
  if (t.gte(dec(settings.good))) return '良';
  if (t.gte(dec(settings.pass))) return '中';
  return '差';
}
