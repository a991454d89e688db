/** Chinese text of the command-line tool: help, headings and file-level problems. */
export const CLI_TEXT = {
  usageLine: '用法：selfeval score <工作簿.xlsx> [-o <输出.xlsx> | --in-place] [--force] [--json]',
  summary: '按“工作簿约定 v1”计算预算绩效自评得分，把结果写回工作簿副本（或原文件）。',
  optionsHeading: '选项：',
  exitHeading: '退出码：',
  exitCodes: ['0  评分成功（可能有提示）', '1  工作簿有错误，未写入任何文件', '2  用法错误或文件问题（无法读取、不是 xlsx、已加密等）'],
  examplesHeading: '示例：',
  examples: [
    'selfeval score 自评表.xlsx                 # 写出 自评表.scored.xlsx',
    'selfeval score 自评表.xlsx -o 结果.xlsx',
    'selfeval score 自评表.xlsx --in-place      # 直接更新原文件',
    'selfeval score 自评表.xlsx --json > 结果.json',
  ],
  heading: (file: string) => `评分结果：${file}`,
  executionHeading: '资金项目执行率',
  indicatorsHeading: '绩效指标',
  columns: { label: '资金项目', budget: '全年预算数', actual: '全年执行数', rate: '执行率', adjustment: '调整率', score: '得分' },
  indicatorColumns: { index: '序号', name: '三级指标', rate: '完成率', score: '得分/分值' },
  totalLine: (total: string, max: string, grade: string) => `总分 ${total} / ${max}    评价等级 ${grade}`,
  warningsHeading: (n: number) => `提示（${n} 条）：`,
  errorsHeading: (n: number) => `错误（${n} 条）：未写入任何内容，请修改后重新评分。`,
  written: (file: string) => `已写入：${file}`,
  notWritten: '未写入任何文件。',
} as const;

export type UsageProblem =
  | { code: 'unknownOption'; option: string }
  | { code: 'missingValue'; option: string }
  | { code: 'unknownCommand'; command: string }
  | { code: 'noCommand' }
  | { code: 'noFile' }
  | { code: 'tooManyFiles' }
  | { code: 'outputAndInPlace' }
  | { code: 'outputExists'; file: string }
  | { code: 'sameFile'; file: string }
  | { code: 'cannotRead'; file: string; reason: string }
  | { code: 'cannotWrite'; file: string; reason: string };

const USAGE: { [K in UsageProblem['code']]: (p: Extract<UsageProblem, { code: K }>) => string } = {
  unknownOption: (p) => `不认识的选项 ${p.option}。用 selfeval --help 查看可用选项。`,
  missingValue: (p) => `选项 ${p.option} 需要一个值。`,
  unknownCommand: (p) => `不认识的命令“${p.command}”。目前只有 score 命令。`,
  noCommand: () => `缺少命令。${CLI_TEXT.usageLine}`,
  noFile: () => `缺少要评分的工作簿。${CLI_TEXT.usageLine}`,
  tooManyFiles: () => `一次只能评分一个工作簿。`,
  outputAndInPlace: () => `-o/--output 与 --in-place 不能同时使用。`,
  outputExists: (p) => `输出文件 ${p.file} 已存在。如需覆盖请加 --force，或用 -o 指定其他文件名。`,
  sameFile: (p) => `输出文件 ${p.file} 就是输入文件。要直接更新原文件请用 --in-place。`,
  cannotRead: (p) => `无法读取文件 ${p.file}：${p.reason}`,
  cannotWrite: (p) => `无法写入文件 ${p.file}：${p.reason}。原文件未被修改。`,
};

export function usageMessage(problem: UsageProblem): string {
  return (USAGE[problem.code] as (p: UsageProblem) => string)(problem);
}

/** Common system error codes in words an accountant understands. */
export function systemReason(code: string | undefined, fallback: string): string {
  switch (code) {
    case 'ENOENT':
      return '文件或文件夹不存在';
    case 'EACCES':
    case 'EPERM':
      return '没有权限（文件可能正被其他程序打开，或为只读）';
    case 'EISDIR':
      return '这是一个文件夹，不是文件';
    case 'ENOSPC':
      return '磁盘空间不足';
    case 'EIO':
      return '读写出错（磁盘或网络驱动器故障）';
    case 'EROFS':
      return '文件所在位置是只读的';
    case 'EBUSY':
      return '文件正被其他程序占用（例如在 Excel 中打开）';
    default:
      return fallback;
  }
}
