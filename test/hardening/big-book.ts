/**
 * A contract workbook with `n` indicator rows, written straight as XML (fast
 * enough for 100,000 rows): 预算执行, 绩效指标 and 评价结果 on three sheets.
 */
import { a1 } from '../../src/workbook/address';
import { bookParts, definedName, zipParts } from '../support/xlsx-build';

function cell(ref: string, value: string | number | null, style?: number): string {
  const s = style === undefined ? '' : ` s="${style}"`;
  if (value === null) return style === undefined ? '' : `<c r="${ref}"${s}/>`;
  if (typeof value === 'number') return `<c r="${ref}"${s}><v>${value}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t>${value.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c>`;
}

function rowsXml(rows: (string | number | null)[][], top = 0): string {
  const out: string[] = [];
  rows.forEach((line, r) => {
    const cells = line.map((v, c) => cell(a1(top + r, c), v)).join('');
    out.push(`<row r="${top + r + 1}">${cells}</row>`);
  });
  return out.join('');
}

export const INDICATOR_HEADER = ['三级指标', '指标值', '实际完成值', '分值', '完成率', '得分', '计算说明', '备注'];

export function bigBookParts(n: number): Record<string, string | Uint8Array> {
  const budget = rowsXml([
    ['资金项目', '全年预算数', '全年执行数', '执行率', '得分'],
    ['年度资金总额', 4978.49, 4637.81, null, null],
  ]);
  const indicators: (string | number | null)[][] = [INDICATOR_HEADER];
  for (let i = 0; i < n; i++) {
    const kind = i % 3;
    indicators.push([`指标${i + 1}`, kind === 0 ? '≥95%' : kind === 1 ? '≤100万元' : '100人', kind === 0 ? '97%' : kind === 1 ? 120 + (i % 7) : 50 + (i % 60), 0.0009, null, null, null, i % 10 === 0 ? '备注' : null]);
  }
  const results = rowsXml([['总分', null], ['评价等级', null], ['满分', null]]);
  return bookParts({
    sheets: [
      { name: '预算执行', rows: budget },
      { name: '绩效指标', rows: rowsXml(indicators) },
      { name: '评价结果', rows: results },
    ],
    names:
      definedName('预算执行', "'预算执行'!$A$1:$E$2") +
      definedName('绩效指标', `'绩效指标'!$A$1:$H$${n + 1}`) +
      definedName('评价结果', "'评价结果'!$A$1:$B$3"),
  });
}

export function bigBook(n: number): Uint8Array {
  return zipParts(bigBookParts(n));
}
