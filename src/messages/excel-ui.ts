/**
 * Every Chinese text of the Excel task pane, the ribbon command's dialog and
 * the Excel host's errors. Texts with parameters are functions.
 */
import type { HostError, HostErrorCode, LookedUp } from './host-error-codes';

const list = (items: string[]) => items.map((s) => '“' + s + '”').join('、');
const sheetList = (sheets: string[]) => sheets.map((s) => "'" + s.replace(/'/g, "''") + "'").join('、');

type HostErrorOf<C extends HostErrorCode> = Extract<HostError, { code: C }>;

function lookedUp(what: LookedUp | null): string {
  if (!what) return '所需的工作表或名称';
  if ('names' in what) return '所需的名称';
  if ('name' in what) return '名称“' + what.name + '”';
  return '工作表 ' + sheetList(what.sheets);
}

/** One message per Excel problem; keyed by every code so a missing one fails to compile. */
const HOST_ERRORS: { [C in HostErrorCode]: (e: HostErrorOf<C>) => string } = {
  editMode: () => 'Excel 正在编辑单元格，暂时无法读写工作簿。请按 Enter 或 Esc 结束编辑，然后点“重试”。',
  protectedSheet: (e) => {
    if (e.certain && e.restored) {
      return `工作表 ${sheetList(e.sheets)} 受保护，拒绝写入计算结果。其他工作表上已写入的部分已恢复，工作簿与计算前相同；请在“审阅 → 撤消工作表保护”后重试。`;
    }
    if (e.certain) return `工作表 ${sheetList(e.sheets)} 受保护，无法写入计算结果。本次未写入任何内容；请在“审阅 → 撤消工作表保护”后重试。`;
    return `写入被拒绝：工作表受保护${e.sheets.length > 0 ? '（涉及 ' + sheetList(e.sheets) + '）' : ''}。已写入的部分已恢复；请撤消工作表保护后重试。`;
  },
  itemNotFound: (e) => `找不到${lookedUp(e.what)}，可能已被删除或重命名。请检查后重试。`,
  changed: (e) => {
    if (e.detail === 'formula') return `读取之后 ${e.cell} 中被输入了公式。为不覆盖您的公式，本次未写入任何内容；请删除该公式后重新计算。`;
    if (e.detail === 'nameAdded') return `识别表格之后工作簿中定义了名称“${e.name}”。本次未设定名称，也未写入任何内容；请重新点“计算得分”。`;
    if (e.detail === 'nameMoved') return `读取之后名称“${e.name}”的引用范围被修改。本次未写入任何内容；请重新点“计算得分”。`;
    return '读取之后工作簿中的名称或工作表被删除或改名。本次未写入任何内容；请重新点“计算得分”。';
  },
  mergedCells: (e) => `输出单元格${e.range ? '（' + e.range + '）' : e.sheets.length > 0 ? '（工作表 ' + sheetList(e.sheets) + '）' : ''}中有合并单元格，无法写入。已写入的部分已恢复；请取消合并后重试。`,
  undoStale: (e) => `${e.cell} 在计算之后被修改过。为不覆盖您的修改，没有撤销；如需恢复请使用 Excel 的撤消或手工修改。`,
  nothingToUndo: () => '本次会话中还没有可撤销的计算。',
  templateNamesExist: (e) => `工作簿中已有名称 ${list(e.names)}，未插入模板。如需重新插入，请先在“公式 → 名称管理器”中删除这些名称。`,
  apiMissing: (e) =>
    `当前 Excel 版本不支持此操作（需要 ${e.requirement}）。请改用随附的“${e.feature === 'Worksheet.names.add' ? '模板-项目支出.xlsx' : '模板.xlsx'}”文件。`,
  unknown: (e) => `Excel 报告错误${e.excelCode ? '（' + e.excelCode + '）' : ''}：${e.excelMessage}`,
};

export function hostErrorMessage(error: HostError): string {
  const render = HOST_ERRORS[error.code] as (e: HostError) => string;
  return render(error);
}

/** Fixed texts of the pane and the dialog. */
export const UI = {
  title: '预算绩效自评',
  score: '计算得分',
  scoring: '正在计算…',
  retry: '重试',
  undo: '撤销本次计算',
  undoing: '正在撤销…',
  undone: '已恢复计算前的数值和格式。',
  insertTemplate: '插入模板',
  report: '生成自评报告',
  reportDocx: '下载 Word 文档（.docx）',
  /** The .docx the pane downloads (the pane does not know the workbook's file name on every platform). */
  reportFileName: '自评报告.docx',
  reporting: '正在生成自评报告…',
  inserting: '正在插入模板…',
  templateBlank: '空白模板',
  templateExample: '示例数据（二工片区 2023）',
  templateKindLabel: '模板内容',
  templateFormLabel: '表式',
  templateDepartment: '部门整体支出',
  /** Each click adds one project sheet (财预〔2020〕10号 附件 项目支出绩效自评表). */
  templateProject: '项目支出（每次加一张项目表）',
  total: '总分',
  maxScore: '满分',
  grade: '评价等级',
  executionRate: '预算执行率',
  /** The result card's line naming the 规则方案 that scored (absent without one). */
  preset: '规则方案',
  executionScore: '得分',
  indicators: '绩效指标',
  indicatorRate: '完成率',
  indicatorScore: '得分/分值',
  showNote: '计算说明',
  /** The evaluation of the workbook-scoped names (a sheet's evaluation is called by its sheet). */
  department: '部门整体',
  heldBack: '本评价没有错误；因其他评价有错误，未写入任何内容。',
  /** The list of every evaluation's total at the top, when a workbook has several. */
  overview: '各评价得分',
  /** An evaluation without errors in a workbook with errors elsewhere, in that list. */
  notWritten: '未写入',
  /** The disclosure marks before 计算说明 (open, closed). */
  noteOpen: '▾ ',
  noteClosed: '▸ ',
  errors: '错误',
  warnings: '提示',
  noIssues: '没有提示。',
  notScored: '因有错误，未写入任何内容。请逐条修改后重新计算。',
  clickToSelect: '点击可在工作表中选中该单元格',
  blankRate: '—',
  intro: '按工作簿中的五个名称（预算执行、项目支出、绩效指标、评分规则、评价结果）读取数据，计算得分并写回工作簿。',
  /** The result's tables (what an accountant checks and files). */
  budgetRows: '预算执行',
  budgetRowLabel: '资金项目',
  budgetTotalRow: '合计',
  rowRate: '执行率',
  rowAdjustment: '调整率',
  projects: '项目支出',
  projectName: '项目名称',
  /** One 一级指标's subtotal, read out for screen readers. */
  blockSubtotal: '小计',
  indicatorCell: '单元格',
  /** Marks on a score: a 人工得分 counted instead of the rule's, a local rule that changed it. */
  manualMark: '人工得分',
  adjustedMark: '规则调整',
  /** The print view's heading (hidden on screen). */
  printTitle: '预算绩效自评结果',
  printUnit: '单位',
  printYear: '年度',
  printDate: '打印日期',
  /** A line to fill in by hand where the workbook does not say (no 报告信息). */
  printBlank: '＿＿＿＿＿＿＿＿',
  dialogTitle: '计算结果',
  dialogClose: '关闭',
  dialogOpenPane: '请在“开始”选项卡点“绩效自评”打开任务窗格查看逐条说明。',
} as const;

export const templateInserted = (sheets: string[]) => `已插入模板：新增工作表 ${sheetList(sheets)} 和五个名称。`;

/** A project sheet added by 插入模板 → 项目支出, with its own two names. */
export const projectInserted = (sheets: string[]) =>
  `已插入项目支出绩效自评表：新增工作表 ${sheetList(sheets)} 和它自己的名称“预算执行”“绩效指标”（范围为该工作表）。填写后点“计算得分”；再点一次“插入模板”可再加一个项目。`;

/** The title of a 人工得分 mark: the score the rules would give. */
export const manualMarkTitle = (ruleScore: string) => `按规则得分 ${ruleScore}`;

/** Several notes of local rules in one line. */
export const joinedNotes = (notes: string[]) => notes.join('；');

/** `单位：` before a value in the print view's heading. */
export const headingLabel = (label: string) => label + '：';

/** `总分：81.53 / 100　评价等级：` — the print heading's result line, the grade badge follows. */
export const headingResult = (total: string, max: string) => [headingLabel(UI.total), total + ' / ' + max, '　' + headingLabel(UI.grade)] as const;

/** `2026年12月2日`, the print view's date. */
export const printDateText = (date: Date) => `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;

/** `产出指标 小计 54.41/65`: a block's bar, read out. */
export const blockLabel = (level1: string, score: string, weight: string) => `${level1} ${UI.blockSubtotal} ${score}/${weight}`;

export const scoredSummary = (total: string, max: string, grade: string) => `总分 ${total} / ${max}，评价等级：${grade}。`;

/** What an evaluation is called: its sheet, or 部门整体 for the workbook's own names. */
export const evaluationName = (scope: string | null) => (scope === null ? UI.department : scope);

/** A workbook with several evaluations, scored. */
export const scoredEvaluations = (count: number) => `已为 ${count} 个评价计分。`;

/** One line per evaluation in the ribbon's dialog: `项目1：总分 85.00，良`. */
export const evaluationLine = (name: string, total: string, grade: string) => `${name}：总分 ${total}，${grade}`;

export const writtenCells = (count: number) => `已写入 ${count} 个单元格。`;

export const errorCount = (count: number) => `工作簿中有 ${count} 处错误，未写入任何内容。`;

export const warningCount = (count: number) => `${count} 条提示`;

/** An evaluation with errors, in the list of every evaluation's total. */
export const errorTally = (count: number) => `${count} 处错误`;

/** `错误（3）` */
export const countedTitle = (title: string, count: number) => `${title}（${count}）`;

/** The result card's execution line: `93.16%，得分 9.32 / 10`. */
/** The ribbon dialog's execution line: `预算执行率 93.16%，得分 9.32`. */
export const dialogExecutionLine = (rate: string, score: string) => `${UI.executionRate} ${percentText(rate)}，${UI.executionScore} ${score}`;

/** A long message cut for the dialog's URL, with an ellipsis. */
export const shortened = (text: string, max: number) => (text.length > max ? text.slice(0, max) + '…' : text);

/** `2 条提示。请在“开始”选项卡…` */
export const warningsSeePane = (count: number) => `${warningCount(count)}。${UI.dialogOpenPane}`;

export const executionLine = (rate: string, score: string, weight: string) => `${percentText(rate)}，${UI.executionScore} ${score} / ${weight}`;

/** `0.9316` → `93.16%` by moving the decimal point in the text (no binary arithmetic). */
export const percentText = (ratio: string | null): string => {
  if (ratio === null) return UI.blankRate;
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(ratio);
  if (!m) return ratio;
  const frac = (m[3] || '') + '00';
  const whole = (m[2] + frac.slice(0, 2)).replace(/^0+(?=\d)/, '');
  const digits = m[3] || '';
  const rest = digits.length > 2 ? '.' + digits.slice(2) : '';
  return m[1] + whole + rest + '%';
};

/** 生成自评报告 done: where the report is, and what is left to do. */
export const reportWritten = (sheet: string) =>
  `自评报告已写入新工作表“${sheet}”（每段一行，可直接打印或复制到 Word）。【请填写：……】处是“报告信息”中尚未填写的内容；工作簿的单元格未作改动。`;

/** 识别表格 (forms issue §3): a workbook without names in the pane, and 设定名称并计算. */
export const DETECT_UI = {
  title: '识别表格',
  intro: '工作簿中没有约定的名称（预算执行、绩效指标等），已按表头和项目名称查找表格。点击范围可在 Excel 中选中它，请核对：',
  nothingFound: '没有找到任何约定的表格。可以用下面的“插入模板”插入一份模板，填写后再点“计算得分”。',
  namesTitle: '将设定的名称',
  problemsTitle: '无法确定名称，原因如下（程序不会猜测，未写入任何内容）：',
  confirm: '设定名称并计算',
  confirmTablesOnly: '按这些表格计算',
  confirming: '正在计算…',
  /** ExcelApi 1.4: what the button does, before it is clicked. */
  confirmHint: '确认无误后点“设定名称并计算”：把上面的名称加入工作簿，再计算得分（一次完成）。撤销本次计算会同时删除这些名称。',
  /** ExcelApi 1.1 (no names.add), before the click. */
  tablesOnlyHint: '此版本的 Excel（ExcelApi 1.1）不能添加名称：确认无误后点“按这些表格计算”，将按上面的表格计算得分，不设定名称。',
  /** The workbook changed between 识别表格 and the click. */
  changed: '工作簿在识别表格之后有改动，已重新识别，未写入任何内容。请核对后再确认。',
  /** Scored after the names were added (ExcelApi 1.4). */
  namesAdded: (count: number) => `已在工作簿中设定 ${count} 个名称。以后可直接点“计算得分”；撤销本次计算会同时删除这些名称。`,
  /** Scored with the tables alone (ExcelApi 1.1). */
  tablesOnly: '此版本的 Excel 无法添加名称，已按上面识别的表格计算（工作簿中未设定名称，下次计算会再次识别表格）。要设定名称，请用 公式 → 名称管理器，或用网页版下载带名称的文件。',
  selectRange: '点击在 Excel 中选中此范围',
  /** The ribbon's 计算得分 on a workbook without names: the proposal needs the pane to be confirmed. */
  ribbon: '工作簿中没有约定的名称，未计算。任务窗格会按表头识别表格，核对后可一键设定名称并计算。',
} as const;
