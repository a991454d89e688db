/// <reference types="office-js" />
import { CONTRACT_NAMES } from '../../workbook/cells';
import type { Capabilities } from './capabilities';
import { localAddress } from './excel-address';
import { type HostError, toHostError } from './host-error';
import { PROJECT_SHEET_PREFIX, projectTemplate, type TemplateKind, type TemplateSheet, type TemplateStyle, templateLayout } from './template-layout';
import { excelText } from './write-blocks';

export type InsertResult = { ok: true; sheets: string[] } | { ok: false; error: HostError };

const STYLE_FILL: { [style in TemplateStyle]?: string } = { header: '#D9D9D9', output: '#FFF2CC' };
const STYLE_BOLD: { [style in TemplateStyle]?: boolean } = { title: true, section: true, header: true };

/** `预算执行`, or `预算执行 (2)`, … when a sheet of that name exists (Excel compares case-insensitively). */
export function freeSheetName(wanted: string, taken: string[]): string {
  const lower = taken.map((s) => s.toLowerCase());
  let name = wanted;
  for (let n = 2; lower.indexOf(name.toLowerCase()) >= 0; n++) name = wanted + ' (' + n + ')';
  return name;
}

/** The sheet's cells as one rectangle from A1: formulas/constants and number formats. */
function sheetGrid(sheet: TemplateSheet): { rows: number; cols: number; formulas: unknown[][]; formats: string[][] } {
  let rows = 0;
  let cols = 0;
  for (const key of Object.keys(sheet.cells)) {
    const [r, c] = key.split(',').map(Number);
    rows = Math.max(rows, r + 1);
    cols = Math.max(cols, c + 1);
  }
  const formulas: unknown[][] = [];
  const formats: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const fRow: unknown[] = [];
    const nRow: string[] = [];
    for (let c = 0; c < cols; c++) {
      const cell = sheet.cells[r + ',' + c];
      let content: unknown = '';
      if (cell && cell.formula) content = cell.formula;
      else if (cell && typeof cell.value === 'string') content = excelText(cell.value);
      else if (cell && cell.value !== undefined) content = cell.value;
      fRow.push(content);
      nRow.push(cell && cell.numberFormat ? cell.numberFormat : 'General');
    }
    formulas.push(fRow);
    formats.push(nRow);
  }
  return { rows, cols, formulas, formats };
}

/** 项目1, or the first 项目n no sheet is called (Excel compares sheet names case-insensitively). */
export function freeProjectName(taken: string[]): string {
  const lower = taken.map((s) => s.toLowerCase());
  let n = 1;
  while (lower.indexOf((PROJECT_SHEET_PREFIX + n).toLowerCase()) >= 0) n++;
  return PROJECT_SHEET_PREFIX + n;
}

/** Writes a template sheet's cells and styles into a new worksheet (queued, no sync). */
function queueSheet(ws: Excel.Worksheet, sheet: TemplateSheet): void {
  const grid = sheetGrid(sheet);
  const range = ws.getRange(localAddress({ row: 0, col: 0, rows: grid.rows, cols: grid.cols }));
  range.formulas = grid.formulas as any[][];
  range.numberFormat = grid.formats;
  for (const style of sheet.styles) {
    const format = ws.getRange(style.range).format;
    const fill = STYLE_FILL[style.style];
    if (fill) format.fill.color = fill;
    if (STYLE_BOLD[style.style]) format.font.bold = true;
  }
}

/**
 * 插入模板 for 项目支出: adds one project sheet in the national layout (a
 * free name 项目1, 项目2, …) with its own sheet-scoped 预算执行 and 绩效指标
 * (Worksheet.names.add, ExcelApi 1.4). Each click adds one more; existing
 * sheets and names are never touched, and the department's workbook-scoped
 * names may exist beside them. Two syncs: list the sheets, then add everything.
 */
export async function insertProjectSheet(context: Excel.RequestContext, caps: Capabilities, kind: TemplateKind): Promise<InsertResult> {
  if (!caps.addNames) return { ok: false, error: { code: 'apiMissing', feature: 'Worksheet.names.add', requirement: 'ExcelApi 1.4' } };
  const listed = await sheetNames(context);
  if (!listed.ok) return listed;
  const sheets = context.workbook.worksheets;
  const name = freeProjectName(listed.names);
  const template = projectTemplate(kind, name);
  const ws = sheets.add(name);
  queueSheet(ws, template.sheet);
  for (const n of template.names) ws.names.add(n.name, ws.getRange(n.range));
  try {
    await context.sync();
  } catch (e) {
    return { ok: false, error: toHostError(e, { sheets: [name] }) };
  }
  return { ok: true, sheets: [name] };
}

/**
 * 插入模板: adds the template's sheets (new sheets only; an existing sheet
 * of the same name is left alone and the new one gets a free name) and the
 * five workbook-scoped names. Refuses when any of the five names exists.
 * Two syncs: list names and sheets, then add everything in one batch.
 * Needs NamedItemCollection.add (ExcelApi 1.4).
 */
export async function insertTemplate(context: Excel.RequestContext, caps: Capabilities, kind: TemplateKind): Promise<InsertResult> {
  if (!caps.addNames) return { ok: false, error: { code: 'apiMissing', feature: 'names.add', requirement: 'ExcelApi 1.4' } };
  const names = context.workbook.names;
  const sheets = context.workbook.worksheets;
  names.load('items/name');
  sheets.load('items/name');
  try {
    await context.sync();
  } catch (e) {
    return { ok: false, error: toHostError(e) };
  }
  const existing = names.items.map((item) => item.name);
  const clash = CONTRACT_NAMES.filter((name) => existing.indexOf(name) >= 0);
  if (clash.length > 0) return { ok: false, error: { code: 'templateNamesExist', names: clash } };

  const taken = sheets.items.map((s) => s.name);
  const layout = templateLayout(kind);
  const actual: { [templateName: string]: Excel.Worksheet } = {};
  const created: string[] = [];
  for (const sheet of layout.sheets) {
    const name = freeSheetName(sheet.name, taken);
    taken.push(name);
    created.push(name);
    const ws = sheets.add(name);
    actual[sheet.name] = ws;
    queueSheet(ws, sheet);
  }
  for (const n of layout.names) names.add(n.name, actual[n.sheet].getRange(n.range));
  try {
    await context.sync();
  } catch (e) {
    return { ok: false, error: toHostError(e, { sheets: created }) };
  }
  return { ok: true, sheets: created };
}

/** The workbook's sheet names: the first of the two syncs that add a sheet under a free name. */
export async function sheetNames(context: Excel.RequestContext): Promise<{ ok: true; names: string[] } | { ok: false; error: HostError }> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  try {
    await context.sync();
  } catch (e) {
    return { ok: false, error: toHostError(e) };
  }
  return { ok: true, names: sheets.items.map((s) => s.name) };
}
