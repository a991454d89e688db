/* eslint-env node */
'use strict';
/**
 * The CLI start-up part of `npm run bench` (called by scripts/bench.js; also
 * `node scripts/bench-cli.js [runs]`). Prints, never asserts:
 *  1. the size of the one-file CLI (webpack.cli.js, built into
 *     test-output/bench-cli), raw and gzip;
 *  2. wall time of whole processes, side by side: bare Node (`node -e 0`),
 *     the tsc output (`node dist/cli/selfeval.js`) and the bundle, for
 *     `--version`, `--help`, and scoring the example (`score … --check`,
 *     and `score … -o` which also writes). The commands run interleaved
 *     (one of each per round, so a busy machine slows all alike), from a
 *     temporary folder holding the example; median and fastest of the rounds.
 * Needs `npm run build:cli` first (npm run bench's caller does it).
 * Same figures with hyperfine, if installed (apt-get install -y hyperfine):
 *   cd "$(mktemp -d)" && cp …/assets/示例-二工片区2023.xlsx ex.xlsx &&
 *   hyperfine -N -w 3 'node …/dist/cli/selfeval.js --version' 'node …/test-output/bench-cli/selfeval.cjs --version'
 */
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'test-output', 'bench-cli');
const TSC = path.join(ROOT, 'dist', 'cli', 'selfeval.js');
const BUNDLE = path.join(OUT, 'selfeval.cjs');
const EXAMPLE = path.join(ROOT, 'assets', '示例-二工片区2023.xlsx');

const kb = (n) => (n / 1024).toFixed(1) + ' KB';

function build() {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--config', 'webpack.cli.js', '--env', `out=${path.relative(ROOT, OUT)}`], {
    cwd: ROOT,
    stdio: 'pipe',
  });
}

function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Wall time of one process, in ms; fails loudly if the command fails (a benchmark of an error is no benchmark). */
function once(args, cwd) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${run.status}: ${run.stderr}`);
  return ms;
}

/** Runs every command once per round, `rounds` times (after 2 warm-up rounds); { label: [ms…] }. */
function interleaved(commands, cwd, rounds) {
  const times = Object.fromEntries(commands.map((c) => [c.label, []]));
  for (let round = -2; round < rounds; round++) {
    for (const c of commands) {
      const ms = once(c.args, cwd);
      if (round >= 0) times[c.label].push(ms);
    }
  }
  return times;
}

function run(rounds = 21) {
  if (!fs.existsSync(TSC)) {
    console.log(`命令行启动：未测（没有 ${path.relative(ROOT, TSC)}；先运行 npm run build:cli）`);
    return;
  }
  build();
  const raw = fs.statSync(BUNDLE).size;
  const gz = zlib.gzipSync(fs.readFileSync(BUNDLE), { level: 9 }).length;
  console.log(`单文件命令行 selfeval.cjs：${kb(raw)}（gzip ${kb(gz)}），只需 Node.js 20`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-bench-cli-'));
  try {
    fs.copyFileSync(EXAMPLE, path.join(dir, 'ex.xlsx'));
    fs.copyFileSync(BUNDLE, path.join(dir, 'selfeval.cjs'));
    const hosts = [
      ['tsc 输出 dist/cli/selfeval.js', TSC],
      ['单文件 selfeval.cjs', 'selfeval.cjs'],
    ];
    const tasks = [
      ['--version', ['--version']],
      ['--help', ['--help']],
      ['score --check（示例）', ['score', 'ex.xlsx', '--check']],
      ['score -o（示例，写出）', ['score', 'ex.xlsx', '-o', 'out.xlsx', '--force']],
    ];
    const commands = [{ label: 'node -e 0', args: ['-e', '0'] }];
    for (const [task, args] of tasks) for (const [host, script] of hosts) commands.push({ label: `${task} | ${host}`, args: [script, ...args] });
    const times = interleaved(commands, dir, rounds);
    const fmt = (xs) => `${median(xs).toFixed(0)} ms（最快 ${Math.min(...xs).toFixed(0)}）`;
    const bare = median(times['node -e 0']);
    console.log(`命令行启动（整个进程的耗时，中位数，${rounds} 轮交替运行）：空的 Node 进程 node -e 0 ${fmt(times['node -e 0'])}`);
    for (const [task] of tasks) {
      const [a, b] = hosts.map(([host]) => times[`${task} | ${host}`]);
      const extra = (xs) => (median(xs) - bare).toFixed(0);
      console.log(
        `  ${task}：tsc 输出 ${fmt(a)}，单文件 ${fmt(b)}；除去 Node 本身：${extra(a)} ms → ${extra(b)} ms`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { run };

if (require.main === module) {
  try {
    run(process.argv[2] ? Number(process.argv[2]) : undefined);
  } catch (e) {
    console.error(e);
    process.exitCode = 1;
  }
}
