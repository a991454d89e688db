import { percentText } from '../engine';
import { formatRange, type CellAddress } from '../workbook/address';
import type { FieldRef, Issue, IssueCode, IssueWithCode, ReasonSubject } from '../workbook/issues';
import type { SettingKey } from '../workbook/vocabulary';
import { columnHeader, MAX_DECIMALS, REPORT_LABELS, NO_WORDS, NONE_WORDS, OVERDUE_MODES, REASON_MODES, REVERSE_MODES, settingLabel, YES_WORDS } from '../workbook/vocabulary';
import { m, messageText, type Message, type MessagePart } from './message';
import { adjustmentText, tierName } from './notes';
import { bandText, dayText, formatQuantity, ratioPercent } from './quantity';

/** Where a message is read: advice differs between the Excel pane, the web page and the command line. */
export type IssueHost = 'excel' | 'web' | 'cli';

const quote = (items: readonly string[]) => items.map((s) => '“' + s + '”').join('、');

/** The column or label an issue is about, as the user reads it (the canonical header). */
export function fieldLabel(field: FieldRef): string {
  return field.table === 'results' ? field.label : columnHeader(field.table, field.column);
}

/** The evaluation a scope is: a sheet's, or the department's (the workbook's own names). */
export function scopeName(scope: string | null): string {
  return scope === null ? '部门整体评价' : `工作表“${scope}”的评价`;
}

/** A name as a message names it: `名称“预算执行”`, or `工作表“项目1”的名称“预算执行”` for a sheet's own. */
function nameOf(issue: { name: string; scope?: string }): string {
  return issue.scope ? `工作表“${issue.scope}”的名称“${issue.name}”` : `名称“${issue.name}”`;
}

/** How to define a name, in the words of each host. */
const DEFINE_NAME: Record<IssueHost, string> = {
  excel: '请用 公式 → 名称管理器 新建该名称（范围：工作簿），或在任务窗格中点“插入模板”。',
  web: '请在 Excel 或 WPS 中用 公式 → 名称管理器 新建该名称（范围：工作簿），或下载本页的“模板.xlsx”参照填写。',
  cli: '工作簿若有这张表格但没有名称，运行 selfeval name <工作簿.xlsx> 按表头自动设定名称；也可在 Excel 或 WPS 中用 公式 → 名称管理器 新建该名称（范围：工作簿），或参照随附的 assets/模板.xlsx 填写。',
};

/** How to rename a misspelt name, in the words of each host. */
const RENAME_NAME: Record<IssueHost, string> = {
  excel: '请用 公式 → 名称管理器 选中它，点“编辑”把名称改为约定的写法。',
  web: '请在 Excel 或 WPS 中用 公式 → 名称管理器 选中它，点“编辑”把名称改为约定的写法。',
  cli: '请在 Excel 或 WPS 中用 公式 → 名称管理器 选中它，点“编辑”把名称改为约定的写法。',
};

/** How to make a formula's cached result appear in the file. */
const RECALCULATE: Record<IssueHost, string> = {
  excel: '请按 F9 重新计算后再评分。',
  web: '请在 Excel 或 WPS 中打开并保存一次（或按 F9 重新计算）后再选择文件评分。',
  cli: '请在 Excel 中打开并保存一次（或按 F9 重新计算）后再评分。',
};

const NONE = NONE_WORDS[0];
const orList = (items: readonly string[]) => quote(items).replace(/、(?=[^、]*$)/, '或');

const TIER_WORDS_EXPECTED = `应为用语列表，用顿号或分号分隔，例如“圆满、出色”；不加用语请写“${NONE}”`;

const EXPECTED: Record<SettingKey, string> = {
  preset: '应为规则方案的名称',
  grades: '应写成“等级:分数线”，用分号分隔，分数线从高到低，最后一个（最低的）等级不写分数线，例如“优:90;良:80;中:60;差”或“好:95;较好:85;一般:60;差”',
  executionCaps: `应写成“执行率:总分上限”，用分号分隔，例如“80%:89;70%:79;60%:69;50%:59”（预算执行率低于 80% 时总分不超过 89 分，以此类推）；不设上限请写“${NONE}”`,
  deviationPenalty: '应为不小于 0 的分数，例如 2（0 表示不扣分）',
  blockWeights: `应写成“一级指标:分值”，用分号分隔，例如“产出指标:50;效益指标:30;满意度指标:10”；不检查请写“${NONE}”`,
  reasonRequired: `应为${orList(Object.keys(REASON_MODES))}`,
  reasonMaxChars: `应为正整数（字数），例如 100；不限字数请写“${NONE}”`,
  reasonThreshold: '应为百分比，例如 90%',
  reportMaxChars: `应为正整数（字数），例如 200；不限字数请写“${NONE}”`,
  executionWeight: '应为不小于 0 的数字',
  excellent: '应为不小于 0 的数字',
  good: '应为不小于 0 的数字',
  pass: '应为不小于 0 的数字',
  decimals: `应为 0 到 ${MAX_DECIMALS} 的整数`,
  reverseMode: `应为${orList(Object.keys(REVERSE_MODES))}`,
  overachievementThreshold: '应为百分比，例如 30%',
  roundRatesFirst: `应为“${YES_WORDS[0]}”或“${NO_WORDS[0]}”`,
  overdueMode: `应为${orList(Object.keys(OVERDUE_MODES))}`,
  tierWordsA: TIER_WORDS_EXPECTED,
  tierWordsB: TIER_WORDS_EXPECTED,
  tierWordsC: TIER_WORDS_EXPECTED,
  reviewRateGap: `应为百分点差异，例如 5%；不检查请写“${NONE}”`,
  reviewUnspent: `应为百分比，例如 20%；不检查请写“${NONE}”`,
  reviewReason: `应为“${YES_WORDS[0]}”或“${NO_WORDS[0]}”`,
  reviewWeightTotal: `应为不小于 0 的分数，例如 100；不检查请写“${NONE}”`,
};

/** The 实际完成值 column of 绩效指标. */
const isActual = (f: FieldRef) => f.table === 'indicators' && f.column === 'actual';

const NATURE_TEXT = { atLeast: '≥', atMost: '≤', equal: '=' } as const;

/** A manual score as typed, and as rounded to 小数位数 when that differs. */
const manualText = (value: string, rounded: string | null) => (rounded === null ? value : `${value}（按小数位数舍入为 ${rounded}）`);

type Render<C extends IssueCode> = (issue: IssueWithCode<C>, host: IssueHost) => Message;

/** The cells of a list, runs of one column as ranges: `'绩效指标'!J4:J9、'绩效指标'!J12`. */
function cellList(cells: readonly CellAddress[]): MessagePart[] {
  const parts: MessagePart[] = [];
  let i = 0;
  while (i < cells.length) {
    let j = i;
    while (j + 1 < cells.length && cells[j + 1].sheet === cells[i].sheet && cells[j + 1].col === cells[i].col && cells[j + 1].row === cells[j].row + 1) j++;
    if (parts.length > 0) parts.push('、');
    parts.push(j === i ? { cell: cells[i] } : { range: { sheet: cells[i].sheet, row: cells[i].row, col: cells[i].col, rows: j - i + 1, cols: 1 } });
    i = j + 1;
  }
  return parts;
}

const REASON_RULE = `（评分规则“${settingLabel('reasonRequired')}”）`;

/** Why a reason is asked for, after the cell. */
function reasonNeed(subject: ReasonSubject): string {
  return subject.kind === 'execution'
    ? `预算执行率 ${percentText(subject.rate)} 低于执行率说明阈值 ${ratioPercent(subject.threshold)}，需说明原因${REASON_RULE}`
    : `指标“${subject.name}”未达到指标值，需填写偏差原因${REASON_RULE}`;
}

function reasonMissing(i: IssueWithCode<'reasonMissing' | 'reasonMissingWarning'>): Message {
  if (i.column) return m`${i.cell} 的偏差原因为空：${reasonNeed(i.subject)}。请在该单元格中填写。`;
  const table = i.subject.kind === 'execution' ? '预算执行' : '绩效指标';
  const row = i.subject.kind === 'execution' ? '，在年度资金总额行填写原因' : '并填写原因';
  return m`${i.cell}：${reasonNeed(i.subject)}，但“${table}”表中没有“偏差原因”列。请在表头中加入“偏差原因”列${row}。`;
}

function reasonTooLong(i: IssueWithCode<'reasonTooLong' | 'reasonTooLongWarning'>): Message {
  return m`${i.cell} 的偏差原因有 ${i.count} 字，超过偏差原因字数上限 ${i.limit} 字（空白不计，标点计入）。请精简到 ${i.limit} 字以内。`;
}

/**
 * The Chinese text of every issue, from its typed fields. Keyed by every
 * code, so a code without a message fails to compile. A message about a cell
 * begins with it, so a reader sees where to look first.
 */
const MESSAGES: { [C in IssueCode]: Render<C> } = {
  nameMissing: (i, host) =>
    i.scope
      ? m`工作表“${i.scope}”定义了自己的“绩效指标”，是一个单独的评价，但没有它自己的名称“${i.name}”。请用 公式 → 名称管理器 新建“${i.name}”，范围选“${i.scope}”（一个工作表的评价不使用工作簿或其他工作表的“${i.name}”）。`
      : i.similar !== undefined
        ? m`工作簿中没有名称“${i.name}”。名称“${i.similar}”不是约定的名称，是否应为“${i.name}”？${RENAME_NAME[host]}`
        : m`工作簿中没有名称“${i.name}”。${DEFINE_NAME[host]}`,
  nameNotRange: (i) => m`${nameOf(i)}引用的不是单元格区域（${i.formula}）。请在名称管理器中把它改为一个区域，例如 '绩效指标'!$A$3:$P$11。`,
  nameMultiArea: (i) => m`${nameOf(i)}引用了多个区域（${i.formula}）。每个名称只能引用一个连续的矩形区域。`,
  nameSheetScoped: (i) =>
    m`${nameOf(i)}只定义在工作表 ${quote(i.sheets)} 的范围内（工作表级名称），而计分需要工作簿级名称。请在名称管理器中删除它，再以“范围：工作簿”重新定义同一区域。`,
  nameDuplicate: (i) =>
    m`${nameOf(i)}在工作簿范围内定义了 ${i.formulas.length} 次（${i.formulas.join('、')}），无法确定使用哪一个。请在名称管理器中只保留一个。`,
  rangeTooSmall: (i) =>
    m`${nameOf(i)}的区域 ${formatRange(i.range)} 太小：${i.need === 'headerRow' ? '至少需要一行表头' : '需要两列：左列为项目名称，右列为值'}。`,
  columnMissing: (i) =>
    i.similar
      ? m`${nameOf(i)}的表头行（第 ${i.headerRow + 1} 行）中没有“${fieldLabel(i.field)}”列。${i.similar.cell} 的表头“${i.similar.text}”不是约定的列名，是否应为“${fieldLabel(i.field)}”？请把它改为“${fieldLabel(i.field)}”（也可用别名：${i.aliases.join('、') || '无'}）。`
      : m`${nameOf(i)}的表头行（第 ${i.headerRow + 1} 行）中没有“${fieldLabel(i.field)}”列。请在表头中加入该列（也可用别名：${i.aliases.join('、') || '无'}）。`,
  headerRowElsewhere: (i) =>
    m`${nameOf(i)}的第一行（第 ${i.headerRow + 1} 行）${i.firstRowText ? `是“${i.firstRowText}”，不是表头` : '不是表头'}，表头在第 ${i.foundRow + 1} 行。请在名称管理器中把${nameOf(i)}的区域改为从第 ${i.foundRow + 1} 行开始。`,
  columnDuplicate: (i) => m`${i.cell} 的表头“${i.text}”与 ${i.other} 同为“${fieldLabel(i.field)}”列，一张表中每列只能出现一次。`,
  valueRequired: (i) => m`${i.cell} 的“${fieldLabel(i.field)}”不能为空。`,
  notANumber: (i) =>
    m`${i.cell} 的“${fieldLabel(i.field)}”应为数字，现为“${i.text}”。${isActual(i.field) ? '请填写实际完成的数值（与指标值同一单位，如 96%）；完成情况的文字说明请写在备注或偏差原因中。' : ''}`,
  dateNotNumber: (i) =>
    m`${i.cell} 的“${fieldLabel(i.field)}”是日期（${i.text}），这里需要数字：日期不会当作数字计分。请填写数字；若这是时效指标的完成日期，请把指标值也写成日期（如“2024年12月底前”）。`,
  deadlineActualUnparsable: (i) =>
    m`${i.cell} 的实际完成值“${i.text}”不是日期。指标值“${i.target}”是完成时限：请填写完成日期（如 2024年11月20日、2024.11.20 或 11月底），按时完成的也可写“按时完成”。${i.number ? '若您输入的是日期，请把该单元格设为日期格式。' : ''}`,
  overdueNeedsManual: (i) =>
    m`${i.cell} 的完成时间 ${dayText(i.actual)} 晚于时限 ${dayText(i.deadline)}（逾期）。评分规则“时效逾期记分”为“人工”：请在该行的“人工得分”中填写得分。`,
  badThousands: (i) => m`${i.cell} 的“${fieldLabel(i.field)}”为“${i.text}”：千分位逗号只能按三位一组（如 4,135.45）。`,
  errorValue: (i) => m`${i.cell} 的“${fieldLabel(i.field)}”是错误值 ${i.text}，请先修正该单元格的公式。`,
  formulaWithoutValue: (i, host) => m`${i.cell} 的“${fieldLabel(i.field)}”是公式，但没有它的计算结果。${RECALCULATE[host]}`,
  outputFormula: (i) =>
    m`${i.cell} 是输出单元格（${fieldLabel(i.field)}），但其中有公式。为不覆盖您的公式，本次未写入任何内容；请删除该公式或把它移到别处。`,
  totalRowMissing: (i) => m`${nameOf(i)}中没有数据行：需要一行“年度资金总额”，填写全年预算数和全年执行数。`,
  budgetNotPositive: (i) => m`${i.cell} 的全年预算数为 ${i.value}，必须大于 0 才能计算预算执行率。`,
  weightNegative: (i) => m`${i.cell} 的分值为 ${i.value}，不能为负数。`,
  noIndicators: (i) => m`${nameOf(i)}中没有绩效指标：表头下至少需要一行指标。`,
  weightNotPositive: (i) => m`${i.cell} 的分值为 ${i.value}，指标分值必须大于 0。`,
  targetUnparsable: (i) =>
    m`${i.cell} 的指标值“${i.text}”无法识别。请写成“≥95%”“≤4135.45万元”“100人”等形式，或写成定性描述（如“达到预期”）。`,
  targetNeedsNumber: (i) =>
    m`${i.cell} 的指标值“${i.text}”没有数字，但指标性质为“${NATURE_TEXT[i.nature]}”。定量指标请填写数字；定性指标请把指标性质设为“定性”。`,
  targetNegative: (i) => m`${i.cell} 的指标值 ${i.text} 为负数，指标值不能为负数。`,
  operatorConflict: (i) => m`${i.cell} 的指标值“${i.text}”与指标性质“${NATURE_TEXT[i.nature]}”方向不一致，请修改其中之一。`,
  natureUnknown: (i) => m`${i.cell} 的指标性质“${i.text}”无法识别，应为 ≥、≤、= 或 定性。`,
  tierUnknown: (i) =>
    m`${i.cell} 的定性指标完成情况“${i.text}”无法归入档次。请填写“${tierName('A')}”“${tierName('B')}”或“${tierName('C')}”（也可写“良好”“一般”“较差”等；本单位的其他用语可在评分规则中用“定性A档用语”等设置）。`,
  manualOutOfRange: (i) => m`${i.cell} 的人工得分 ${manualText(i.value, i.rounded)} 超出范围：应在 0 到分值 ${i.high} 之间。`,
  manualOutOfBand: (i) => m`${i.cell} 的人工得分 ${manualText(i.value, i.rounded)} 不在“${tierName(i.tier)}”档的分值区间 ${bandText(i.band)} 内。`,
  settingBadValue: (i) => m`${i.cell} 的评分规则“${i.label}”取值“${i.text}”无效：${EXPECTED[i.setting]}。`,
  settingBandsOrder: (i) => m`${i.cell} 的等级分数线无效：应满足 ${i.bands.map((b) => `${b.name}（${b.min}）`).join('> ')}≥ 0。`,
  settingUnknownPreset: (i) =>
    m`${i.cell} 的规则方案“${i.text}”不认识${i.suggestion ? `，您要的是否是“${i.suggestion}”？` : '。'}可用的规则方案：${quote(i.known)}。请改为其中之一，或删去该行按默认规则计分。`,
  settingGradeUnknown: (i) =>
    i.source.kind === 'preset'
      ? m`${i.cell} 的“${i.label}”设置等级“${i.label}”的分数线，但 ${i.source.cell} 的规则方案“${i.source.preset}”规定的等级为 ${i.grades.join('、')}，其中没有“${i.label}”。请删去“优”“良”“中”这几行（或清空其值），或用“等级”一行写明要用的等级和分数线。`
      : m`${i.cell} 的“${i.label}”设置等级“${i.label}”的分数线，但 ${i.source.cell} 的等级为 ${i.grades.join('、')}，其中没有“${i.label}”。请删去“优”“良”“中”这几行（或清空其值），只用“等级”一行设置等级和分数线。`,
  settingGradeConflict: (i) =>
    m`${i.cell} 的“${i.label}”为 ${i.value}，与 ${i.gradesCell} 的等级中“${i.label}”的分数线 ${i.bound} 不一致。请只保留一处：删去“${i.label}”一行，或修改“等级”。`,
  reasonMissing,
  reasonTooLong,
  settingUnknown: (i) => m`${i.cell} 的评分规则“${i.text}”不认识，已忽略。`,
  reportLabelUnknown: (i) => m`${i.cell} 的报告信息“${i.text}”不认识，自评报告中不会用到它。可用的项目：${quote(REPORT_LABELS.map((l) => l.label))}。`,
  reportKindUnknown: (i) => m`${i.cell} 的评价类型“${i.text}”不认识，自评报告按“部门整体支出”的提纲生成。请填写“部门整体支出”或“项目支出”。`,
  resultUnknownLabel: (i) => m`${i.cell} 的评价结果项目“${i.text}”不认识，未写入。`,
  resultsNoLabel: (i) =>
    m`${nameOf(i)}中没有可识别的项目（如“总分”“评价等级”），计算结果不会写入该区域。请在左列填写约定的项目名称，右列留空由程序填写。`,
  executionWeightConflict: (i) => m`${i.cell} 的分值 ${i.value} 与评分规则中的预算执行率分值 ${i.setting} 不同，按单元格的 ${i.value} 计分。`,
  breakdownMismatch: (i) => m`${i.cell} 的${fieldLabel(i.measure)}：${i.parts.join(' + ')} 之和 ${i.sum}，与${i.whole} ${i.total} 不相等。`,
  executionAboveBudget: (i) => m`${i.cell} 的全年执行数 ${i.actual} 超过全年预算数 ${i.budget}。`,
  projectSumMismatch: (i) => m`项目支出明细的${fieldLabel(i.measure)}合计 ${i.sum} 与 ${i.cell} 的项目支出 ${i.total} 不相等。`,
  percentLooksLikeRatio: (i) =>
    m`${i.cell} 的实际完成值 ${i.value} 按百分点理解为 ${i.value}%；如果您的意思是 ${i.ratioPercent}%，请输入“${i.ratioPercent}%”或把单元格设为百分比格式。`,
  overachievement: (i) =>
    m`${i.cell} 完成值超出指标值较多，请说明原因，指标值是否设定偏低（实际完成值 ${formatQuantity(i.actual)}，指标值 ${formatQuantity(i.target)}，超出 ${ratioPercent(i.threshold)} 以上）。${
      i.penalty === undefined ? `得分仍以分值 ${i.weight} 为上限。` : `已按评分规则“${settingLabel('deviationPenalty')}”扣 ${i.penalty} 分，见计算说明。`
    }`,
  manualDiffers: (i) => m`${i.cell} 采用人工得分 ${i.manual}，按规则计算为 ${i.rule}。`,
  qualitativeConfirm: (i) =>
    m`${i.cell} 是定性指标（${tierName(i.tier)}），已暂按该档区间上限计 ${i.score} 分，请确认，或在“人工得分”中填写区间 ${bandText(i.band)} 内的分数。`,
  weightsNot100: (i) => m`预算执行率分值与“${i.name}”中各指标分值之和为 ${i.max}，不是 100；满分按 ${i.max} 显示。`,
  negativeActual: (i) => m`${i.cell} 的${fieldLabel(i.field)}为负数 ${formatQuantity(i.value)}，按 0 计算。`,
  rateUndefined: (i) => m`${i.cell} 的${fieldLabel(i.field)}为 0，无法计算${fieldLabel(i.rate)}，已留空。`,
  outputUnderMerge: (i) =>
    m`${i.cell} 是输出单元格，但位于合并单元格 ${i.merge} 之中，合并后只显示左上角单元格的内容，写入的结果看不到。请取消该合并，或调整名称的区域。`,
  outputShared: (i) =>
    m`${i.cell} 同时是${i.scopes.map(scopeName).join('和')}的输出单元格，两处的结果会互相覆盖。请调整其中一个名称的区域，使每个评价写到自己的单元格。`,
  hiddenSheetSkipped: (i) => m`工作表“${i.sheet}”已隐藏，其中定义的评价不计分。如需计分，请取消隐藏该工作表。`,
  nameUnused: (i) =>
    m`工作表“${i.scope}”定义了自己的名称“${i.name}”，但没有自己的“绩效指标”，因此这个名称不属于任何评价，未使用。如果该表是一个项目的评价，请为它定义自己的“绩效指标”。`,
  outputSheetProtected: (i, host) =>
    host === 'excel'
      ? m`${i.cell} 所在的工作表受保护，无法写入。请在“审阅 → 撤消工作表保护”后重试。`
      : m`${i.cell} 所在的工作表“${i.cell.sheet}”设置了工作表保护：结果已写入文件，但在 Excel 中该表的单元格仍受保护，Excel 自己也不允许这样修改。如需在 Excel 中改动，请先“审阅 → 撤消工作表保护”。`,
  totalCapped: (i) =>
    m`${i.cell} 的${adjustmentText({ rule: 'executionCap', before: i.before, after: i.after, rate: i.rate, below: i.below, cap: i.cap })}（评分规则“${settingLabel('executionCaps')}”）。`,
  blockWeightMismatch: (i) => [
    ...m`${i.cell}：一级指标“${i.block}”各指标分值之和为 ${i.sum}（`,
    ...cellList(i.weights),
    ...m`），应为 ${i.expected}（评分规则“${settingLabel('blockWeights')}”）。请核对这些分值。`,
  ],
  blockMissing: (i) =>
    m`名称“${i.name}”中没有一级指标为“${i.block}”的指标，而评分规则“${settingLabel('blockWeights')}”要求它的分值合计为 ${i.expected}。请核对一级指标的名称。`,
  reasonMissingWarning: reasonMissing,
  reasonTooLongWarning: reasonTooLong,
  formFormulaDiffers: (i) => {
    const what = i.place === 'total' ? '总分' : i.place === 'grade' ? '评价等级' : i.block ? `一级指标“${i.block}”的小计` : '小计';
    return m`${i.cell} 中是您的公式，未改写；它的结果“${i.cached}”与计算的${what}“${i.ours}”不同。请核对该公式，或删去公式由程序填写。`;
  },
};

/** The message of an issue as parts (cells kept as addresses), in the words of `host`. */
export function issueMessage(issue: Issue, host: IssueHost): Message {
  const render = MESSAGES[issue.code] as (issue: Issue, host: IssueHost) => Message;
  return render(issue, host);
}

/** The message of an issue as plain text, cells written as `'绩效指标'!E5`. */
export function issueText(issue: Issue, host: IssueHost): string {
  return messageText(issueMessage(issue, host));
}
