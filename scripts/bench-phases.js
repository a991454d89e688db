#!/usr/bin/env node
/* eslint-env node */
'use strict';
/**
 * `node scripts/bench-phases.js` (after `npm run build:cli`) — where the
 * in-process time goes, for looking into speed (not part of `npm run bench`,
 * prints only): open (read the package and the named ranges), score, apply
 * (write) for the example and for the 2,000-indicator workbook that
 * scripts/bench.js builds, as lower quartiles after warm-up, and the share of
 * garbage collection in whole runs (perf_hooks GC entries). The VM's speed
 * can swing within minutes: compare two builds by running them one after the
 * other, more than once (`DIST=/path/to/other/dist node scripts/bench-phases.js`).
 */
const fs = require('fs');
const path = require('path');
const { performance, PerformanceObserver } = require('perf_hooks');
const { bigWorkbook } = require('./bench');

const root = path.resolve(__dirname, '..');
const distDir = process.env.DIST || path.join(root, 'dist');
const dist = (p) => require(path.join(distDir, p));
const { openWorkbookFile } = dist('hosts/xlsx');
const { scoreWorkbook } = dist('workbook/score-workbook');
const { nodeZip } = dist('cli/node-zip');

const lowerQuartile = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 4)];

function phases(bytes, runs) {
  const open = [];
  const score = [];
  const apply = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const opened = openWorkbookFile(bytes, nodeZip);
    if (!opened.ok) throw new Error('the workbook did not open');
    const t1 = performance.now();
    const outcome = scoreWorkbook(opened.value.input);
    if (outcome.errors.length) throw new Error(outcome.errors[0].message);
    const t2 = performance.now();
    if (!opened.value.apply(outcome.plan).ok) throw new Error('the plan was not applied');
    apply.push(performance.now() - t2);
    score.push(t2 - t1);
    open.push(t1 - t0);
  }
  return { open: lowerQuartile(open), score: lowerQuartile(score), apply: lowerQuartile(apply) };
}

async function gcShare(bytes, runs) {
  let gc = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gc += e.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  const start = performance.now();
  phases(bytes, runs);
  const total = performance.now() - start;
  // GC entries arrive after the synchronous runs.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return { perRun: total / runs, gc: gc / runs };
}

async function main() {
  const example = new Uint8Array(fs.readFileSync(path.join(root, 'assets', '示例-二工片区2023.xlsx')));
  const big = await bigWorkbook(2000);
  for (const [label, bytes, runs] of [
    ['示例工作簿', example, 200],
    ['2,000 个指标', big, 40],
  ]) {
    phases(bytes, runs);
    const p = phases(bytes, runs);
    const g = await gcShare(bytes, runs);
    console.log(
      `${label}：读 ${p.open.toFixed(2)} ms，计分 ${p.score.toFixed(2)} ms，写 ${p.apply.toFixed(2)} ms（下四分位数，${runs} 次）；` +
        `整次平均 ${g.perRun.toFixed(1)} ms，其中垃圾回收 ${g.gc.toFixed(1)} ms`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
