/// <reference types="office-js" />
import { a1, type CellAddress, type RangeAddress } from '../../workbook/address';
import { localAddress } from './excel-address';
import { type HostError, toHostError } from './host-error';

/** Selects one cell in Excel (clicking an issue in the pane). One sync. */
export async function selectCell(context: Excel.RequestContext, cell: CellAddress): Promise<HostError | null> {
  const sheet = context.workbook.worksheets.getItem(cell.sheet);
  sheet.activate();
  sheet.getRange(a1(cell.row, cell.col)).select();
  try {
    await context.sync();
    return null;
  } catch (e) {
    return toHostError(e, { what: { sheets: [cell.sheet] }, sheets: [cell.sheet] });
  }
}

/**
 * Shows a defined name's range: activates its sheet and selects it (ExcelApi
 * 1.1). One sync. The ribbon command uses it to point at the results it wrote
 * when it has no dialog to show them in.
 */
export async function selectName(context: Excel.RequestContext, name: string): Promise<HostError | null> {
  const range = context.workbook.names.getItem(name).getRange();
  range.worksheet.activate();
  range.select();
  try {
    await context.sync();
    return null;
  } catch (e) {
    return toHostError(e, { what: { name } });
  }
}

/** Selects a found table's range (识别表格): activates its sheet and selects it (ExcelApi 1.1). One sync. */
export async function selectRange(context: Excel.RequestContext, range: RangeAddress): Promise<HostError | null> {
  const sheet = context.workbook.worksheets.getItem(range.sheet);
  sheet.activate();
  sheet.getRange(localAddress(range)).select();
  try {
    await context.sync();
    return null;
  } catch (e) {
    return toHostError(e, { what: { sheets: [range.sheet] }, sheets: [range.sheet] });
  }
}
