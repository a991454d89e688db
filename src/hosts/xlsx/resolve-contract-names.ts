import { CONTRACT_NAMES, EMPTY_CELL, type CellInput, type NameResolution, type WorkbookInput } from '../../workbook/cells';
import type { SheetFacts, SheetFactsBySheet } from '../../workbook/sheet-facts';
import type { Box } from './cell-box';
import { abort } from './file-error';
import { checkOtherSheets, findSheet, sheetXml, type LoadedWorkbook } from './load-workbook';
import { parseReference, type ParsedArea } from './parse-reference';
import { scanSheet } from './scan-sheet';
import { toCellInput } from './to-cell-input';

/** The largest grid a name may resolve to (rows × columns, after clamping whole columns/rows). */
export const MAX_RANGE_CELLS = 2_000_000;
const COLS = 16384;

interface Wanted {
  name: string;
  area: ParsedArea;
  /** Bounding box of non-empty cells inside the area. */
  used: { top: number; bottom: number; left: number; right: number } | null;
}

function isEmpty(cell: CellInput): boolean {
  return cell.value === null && !cell.formula;
}

/** The contract names' cells, and what else the workbook layer needs to know about their sheets. */
export interface ContractRead {
  input: WorkbookInput;
  sheetFacts: SheetFactsBySheet;
}

/**
 * Resolves the five contract names to ranges and reads their cells. Only
 * workbook-scoped definitions count; a name that exists only with a sheet
 * scope resolves to notRange. Whole columns/rows are clamped to the used
 * cells inside them. Each sheet with a range is parsed once, for its cells
 * and its facts (merges, protection). Throws a FileErrorAbort.
 */
export function resolveContractNames(wb: LoadedWorkbook): ContractRead {
  const result = Object.create(null) as Record<string, NameResolution>;
  const sheetFacts = Object.create(null) as SheetFactsBySheet;
  const bySheet = new Map<string, Wanted[]>();
  for (const name of CONTRACT_NAMES) {
    const all = wb.structure.definedNames.filter((d) => d.name === name);
    const def = all.find((d) => d.localSheetId === undefined);
    if (!def) {
      result[name] = all.length > 0 ? { kind: 'notRange', formula: all[0].formula } : { kind: 'missing' };
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
    const area = { ...parsed.area, sheet: sheet.name };
    const list = bySheet.get(sheet.name) ?? [];
    list.push({ name, area, used: null });
    bySheet.set(sheet.name, list);
  }

  for (const [sheetName, wanted] of bySheet) {
    const sheet = findSheet(wb.structure, sheetName)!;
    const xml = sheetXml(wb.pkg, sheet);
    const cells = new Map<number, CellInput>();
    const facts: SheetFacts = { merges: [], protected: false };
    sheetFacts[sheet.name] = facts;
    const { formulaBoxes } = scanSheet(xml.text, sheet.part!, sheet.name, (raw) => {
      let input: CellInput | undefined;
      for (const w of wanted) {
        const a = w.area;
        if (raw.row < a.top || raw.row > a.bottom || raw.col < a.left || raw.col > a.right) continue;
        input ??= toCellInput(raw, wb.sharedStrings, wb.formats);
        cells.set(raw.row * COLS + raw.col, input);
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
    }, facts);
    for (const w of wanted) result[w.name] = buildRange(w, cells, formulaBoxes);
  }
  checkOtherSheets(wb, new Set(bySheet.keys()));
  return { input: result as WorkbookInput, sheetFacts };
}

function buildRange(w: Wanted, cells: Map<number, CellInput>, formulaBoxes: Box[]): NameResolution {
  let { top, bottom, left, right } = w.area;
  const used = w.used;
  if (w.area.wholeColumns) {
    top = used ? used.top : top;
    bottom = used ? used.bottom : top;
  }
  if (w.area.wholeRows) {
    left = used ? used.left : left;
    right = used ? used.right : left;
  }
  const rows = bottom - top + 1;
  const cols = right - left + 1;
  if (rows * cols > MAX_RANGE_CELLS) abort('rangeTooLarge', { name: w.name });
  const grid: CellInput[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: CellInput[] = new Array(cols);
    for (let c = 0; c < cols; c++) line[c] = cells.get((top + r) * COLS + left + c) ?? EMPTY_CELL;
    grid.push(line);
  }
  // Cells of an array formula's range that the scan could not mark: missing from the file, or before the anchor.
  for (const b of formulaBoxes) {
    for (let row = Math.max(b.top, top); row <= Math.min(b.bottom, bottom); row++) {
      for (let col = Math.max(b.left, left); col <= Math.min(b.right, right); col++) {
        const cell = grid[row - top][col - left];
        if (!cell.formula) grid[row - top][col - left] = { ...cell, formula: true };
      }
    }
  }
  return { kind: 'range', range: { sheet: w.area.sheet, row: top, col: left, rows, cols }, cells: grid };
}
