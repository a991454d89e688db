import type { SummaryTable, TableValue } from './summary-tables';

const FORMATS = { rate: '0.00%', score: '0.00', count: '0' } as const;

/** Column widths in characters: wide enough for the header and the longest value, a Chinese character counting two. */
function widths(table: SummaryTable): number[] {
  const width = (t: string) => [...t].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);
  return table.columns.map((header, i) => {
    let w = width(header);
    for (const row of table.rows) {
      const v = row[i];
      if (v) w = Math.max(w, v.kind === 'text' ? width(v.text) : v.text.length + 2);
    }
    return Math.min(60, w + 2);
  });
}

function cellValue(v: TableValue): string | number | null {
  if (v === null) return null;
  // A decimal string of the rules (at most 小数位数 + 2 places) is exactly the double Excel stores for it.
  return v.kind === 'text' ? v.text : Number(v.text);
}

/**
 * The summary as a new workbook, made with ExcelJS (a file we create from
 * nothing; a user's workbook is never loaded with it): one sheet per table,
 * the header frozen and filtered, figures as numbers with their formats,
 * the totals under a blank row.
 */
export async function summaryXlsx(tables: readonly SummaryTable[]): Promise<Uint8Array> {
  // Loaded only when a summary is written (dist/selfeval.cjs: a lazily evaluated module, see webpack.cli.js).
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  // Fixed dates: the same reports give the same file.
  book.created = book.modified = new Date(Date.UTC(2000, 0, 1));
  for (const table of tables) {
    const sheet = book.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const width = widths(table);
    sheet.columns = table.columns.map((header, i) => ({ header, width: width[i] }));
    sheet.getRow(1).font = { bold: true };
    const put = (values: TableValue[]) => {
      const row = sheet.addRow(values.map(cellValue));
      values.forEach((v, i) => {
        if (v && v.kind === 'number') row.getCell(i + 1).numFmt = FORMATS[v.format];
      });
    };
    for (const values of table.rows) put(values);
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: table.rows.length + 1, column: table.columns.length } };
    for (const values of table.footer) put(values);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
