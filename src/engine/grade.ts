import { dec } from './decimal';
import type { Settings } from './types';

/** A grade's name, as the settings give it (the contract's default names are 优/良/中/差). */
export type Grade = string;

/**
 * The grade of a rounded total: the first band whose inclusive lower bound
 * it reaches, else the lowest grade. `level` is 0 for the best grade and
 * `grades.length` for the lowest (for display).
 */
export function gradeForScore(total: string, settings: Settings): { grade: Grade; level: number } {
  const t = dec(total);
  const index = settings.grades.findIndex((band) => t.gte(dec(band.min)));
  return index < 0 ? { grade: settings.lowestGrade, level: settings.grades.length } : { grade: settings.grades[index].name, level: index };
}
