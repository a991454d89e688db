import type { Settings } from '../engine';

/** The five workbook-scoped names of the contract (工作簿约定 v1). */
export const CONTRACT_NAMES = ['预算执行', '项目支出', '绩效指标', '评分规则', '评价结果'] as const;
export type ContractName = (typeof CONTRACT_NAMES)[number];

/**
 * Optional names beyond the five (additive): 报告信息, the key–value facts and
 * free-text blocks of the 自评报告. Hosts read them like the five; scoring
 * never needs them, and a workbook without them scores exactly as before.
 */
export const OPTIONAL_NAMES = ['报告信息'] as const;
export type OptionalName = (typeof OPTIONAL_NAMES)[number];
/** Every name a host reads: the contract's five, then the optional ones. */
export const READ_NAMES = [...CONTRACT_NAMES, ...OPTIONAL_NAMES] as const;
export type ReadName = (typeof READ_NAMES)[number];
export const REPORT_INFO_NAME: OptionalName = '报告信息';

/** The names by role, for code that means one of them. */
export const NAME = {
  budget: '预算执行',
  projects: '项目支出',
  indicators: '绩效指标',
  settings: '评分规则',
  results: '评价结果',
} as const satisfies Record<string, ContractName>;

/**
 * The contract's header vocabulary as data (工作簿约定 v1). Each column has a
 * canonical header and aliases; `output` columns are the ones we write.
 * Matching goes through normalizeHeader, so the texts here are written as a
 * user would see them.
 */
export interface ColumnSpec<K extends string, R extends boolean = boolean> {
  key: K;
  header: string;
  aliases: readonly string[];
  required: R;
  output: boolean;
}

/** A column; `required: true` is kept as a literal type so a table's required columns are known to the compiler. */
function col<K extends string, R extends boolean = false>(
  key: K,
  header: string,
  aliases: string[],
  flags: { required?: R; output?: boolean } = {},
): ColumnSpec<K, R> {
  return { key, header, aliases, required: (flags.required ?? false) as R, output: flags.output ?? false };
}

/** The keys of a table's required columns: `RequiredKey<typeof INDICATOR_COLUMNS>` is 'name' | 'target' | …. */
export type RequiredKey<S extends readonly ColumnSpec<string>[]> = Extract<S[number], { required: true }>['key'];

export const BUDGET_COLUMNS = [
  // 项目资金: the national 项目支出绩效自评表 names its budget block 项目资金（万元）, merged down its first column (a block label, see header-table.ts).
  col('label', '资金项目', ['项目', '资金', '类别', '资金来源', '项目资金'], { required: true }),
  col('initial', '年初预算数', ['年初预算', '年初数']),
  col('budget', '全年预算数', ['全年预算', '调整后预算数', '预算数'], { required: true }),
  col('actual', '全年执行数', ['执行数', '实际支出', '全年实际支出', '支出数'], { required: true }),
  col('weight', '分值', ['权重', '权重分值']),
  col('rate', '执行率', ['预算执行率'], { output: true }),
  col('score', '得分', [], { output: true }),
  col('adjustment', '调整率', ['预算调整率'], { output: true }),
  // Input only, never written: read when 偏差原因必填 asks for a reason (the total row's 执行率 below 执行率说明阈值).
  col('reason', '偏差原因', ['偏差原因分析', '原因']),
] as const;

export const PROJECT_COLUMNS = [
  col('name', '项目名称', ['项目'], { required: true }),
  col('budget', '全年预算数', ['预算数', '预算金额'], { required: true }),
  col('actual', '全年执行数', ['执行数', '执行金额', '实际支出'], { required: true }),
  col('rate', '执行率', [], { output: true }),
  // Input only, for the 自评报告: the project's funding source (本级财力项目) and what it achieved.
  col('source', '资金性质', ['项目类别', '资金来源类别']),
  col('benefit', '项目效益', ['实现效益', '效益']),
] as const;

export const INDICATOR_COLUMNS = [
  col('level1', '一级指标', []),
  col('level2', '二级指标', []),
  col('name', '三级指标', ['指标名称', '指标', '绩效指标'], { required: true }),
  col('target', '指标值', ['年度指标值', '目标值', '预期指标值', '预期目标值'], { required: true }),
  col('nature', '指标性质', ['计算符号', '指标方向', '符号']),
  col('unit', '度量单位', ['计量单位', '单位']),
  col('adjustedTarget', '调整后指标值', ['调整后目标值']),
  col('actual', '实际完成值', ['完成值', '实际值', '全年实际值'], { required: true }),
  // Input only, never scored: read like 实际完成值 for the 自评报告 (年中监控实际完成值为 …).
  col('monitor', '年中监控值', ['年中监控实际完成值', '1-7月完成值', '监控值']),
  col('weight', '分值', ['权重', '权重分值', '指标分值'], { required: true }),
  col('manual', '人工得分', ['调整得分']),
  col('reason', '偏差原因', ['偏差原因分析']),
  col('measures', '改进措施', []),
  col('rate', '完成率', ['指标完成率'], { output: true }),
  col('score', '得分', ['自评得分'], { output: true }),
  col('note', '计算说明', ['说明'], { output: true }),
] as const;

/**
 * One header that is two columns at once: the national 项目支出绩效自评表 has a
 * single column 偏差原因分析及改进措施 for both 偏差原因 and 改进措施.
 */
export const COMBINED_HEADERS: { readonly [T in 'budget' | 'projects' | 'indicators']: ReadonlyArray<{ header: string; keys: readonly string[] }> } = {
  budget: [],
  projects: [],
  indicators: [{ header: '偏差原因分析及改进措施', keys: ['reason', 'measures'] }],
};

/** The column of a table that labels its rows: a header cell in the first column that only labels the block is not it (header-table.ts). */
export const LABEL_COLUMN = { budget: 'label', projects: 'name', indicators: 'name' } as const;

export type BudgetColumn = (typeof BUDGET_COLUMNS)[number]['key'];
export type ProjectColumn = (typeof PROJECT_COLUMNS)[number]['key'];
export type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number]['key'];

export const TABLE_COLUMNS = { budget: BUDGET_COLUMNS, projects: PROJECT_COLUMNS, indicators: INDICATOR_COLUMNS } as const;
export type TableKind = keyof typeof TABLE_COLUMNS;

/** The canonical header of a column, as messages name it (`全年执行数`). */
export function columnHeader(table: TableKind, key: string): string {
  const specs: readonly ColumnSpec<string>[] = TABLE_COLUMNS[table];
  const spec = specs.find((c) => c.key === key);
  return spec ? spec.header : key;
}

/** The label of the budget table's total row when it has none of its own (the canonical one). */
export const BUDGET_TOTAL_LABEL = '年度资金总额';

/** Labels of the budget table's total row; without one, the first data row is the total. */
export const BUDGET_TOTAL_LABELS = ['年度资金总额', '合计', '总计', '资金总额', '部门整体支出', '预算总额'];

/** Labels that make a row of the indicator or project table a total row (skipped, never written). */
export const TABLE_TOTAL_LABELS = ['合计', '总计', '小计'];

/**
 * The indicator table's grand-total row (the national form's last row
 * `总分 | 100 | 得分`): read past like 合计, its 得分 cell receives the total,
 * and it ends the table.
 */
export const GRAND_TOTAL_LABELS = ['总分', '自评总分', '总得分'];
/** A 一级指标 block's subtotal row: its 得分 cell receives the block's subtotal. */
export const SUBTOTAL_LABEL = '小计';
/** A cell beside or below the grand-total row with one of these labels receives the grade. */
export const GRADE_CELL_LABELS = ['自评等级', '评价等级'];

/** Breakdown rows the cross-checks know: each whole and its parts. */
export const BREAKDOWNS: ReadonlyArray<{ whole: string | null; parts: readonly string[] }> = [
  { whole: null, parts: ['基本支出', '项目支出'] },
  { whole: '基本支出', parts: ['人员经费', '公用经费'] },
  { whole: null, parts: ['当年财政拨款', '上年结转资金', '其他资金'] },
];

/** Written before a breakdown part in the national form (`其中：当年财政拨款`); not part of its label. */
export const PART_PREFIX = '其中';

/** Other names units give a breakdown row of the national form (`其中：本年财政拨款`), by the name the checks use. */
export const ROW_LABEL_ALIASES: Readonly<Record<string, string>> = { 本年财政拨款: '当年财政拨款' };

export const BASIC_LABEL = '基本支出';
export const PROJECT_LABEL = '项目支出';

export type SettingKey =
  | 'preset'
  | 'executionWeight'
  | 'grades'
  | 'excellent'
  | 'good'
  | 'pass'
  | 'decimals'
  | 'reverseMode'
  | 'overachievementThreshold'
  | 'roundRatesFirst'
  | 'executionCaps'
  | 'deviationPenalty'
  | 'blockWeights'
  | 'reasonRequired'
  | 'reasonMaxChars'
  | 'reasonThreshold'
  | 'reportMaxChars'
  | 'overdueMode'
  | 'tierWordsA'
  | 'tierWordsB'
  | 'tierWordsC'
  | 'reviewRateGap'
  | 'reviewUnspent'
  | 'reviewReason'
  | 'reviewWeightTotal';

/** The v1 keys that set the lower bound of one grade each, by the grade they name. */
export const V1_GRADE_KEYS = ['excellent', 'good', 'pass'] as const;
export type V1GradeKey = (typeof V1_GRADE_KEYS)[number];

export const SETTING_LABELS: ReadonlyArray<{ key: SettingKey; label: string; aliases: readonly string[] }> = [
  { key: 'preset', label: '规则方案', aliases: ['计分方案', '评分方案'] },
  { key: 'executionWeight', label: '预算执行率分值', aliases: [] },
  { key: 'grades', label: '等级', aliases: ['等级划分', '等级分数线'] },
  { key: 'excellent', label: '优', aliases: [] },
  { key: 'good', label: '良', aliases: [] },
  { key: 'pass', label: '中', aliases: [] },
  { key: 'decimals', label: '小数位数', aliases: [] },
  { key: 'reverseMode', label: '反向指标超标记分', aliases: [] },
  { key: 'overachievementThreshold', label: '偏离度预警阈值', aliases: [] },
  { key: 'roundRatesFirst', label: '完成率先舍入', aliases: [] },
  { key: 'executionCaps', label: '执行率总分上限', aliases: ['执行率封顶'] },
  { key: 'deviationPenalty', label: '偏离扣分', aliases: ['偏离度扣分'] },
  { key: 'blockWeights', label: '一级指标分值', aliases: ['一级指标权重'] },
  { key: 'reasonRequired', label: '偏差原因必填', aliases: [] },
  { key: 'reasonMaxChars', label: '偏差原因字数上限', aliases: [] },
  { key: 'reasonThreshold', label: '执行率说明阈值', aliases: [] },
  { key: 'reportMaxChars', label: '报告字数上限', aliases: [] },
  { key: 'overdueMode', label: '时效逾期记分', aliases: ['逾期记分'] },
  { key: 'tierWordsA', label: '定性A档用语', aliases: ['A档用语'] },
  { key: 'tierWordsB', label: '定性B档用语', aliases: ['B档用语'] },
  { key: 'tierWordsC', label: '定性C档用语', aliases: ['C档用语'] },
  // The bureau's 复核 checks (selfeval batch): they never change a score and never warn in a single run.
  { key: 'reviewRateGap', label: '复核得分率差异', aliases: ['得分率差异阈值'] },
  { key: 'reviewUnspent', label: '复核结余比例', aliases: ['结余比例阈值'] },
  { key: 'reviewReason', label: '复核偏差原因', aliases: [] },
  { key: 'reviewWeightTotal', label: '复核分值合计', aliases: [] },
];

/** The label of a setting as messages name it (`执行率总分上限`). */
export function settingLabel(key: SettingKey): string {
  const found = SETTING_LABELS.find((s) => s.key === key);
  return found ? found.label : key;
}

export const REVERSE_MODES = { 偏差扣分: 'deviation', 比值: 'ratio', 零分: 'zero' } as const;

/** Values of 偏差原因必填: no check, a warning, or an error for a missing reason (and a reason too long). */
export const REASON_MODES = { 否: 'off', 提示: 'warn', 错误: 'error' } as const;
export type ReasonMode = (typeof REASON_MODES)[keyof typeof REASON_MODES];

/** Values of 时效逾期记分: a missed deadline scores 0, or needs a 人工得分. */
export const OVERDUE_MODES = { 零分: 'zero', 人工: 'manual' } as const;
export type OverdueMode = (typeof OVERDUE_MODES)[keyof typeof OVERDUE_MODES];

/** Written for a list or limit setting to say “none” (and so override a preset's value). */
export const NONE_WORDS = ['无'] as const;

/**
 * The grammar of the list settings (等级, 执行率总分上限, 一级指标分值), after
 * NFKC (which folds the full-width `：；，` people type): items separated by
 * `;` `,` `、` or a line break, each `名称:值` with `:` or `=`.
 */
export const LIST_SEPARATORS = /[;,\u3001\n\r]+/;
export const PAIR_SEPARATORS = /[:=]/;
/** A unit allowed after a score in a list setting (`79分`). */
export const SCORE_UNIT = '分';
/** A unit allowed after a 字数上限 (`100字`). */
export const CHAR_UNIT = '字';

/** Values of a yes/no setting (完成率先舍入); the first of each is the one messages suggest. */
export const YES_WORDS = ['是', 'true'] as const;
export const NO_WORDS = ['否', 'false'] as const;

/** The largest 小数位数. */
export const MAX_DECIMALS = 6;

/** The contract's default settings (评分规则 absent or blank): v1 scoring. */
export const DEFAULT_SETTINGS: Settings = {
  executionWeight: '10',
  grades: [
    { name: '优', min: '90' },
    { name: '良', min: '80' },
    { name: '中', min: '60' },
  ],
  lowestGrade: '差',
  decimals: 2,
  reverseMode: 'deviation',
  overachievementThreshold: '0.3',
  roundRatesFirst: false,
  executionCaps: [],
  deviationPenalty: '0',
};

/** What the workbook layer checks beyond scoring, by default nothing (v1). */
export interface LocalRules {
  /** 一级指标分值: expected Σ 分值 per 一级指标, as given. */
  blockWeights: ReadonlyArray<{ block: string; weight: string }>;
  /** 偏差原因必填 */
  reasonMode: ReasonMode;
  /** 偏差原因字数上限 (characters; null: no limit). */
  reasonMaxChars: number | null;
  /** 执行率说明阈值 as a ratio: a 预算执行率 (as written) below it needs a reason. */
  reasonThreshold: string;
  /** 报告字数上限: the limit of 评价结论 / 存在问题 / 改进措施 each (null: no limit); see text-limits.ts. */
  reportMaxChars: number | null;
  /** 时效逾期记分 */
  overdueMode: OverdueMode;
  /** 定性A档用语 …: phrases the workbook adds, tried before the built-in ones (contained in the text). */
  tierWords: { readonly A: readonly string[]; readonly B: readonly string[]; readonly C: readonly string[] };
}

export const DEFAULT_LOCAL_RULES: LocalRules = {
  blockWeights: [],
  reasonMode: 'off',
  reasonMaxChars: null,
  reasonThreshold: '0.9',
  reportMaxChars: null,
  overdueMode: 'zero',
  tierWords: { A: [], B: [], C: [] },
};

/**
 * The consistency checks a bureau applies before spot checks, listed on the
 * 复核 sheet of `selfeval batch` (never issues of a run: a single workbook
 * scores and warns exactly as without them). Each is a 评分规则 row; 无 (or
 * 否) turns a check off.
 */
export interface ReviewRules {
  /** 复核得分率差异: Σ得分/Σ分值 of the indicators against the 预算执行率, as a ratio (0.05: 5 points); null: off. */
  rateGap: string | null;
  /** 复核结余比例: a budget row or project with (全年预算数 − 全年执行数)/全年预算数 above this ratio; null: off. */
  unspentShare: string | null;
  /** 复核偏差原因: an indicator short of its target with a blank 偏差原因. */
  reasonForShortfall: boolean;
  /** 复核分值合计: 预算执行率分值 + Σ 分值 expected to be this; null: off. */
  weightTotal: string | null;
}

export const DEFAULT_REVIEW_RULES: ReviewRules = {
  rateGap: '0.05',
  unspentShare: '0.2',
  reasonForShortfall: true,
  weightTotal: '100',
};

export type ResultKey =
  | 'executionRate'
  | 'executionScore'
  | 'indicatorTotal'
  | 'total'
  | 'max'
  | 'grade'
  | 'adjustmentRate'
  | 'basicRate'
  | 'projectRate'
  | 'warnings'
  | 'totalNote';

/** Written to 提示 when the run has no warning (else the number of warnings). */
export const NO_WARNINGS = '无';

export const RESULT_LABELS: ReadonlyArray<{ key: ResultKey; label: string; aliases: readonly string[] }> = [
  { key: 'executionRate', label: '预算执行率', aliases: [] },
  { key: 'executionScore', label: '预算执行率得分', aliases: [] },
  { key: 'indicatorTotal', label: '指标得分合计', aliases: ['指标得分'] },
  { key: 'total', label: '总分', aliases: ['自评总分', '综合得分'] },
  { key: 'max', label: '满分', aliases: [] },
  { key: 'grade', label: '评价等级', aliases: ['等级', '评价结果'] },
  { key: 'adjustmentRate', label: '预算调整率', aliases: [] },
  { key: 'basicRate', label: '基本支出执行率', aliases: [] },
  { key: 'projectRate', label: '项目支出执行率', aliases: [] },
  { key: 'warnings', label: '提示', aliases: ['校验提示'] },
  // How the total was reached, with the local rules that changed it (执行率总分上限); text.
  { key: 'totalNote', label: '总分说明', aliases: ['总分计算说明'] },
];

/** Target grammar: operator spellings, longest first when matched as prefixes. */
export const AT_LEAST_OPERATORS = ['≥', '>=', '大于等于', '不低于', '不少于', '不小于', '至少', '>', '大于', '高于', '多于'];
export const AT_MOST_OPERATORS = ['≤', '<=', '小于等于', '不高于', '不超过', '不多于', '不大于', '<', '小于', '低于', '少于'];
export const EQUAL_OPERATORS = ['=', '等于'];
/** `以内` after the number is an at-most operator, not a unit. */
export const AT_MOST_SUFFIX = '以内';
export const QUALITATIVE_NATURE = '定性';

/** Qualitative tiers: C is tested first (未达成 contains 达成), then B (部分), then A. */
export const TIER_C_WORDS = ['未达成', '未完成', '未达到', '未实现'];
export const TIER_B_WORD = '部分';
export const TIER_A_WORDS = ['达成年度指标', '全部达成', '基本达成', '达成', '达到预期', '完成', '实现'];
/**
 * Everyday tier wording (好, 一般, 较差 …), tried only when none of the v1 words
 * above is in the text: the text must be the phrase or end with it (效果显著),
 * and a negation just before it (不显著) matches nothing. C first, then B, then A.
 */
export const TIER_EVERYDAY_WORDS = {
  C: ['较差', '差'],
  B: ['较一般', '一般'],
  A: ['优秀', '良好', '较好', '显著', '好', '优'],
} as const;
export const TIER_NEGATIONS = ['不', '未', '无', '欠'];
/** Trailing punctuation ignored when matching tier wording (`良好。`). */
export const TRAILING_PUNCTUATION = /[。．.，,；;！!]+$/;

/**
 * 时效指标 with a date target (`2024年12月底前`, `≤2024-12-31`, `12月31日前完成`):
 * what may stand before and after the date. The deadline counts its own day.
 */
export const DEADLINE_PREFIXES = ['≤', '<=', '不晚于', '不迟于', '截至', '截止', '已于', '于', '在'];
export const DEADLINE_BEFORE_WORDS = ['之前', '以前', '前'];
export const DEADLINE_DONE_WORDS = ['完成', '实现', '办结', '完工', '到位', '验收', '上线', '交付'];
/** `2024-12-31`, `2024/12/31`, `2024.11.20` (all three parts: `2024.11` is a number). */
export const DATE_NUMERIC = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
/**
 * `2024年12月31日`, `12月底`, `2024年第三季度`, `下半年`, `年底`, `2024年内` — the year
 * optional. Groups: 1 year, 2 month, 3 day, 4 月底, 5 quarter, 6 half (上/下), 7 year end.
 */
export const DATE_WRITTEN =
  /^(?:(\d{4})?年)?(?:(\d{1,2})月(?:(\d{1,2})[日号]|(底|末))?|第?([一二三四1-4])季度(?:末|底)?|([上下])半年(?:末|底)?|(底|末|内))$/;
export const DATE_YEAR = '年';
export const DATE_FIRST_HALF = '上';
export const QUARTER_NUMBERS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
/** An actual of a deadline target that says it was on time without a date. */
export const ON_TIME_WORDS = ['已按时完成', '按时完成', '已如期完成', '如期完成', '已按期完成', '按期完成', '按时', '如期', '按期'];

export const TIER_NAMES = {
  A: '达成年度指标',
  B: '部分达成年度指标并具有一定效果',
  C: '未达成年度指标且效果较差',
} as const;

/** 报告信息 facts: the unit, the year, the kind of evaluation, the project. */
export type ReportFactKey = 'unit' | 'year' | 'kind' | 'project';

/**
 * 报告信息 free-text blocks: the judgement the 自评报告 leaves to its author,
 * placed where the outline says (a missing one shows a placeholder).
 */
export type ReportBlockKey =
  | 'functions'
  | 'organization'
  | 'keyWork'
  | 'projectOverview'
  | 'arrangementNote'
  | 'adjustmentNote'
  | 'executionNote'
  | 'basicUse'
  | 'projectUse'
  | 'basicManagement'
  | 'system'
  | 'compliance'
  | 'problems'
  | 'measures'
  | 'suggestions';

export type ReportLabelKey = ReportFactKey | ReportBlockKey;

export const REPORT_LABELS: ReadonlyArray<{ key: ReportLabelKey; label: string; aliases: readonly string[] }> = [
  { key: 'unit', label: '单位名称', aliases: ['部门名称', '单位'] },
  { key: 'year', label: '年度', aliases: ['评价年度', '预算年度'] },
  { key: 'kind', label: '评价类型', aliases: ['自评类型', '报告类型'] },
  { key: 'project', label: '项目名称', aliases: ['项目'] },
  { key: 'functions', label: '部门主要职能', aliases: ['主要职能', '单位主要职能'] },
  { key: 'organization', label: '机构设置及人员构成', aliases: ['部门机构设置及人员构成', '机构设置', '人员构成'] },
  { key: 'keyWork', label: '年度重点工作', aliases: ['部门单位年度重点工作', '重点工作'] },
  { key: 'projectOverview', label: '项目概况', aliases: ['项目基本情况', '项目立项情况'] },
  { key: 'arrangementNote', label: '预算安排情况说明', aliases: ['年初预算说明', '预算安排说明'] },
  { key: 'adjustmentNote', label: '预算调整情况说明', aliases: ['预算调整说明'] },
  { key: 'executionNote', label: '预算执行情况说明', aliases: ['预算执行说明'] },
  { key: 'basicUse', label: '基本支出主要用途', aliases: ['基本支出用途'] },
  { key: 'projectUse', label: '项目支出主要用途', aliases: ['项目支出用途'] },
  { key: 'basicManagement', label: '基本支出管理情况', aliases: ['基本支出管理'] },
  { key: 'system', label: '管理制度', aliases: ['管理制度健全性'] },
  { key: 'compliance', label: '资金使用合规性', aliases: ['资金使用合规性和安全性'] },
  { key: 'problems', label: '存在的主要问题', aliases: ['存在问题', '存在的主要问题及原因分析', '主要问题'] },
  { key: 'measures', label: '改进措施', aliases: [] },
  { key: 'suggestions', label: '建议', aliases: ['意见建议'] },
];

/** The label of a 报告信息 row as messages name it (`部门主要职能`). */
export function reportLabel(key: ReportLabelKey): string {
  const found = REPORT_LABELS.find((s) => s.key === key);
  return found ? found.label : key;
}

/** Values of 评价类型 (the department's whole spending, or one project). */
export const REPORT_KINDS = { 部门整体支出: 'department', 整体支出: 'department', 项目支出: 'project', 项目: 'project' } as const;
export type ReportKind = (typeof REPORT_KINDS)[keyof typeof REPORT_KINDS];
