/* eslint-env node */
'use strict';
/**
 * The batch part of `npm run bench` (called by scripts/bench.js; also
 * `node scripts/bench-batch.js [files] [runs]`). Prints, never asserts:
 * `selfeval batch --check --jobs 2` over 2,000 workbooks of the example's
 * size — 20 variants of the example (other actual values, so other scores,
 * rates, notes and review findings) copied 100 times each into a temporary
 * folder — as workbooks per minute (the median of runs, whole processes,
 * start-up and the summary included) and the peak memory of the process
 * (maxRSS, which counts every worker thread: they share the process).
 * The tsc output (dist/cli/selfeval.js), and the one-file bundle when
 * scripts/bench-cli.js has built it, side by side.
 * Needs `npm run build:cli` first. The machine should be calm: the figure is
 * for two cores doing nothing else.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const TSC = path.join(ROOT, 'dist', 'cli', 'selfeval.js');
const BUNDLE = path.join(ROOT, 'test-output', 'bench-cli', 'selfeval.cjs');
const EXAMPLE = path.join(ROOT, 'assets', '示例-二工片区2023.xlsx');

function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The example with its indicators' 实际完成值 scaled by variant `v` (80% to 118%), written by our lossless writer. */
function variant(bytes, v) {
  const { applyPlanToFile, readAllCells } = require(path.join(ROOT, 'dist', 'hosts', 'xlsx'));
  const sheet = readAllCells(bytes).value.get('绩效指标');
  const writes = [];
  // 绩效指标 rows 4–11, 实际完成值 in column I.
  for (let row = 4; row <= 11; row++) {
    const cell = sheet.get('I' + row);
    if (!cell || typeof cell.value !== 'number') continue;
    const scaled = Math.round(cell.value * (80 + 2 * v) * 100) / 10000;
    writes.push({ address: { sheet: '绩效指标', row: row - 1, col: 8 }, value: { kind: 'number', text: String(scaled) } });
  }
  const result = applyPlanToFile(bytes, { writes });
  if (!result.ok) throw new Error('bench: cannot make a variant of the example');
  return result.value;
}

/** `files` workbooks in a new temporary folder, in subfolders of 100. */
function makeFolder(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-bench-batch-'));
  const example = new Uint8Array(fs.readFileSync(EXAMPLE));
  const variants = Array.from({ length: 20 }, (_, v) => variant(example, v));
  for (let i = 0; i < files; i++) {
    const sub = path.join(dir, 'in', `区${String(Math.floor(i / 100)).padStart(2, '0')}`);
    if (i % 100 === 0) fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `单位${String(i).padStart(5, '0')}.xlsx`), variants[i % variants.length]);
  }
  return dir;
}

/** One whole run: wall time in ms and the process's peak memory (a --require probe reports maxRSS at exit). */
function once(script, dir, jobs) {
  const probe = path.join(dir, 'probe.js');
  const report = path.join(dir, 'rss.txt');
  fs.writeFileSync(probe, "process.on('exit', () => require('fs').writeFileSync(process.env.RSS_OUT, JSON.stringify(process.resourceUsage())));\n");
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--require', probe, script, 'batch', 'in', '--check', '--jobs', String(jobs), '-o', 'summary.xlsx', '--force'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, RSS_OUT: report },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`batch exited with ${run.status}: ${run.stderr}`);
  const usage = JSON.parse(fs.readFileSync(report, 'utf8'));
  // CPU time of every thread of the process: on a shared machine it says what the wall time would be on idle cores.
  return { ms, rssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
}

function run(files = 2000, runs = 3) {
  const dir = makeFolder(files);
  try {
    const load = os.loadavg()[0].toFixed(1);
    console.log(`批量评分：${files} 个示例大小的工作簿（20 种变体），batch --check --jobs 2，整个进程（含启动和写汇总），${runs} 次取中位数；本机 ${os.availableParallelism()} 核，1 分钟负载 ${load}`);
    const scripts = [['tsc 输出', TSC], ...(fs.existsSync(BUNDLE) ? [['单文件 selfeval.cjs', BUNDLE]] : [])];
    for (const [label, script] of scripts) {
      once(script, dir, 2); // warm the file cache
      const results = Array.from({ length: runs }, () => once(script, dir, 2));
      const ms = median(results.map((r) => r.ms));
      const perMinute = (files / ms) * 60000;
      const peak = Math.max(...results.map((r) => r.rssKb)) / 1024;
      const cpu = median(results.map((r) => r.cpuMs));
      const idle = (files / (cpu / 2)) * 60000;
      const n = (x) => Math.round(x).toLocaleString('en-US');
      console.log(
        `  ${label}：${(ms / 1000).toFixed(2)} 秒，每分钟 ${n(perMinute)} 个工作簿（目标 ≥ 15,000，争取 30,000）；` +
          `峰值内存 ${peak.toFixed(0)} MB；按此 10,000 个约 ${(10000 / perMinute).toFixed(1)} 分钟`,
      );
      console.log(
        `    CPU 时间 ${(cpu / 1000).toFixed(2)} 秒（所有线程；每个工作簿 ${(cpu / files).toFixed(2)} ms）：两核空闲时约每分钟 ${n(idle)} 个` +
          `（机器繁忙时以此为准，墙钟时间受其他进程影响）`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { run };

if (require.main === module) run(Number(process.argv[2]) || 2000, Number(process.argv[3]) || 3);
