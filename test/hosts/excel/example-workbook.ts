/** The bundled example workbook, loaded through the xlsx host and into the strict fake. */
import * as fs from 'fs';
import * as path from 'path';
import { readAllCells } from '../../../src/hosts/xlsx';
import type { CellInput } from '../../../src/workbook/cells';
import { type FakeWorkbook, workbookFromCells } from '../../fakes/office';

export const EXAMPLE_PATH = path.join(__dirname, '..', '..', '..', 'assets', '示例-二工片区2023.xlsx');

export const EXAMPLE_NAMES = [
  { name: '预算执行', formula: "='预算执行'!$A$4:$H$9" },
  { name: '项目支出', formula: "='预算执行'!$A$12:$F$18" },
  { name: '绩效指标', formula: "='绩效指标'!$A$3:$P$11" },
  { name: '评分规则', formula: "='评价结果'!$A$4:$B$11" },
  { name: '评价结果', formula: "='评价结果'!$A$14:$B$23" },
  { name: '报告信息', formula: "='报告信息'!$A$3:$B$19" },
];

export function exampleBytes(): Uint8Array {
  return new Uint8Array(fs.readFileSync(EXAMPLE_PATH));
}

export function cellsOf(bytes: Uint8Array): Map<string, Map<string, CellInput>> {
  const cells = readAllCells(bytes);
  if (!cells.ok) throw new Error('cannot read example: ' + JSON.stringify(cells.error));
  return cells.value;
}

export function exampleInFake(): FakeWorkbook {
  return workbookFromCells(cellsOf(exampleBytes()), EXAMPLE_NAMES);
}
