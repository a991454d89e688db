/// <reference types="office-js" />
import { REPORT_SHEET_NAME, type ReportDocument } from '../../messages/self-report';
import { type HostError, toHostError } from './host-error';
import { freeSheetName, sheetNames } from './insert-template';
import { excelText } from './write-blocks';

export type ReportSheetResult = { ok: true; sheet: string } | { ok: false; error: HostError };

/**
 * Column A's width in points: the printable width of an A4 page in portrait
 * with Excel's default margins (0.7 in each side: 595 − 2 × 50 pt), so the
 * sheet prints one column wide, every paragraph wrapped inside it.
 */
export const REPORT_COLUMN_WIDTH = 490;

/** The report as rows of column A: the title, the unit, a blank row, then one row per heading or paragraph. */
export function reportRows(doc: ReportDocument): { text: string; bold: boolean }[] {
  return [
    { text: doc.title, bold: true },
    { text: doc.subtitle, bold: false },
    { text: '', bold: false },
    ...doc.lines.map((line) => ({ text: line.text, bold: line.kind === 'heading' })),
  ];
}

/**
 * 生成自评报告 in Excel: a new sheet 自评报告 (a free name when taken — an
 * existing sheet is never touched), one row per paragraph in column A,
 * wrapped, headings bold, the column as wide as an A4 page prints. Two
 * syncs: list the sheets, then add and fill the new one.
 */
export async function writeReportSheet(context: Excel.RequestContext, doc: ReportDocument): Promise<ReportSheetResult> {
  const listed = await sheetNames(context);
  if (!listed.ok) return listed;
  const sheets = context.workbook.worksheets;
  const name = freeSheetName(REPORT_SHEET_NAME, listed.names);
  const ws = sheets.add(name);
  const rows = reportRows(doc);
  const all = ws.getRange('A1:A' + rows.length);
  all.values = rows.map((r) => [excelText(r.text)]);
  all.format.wrapText = true;
  all.format.verticalAlignment = 'Top';
  all.format.columnWidth = REPORT_COLUMN_WIDTH;
  rows.forEach((r, i) => {
    if (r.bold) ws.getRange('A' + (i + 1)).format.font.bold = true;
  });
  try {
    await context.sync();
  } catch (e) {
    return { ok: false, error: toHostError(e, { sheets: [name] }) };
  }
  return { ok: true, sheet: name };
}
