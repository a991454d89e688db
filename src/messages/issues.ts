import type { IssueCode } from './issue-codes';

/** Parameters of a message: display strings already formatted by the caller. */
export type MessageParams = Readonly<Record<string, string>>;

/**
 * The Chinese text of every issue, as a function of its parameters. `cell`
 * is the rendered address (`'绩效指标'!E5`) when the issue has one; messages
 * begin with it so a reader sees where to look first.
 */
const MESSAGES: Record<IssueCode, (p: MessageParams) => string> = {
  nameMissing: (p) => `工作簿中没有名称“${p.name}”。请用 公式 → 名称管理器 新建该名称（范围：工作簿），或在任务窗格中点“插入模板”。`,
  nameNotRange: (p) => `名称“${p.name}”引用的不是单元格区域（${p.formula}）。请在名称管理器中把它改为一个区域，例如 '绩效指标'!$A$3:$P$11。`,
  nameMultiArea: (p) => `名称“${p.name}”引用了多个区域（${p.formula}）。每个名称只能引用一个连续的矩形区域。`,
  rangeTooSmall: (p) => `名称“${p.name}”的区域 ${p.range} 太小：${p.need}。`,
  columnMissing: (p) => `名称“${p.name}”的表头行中没有“${p.header}”列。请在表头中加入该列（也可用别名：${p.aliases}）。`,
  columnDuplicate: (p) => `${p.cell} 的表头“${p.text}”与 ${p.other} 同为“${p.header}”列，一张表中每列只能出现一次。`,
  valueRequired: (p) => `${p.cell} 的“${p.field}”不能为空。`,
  notANumber: (p) => `${p.cell} 的“${p.field}”应为数字，现为“${p.text}”。`,
  badThousands: (p) => `${p.cell} 的“${p.field}”为“${p.text}”：千分位逗号只能按三位一组（如 4,135.45）。`,
  errorValue: (p) => `${p.cell} 的“${p.field}”是错误值 ${p.text}，请先修正该单元格的公式。`,
  formulaWithoutValue: (p) => `${p.cell} 的“${p.field}”是公式，但文件中没有它的计算结果。请在 Excel 中打开并保存一次（或按 F9 重新计算）后再评分。`,
  totalRowMissing: (p) => `名称“${p.name}”中没有数据行：需要一行“年度资金总额”，填写全年预算数和全年执行数。`,
  budgetNotPositive: (p) => `${p.cell} 的全年预算数为 ${p.text}，必须大于 0 才能计算预算执行率。`,
  weightNotPositive: (p) => `${p.cell} 的分值为 ${p.text}，指标分值必须大于 0。`,
  weightNegative: (p) => `${p.cell} 的分值为 ${p.text}，不能为负数。`,
  targetUnparsable: (p) => `${p.cell} 的指标值“${p.text}”无法识别。请写成“≥95%”“≤4135.45万元”“100人”等形式，或写成定性描述（如“达到预期”）。`,
  targetNeedsNumber: (p) => `${p.cell} 的指标值“${p.text}”没有数字，但指标性质为“${p.nature}”。定量指标请填写数字；定性指标请把指标性质设为“定性”。`,
  targetNegative: (p) => `${p.cell} 的指标值 ${p.text} 为负数，指标值不能为负数。`,
  operatorConflict: (p) => `${p.cell} 的指标值“${p.text}”与指标性质“${p.nature}”方向不一致，请修改其中之一。`,
  natureUnknown: (p) => `${p.cell} 的指标性质“${p.text}”无法识别，应为 ≥、≤、= 或 定性。`,
  tierUnknown: (p) => `${p.cell} 的定性指标完成情况“${p.text}”无法归入档次。请填写“达成年度指标”“部分达成年度指标并具有一定效果”或“未达成年度指标且效果较差”。`,
  manualOutOfRange: (p) => `${p.cell} 的人工得分 ${p.text} 超出范围：应在 0 到分值 ${p.high} 之间。`,
  manualOutOfBand: (p) => `${p.cell} 的人工得分 ${p.text} 不在“${p.tier}”档的分值区间 ${p.band} 内。`,
  outputFormula: (p) => `${p.cell} 是输出单元格（${p.field}），但其中有公式。为不覆盖您的公式，本次未写入任何内容；请删除该公式或把它移到别处。`,
  noIndicators: (p) => `名称“${p.name}”中没有绩效指标：表头下至少需要一行指标。`,
  settingBadValue: (p) => `${p.cell} 的评分规则“${p.label}”取值“${p.text}”无效：${p.expected}。`,
  settingBandsOrder: (p) => `${p.cell} 的等级分数线无效：应满足 优（${p.excellent}）> 良（${p.good}）> 中（${p.pass}）≥ 0。`,
  settingUnknown: (p) => `${p.cell} 的评分规则“${p.text}”不认识，已忽略。`,
  resultUnknownLabel: (p) => `${p.cell} 的评价结果项目“${p.text}”不认识，未写入。`,
  executionWeightConflict: (p) => `${p.cell} 的分值 ${p.cell_value} 与评分规则中的预算执行率分值 ${p.setting} 不同，按单元格的 ${p.cell_value} 计分。`,
  breakdownMismatch: (p) => `${p.cell} 的${p.measure}：${p.parts} 之和 ${p.sum}，与${p.whole} ${p.total} 不相等。`,
  executionAboveBudget: (p) => `${p.cell} 的全年执行数 ${p.actual} 超过全年预算数 ${p.budget}。`,
  projectSumMismatch: (p) => `项目支出明细的${p.measure}合计 ${p.sum} 与 ${p.cell} 的项目支出 ${p.total} 不相等。`,
  percentLooksLikeRatio: (p) => `${p.cell} 的实际完成值 ${p.text} 按百分点理解为 ${p.shown}；如果您的意思是 ${p.alt}，请输入“${p.alt}”或把单元格设为百分比格式。`,
  overachievement: (p) => `${p.cell} 完成值超出指标值较多，请说明原因，指标值是否设定偏低（实际完成值 ${p.actual}，指标值 ${p.target}，超出 ${p.threshold} 以上）。得分仍以分值 ${p.weight} 为上限。`,
  manualDiffers: (p) => `${p.cell} 采用人工得分 ${p.manual}，按规则计算为 ${p.rule}。`,
  qualitativeConfirm: (p) => `${p.cell} 是定性指标（${p.tier}），已暂按该档区间上限计 ${p.score} 分，请确认，或在“人工得分”中填写区间 ${p.band} 内的分数。`,
  weightsNot100: (p) => `预算执行率分值与“${p.name}”中各指标分值之和为 ${p.max}，不是 100；满分按 ${p.max} 显示。`,
  negativeActual: (p) => `${p.cell} 的${p.field}为负数 ${p.text}，按 0 计算。`,
  rateUndefined: (p) => `${p.cell} 的${p.field}为 0，无法计算${p.rate}，已留空。`,
};

export function issueMessage(code: IssueCode, params: MessageParams): string {
  return MESSAGES[code](params);
}
