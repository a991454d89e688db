/**
 * A workbook whose package names a styles part that is not in the zip (a
 * relationship and/or an <Override> left dangling), or names two: when the
 * writer needs a styles part, it reuses what is registered and never adds a
 * second relationship or a second <Override> for a part name.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { applyPlanToFile, readAllCells } from '../../../src/hosts/xlsx';
import type { WritePlan } from '../../../src/workbook/plan';
import { bookParts, REL, zipParts } from '../../support/xlsx-build';
import { openpyxlAvailable, openpyxlDump, readCorpus } from '../../support/xlsx-compare';
import { fileErrorText } from '../../../src/messages/file-errors';

const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([n, d]) => [n, strFromU8(d)]));
}

/** `<Override PartName="…">` elements per part name (OPC part names compare case-insensitively). */
function overrides(types: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of types.matchAll(/<Override\b[^>]*PartName="([^"]*)"/g)) out.set(m[1].toLowerCase(), (out.get(m[1].toLowerCase()) ?? 0) + 1);
  return out;
}

/** Targets of the styles relationships. */
function stylesTargets(rels: string): string[] {
  return [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).filter((t) => /Type="[^"]*\/styles"/.test(t)).map((t) => /Target="([^"]*)"/.exec(t)![1]);
}

function write(sheet: string, row: number, col: number): WritePlan {
  return { writes: [{ address: { sheet, row, col }, value: { kind: 'number', text: '0.5' }, numberFormat: '0.00%' }] };
}

function applied(bytes: Uint8Array, plan: WritePlan): Uint8Array {
  const r = applyPlanToFile(bytes, plan);
  if (!r.ok) throw new Error(`${r.error.code}: ${fileErrorText(r.error)}`);
  return r.value;
}

function formatAt(bytes: Uint8Array, sheet: string, ref: string): string | undefined {
  const r = readAllCells(bytes);
  if (!r.ok) throw new Error(fileErrorText(r.error));
  return r.value.get(sheet)!.get(ref)?.numberFormat;
}

const PY = openpyxlAvailable();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-parts-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function openpyxlFormat(bytes: Uint8Array, sheet: string, ref: string): unknown {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
  fs.writeFileSync(file, bytes);
  const d = openpyxlDump([file])[file];
  if (!d.ok) return d.error;
  return d.sheets[sheet][ref]?.[2];
}

describe('test-issue-771.xlsx (corpus): workbook.xml.rels and [Content_Types].xml name xl/styles.xml, the zip has none', () => {
  const before = readCorpus('test-issue-771.xlsx');
  const was = parts(before);

  it('is the file described', () => {
    expect(was['xl/styles.xml']).toBeUndefined();
    expect(stylesTargets(was['xl/_rels/workbook.xml.rels'])).toEqual(['styles.xml']);
    expect(overrides(was['[Content_Types].xml']).get('/xl/styles.xml')).toBe(1);
  });

  it('gets the styles part where it is registered, and no second relationship or override', () => {
    const sheet = 'Sheet1';
    const out = applied(before, write(sheet, 20, 3));
    const now = parts(out);
    expect(now['xl/styles.xml']).toContain('<cellXfs');
    // Both registrations were already there: the two parts are not even touched.
    expect(now['[Content_Types].xml']).toBe(was['[Content_Types].xml']);
    expect(now['xl/_rels/workbook.xml.rels']).toBe(was['xl/_rels/workbook.xml.rels']);
    expect(formatAt(out, sheet, 'D21')).toBe('0.00%');
    if (PY) expect(openpyxlFormat(out, sheet, 'D21')).toBe('0.00%');
    // And scoring the result again changes nothing.
    expect(Buffer.from(applied(out, write(sheet, 20, 3))).equals(Buffer.from(out))).toBe(true);
  });
});

describe('built packages with a dangling or doubled styles registration', () => {
  const base = () => bookParts({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
  const overrideTag = `<Override PartName="/xl/styles.xml" ContentType="${STYLES_TYPE}"/>`;
  const relTag = `<Relationship Id="rId100" Type="${REL}/styles" Target="styles.xml"/>`;

  const cases: { name: string; make: () => Record<string, string | Uint8Array>; part: string }[] = [
    {
      name: 'relationship and override, no part',
      make: () => {
        const p = base();
        delete p['xl/styles.xml'];
        return p;
      },
      part: 'xl/styles.xml',
    },
    {
      name: 'override only (in upper case), no part',
      make: () => {
        const p = base();
        delete p['xl/styles.xml'];
        p['[Content_Types].xml'] = (p['[Content_Types].xml'] as string).replace(overrideTag, overrideTag.replace('/xl/styles.xml', '/XL/Styles.xml'));
        p['xl/_rels/workbook.xml.rels'] = (p['xl/_rels/workbook.xml.rels'] as string).replace(relTag, '');
        return p;
      },
      part: 'xl/styles.xml',
    },
    {
      name: 'relationship only, no part',
      make: () => {
        const p = base();
        delete p['xl/styles.xml'];
        p['[Content_Types].xml'] = (p['[Content_Types].xml'] as string).replace(overrideTag, '');
        return p;
      },
      part: 'xl/styles.xml',
    },
    {
      name: 'relationship to another name (style/s.xml), no part',
      make: () => {
        const p = base();
        delete p['xl/styles.xml'];
        p['xl/_rels/workbook.xml.rels'] = (p['xl/_rels/workbook.xml.rels'] as string).replace('Target="styles.xml"', 'Target="style/s.xml"');
        return p;
      },
      // Created where readers look for it (openpyxl reads only xl/styles.xml); the relationship is pointed there.
      part: 'xl/styles.xml',
    },
    {
      name: 'relationship and an override with another content type, no part',
      make: () => {
        const p = base();
        delete p['xl/styles.xml'];
        p['[Content_Types].xml'] = (p['[Content_Types].xml'] as string).replace(overrideTag, overrideTag.replace(STYLES_TYPE, 'application/xml'));
        return p;
      },
      part: 'xl/styles.xml',
    },
    {
      name: 'two styles relationships, the first dangling, the second to the real part',
      make: () => {
        const p = base();
        p['xl/_rels/workbook.xml.rels'] = (p['xl/_rels/workbook.xml.rels'] as string).replace(relTag, `<Relationship Id="rId99" Type="${REL}/styles" Target="gone.xml"/>` + relTag);
        return p;
      },
      part: 'xl/styles.xml',
    },
  ];

  it.each(cases)('$name: one styles relationship, one override per part name, the format reads back', ({ make, part }) => {
    const input = make();
    const bytes = zipParts(input);
    const out = applied(bytes, write('S', 0, 0));
    const now = parts(out);
    expect(now[part]).toContain('<cellXfs');
    // A styles relationship is added only when there was none; one of them names the part.
    const rels = stylesTargets(now['xl/_rels/workbook.xml.rels']);
    const wasRels = stylesTargets(input['xl/_rels/workbook.xml.rels'] as string);
    expect(rels.length).toBe(Math.max(1, wasRels.length));
    expect(rels.map((t) => `xl/${t}`)).toContain(part);
    for (const [name, n] of overrides(now['[Content_Types].xml'])) expect([name, n]).toEqual([name, 1]);
    expect(overrides(now['[Content_Types].xml']).get('/' + part)).toBe(1);
    expect(now['[Content_Types].xml']).toMatch(new RegExp(`<Override PartName="/${part}" ContentType="${STYLES_TYPE.replace(/[.+]/g, '\\$&')}"/>`, 'i'));
    expect(formatAt(out, 'S', 'A1')).toBe('0.00%');
    if (PY) expect(openpyxlFormat(out, 'S', 'A1')).toBe('0.00%');
    expect(Buffer.from(applied(out, write('S', 0, 0))).equals(Buffer.from(out))).toBe(true);
  });
});
