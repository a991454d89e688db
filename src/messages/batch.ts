/**
 * Chinese text of `selfeval batch`: the summary's sheets and columns, the
 * states of a file, why a file was skipped, the progress bar and the closing
 * line. The option and command texts are in cli.ts with the others.
 */

/** Why a file found in a folder was not scored. */
export type SkipReason = 'lockFile' | 'scoredCopy' | 'notWorkbook' | 'linkedFolder' | 'summary' | 'outDir' | 'duplicate';

export const SKIP_REASONS: Record<SkipReason, string> = {
  lockFile: 'Excel 打开工作簿时留下的临时锁文件（~$ 开头），不是工作簿',
  scoredCopy: '是 selfeval score 写出的评分结果（.scored.xlsx），不再重复评分',
  notWorkbook: '不是 .xlsx 或 .xlsm 工作簿（.xls 请先在 Excel 或 WPS 中另存为 .xlsx）',
  linkedFolder: '是指向文件夹的符号链接，不进入（以免重复或循环）',
  summary: '是本次要写出的汇总文件',
  outDir: '在 --out-dir 输出文件夹中',
  duplicate: '已作为另一个输入评分',
};

/** The state of an evaluation (or of a file that gave none), the 汇总 sheet's 状态 column. */
export const STATUS_TEXT = {
  scored: '已评分',
  workbookErrors: '有错误，未评分',
  fileError: '文件无法读取',
  writeFailed: '已评分，副本写入失败',
} as const;
export type BatchStatus = keyof typeof STATUS_TEXT;

/** 问题清单's 级别 column. */
export const LEVEL_TEXT = { error: '错误', warning: '提示', review: '复核' } as const;
export type ProblemLevel = keyof typeof LEVEL_TEXT;

export const SHEET_NAMES = { summary: '汇总', problems: '问题清单', review: '复核' } as const;

export const SUMMARY_COLUMNS = {
  file: '文件',
  unit: '单位名称',
  scope: '项目/范围',
  executionRate: '预算执行率',
  executionScore: '执行率得分',
  indicatorTotal: '指标得分',
  total: '总分',
  grade: '等级',
  statedTotal: '单位自填总分',
  difference: '差异',
  warnings: '提示数',
  errors: '错误数',
  status: '状态',
} as const;

export const PROBLEM_COLUMNS = { file: '文件', cell: '单元格', level: '级别', text: '内容' } as const;

export const REVIEW_COLUMNS = { file: '文件', unit: '单位名称', scope: '项目/范围', cell: '单元格', item: '项目', stated: '单位填报', computed: '规则结果', text: '说明' } as const;

export const BATCH_TEXT = {
  /** The summary's file name when -o is not given. */
  defaultSummary: '汇总',
  /** The CSV files beside the 汇总 one: `汇总-问题清单.csv`. */
  csvPart: (base: string, sheet: string) => `${base}-${sheet}`,
  /** The totals under the 汇总 table. */
  totalsLabel: '合计',
  totalsFiles: (files: number, evaluations: number) => `${files} 个文件，${evaluations} 个评价`,
  averageLabel: '平均总分',
  gradeHeading: '等级分布',
  notScored: '未评分',
  /** The skipped files, before the closing line. */
  skippedHeading: (n: number) => `跳过 ${n} 个文件：`,
  skipped: (file: string, why: string) => `  - ${file}：${why}`,
  skippedProblem: (why: string) => `未评分：${why}`,
  fileLine: (file: string, status: string, detail: string) => `${file}  ${status}${detail === '' ? '' : '  ' + detail}`,
  closing: (c: { files: number; scored: number; errors: number; fileErrors: number; skipped: number; seconds: string }) =>
    `共 ${c.files} 个工作簿：${c.scored} 个已评分，${c.errors} 个有错误，${c.fileErrors} 个无法读取；跳过 ${c.skipped} 个文件；用时 ${c.seconds} 秒。`,
  summaryWritten: (file: string) => `汇总已写入：${file}`,
  copiesWritten: (n: number, dir: string) => `评分后的副本 ${n} 个，写在：${dir}`,
  interrupted: '已中断（Ctrl-C）：未写入汇总；已写出的副本都是完整文件。',
  /** cli-progress's format: {bar} and the rest are its placeholders. */
  progressFormat: ' {bar} {value}/{total} 个文件 | {rate} 个/秒 | 剩余 {eta_formatted} | {file}',
} as const;
