/** The national workbook of national-book.ts as an .xlsx file, written by ExcelJS (Node only). */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { type BookModel, nationalBook } from './national-book';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The workbook as an .xlsx written by ExcelJS (an independent writer), its
 * defined names then set in xl/workbook.xml (ExcelJS writes no sheet-scoped
 * names): `localSheetId` is the sheet's index.
 */
export async function nationalXlsx(model: BookModel = nationalBook()): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    ws.getColumn(4).width = 24;
    ws.getColumn(9).width = 30;
    for (const merge of sheet.merges) ws.mergeCells(merge);
    sheet.cells.forEach((cell, ref) => {
      const c = ws.getCell(ref);
      if (cell.value !== null) c.value = cell.value as ExcelJS.CellValue;
      if (cell.numFmt !== undefined) c.numFmt = cell.numFmt;
    });
  }
  const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const index = (sheet: string) => model.sheets.findIndex((s) => s.name === sheet);
  const block =
    '<definedNames>' +
    model.names
      .map((n) => `<definedName name="${escapeXml(n.name)}"${n.scope === null ? '' : ` localSheetId="${index(n.scope)}"`}>${escapeXml(n.ref)}</definedName>`)
      .join('') +
    '</definedNames>';
  let xml = strFromU8(parts['xl/workbook.xml']).replace(/<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/, '');
  xml = xml.replace('</sheets>', '</sheets>' + block);
  parts['xl/workbook.xml'] = strToU8(xml);
  return zipSync(parts);
}

