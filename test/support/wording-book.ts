/**
 * The example (assets/示例-二工片区2023.xlsx) with two rows in everyday
 * wording, and the figures they must give worked out by hand from
 * docs/workbook-contract.md §4 (时效指标, 定性指标的日常用语) — not from a run:
 *
 * - row 10 (解决就业人数, 分值 15; 15 × 52 / 100 = 7.80 in the example) becomes
 *   a 时效指标: 指标值 `2024年12月底前`, 实际完成值 a date cell 2024/11/20 →
 *   on time, 15.00 (+7.20);
 * - row 8 (12345热线事件办结率, 分值 10; 9.99 in the example) becomes a
 *   qualitative indicator: 指标值 `有效提升`, 实际完成值 `效果一般` → tier B,
 *   the band top below round(0.8 × 10, 2) = 8: 7.99 (−2.00).
 *
 * Total 81.53 + 7.20 − 2.00 = 86.73, 良 (80 ≤ 86.73 < 90).
 */
import * as fs from 'fs';
import { applyPlanToFile } from '../../src/hosts/xlsx';
import { fileErrorText } from '../../src/messages/file-errors';
import type { CellWrite } from '../../src/workbook/plan';
import { EXAMPLE } from './paths';

/** Excel's serial day of a date (1900 system, days after 1900-02-28). */
export function excelSerial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
}

const at = (sheet: string, row: number, col: number) => ({ sheet, row, col });
const text = (row: number, col: number, t: string | null): CellWrite => ({
  address: at('绩效指标', row, col),
  value: t === null ? { kind: 'empty' } : { kind: 'text', text: t },
});

// Columns of 绩效指标 (0-based): B 二级指标 1, C 三级指标 2, D 指标性质 3, E 指标值 4, F 度量单位 5, H 年中监控值 7, I 实际完成值 8.
const WRITES: CellWrite[] = [
  text(9, 1, '时效指标'),
  text(9, 2, '就业帮扶完成时间'),
  text(9, 3, null),
  text(9, 4, '2024年12月底前'),
  text(9, 5, null),
  text(9, 7, null),
  { address: at('绩效指标', 9, 8), value: { kind: 'number', text: String(excelSerial(2024, 11, 20)) }, numberFormat: 'yyyy/m/d' },
  text(7, 3, '定性'),
  text(7, 4, '有效提升'),
  text(7, 5, null),
  text(7, 7, null),
  text(7, 8, '效果一般'),
];

export const WORDING_EXPECTED = {
  total: '86.73',
  grade: '良',
  scores: ['0.00', '12.00', '9.42', '8.00', '7.99', '15.00', '15.00', '10.00'],
  notes: {
    4: '属“部分达成年度指标并具有一定效果”档',
    6: '时效指标：完成时间 2024年11月20日 不晚于时限 2024年12月31日，得满分 15 分',
  } as Record<number, string>,
};

export function wordingBookBytes(): Uint8Array {
  const result = applyPlanToFile(new Uint8Array(fs.readFileSync(EXAMPLE)), { writes: WRITES });
  if (!result.ok) throw new Error(fileErrorText(result.error));
  return result.value;
}
