#!/usr/bin/env node
'use strict';
/**
 * npm run serve — serves the built web folder (dist/web, after `npm run
 * build:web`) on http://127.0.0.1:8080/ (port from PORT). Plain node:http, no
 * server logic: files only, GET and HEAD, nothing outside the folder.
 * The standalone page is http://127.0.0.1:8080/index.html.
 *
 * Also used by the end-to-end tests and scripts/bench-web.js:
 * createStaticServer(dir) returns an http.Server that is not listening yet.
 */
const fs = require('fs');
const http = require('http');
const path = require('path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The file a URL path names inside `root`, or null when it is outside (../, absolute, NUL). */
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch (e) {
    return null;
  }
  if (decoded.indexOf('\0') !== -1) return null;
  if (decoded.endsWith('/')) decoded += 'index.html';
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

function createStaticServer(dir) {
  const root = path.resolve(dir);
  return http.createServer((req, res) => {
    const send = (status, text) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    const file = resolveInside(root, req.url || '/');
    if (!file) return send(404, 'not found');
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) return send(404, 'not found');
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': stat.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).pipe(res);
    });
  });
}

function main() {
  const dir = path.resolve(__dirname, '..', 'dist', 'web');
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error('dist/web/index.html 不存在：请先运行 npm run build:web');
    process.exit(2);
  }
  const port = Number(process.env.PORT || 8080);
  const server = createStaticServer(dir);
  server.on('error', (e) => {
    console.error(`无法在 127.0.0.1:${port} 上启动：${e.message}`);
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    console.log(`独立网页：http://127.0.0.1:${server.address().port}/index.html （按 Ctrl+C 停止）`);
  });
}

module.exports = { createStaticServer };

if (require.main === module) main();
