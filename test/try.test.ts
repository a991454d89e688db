import { appendRows, score, seedWorkbook, setCell, msg, writesOf } from './support/grid';
import { charCount } from '../src/workbook/text-limits';
test('try', () => {
  const wb = seedWorkbook();
  setCell(wb, '评分规则', 'A5', '规则方案'); setCell(wb, '评分规则', 'B5', '执行率封顶');
  for (const c of ['A6','B6','A7','B7']) setCell(wb, '评分规则', c, null);
  setCell(wb, '预算执行', 'D5', 3395.33);
  setCell(wb, '预算执行', 'E4', '偏差原因'); setCell(wb, '预算执行', 'E5', '部分项目仍在审批中，资金未能按期支付。');
  setCell(wb, '绩效指标', 'I10', 130);
  setCell(wb, '评价结果', 'A20', '总分说明');
  const o = score(wb);
  const s = o.summary!;
  console.log(s.total, s.grade, s.execution, s.indicatorTotal, JSON.stringify(s.adjustments), s.indicators.map(i => i.score + ' ' + JSON.stringify(i.adjustments)).join('\n'));
  console.log(s.indicators[6].note);
  console.log(o.errors.map(msg), o.warnings.map(msg));
  console.log(writesOf(o)["'评价结果'!B20"], writesOf(o)["'评价结果'!B17"], writesOf(o)["'评价结果'!B19"]);
  const reasons = ['O4','O5','O6','O8','O10'].map(c => (wb['绩效指标'] as any));
  console.log([4,5,6,8,10].map(r => { const res: any = wb['绩效指标']; return charCount(String(res.cells[r-3][14].value)); }));
});
