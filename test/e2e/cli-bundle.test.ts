/**
 * dist/selfeval.cjs, the CLI in one file (webpack.cli.js), as a bureau uses
 * it on an intranet machine: copied alone into an empty folder, run with
 * Node and nothing else. It must do exactly what `node dist/cli/selfeval.js`
 * does — same bytes written, same output, same exit codes — and, like it,
 * leave the xlsx host unloaded for --help and --version.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { isBuiltin } from 'module';
import * as os from 'os';
import * as path from 'path';
import { exampleWith } from '../support/fixtures';
import { CLI, EXAMPLE, ROOT } from '../support/paths';
import { buildCliBundle } from './support/bundles';

const OUT = path.join(ROOT, 'test-output', 'cli-bundle');
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

let bundle: string;
const folders: string[] = [];

beforeAll(async () => {
  fs.rmSync(OUT, { recursive: true, force: true });
  bundle = await buildCliBundle(OUT);
}, 600000); // webpack builds: minutes on a busy 2-core machine (a harness limit, not a timing assertion)

afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder outside the repository (no node_modules, no package.json on the way up). */
function emptyFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-bundle-'));
  folders.push(dir);
  return dir;
}

/** Node with the environment stripped of anything that could find modules elsewhere. */
function node(args: string[], cwd: string, env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The bundle alone in a new folder, with the given workbooks copied in: what a bureau does. */
function bureauFolder(workbooks: Record<string, Uint8Array | string>): string {
  const dir = emptyFolder();
  fs.copyFileSync(bundle, path.join(dir, 'selfeval.cjs'));
  for (const [name, content] of Object.entries(workbooks)) {
    if (typeof content === 'string') fs.copyFileSync(content, path.join(dir, name));
    else fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** The same workbooks in another new folder, for the tsc output (dist/cli/selfeval.js) run from there. */
function referenceFolder(workbooks: Record<string, Uint8Array | string>): string {
  const dir = emptyFolder();
  for (const [name, content] of Object.entries(workbooks)) {
    if (typeof content === 'string') fs.copyFileSync(content, path.join(dir, name));
    else fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('dist/selfeval.cjs (one file, Node only)', () => {
  it('requires nothing but Node built-in modules', () => {
    const code = fs.readFileSync(bundle, 'utf8');
    const literal = Array.from(code.matchAll(/\brequire\("([^"]+)"\)/g), (m) => m[1]);
    expect(literal.length).toBeGreaterThan(0);
    expect(literal.filter((name) => !isBuiltin(name))).toEqual([]);
    // …and no require() of a computed name that could reach a file.
    expect((code.match(/\brequire\(/g) ?? []).length).toBe(literal.length);
    expect(code.startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('scores the example from an empty folder: the same bytes and the same report as node dist/cli/selfeval.js', () => {
    const dir = bureauFolder({ '示例.xlsx': EXAMPLE });
    const ran = node(['selfeval.cjs', 'score', '示例.xlsx', '-o', 'out.xlsx'], dir);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('81.53');
    expect(ran.stdout).toContain('良');
    // Nothing else was written beside the output (no temporary file left, nothing unpacked).
    expect(fs.readdirSync(dir).sort()).toEqual(['out.xlsx', 'selfeval.cjs', '示例.xlsx'].sort());

    const ref = referenceFolder({ '示例.xlsx': EXAMPLE });
    const expected = node([CLI, 'score', '示例.xlsx', '-o', 'out.xlsx'], ref);
    expect(expected.code).toBe(0);
    expect(ran.stdout).toBe(expected.stdout);
    const written = fs.readFileSync(path.join(dir, 'out.xlsx'));
    const reference = fs.readFileSync(path.join(ref, 'out.xlsx'));
    expect(written.length).toBeGreaterThan(1000);
    expect(Buffer.compare(written, reference)).toBe(0);
  });

  it('prints the version baked in at build time (no package.json beside it) and the same help', () => {
    const dir = bureauFolder({});
    expect(node(['selfeval.cjs', '--version'], dir)).toEqual({ code: 0, stdout: version + '\n', stderr: '' });
    expect(node(['selfeval.cjs', '-V'], dir).stdout).toBe(version + '\n');
    for (const args of [['--help'], ['help', 'score'], ['score', '--help']]) {
      const ran = node(['selfeval.cjs', ...args], dir);
      expect([args, ran.code, ran.stderr]).toEqual([args, 0, '']);
      expect([args, ran.stdout]).toEqual([args, node([CLI, ...args], dir).stdout]);
    }
    expect(node(['selfeval.cjs', '--help'], dir).stdout).toContain('score <工作簿.xlsx>');
  });

  it('reports workbook errors, usage errors and --check --json exactly as the tsc output does', () => {
    const workbooks = { '有错误.xlsx': exampleWith({ '绩效指标!I6': '七十八' }), '示例.xlsx': EXAMPLE };
    const dir = bureauFolder(workbooks);
    const ref = referenceFolder(workbooks);
    const cases = [
      ['score', '有错误.xlsx', '-o', 'bad.xlsx'],
      ['score', '示例.xlsx', '--check', '--json'],
      ['score', '不存在.xlsx'],
      ['score', '--json'],
      ['frobnicate'],
    ];
    for (const args of cases) {
      const ours = node(['selfeval.cjs', ...args], dir);
      const theirs = node([CLI, ...args], ref);
      expect([args, ours]).toEqual([args, theirs]);
    }
    expect(node(['selfeval.cjs', ...cases[0]], dir).code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'bad.xlsx'))).toBe(false);
    expect(JSON.parse(node(['selfeval.cjs', ...cases[1]], dir).stdout).total).toBe('81.53');
  });
});

describe('selfeval batch from the bundle: worker threads started from the one file', () => {
  it('scores a folder with --jobs 2 exactly as the tsc output does, and writes the same summary tables', () => {
    const workbooks = { '单位1.xlsx': EXAMPLE, '单位2-有错误.xlsx': exampleWith({ '绩效指标!I6': '七十八' }), '损坏.xlsx': new TextEncoder().encode('not a zip') };
    const dir = bureauFolder({});
    const ref = referenceFolder({});
    for (const root of [dir, ref]) {
      fs.mkdirSync(path.join(root, '收到', '子目录'), { recursive: true });
      for (const [name, content] of Object.entries(workbooks)) {
        const target = path.join(root, '收到', name === '损坏.xlsx' ? path.join('子目录', name) : name);
        if (typeof content === 'string') fs.copyFileSync(content, target);
        else fs.writeFileSync(target, content);
      }
    }
    const ours = node(['selfeval.cjs', 'batch', '收到', '--jobs', '2', '--json', '--format', 'csv'], dir);
    const theirs = node([CLI, 'batch', '收到', '--jobs', '2', '--json', '--format', 'csv'], ref);
    expect(ours.code).toBe(1);
    expect([ours.code, ours.stdout]).toEqual([theirs.code, theirs.stdout]);
    expect(ours.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).file)).toEqual(['单位1.xlsx', '单位2-有错误.xlsx', '子目录/损坏.xlsx']);
    for (const csv of ['汇总.csv', '汇总-问题清单.csv', '汇总-复核.csv']) {
      expect([csv, fs.readFileSync(path.join(dir, csv), 'utf8')]).toEqual([csv, fs.readFileSync(path.join(ref, csv), 'utf8')]);
    }
    // The xlsx summary is made by the ExcelJS build bundled into the file.
    const xlsx = node(['selfeval.cjs', 'batch', '收到', '--jobs', '2'], dir);
    expect(xlsx.code).toBe(1);
    expect(fs.readFileSync(path.join(dir, '汇总.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(fs.readdirSync(dir).sort()).toEqual(['selfeval.cjs', '收到', '汇总-问题清单.csv', '汇总-复核.csv', '汇总.csv', '汇总.xlsx'].sort());
  }, 120000);
});

describe('lazy loading: --help and --version leave the scoring machinery unloaded', () => {
  /** What a run loaded: Node's own modules (process.moduleLoadList) and the module files (require.cache). */
  function loaded(script: string, args: string[], cwd: string): { builtins: string[]; files: string[] } {
    const probeDir = emptyFolder();
    const probe = path.join(probeDir, 'probe.js');
    const report = path.join(probeDir, 'loaded.json');
    fs.writeFileSync(
      probe,
      "process.on('exit', () => require('fs').writeFileSync(process.env.PROBE_OUT, JSON.stringify({ builtins: process.moduleLoadList, files: Object.keys(require.cache) })));\n",
    );
    const ran = node(['--require', probe, script, ...args], cwd, { PROBE_OUT: report });
    expect([args, ran.code, ran.stderr]).toEqual([args, 0, '']);
    return JSON.parse(fs.readFileSync(report, 'utf8'));
  }

  const heavyBuiltins = (l: { builtins: string[] }) => l.builtins.filter((m) => /^NativeModule (crypto|zlib|worker_threads)$/.test(m));
  const scoringFiles = (l: { files: string[] }) =>
    l.files.filter((f) => /[\\/]dist[\\/](hosts|workbook|engine)[\\/]|[\\/]node_modules[\\/](decimal\.js|fflate|saxes)[\\/]/.test(f));

  it('in the tsc output: --version and --help load neither the xlsx host, the contract, the engine nor decimal.js; scoring does', () => {
    const dir = referenceFolder({ '示例.xlsx': EXAMPLE });
    for (const args of [['--version'], ['--help'], ['help', 'score']]) expect([args, scoringFiles(loaded(CLI, args, dir))]).toEqual([args, []]);
    const scored = scoringFiles(loaded(CLI, ['score', '示例.xlsx', '--check'], dir));
    expect(scored.some((f) => /hosts[\\/]xlsx/.test(f))).toBe(true);
    expect(scored.some((f) => /decimal\.js/.test(f))).toBe(true);
  });

  it('in the bundle: --version and --help do not even load node:crypto or fflate (worker_threads); scoring does', () => {
    const dir = bureauFolder({ '示例.xlsx': EXAMPLE });
    for (const args of [['--version'], ['--help']]) {
      const l = loaded('selfeval.cjs', args, dir);
      expect([args, heavyBuiltins(l)]).toEqual([args, []]);
      // One file: nothing but the bundle itself (and the probe) went through require.
      expect(l.files.map((f) => path.basename(f)).sort()).toEqual(['probe.js', 'selfeval.cjs']);
    }
    const scored = loaded('selfeval.cjs', ['score', '示例.xlsx', '-o', 'out.xlsx'], dir);
    // Scoring deflates the rewritten parts with node:zlib (five times faster than fflate in Node).
    expect(heavyBuiltins(scored).sort()).toEqual(['NativeModule crypto', 'NativeModule worker_threads', 'NativeModule zlib']);
  });
});
