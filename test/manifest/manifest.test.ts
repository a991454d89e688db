/**
 * manifest.xml: validates against the offline XSD (shared/schemas), every
 * resid resolves to a resource, every URL is on the dev origin (replaced at
 * build time), and the icon files exist with the right pixel sizes.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const SCHEMA = path.join(ROOT, '..', 'shared', 'schemas', 'office-addin-manifest', 'OfficeAppManifestV1_1.xsd');
const xml = fs.readFileSync(MANIFEST, 'utf8');

function pngSize(file: string): [number, number] {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('manifest.xml', () => {
  it('validates against OfficeAppManifestV1_1.xsd with xmllint', () => {
    const out = execFileSync('xmllint', ['--noout', '--schema', SCHEMA, MANIFEST], { encoding: 'utf8', stdio: 'pipe' });
    expect(out).toBe('');
  });

  it('is rejected by the schema when an element is misspelled (the check is real)', () => {
    const tmp = path.join(ROOT, 'test-output');
    fs.mkdirSync(tmp, { recursive: true });
    const bad = path.join(tmp, 'manifest-bad.xml');
    fs.writeFileSync(bad, xml.replace('<Permissions>', '<Permission>').replace('</Permissions>', '</Permission>'));
    expect(() => execFileSync('xmllint', ['--noout', '--schema', SCHEMA, bad], { stdio: 'pipe' })).toThrow();
  });

  it('resolves every resid to a bt: resource', () => {
    const ids = new Set(Array.from(xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g), (m) => m[1]));
    const refs = Array.from(xml.matchAll(/resid="([^"]+)"/g), (m) => m[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(ids.has(ref) ? ref : 'missing ' + ref).toBe(ref);
  });

  it('asks for ExcelApi 1.1 only, in zh-CN with en-US overrides, with both Home-tab buttons', () => {
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.1"\/>/);
    expect(xml).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
    expect(xml).toContain('<Override Locale="en-US"');
    expect(xml).toContain('<OfficeTab id="TabHome">');
    expect(xml).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>scoreFromRibbon<\/FunctionName>/);
    expect(xml).toContain('<Action xsi:type="ShowTaskpane">');
    expect(xml).toContain('DefaultValue="计算得分"');
    expect(xml).toContain('DefaultValue="绩效自评"');
    expect(xml).not.toContain('VersionOverridesV1_1');
  });

  it('uses only https://localhost:3000 URLs (the build replaces them)', () => {
    const urls = Array.from(xml.replace(/<!--[\s\S]*?-->/g, '').matchAll(/https?:\/\/[^"<\s]+/g), (m) => m[0]).filter((u) => !u.startsWith('http://schemas.') && !u.startsWith('http://www.w3.org'));
    for (const url of urls) expect(url.startsWith('https://localhost:3000')).toBe(true);
  });

  it('points at icon files of the declared pixel sizes', () => {
    const icons = Array.from(xml.matchAll(/https:\/\/localhost:3000\/(assets\/icons\/icon-(\d+)\.png)/g));
    expect(icons.length).toBeGreaterThan(0);
    for (const [, rel, size] of icons) expect(pngSize(path.join(ROOT, rel))).toEqual([Number(size), Number(size)]);
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(ROOT, 'assets', 'icons', `icon-${size}.png`))).toEqual([size, size]);
    }
  });

  it('has its icons reproducible by scripts/make-icons.js', () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { drawIcon } = require('../../scripts/make-icons.js');
    for (const size of [16, 32, 64, 80, 128]) {
      expect(Buffer.compare(drawIcon(size), fs.readFileSync(path.join(ROOT, 'assets', 'icons', `icon-${size}.png`)))).toBe(0);
    }
  });
});
