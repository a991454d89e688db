import { MAX_COLS } from '../../workbook/address';
import { CONTRACT_NAMES, EMPTY_CELL, type CellInput, type NameResolution, type WorkbookInput } from '../../workbook/cells';
import { parseReference, type ReferenceArea } from '../../workbook/reference';
import { abort } from './file-error';
import { checkOtherSheets, findSheet, sheetXml, type LoadedWorkbook } from './load-workbook';
import type { WorkbookStructure } from './read-workbook-structure';
import { scanSheet } from './scan-sheet';
import { toCellInput } from './to-cell-input';

/** The largest grid a name may resolve to (rows × columns, after clamping whole columns/rows). */
export const MAX_RANGE_CELLS = 2_000_000;

/** An area as the scan uses it: inclusive corners; whole columns (rows) are trimmed to the used rows (columns). */
interface Box {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  whole: ReferenceArea['whole'];
}

interface Wanted {
  name: string;
  area: Box;
  /** Bounding box of non-empty cells inside the area. */
  used: { top: number; bottom: number; left: number; right: number } | null;
}

function isEmpty(cell: CellInput): boolean {
  return cell.value === null && !cell.formula;
}

/**
 * The names of the sheets holding sheet-scoped definitions (localSheetId is
 * an index into the workbook's <sheets>); ids that are not an index of a sheet
 * are left out (such a definition belongs to no sheet Excel would show).
 */
function scopeSheets(structure: WorkbookStructure, localSheetIds: string[]): string[] {
  const sheets: string[] = [];
  for (const id of localSheetIds) {
    const sheet = /^[0-9]{1,9}$/.test(id) ? structure.sheets[Number(id)] : undefined;
    if (sheet && sheets.indexOf(sheet.name) < 0) sheets.push(sheet.name);
  }
  return sheets;
}

/**
 * Resolves the five contract names to ranges and reads their cells. Only
 * workbook-scoped definitions count: a name defined only with sheet scopes
 * resolves to sheetScopedOnly (naming the sheets), one defined more than once
 * at workbook scope to duplicate. Whole columns/rows are clamped to the used
 * cells inside them. Throws a FileErrorAbort.
 */
export function resolveContractNames(wb: LoadedWorkbook): WorkbookInput {
  const result = Object.create(null) as Record<string, NameResolution>;
  const bySheet = new Map<string, Wanted[]>();
  for (const name of CONTRACT_NAMES) {
    const all = wb.structure.definedNames.filter((d) => d.name === name);
    const workbookScoped = all.filter((d) => d.localSheetId === undefined);
    if (workbookScoped.length > 1) {
      result[name] = { kind: 'duplicate', formulas: workbookScoped.map((d) => d.formula) };
      continue;
    }
    const def = workbookScoped[0];
    if (!def) {
      const sheets = scopeSheets(wb.structure, all.map((d) => d.localSheetId!));
      result[name] = sheets.length > 0 ? { kind: 'sheetScopedOnly', sheets } : { kind: 'missing' };
      continue;
    }
    const parsed = parseReference(def.formula);
    if (parsed.kind === 'multiArea') {
      result[name] = { kind: 'multiArea', formula: def.formula };
      continue;
    }
    const sheet = parsed.kind === 'area' ? findSheet(wb.structure, parsed.area.sheet) : undefined;
    if (parsed.kind !== 'area' || !sheet || sheet.kind !== 'worksheet') {
      result[name] = { kind: 'notRange', formula: def.formula };
      continue;
    }
    const a = parsed.area;
    const area: Box = { sheet: sheet.name, top: a.row, left: a.col, bottom: a.row + a.rows - 1, right: a.col + a.cols - 1, whole: a.whole };
    const list = bySheet.get(sheet.name) ?? [];
    list.push({ name, area, used: null });
    bySheet.set(sheet.name, list);
  }

  for (const [sheetName, wanted] of bySheet) {
    const sheet = findSheet(wb.structure, sheetName)!;
    const xml = sheetXml(wb.pkg, sheet);
    const cells = new Map<number, CellInput>();
    scanSheet(xml.text, sheet.part!, sheet.name, (raw) => {
      let input: CellInput | undefined;
      for (const w of wanted) {
        const a = w.area;
        if (raw.row < a.top || raw.row > a.bottom || raw.col < a.left || raw.col > a.right) continue;
        input ??= toCellInput(raw, wb.sharedStrings, wb.formats);
        cells.set(raw.row * MAX_COLS + raw.col, input);
        if (isEmpty(input)) continue;
        if (!w.used) w.used = { top: raw.row, bottom: raw.row, left: raw.col, right: raw.col };
        else {
          const u = w.used;
          if (raw.row < u.top) u.top = raw.row;
          if (raw.row > u.bottom) u.bottom = raw.row;
          if (raw.col < u.left) u.left = raw.col;
          if (raw.col > u.right) u.right = raw.col;
        }
      }
    });
    for (const w of wanted) result[w.name] = buildRange(w, cells);
  }
  checkOtherSheets(wb, new Set(bySheet.keys()));
  return result as WorkbookInput;
}

function buildRange(w: Wanted, cells: Map<number, CellInput>): NameResolution {
  let { top, bottom, left, right } = w.area;
  const used = w.used;
  if (w.area.whole === 'columns') {
    top = used ? used.top : top;
    bottom = used ? used.bottom : top;
  }
  if (w.area.whole === 'rows') {
    left = used ? used.left : left;
    right = used ? used.right : left;
  }
  const rows = bottom - top + 1;
  const cols = right - left + 1;
  if (rows * cols > MAX_RANGE_CELLS) abort('rangeTooLarge', { name: w.name });
  const grid: CellInput[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: CellInput[] = new Array(cols);
    for (let c = 0; c < cols; c++) line[c] = cells.get((top + r) * MAX_COLS + left + c) ?? EMPTY_CELL;
    grid.push(line);
  }
  return { kind: 'range', range: { sheet: w.area.sheet, row: top, col: left, rows, cols }, cells: grid };
}
