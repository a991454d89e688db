/**
 * Silent writes are said (trust issue, item 11), through the real file host:
 * an output cell under a merged area whose top-left is another cell, and a
 * written sheet that is protected. Both still score and write; each is a
 * warning naming the cell, counted in 提示.
 */
import * as fs from 'fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fileScoringHost } from '../../../src/hosts/xlsx';
import { issueText } from '../../../src/messages/issues';
import { formatCell } from '../../../src/workbook/address';
import { issueCell } from '../../../src/workbook/issues';
import { scoreThrough } from '../../../src/workbook/pipeline';
import { EXAMPLE } from '../../support/paths';

/** The example with one worksheet part edited. */
function exampleWithSheet(part: string, edit: (xml: string) => string): Uint8Array {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(EXAMPLE)));
  parts[part] = strToU8(edit(strFromU8(parts[part])));
  return zipSync(parts);
}

async function warningsOf(bytes: Uint8Array) {
  const result = await scoreThrough(fileScoringHost(bytes), { write: true });
  if (result.kind !== 'scored') throw new Error('unreadable');
  expect(result.outcome.errors).toEqual([]);
  expect(result.written).not.toBeNull();
  // 提示 ('评价结果'!B23) counts the warning.
  const hint = result.outcome.plan.writes.find((w) => formatCell(w.address) === "'评价结果'!B23");
  expect(hint?.value).toEqual({ kind: 'number', text: String(result.outcome.warnings.length) });
  return result.outcome.warnings.map((w) => [w.code, issueCell(w) ? formatCell(issueCell(w)!) : null, issueText(w, 'cli')]);
}

test('a 得分 cell (M10) inside a merge M9:M10 whose top-left is M9 warns that the value will not show', async () => {
  const bytes = exampleWithSheet('xl/worksheets/sheet2.xml', (xml) =>
    xml.replace('<mergeCells count="6">', '<mergeCells count="7">').replace('</mergeCells>', '<mergeCell ref="M9:M10"/></mergeCells>'),
  );
  const warnings = await warningsOf(bytes);
  expect(warnings.map((w) => [w[0], w[1]])).toEqual([['outputUnderMerge', "'绩效指标'!M10"]]);
  expect(warnings[0][2]).toContain("'绩效指标'!M9:M10");
});

test('a protected 评价结果 sheet warns once, at its first output cell; 提示 counts it', async () => {
  const bytes = exampleWithSheet('xl/worksheets/sheet3.xml', (xml) => xml.replace('</sheetData>', '</sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/>'));
  const warnings = await warningsOf(bytes);
  expect(warnings.map((w) => [w[0], w[1]])).toEqual([['outputSheetProtected', "'评价结果'!B14"]]);
  expect(warnings[0][2]).toContain('撤消工作表保护');
});
