/* eslint-env node */
'use strict';
/**
 * The web part of `npm run bench` (called by scripts/bench.js; also
 * `node scripts/bench-web.js`). Prints, never asserts:
 *  1. gzip sizes: the Excel pane's first load (taskpane.js + taskpane.css)
 *     and the standalone page's chunks (loaded only outside Office);
 *  2. the one-file offline page (webpack.offline.js): its size, raw and
 *     gzip, and what it is made of (script, styles, the template and the
 *     example it carries);
 *  3. in headless Chromium (Debian's /usr/bin/chromium via playwright-core),
 *     side by side for the served page (index.html over http://127.0.0.1)
 *     and the offline page (selfeval.html from file://): the time from
 *     navigation to the page ready to choose a file, and the click-to-result
 *     time of 计算得分 for the example workbook, from the click to the total
 *     on screen (read, score, write the scored copy); median of fresh page loads.
 * Builds the web output into test-output/bench-web and the offline page into
 * test-output/bench-offline first.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const zlib = require('zlib');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'test-output', 'bench-web');
const OFFLINE = path.join(ROOT, 'test-output', 'bench-offline');
const CHROMIUM = '/usr/bin/chromium';
const EXAMPLE = path.join(ROOT, 'assets', '示例-二工片区2023.xlsx');
const RUNS = 9;

const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1) + ' KB';

function build() {
  const webpack = (args) => execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', ...args], { cwd: ROOT, stdio: 'pipe' });
  webpack(['--env', `out=${path.relative(ROOT, OUT)}`]);
  webpack(['--config', 'webpack.offline.js', '--env', `out=${path.relative(ROOT, OFFLINE)}`]);
}

function sizes() {
  const files = fs.readdirSync(OUT);
  const initial = gz(path.join(OUT, 'taskpane.js')) + gz(path.join(OUT, 'taskpane.css'));
  console.log(`Excel 任务窗格首次加载（taskpane.js + taskpane.css，gzip）：${kb(initial)}`);
  const chunk = (prefix) => files.filter((f) => f.startsWith(prefix) && f.endsWith('.js'));
  const standalone = chunk('standalone.').concat(['standalone.css']);
  const xlsx = chunk('web-xlsx.').concat(chunk('web-xlsx-lib.'));
  const sum = (list) => list.reduce((n, f) => n + gz(path.join(OUT, f)), 0);
  const engine = chunk('engine.').concat(files.filter((f) => /^\d+\.[0-9a-f]{8}\.js$/.test(f)));
  console.log(`独立网页块（gzip，仅在 Office 之外加载）：界面 ${standalone.join(' + ')} ${kb(sum(standalone))}；xlsx 读写 ${xlsx.join(' + ')} ${kb(sum(xlsx))}`);
  console.log(`计分引擎块（gzip，两种模式在点“计算得分”时共用）：${engine.join(' + ')} ${kb(sum(engine))}`);
}

function offlineSizes() {
  const file = path.join(OFFLINE, 'selfeval.html');
  const html = fs.readFileSync(file, 'utf8');
  const bytes = (text) => Buffer.byteLength(text, 'utf8');
  const script = /<script>([\s\S]*)<\/script>/.exec(html)[1];
  const styles = Array.from(html.matchAll(/<style>([\s\S]*?)<\/style>/g), (m) => m[1]).join('');
  const xlsx = Array.from(script.matchAll(/data:application\/vnd\.openxmlformats[^"]*/g), (m) => m[0]).join('');
  console.log(
    `单文件离线网页 selfeval.html：${kb(fs.statSync(file).size)}（gzip ${kb(gz(file))}）；其中脚本 ${kb(bytes(script) - bytes(xlsx))}、` +
      `样式 ${kb(bytes(styles))}、内嵌的模板与示例（base64）${kb(bytes(xlsx))}`,
  );
}

function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Fresh page loads of `url`: [navigation → #standalone in the page, click 计算得分 → total on screen] in ms. */
async function timePage(context, url) {
  const ready = [];
  const result = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await context.newPage();
    // Timed in the page, from the start of navigation (performance.now() = 0) to the picker on screen.
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (document.getElementById('standalone')) {
          observer.disconnect();
          window.__selfevalReady = performance.now();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await page.goto(url);
    await page.waitForSelector('#standalone');
    ready.push(await page.evaluate(() => window.__selfevalReady));
    await page.setInputFiles('#file', EXAMPLE);
    // Timed in the page: from the click to the total on screen.
    const ms = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const root = document.getElementById('app');
          const start = performance.now();
          const observer = new MutationObserver(() => {
            if (root.querySelector('.result__value')) {
              observer.disconnect();
              resolve(performance.now() - start);
            }
          });
          observer.observe(root, { childList: true, subtree: true });
          document.getElementById('score').click();
        }),
    );
    result.push(ms);
    await page.close();
  }
  return { ready, result };
}

async function clickToResult() {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`独立网页计分耗时：未测（没有 ${CHROMIUM}；apt-get install -y chromium）`);
    return;
  }
  const { chromium } = require('playwright-core');
  const { createStaticServer } = require('./serve');
  const server = createStaticServer(OUT);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 360, height: 760 },
  });
  try {
    const served = await timePage(context, `${origin}/index.html`);
    const offline = await timePage(context, pathToFileURL(path.join(OFFLINE, 'selfeval.html')).href);
    const ms = (xs) => `${median(xs).toFixed(0)} ms`;
    console.log(`独立网页计分（示例工作簿，无头 Chromium，点“计算得分”到显示总分，含读文件、计分、生成已评分工作簿）：${median(served.result).toFixed(0)} ms（中位数，${RUNS} 次；首次 ${served.result[0].toFixed(0)} ms）`);
    console.log(
      `独立网页 index.html（http）与单文件离线网页 selfeval.html（file://）并列（中位数，${RUNS} 次）：打开到可选择文件 ${ms(served.ready)} / ${ms(offline.ready)}；` +
        `点“计算得分”到显示总分 ${ms(served.result)} / ${ms(offline.result)}`,
    );
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
    server.close();
  }
}

async function run() {
  build();
  sizes();
  offlineSizes();
  await clickToResult();
}

module.exports = { run };

if (require.main === module) {
  run().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
