/**
 * ESLint as a test, so CI enforces the architecture (eslint.config.mjs):
 * `eslint src` reports no error, and each boundary rule really fires on a
 * violation placed in the folder it guards.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '..', '..');
// The config is handed over as an object: inside jest, ESLint cannot import() a config file itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(ROOT, 'eslint.config.js'));
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });

/** Every .ts file under src (ESLint's own file search uses import(), which jest's VM does not allow). */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [full] : [];
  });
}

test('eslint src: no errors', async () => {
  const results = [];
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    results.push(...(await eslint.lintText(fs.readFileSync(file, 'utf8'), { filePath: file })));
  }
  const errors = results.flatMap((r) =>
    r.messages.filter((m) => m.severity === 2).map((m) => `${path.relative(ROOT, r.filePath)}:${m.line} ${m.ruleId}: ${m.message}`),
  );
  expect(errors).toEqual([]);
  expect(results.length).toBeGreaterThan(50);
});

/** [file it pretends to be, code, the rule that must fire (null: must pass)] */
const CASES: [string, string, string | null][] = [
  // engine imports nothing from the project but itself
  ['src/engine/probe.ts', "import { a1 } from '../workbook/address';\nexport const x = a1;", 'no-restricted-imports'],
  ['src/engine/probe.ts', "import type { IssueHost } from '../messages/issues';\nexport type X = IssueHost;", 'no-restricted-imports'],
  ['src/engine/probe.ts', "import { Dec } from './decimal';\nimport Decimal from 'decimal.js';\nexport const x = [Dec, Decimal];", null],
  // workbook: engine, itself, and messages/notes only (the text of 计算说明)
  ['src/workbook/probe.ts', "import { evaluate } from '../engine';\nimport { indicatorNote } from '../messages/notes';\nexport const x = [evaluate, indicatorNote];", null],
  ['src/workbook/probe.ts', "import { issueText } from '../messages/issues';\nexport const x = issueText;", 'no-restricted-imports'],
  ['src/workbook/probe.ts', "import { readWorkbookFile } from '../hosts/xlsx';\nexport const x = readWorkbookFile;", 'no-restricted-imports'],
  ['src/workbook/probe.ts', "import { runCli } from '../cli/run';\nexport const x = runCli;", 'no-restricted-imports'],
  ['src/workbook/probe.ts', "import Decimal from 'decimal.js';\nexport const x = Decimal;", 'no-restricted-imports'],
  // hosts: workbook, engine, messages, their own folder; never the other host
  ['src/hosts/xlsx/probe.ts', "import { a1 } from '../../workbook/address';\nimport { fileErrorText } from '../../messages/file-errors';\nimport { crc32 } from './crc32';\nexport const x = [a1, fileErrorText, crc32];", null],
  ['src/hosts/xlsx/probe.ts', "import { scoreInExcel } from '../excel';\nexport const x = scoreInExcel;", 'no-restricted-imports'],
  ['src/hosts/excel/probe.ts', "import { readWorkbookFile } from '../xlsx';\nexport const x = readWorkbookFile;", 'no-restricted-imports'],
  ['src/hosts/excel/probe.ts', "import { runCli } from '../../cli/run';\nexport const x = runCli;", 'no-restricted-imports'],
  ['src/hosts/excel/probe.ts', "import { x as y } from '../../taskpane/pane-state';\nexport const x = y;", 'no-restricted-imports'],
  // messages: the engine, workbook types, and at run time only workbook/vocabulary and workbook/address
  ['src/messages/probe.ts', "import type { Rule } from '../engine';\nimport { decimalTimes } from '../engine';\nexport type X = Rule;\nexport const y = decimalTimes;", null],
  ['src/messages/probe.ts', "import type { Issue } from '../workbook/issues';\nimport { columnHeader } from '../workbook/vocabulary';\nimport { formatCell } from '../workbook/address';\nexport type X = Issue;\nexport const y = [columnHeader, formatCell];", null],
  ['src/messages/probe.ts', "import { scoreWorkbook } from '../workbook/score-workbook';\nexport const x = scoreWorkbook;", '@typescript-eslint/no-restricted-imports'],
  ['src/messages/probe.ts', "import { readWorkbookFile } from '../hosts/xlsx';\nexport const x = readWorkbookFile;", '@typescript-eslint/no-restricted-imports'],
  ['src/messages/probe.ts', "import Decimal from 'decimal.js';\nexport const x = Decimal;", '@typescript-eslint/no-restricted-imports'],
  // cli and task pane
  ['src/cli/probe.ts', "import { scoreInExcel } from '../hosts/excel';\nexport const x = scoreInExcel;", 'no-restricted-imports'],
  ['src/taskpane/probe.ts', "import { runCli } from '../cli/run';\nexport const x = runCli;", 'no-restricted-imports'],
  ['src/taskpane/standalone/probe.ts', "import { runCli } from '../../cli/run';\nexport const x = runCli;", 'no-restricted-imports'],
  // no eval, no Function
  ['src/workbook/probe.ts', "export const x = eval('1');", 'no-eval'],
  ['src/taskpane/probe.ts', "export const f = new Function('a', 'return a');", 'no-new-func'],
  ['src/taskpane/probe.ts', "export const f = Function('return 1');", 'no-new-func'],
  ['src/taskpane/probe.ts', "setTimeout('alert(1)', 1);", 'no-implied-eval'],
];

test.each(CASES)('%s: %j → %s', async (file, code, rule) => {
  const [result] = await eslint.lintText(code + '\n', { filePath: path.join(ROOT, file) });
  const fired = result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId);
  if (rule === null) expect(fired).toEqual([]);
  else expect(fired).toContain(rule);
});
