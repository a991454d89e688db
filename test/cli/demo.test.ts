/** The README's first command: `npm run demo` scores the bundled example from a clean checkout. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../support/paths';

test('npm run demo prints 81.53 and 良 and writes demo-output/ (creating the folder)', () => {
  const out = path.join(ROOT, 'demo-output');
  fs.rmSync(out, { recursive: true, force: true });
  const r = spawnSync('npm', ['run', '--silent', 'demo'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('总分 81.53 / 100');
  expect(r.stdout).toContain('评价等级 良');
  expect(fs.existsSync(path.join(out, '示例-二工片区2023.scored.xlsx'))).toBe(true);
});
