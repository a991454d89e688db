#!/usr/bin/env node
/**
 * npm run bench — prints ratios and sizes, never asserts.
 *  1. CLI pipeline (read + score + write, in process) against ExcelJS load+save
 *     of the same file: median of runs, as a ratio; for the example and for a
 *     generated workbook with 2,000 indicators.
 *  2. The engine alone on 10,000 indicators.
 *  3. CLI start-up: the tsc output against the one-file bundle
 *     (dist/selfeval.cjs), whole processes, and the bundle's size — see
 *     scripts/bench-cli.js.
 *  4. `selfeval batch --check --jobs 2` over 2,000 workbooks: workbooks per
 *     minute and peak memory — see scripts/bench-batch.js.
 *  5. Sizes of the built task pane, the one-file offline page, and the
 *     standalone page's scoring time in Chromium — see scripts/bench-web.js.
 * Where the in-process time goes (read, score, write, garbage collection):
 * scripts/bench-phases.js.
 */
const fs = require('fs');
const path = require('path');
const { performance } = require('perf_hooks');
const ExcelJS = require('exceljs');

const root = path.resolve(__dirname, '..');
const dist = (p) => require(path.join(root, 'dist', p));
const { openWorkbookFile } = dist('hosts/xlsx');
const { scoreWorkbook } = dist('workbook/score-workbook');
const { evaluate } = dist('engine');
const { DEFAULT_SETTINGS } = dist('workbook/vocabulary');
const { fileErrorText } = dist('messages/file-errors');
// In process as the CLI runs: with node:zlib for inflate, deflate and CRC-32 (src/cli/run.ts passes the same).
const { nodeZip } = dist('cli/node-zip');

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function samples(fn, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

async function time(fn, runs) {
  return median(await samples(fn, runs));
}

function ours(bytes) {
  const opened = openWorkbookFile(bytes, nodeZip);
  if (!opened.ok) throw new Error(fileErrorText(opened.error));
  const outcome = scoreWorkbook(opened.value.input);
  if (outcome.errors.length) throw new Error(outcome.errors[0].message);
  const written = opened.value.apply(outcome.plan);
  if (!written.ok) throw new Error(fileErrorText(written.error));
  return written.value;
}

async function exceljsRoundTrip(bytes) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes));
  return wb.xlsx.writeBuffer();
}

/** The example with its indicator table grown to `n` rows (our own file, created with ExcelJS). */
async function bigWorkbook(n) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(root, 'assets', '示例-二工片区2023.xlsx'));
  const ws = wb.getWorksheet('绩效指标');
  const weight = 90 / n;
  for (let i = 0; i < n; i++) {
    const r = ws.getRow(4 + i);
    r.getCell(3).value = `指标${i + 1}`;
    r.getCell(4).value = i % 3 === 1 ? '≤' : '≥';
    r.getCell(5).value = 100;
    r.getCell(6).value = i % 2 ? '%' : '人';
    r.getCell(7).value = null;
    r.getCell(9).value = 50 + (i % 60);
    r.getCell(10).value = Number(weight.toFixed(6));
  }
  wb.definedNames.remove("'绩效指标'!$A$3:$P$11", '绩效指标');
  wb.definedNames.add(`'绩效指标'!$A$3:$P$${3 + n}`, '绩效指标');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Runs `fn` until the JIT has settled: at least 10 times and for at least 1.5 seconds. */
async function warmUp(fn) {
  const start = performance.now();
  for (let i = 0; i < 10 || performance.now() - start < 1500; i++) await fn();
}

/**
 * Each side in steady state (warmed up until the JIT has compiled it: the
 * in-process comparison is of the code, start-up is measured apart in
 * bench-cli.js), then timed in blocks of its own, so that neither pays for
 * the other's garbage; the blocks alternate (ours, ExcelJS, ours, …) so that
 * both meet the same load when the machine is busy; the median of each
 * side's runs.
 */
async function compare(label, bytes, runs, target, rounds = 3) {
  await warmUp(() => ours(bytes));
  await warmUp(() => exceljsRoundTrip(bytes));
  const a = [];
  const b = [];
  const perBlock = Math.ceil(runs / rounds);
  for (let r = 0; r < rounds; r++) {
    a.push(...(await samples(() => ours(bytes), perBlock)));
    b.push(...(await samples(() => exceljsRoundTrip(bytes), perBlock)));
  }
  const ma = median(a);
  const mb = median(b);
  console.log(
    `${label}: selfeval 读+评分+写 ${ma.toFixed(1)} ms；ExcelJS 读+存 ${mb.toFixed(1)} ms；比值 ${(ma / mb).toFixed(2)}（目标 ≤ ${target}；预热后交替 ${rounds} 轮、各 ${a.length} 次的中位数）`,
  );
}

async function main() {
  const example = new Uint8Array(fs.readFileSync(path.join(root, 'assets', '示例-二工片区2023.xlsx')));
  await compare('示例工作簿（8 个指标）', example, 45, '0.3');
  const big = await bigWorkbook(2000);
  await compare('生成的工作簿（2,000 个指标）', big, 21, '0.4');

  const indicators = [];
  for (let i = 0; i < 10000; i++) {
    indicators.push({ input: { direction: ['atLeast', 'atMost', 'equal'][i % 3], target: String(100 + (i % 7)), actual: String(50 + (i % 97)) + '.25', weight: '0.009', manualScore: null } });
  }
  const t = await time(() => evaluate({ budget: '4978.49', actual: '4637.81', weight: '10' }, indicators, DEFAULT_SETTINGS), 7);
  console.log(`引擎单独：10,000 个指标 ${t.toFixed(1)} ms（中位数，7 次）`);

  require('./bench-cli').run();
  // After bench-cli, which builds the one-file CLI that bench-batch runs beside the tsc output.
  require('./bench-batch').run();

  const web = path.join(__dirname, 'bench-web.js');
  if (fs.existsSync(web)) await require(web).run();
}

module.exports = { bigWorkbook };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
