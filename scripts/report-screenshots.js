#!/usr/bin/env node
/**
 * Renders the example's 自评报告 as pictures for docs/screenshots: the .docx
 * that `selfeval report` writes, converted by LibreOffice to PDF and by
 * pdftoppm to PNG. Page 1 → report-page1.png; the page with section 三's
 * first indicators → report-section3.png. Needs the built CLI (npm run build:cli),
 * soffice, pdftoppm and pdftotext, and CJK fonts (fonts-noto-cjk). Not a
 * test: run by hand after changing the report's layout, and look at the pictures.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'docs', 'screenshots');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-report-shots-'));
const input = path.join(tmp, 'example.xlsx');
fs.copyFileSync(path.join(ROOT, 'assets', '示例-二工片区2023.xlsx'), input);
const docx = path.join(tmp, 'report.docx');
execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli', 'selfeval.js'), 'report', input, '-o', docx], { stdio: 'inherit' });
// A private profile: a LibreOffice already running for the user is left alone.
execFileSync('soffice', ['-env:UserInstallation=file://' + path.join(tmp, 'profile'), '--headless', '--convert-to', 'pdf', '--outdir', tmp, docx], { stdio: 'inherit' });
const pdf = path.join(tmp, 'report.pdf');
const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
// Section 三's indicators (its heading may end the page before, the indicator paragraphs kept with their headings).
const section3 = pages.findIndex((p) => p.replace(/\s+/g, '').includes('指标一：')) + 1;
if (section3 < 1) throw new Error('section 三 not found in the PDF');
fs.mkdirSync(OUT, { recursive: true });
for (const [page, name] of [[1, 'report-page1'], [section3, 'report-section3']]) {
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', pdf, path.join(OUT, name)]);
  console.log(`docs/screenshots/${name}.png (page ${page} of ${pages.length - 1})`);
}
fs.rmSync(tmp, { recursive: true, force: true });
