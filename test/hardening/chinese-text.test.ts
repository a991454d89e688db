/**
 * Issues as data, text at the edge: user-facing Chinese lives in src/messages/
 * and the contract vocabulary, nowhere else. Every string, template and
 * regular-expression literal of src/ is checked for any non-ASCII character
 * (Chinese, full-width punctuation, and glyphs such as — or ▸, which are
 * display text too); comments may be Chinese.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');

/** Where Chinese belongs: the messages, and the contract's vocabulary and templates as data. */
const ALLOWED = [/^src\/messages\//, /^src\/workbook\/vocabulary\.ts$/, /^src\/workbook\/rule-presets\//, /^src\/hosts\/excel\/template-layout\.ts$/];

const NON_ASCII = /[^\x00-\x7f]/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [full] : [];
  });
}

function chineseLiterals(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isRegularExpressionLiteral(node)
    ) {
      if (NON_ASCII.test(node.getText(source))) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push(`${path.relative(ROOT, file)}:${line + 1} ${node.getText(source).slice(0, 60)}`);
      }
    }
    // Property names written in Chinese (object keys) are literals too.
    if (ts.isIdentifier(node) && NON_ASCII.test(node.text) && ts.isPropertyAssignment(node.parent) && node.parent.name === node) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${path.relative(ROOT, file)}:${line + 1} ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('no Chinese (or other non-ASCII) literal outside src/messages and the contract vocabulary', () => {
  const files = sourceFiles(SRC).filter((f) => !ALLOWED.some((re) => re.test(path.relative(ROOT, f).split(path.sep).join('/'))));
  expect(files.length).toBeGreaterThan(40);
  expect(files.flatMap(chineseLiterals)).toEqual([]);
});

test('the check sees what it must: a Chinese literal in a probe is found', () => {
  const probe = path.join(ROOT, 'test-output', 'probe-chinese.ts');
  fs.mkdirSync(path.dirname(probe), { recursive: true });
  fs.writeFileSync(probe, "// 注释可以用中文\nexport const a = 'ok';\nexport const b = `共 ${1} 条`;\nexport const c = /年/;\nexport const d = { 优: 1 };\n");
  expect(chineseLiterals(probe).map((s) => s.replace(/^[^:]+:/, ''))).toEqual(['3 `共 ${', '3 } 条`', '4 /年/', '5 优']);
});
