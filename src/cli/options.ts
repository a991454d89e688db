/**
 * Every option as data (npm-check-updates style): the same array parses
 * argv, prints --help and is listed in the README.
 */
export interface OptionSpec {
  name: 'output' | 'in-place' | 'json' | 'force' | 'help' | 'version';
  short?: string;
  /** Placeholder of the option's argument; absent for flags. */
  arg?: string;
  description: string;
}

export const OPTIONS: readonly OptionSpec[] = [
  { name: 'output', short: 'o', arg: '<文件>', description: '写入评分结果的新文件（默认：与输入同目录的 <名称>.scored.xlsx）' },
  { name: 'in-place', description: '直接写回输入文件（先写临时文件再替换，失败时原文件不变）' },
  { name: 'force', short: 'f', description: '允许覆盖已存在的输出文件' },
  { name: 'json', description: '只在标准输出打印 JSON 结果（工作簿约定 v1 的格式）' },
  { name: 'help', short: 'h', description: '显示帮助' },
  { name: 'version', short: 'V', description: '显示版本号' },
];

/** Exit codes are part of the interface (documented in --help and the README). */
export const EXIT = { scored: 0, workbookErrors: 1, usageOrFile: 2 } as const;
