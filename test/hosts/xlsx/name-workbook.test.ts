/**
 * The file host's part of workbooks without names (forms issue §3): the
 * proposal read from a file, and the names written into workbook.xml alone —
 * next to the names already there, at their schema position, with the
 * document's own namespace prefix.
 */
import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { nameWorkbookFile, openWorkbookFile, proposeNamesForFile } from '../../../src/hosts/xlsx';
import { addDefinedNames } from '../../../src/hosts/xlsx/write-defined-names';
import { nameReference } from '../../../src/workbook/address';
import type { ProposedName } from '../../../src/workbook/detect';
import { ROOT } from '../../support/paths';

const NAMES: ProposedName[] = [
  { name: '预算执行', scope: null, range: { sheet: "A'B", row: 4, col: 0, rows: 5, cols: 8 } },
  { name: '绩效指标', scope: '项目1', range: { sheet: '项目1', row: 11, col: 0, rows: 15, cols: 9 } },
];
const index = (sheet: string) => (sheet === '项目1' ? 1 : 0);
const WB = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

test.each([
  ['no <definedNames>: created before <calcPr>', `${WB}<sheets/><calcPr calcId="1"/></workbook>`, `${WB}<sheets/><definedNames>#</definedNames><calcPr calcId="1"/></workbook>`],
  ['no <definedNames> and nothing after <sheets>: created at the end', `${WB}<sheets/></workbook>`, `${WB}<sheets/><definedNames>#</definedNames></workbook>`],
  ['other names kept, ours appended', `${WB}<sheets/><definedNames><definedName name="打印区域">x!$A$1</definedName></definedNames></workbook>`, `${WB}<sheets/><definedNames><definedName name="打印区域">x!$A$1</definedName>#</definedNames></workbook>`],
  ['a self-closing <definedNames/>', `${WB}<sheets/><definedNames/></workbook>`, `${WB}<sheets/><definedNames>#</definedNames></workbook>`],
])('%s', (_label, before, after) => {
  const ours = '<definedName name="预算执行">\'A\'\'B\'!$A$5:$H$9</definedName><definedName name="绩效指标" localSheetId="1">\'项目1\'!$A$12:$I$26</definedName>';
  expect(addDefinedNames(before, 'xl/workbook.xml', NAMES, index)).toBe(after.replace('#', ours));
});

test('a prefixed SpreadsheetML namespace: the new elements carry the prefix', () => {
  const text = '<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheets/></x:workbook>';
  expect(addDefinedNames(text, 'xl/workbook.xml', NAMES.slice(0, 1), index)).toBe(
    '<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheets/><x:definedNames><x:definedName name="预算执行">\'A\'\'B\'!$A$5:$H$9</x:definedName></x:definedNames></x:workbook>',
  );
});

test('the project template without its names: the names it ships with, each project sheet’s own; its 填写说明 sheet holds no table', () => {
  const template = fs.readFileSync(path.join(ROOT, 'assets', '模板-项目支出.xlsx'));
  const parts = unzipSync(template);
  const xml = strFromU8(parts['xl/workbook.xml']);
  const shipped = [...xml.matchAll(/<definedName name="([^"]+)" localSheetId="(\d+)">([^<]+)<\/definedName>/g)].map((m) => `${m[1]}@${m[2]}=${m[3].replace(/&apos;/g, "'")}`);
  parts['xl/workbook.xml'] = strToU8(xml.replace(/<definedNames>[\s\S]*?<\/definedNames>/, ''));
  const nameless = zipSync(parts);
  const proposed = proposeNamesForFile(nameless);
  if (!proposed.ok) throw new Error(proposed.error.code);
  expect(proposed.value.proposal.problems).toEqual([]);
  const sheets = ['填写说明', '项目1', '示例-社区工资社保'];
  expect(proposed.value.proposal.names.map((n) => `${n.name}@${sheets.indexOf(n.scope!)}=${nameReference(n.range)}`).sort()).toEqual(shipped.sort());
  const named = nameWorkbookFile(nameless);
  if (!named.ok || !named.value.named) throw new Error('not named');
  const reopened = openWorkbookFile(named.value.named);
  expect(reopened.ok && reopened.value.book.sheets.map((s) => s.sheet)).toEqual(['项目1', '示例-社区工资社保']);
});
