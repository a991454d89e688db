/**
 * The web build: ES5 bundles (es-check + built-in scan), the production URL
 * written into the copied manifest, office.js from the CDN by default or
 * copied locally with --env officejs=local, and the initial pane size budget.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

const ROOT = path.join(__dirname, '..', '..');
const OUT = path.join(ROOT, 'test-output', 'web');
const URL = 'https://selfeval.example.gov.cn/addin/';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const makeConfig = require('../../webpack.config.js');

describe('web build', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--env', `url=${URL}`, '--env', 'out=test-output/web'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  }, 600000); // webpack builds: minutes on a busy 2-core machine (a harness limit, not a timing assertion)

  it('passes the ES5 check (syntax and IE11 built-ins)', () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'check-es5.js'), OUT], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toContain('ES5 check passed');
  });


  it('keeps the Excel pane\'s first load (taskpane.js + taskpane.css) within 50 KB gzip', () => {
    const gz = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(OUT, file)), { level: 9 }).length;
    expect(gz('taskpane.js') + gz('taskpane.css')).toBeLessThanOrEqual(50 * 1024);
  });

  it('writes the production URL into the copied manifest, which still validates', () => {
    const manifest = fs.readFileSync(path.join(OUT, 'manifest.xml'), 'utf8');
    expect(manifest).not.toContain('https://localhost:3000');
    expect(manifest).toContain(`<SourceLocation DefaultValue="${URL}taskpane.html"/>`);
    expect(manifest).toContain(`<AppDomain>${URL.replace(/\/$/, '')}</AppDomain>`);
    const schema = path.join(ROOT, '..', 'shared', 'schemas', 'office-addin-manifest', 'OfficeAppManifestV1_1.xsd');
    execFileSync('xmllint', ['--noout', '--schema', schema, path.join(OUT, 'manifest.xml')], { stdio: 'pipe' });
  });

  it('serves every page the manifest and the command need, with office.js from the CDN', () => {
    for (const page of ['taskpane.html', 'commands.html', 'dialog.html', 'help.html', 'assets/icons/icon-80.png']) {
      expect(fs.existsSync(path.join(OUT, page))).toBe(true);
    }
    const html = fs.readFileSync(path.join(OUT, 'taskpane.html'), 'utf8');
    expect(html).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(html).toMatch(/<script[^>]*src="?taskpane\.js"?>/);
  });

  it('gives every page a Content-Security-Policy: own origin only, plus the office.js CDN for scripts in the Office pages', () => {
    const csp = (page: string) => {
      const m = /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"/.exec(fs.readFileSync(path.join(OUT, page), 'utf8'));
      return m ? m[1] : '';
    };
    const office = "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
    expect(csp('taskpane.html')).toBe(office);
    expect(csp('commands.html')).toBe(office);
    expect(csp('dialog.html')).toBe(office);
    expect(csp('index.html')).toBe(office.replace(' https://appsforoffice.microsoft.com', ''));
    expect(csp('help.html')).toBe(csp('index.html'));
  });

  it('builds the standalone page without office.js, with the template and the example to download', () => {
    const html = fs.readFileSync(path.join(OUT, 'index.html'), 'utf8');
    expect(html).not.toContain('office.js');
    expect(html).toMatch(/<script[^>]*src="?taskpane\.js"?>/);
    for (const file of ['standalone.css', 'assets/模板.xlsx', 'assets/示例-二工片区2023.xlsx', 'assets/模板-项目支出.xlsx']) expect(fs.existsSync(path.join(OUT, file))).toBe(true);
    expect(fs.readdirSync(OUT).filter((f) => /^web-xlsx\.[0-9a-f]{8}\.js$/.test(f))).toHaveLength(1);
  });

  it('with --env officejs=local copies @microsoft/office-js/dist and references it locally', async () => {
    const config = await makeConfig({ officejs: 'local' }, { mode: 'production' });
    type Page = { userOptions?: { filename: string; templateParameters?: { officeJs?: string; csp: string } } };
    const pages = (config.plugins as Page[]).filter((p) => p.userOptions && p.userOptions.templateParameters);
    const officeJs = (p: Page) => [p.userOptions!.filename, p.userOptions!.templateParameters!.officeJs];
    expect(pages.map(officeJs)).toEqual([
      ['taskpane.html', 'office-js/office.js'], ['commands.html', 'office-js/office.js'], ['dialog.html', 'office-js/office.js'], ['index.html', undefined],
    ]);
    // With a local office.js the Office pages allow scripts from their own origin only.
    for (const p of pages) expect(p.userOptions!.templateParameters!.csp).toContain("script-src 'self';");
    const copy = config.plugins.find((p: { patterns?: unknown }) => p.patterns) as { patterns: { from: string; to: string }[] };
    expect(copy.patterns).toContainEqual({ from: 'node_modules/@microsoft/office-js/dist', to: 'office-js' });
    expect(fs.existsSync(path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist', 'office.js'))).toBe(true);
  });
});
