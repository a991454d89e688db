/* eslint-env node */
'use strict';
/**
 * The one-file builds (webpack.cli.js: dist/selfeval.cjs, webpack.offline.js:
 * dist/selfeval.html) carry third-party code (decimal.js, fflate, saxes,
 * xmlchars). Their licences ask that the notice travel with every copy, and a
 * bureau copies one file only: `bundledLicenses` lists the packages whose
 * modules ended up in a chunk, with their licence text, and `licenseComment`
 * makes that one block comment. The minimizer drops every other comment.
 */
const fs = require('fs');
const path = require('path');

/** The folder of the package a module file belongs to (the last node_modules/<name> or node_modules/@scope/<name>). */
function packageRoot(file) {
  const parts = file.split(path.sep);
  const i = parts.lastIndexOf('node_modules');
  if (i < 0) return null;
  const length = parts[i + 1] && parts[i + 1].startsWith('@') ? 3 : 2;
  return parts.slice(0, i + length).join(path.sep);
}

function licenseText(root) {
  const file = fs.readdirSync(root).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  return file ? fs.readFileSync(path.join(root, file), 'utf8').replace(/\r\n?/g, '\n').trim() : null;
}

/** Where the package lives (homepage, else its repository), for a licence the package does not ship. */
function home(pkg) {
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository && pkg.repository.url;
  return pkg.homepage || (repository ? repository.replace(/^git\+/, '').replace(/\.git$/, '') : 'https://www.npmjs.com/package/' + pkg.name);
}

/** Every module file in the compilation's chunks (inside concatenated modules too). */
function moduleFiles(compilation) {
  const files = new Set();
  const add = (module) => {
    if (module.modules) module.modules.forEach(add);
    else if (module.resource) files.add(module.resource.replace(/[?#].*$/, ''));
  };
  for (const chunk of compilation.chunks) for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) add(module);
  return files;
}

/** [{ name, version, license, text }] of the packages bundled, sorted by name. */
function bundledLicenses(compilation) {
  const roots = new Set();
  for (const file of moduleFiles(compilation)) {
    const root = packageRoot(file);
    if (root) roots.add(root);
  }
  return Array.from(roots)
    .map((root) => {
      const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
      return { name: pkg.name, version: pkg.version, license: pkg.license, home: home(pkg), text: licenseText(root) };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** One block comment: what the file is, and each bundled package with its licence (text, or where to find it). */
function licenseComment(title, licenses) {
  const lines = [title, '', 'Bundled third-party packages and their licences:'];
  for (const l of licenses) {
    lines.push('', `${l.name} ${l.version} (${l.license})`);
    if (l.text) lines.push(...l.text.split('\n').map((line) => '  ' + line));
    else lines.push(`  The package ships no licence file; its ${l.license} licence is at ${l.home}`);
  }
  const body = lines.join('\n').replace(/\*\//g, '* /');
  return '/*!\n' + body.split('\n').map((line) => (' * ' + line).trimEnd()).join('\n') + '\n */\n';
}

module.exports = { bundledLicenses, licenseComment };
