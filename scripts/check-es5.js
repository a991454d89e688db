#!/usr/bin/env node
'use strict';
/**
 * Checks the built add-in (default dist/web) for Office 2016's IE11 webview
 * and prints its sizes:
 *  1. es-check es5: every bundle parses as ES5;
 *  2. es-check --checkFeatures: every ES2015+ built-in the bundles use is
 *     either present in IE11, provided by office.js (Promise), guarded by
 *     feature tests (Symbol in TypeScript's helpers), or polyfilled in
 *     src/taskpane/polyfills.ts. Anything else fails.
 *  3. gzip sizes: initial pane (taskpane.js + taskpane.css) and each chunk.
 * Chunks named web-*.js (the standalone page's xlsx host: TextDecoder, an
 * ES2015 XML parser) are loaded only outside Office, in modern browsers, and
 * are not checked.
 * Usage: node scripts/check-es5.js [dir] [--sizes-only]
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { spawnSync } = require('child_process');

// In IE11 (Map/Set only with the constructor fix in polyfills.ts), from office.js, guarded, or polyfilled.
const ALLOWED = [
  'Map', 'Set', 'WeakMap', 'ArrayBuffer', 'Uint8Array', 'Uint16Array', 'Uint32Array', 'Int32Array', 'DataView',
  'Promise', 'PromiseResolve', 'PromiseReject', 'PromiseAll',
  'Symbol',
  'ArrayPrototypeIncludes', 'ArrayPrototypeFind', 'ArrayPrototypeFindIndex',
  'StringPrototypeIncludes', 'StringPrototypeStartsWith', 'StringPrototypeEndsWith', 'StringPrototypeRepeat',
  'StringPrototypeNormalize',
];

function jsFiles(dir) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => path.join(dir, f));
}

function esCheck(args) {
  const bin = path.join(__dirname, '..', 'node_modules', 'es-check', 'lib', 'cli', 'index.js');
  const run = spawnSync(process.execPath, [bin, ...args, '--noColor'], { encoding: 'utf8' });
  return { ok: run.status === 0, output: (run.stdout || '') + (run.stderr || '') };
}

function gz(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

function kb(n) {
  return (n / 1024).toFixed(1) + ' KB';
}

function sizes(dir) {
  const lines = [];
  const pane = path.join(dir, 'taskpane.js');
  const css = path.join(dir, 'taskpane.css');
  if (fs.existsSync(pane) && fs.existsSync(css)) {
    lines.push(`initial task pane (taskpane.js + taskpane.css, gzip): ${kb(gz(pane) + gz(css))}`);
  }
  for (const file of jsFiles(dir)) lines.push(`  ${path.basename(file)}: ${kb(fs.statSync(file).size)} (gzip ${kb(gz(file))})`);
  return lines;
}

function main() {
  const args = process.argv.slice(2);
  const dir = path.resolve(args.find((a) => !a.startsWith('--')) || 'dist/web');
  if (!fs.existsSync(path.join(dir, 'taskpane.js'))) {
    console.error(`${dir}: no taskpane.js; run npm run build first`);
    process.exit(2);
  }
  for (const line of sizes(dir)) console.log(line);
  if (args.includes('--sizes-only')) return;
  const files = jsFiles(dir).filter((f) => !path.basename(f).startsWith('web-'));
  const syntax = esCheck(['es5', ...files]);
  if (!syntax.ok) {
    console.error(syntax.output);
    process.exit(1);
  }
  const features = esCheck(['es5', ...files, '--checkFeatures', '--ignore', ALLOWED.join(',')]);
  if (!features.ok) {
    console.error(features.output);
    process.exit(1);
  }
  console.log(`ES5 check passed: ${files.length} bundles parse as ES5 and use no built-in missing from IE11 beyond polyfills.ts`);
}

main();
