/**
 * The CLI's user-facing text lives in src/messages/cli.ts (and contract
 * vocabulary in src/workbook/vocabulary.ts): no string or template literal
 * in src/cli carries anything but ASCII. Comments may be Chinese.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { ROOT } from '../support/paths';

const CLI_DIR = path.join(ROOT, 'src', 'cli');

function nonAsciiLiterals(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isRegularExpressionLiteral(node)) {
      const text = node.getText(source);
      if (/[^\x00-\x7f]/.test(text)) found.push(`${path.basename(file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('src/cli/*.ts has no non-ASCII string, template or regular-expression literal', () => {
  const files = fs.readdirSync(CLI_DIR).filter((f) => f.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(10);
  expect(files.flatMap((f) => nonAsciiLiterals(path.join(CLI_DIR, f)))).toEqual([]);
});

test('the check sees literals of every kind (it would catch the old text-view literal)', () => {
  const probe = path.join(ROOT, 'test-output', 'cli-literal-probe.ts');
  fs.mkdirSync(path.dirname(probe), { recursive: true });
  fs.writeFileSync(probe, "const a = '年度资金总额';\nconst b = `x${a}—`;\nconst c = /，/;\n// 注释可以是中文\nexport { b, c };\n");
  expect(nonAsciiLiterals(probe).map((l) => l.split(' ')[0])).toEqual(['cli-literal-probe.ts:1', 'cli-literal-probe.ts:2', 'cli-literal-probe.ts:3']);
});
