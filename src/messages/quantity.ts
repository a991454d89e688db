import { decimalTimes } from '../engine';
import type { Band, Quantity } from '../workbook/issues';

/** A figure as shown in messages and notes: `78.48%`, `4978.49万元`, `52人`. */
export function formatQuantity(q: Quantity): string {
  return q.percent ? decimalTimes(q.value, '100') + '%' : q.value + q.unit;
}

/** The same figure without its unit, for a formula in a note (`52`, `78.48%`). */
export function formatFigure(q: Quantity): string {
  return q.percent ? decimalTimes(q.value, '100') + '%' : q.value;
}

/** A ratio as a percentage, every digit kept: `"0.9316"` → `93.16%`, `"0.3"` → `30%`. */
export function ratioPercent(ratio: string): string {
  return decimalTimes(ratio, '100') + '%';
}

export function bandText(band: Band): string {
  return `[${band.low}, ${band.high}${band.highInclusive ? ']' : ')'}`;
}

/** `2024年12月31日`, or `12月31日` when the user wrote no year. */
export function dayText(d: { iso: string; yearShown: boolean }): string {
  const [y, mo, da] = d.iso.split('-').map(Number);
  return d.yearShown ? `${y}年${mo}月${da}日` : `${mo}月${da}日`;
}
