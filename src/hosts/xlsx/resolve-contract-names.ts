import {
  READ_NAMES,
  EMPTY_CELL,
  type BookInput,
  type CellInput,
  type ReadName,
  type NameResolution,
  type SheetNames,
  type WorkbookInput,
} from '../../workbook/cells';
import { parseReference, type ReferenceArea } from '../../workbook/reference';
import type { SheetFacts, SheetFactsBySheet } from '../../workbook/sheet-facts';
import type { Box } from './cell-box';
import { abort } from './file-error';
import { checkOtherSheets, findSheet, sheetXml, type LoadedWorkbook } from './load-workbook';
import type { DefinedName, SheetInfo, WorkbookStructure } from './read-workbook-structure';
import { scanSheet } from './scan-sheet';
import { LayoutRecorder } from './sheet-layout';
import { toCellInput } from './to-cell-input';

/** The largest grid a name may resolve to (rows × columns, after clamping whole columns/rows). */
export const MAX_RANGE_CELLS = 2_000_000;

/** An area as the scan uses it: inclusive corners; whole columns (rows) are trimmed to the used rows (columns). */
interface Area {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  whole: ReferenceArea['whole'];
}

/** A name of one scope whose cells the scan collects. */
interface Wanted {
  /** The sheet of a sheet-scoped definition; null for the workbook scope. */
  scope: string | null;
  name: ReadName;
  area: Area;
  /** Bounding box of non-empty cells inside the area. */
  used: { top: number; bottom: number; left: number; right: number } | null;
}

function isEmpty(cell: CellInput): boolean {
  return cell.value === null && !cell.formula;
}

/** The contract names' cells of every scope, and what else the workbook layer needs to know about their sheets. */
export interface ContractRead {
  /** The workbook-scoped names (one evaluation, as in v1). */
  input: WorkbookInput;
  /** The workbook's names and every sheet's own (each sheet's own names make that sheet's evaluation). */
  book: BookInput;
  sheetFacts: SheetFactsBySheet;
}

/** The sheet a sheet-scoped definition belongs to (localSheetId indexes <sheets>); undefined for an id of no sheet. */
function scopeSheet(structure: WorkbookStructure, def: DefinedName): SheetInfo | undefined {
  const id = def.localSheetId;
  return id !== undefined && /^[0-9]{1,9}$/.test(id) ? structure.sheets[Number(id)] : undefined;
}

/**
 * Resolves the contract names of every scope to ranges and reads their
 * cells. At workbook scope: a name defined only with sheet scopes resolves to
 * sheetScopedOnly (naming the sheets), one defined more than once to
 * duplicate. A sheet's own definitions are that sheet's names. Whole
 * columns/rows are clamped to the used cells inside them. Each sheet with a
 * range is parsed once, for the cells of every scope and for its facts
 * (merges, protection); every other sheet is still parsed, so a damaged file
 * is refused. Throws a FileErrorAbort.
 */
export function resolveContractNames(wb: LoadedWorkbook): ContractRead {
  const { structure } = wb;
  const workbook = Object.create(null) as Record<ReadName, NameResolution>;
  const own = new Map<string, SheetNames>();
  const wanted: Wanted[] = [];

  const resolve = (scope: string | null, name: ReadName, formula: string): NameResolution | null => {
    const parsed = parseReference(formula);
    if (parsed.kind === 'multiArea') return { kind: 'multiArea', formula };
    const sheet = parsed.kind === 'area' ? findSheet(structure, parsed.area.sheet) : undefined;
    if (parsed.kind !== 'area' || !sheet || sheet.kind !== 'worksheet') return { kind: 'notRange', formula };
    const a = parsed.area;
    const area: Area = { sheet: sheet.name, top: a.row, left: a.col, bottom: a.row + a.rows - 1, right: a.col + a.cols - 1, whole: a.whole };
    wanted.push({ scope, name, area, used: null });
    return null;
  };

  for (const name of READ_NAMES) {
    const all = structure.definedNames.filter((d) => d.name === name);
    const workbookScoped = all.filter((d) => d.localSheetId === undefined);
    const scopedSheets: string[] = [];
    const bySheet = new Map<string, DefinedName[]>();
    for (const def of all) {
      const sheet = def.localSheetId === undefined ? undefined : scopeSheet(structure, def);
      if (!sheet) continue;
      if (scopedSheets.indexOf(sheet.name) < 0) scopedSheets.push(sheet.name);
      bySheet.set(sheet.name, [...(bySheet.get(sheet.name) ?? []), def]);
    }
    if (workbookScoped.length > 1) workbook[name] = { kind: 'duplicate', formulas: workbookScoped.map((d) => d.formula) };
    else if (workbookScoped.length === 1) workbook[name] = resolve(null, name, workbookScoped[0].formula) ?? { kind: 'missing' };
    else workbook[name] = scopedSheets.length > 0 ? { kind: 'sheetScopedOnly', sheets: scopedSheets } : { kind: 'missing' };

    for (const [sheetName, defs] of bySheet) {
      const sheet = own.get(sheetName) ?? { sheet: sheetName, hidden: findSheet(structure, sheetName)?.hidden ?? false, names: {} };
      own.set(sheetName, sheet);
      sheet.names[name] = defs.length > 1 ? { kind: 'duplicate', formulas: defs.map((d) => d.formula) } : resolve(sheetName, name, defs[0].formula) ?? { kind: 'missing' };
    }
  }

  const sheetFacts = Object.create(null) as SheetFactsBySheet;
  const targets = new Map<string, Wanted[]>();
  for (const w of wanted) targets.set(w.area.sheet, [...(targets.get(w.area.sheet) ?? []), w]);
  for (const [sheetName, list] of targets) {
    const sheet = findSheet(structure, sheetName)!;
    const xml = sheetXml(wb.pkg, sheet);
    // Cells by row, then column: one map entry per row (a table of thousands of rows has few columns).
    const cells = new Map<number, CellInput[]>();
    let lastRow = -1;
    let rowCells: CellInput[] = [];
    const facts: SheetFacts = { merges: [], protected: false };
    sheetFacts[sheet.name] = facts;
    // Output cells lie in the names' ranges: the cells of their rows are recorded for the writer.
    const recorder = new LayoutRecorder(xml.text, (row) => list.some((w) => row >= w.area.top && row <= w.area.bottom));
    const { formulaBoxes } = scanSheet(
      xml.text,
      sheet.part!,
      sheet.name,
      (raw) => {
        let input: CellInput | undefined;
        for (const w of list) {
          const a = w.area;
          if (raw.row < a.top || raw.row > a.bottom || raw.col < a.left || raw.col > a.right) continue;
          input ??= toCellInput(raw, wb.sharedStrings, wb.formats);
          if (raw.row !== lastRow) {
            lastRow = raw.row;
            rowCells = [];
            cells.set(raw.row, rowCells);
          }
          rowCells[raw.col] = input;
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
      },
      facts,
      recorder,
    );
    wb.parsed.add(sheet.name);
    wb.read.set(sheet.name, { xml, layout: recorder.layout });
    for (const w of list) {
      const range = buildRange(w, cells, formulaBoxes);
      if (w.scope === null) workbook[w.name] = range;
      else own.get(w.scope)!.names[w.name] = range;
    }
  }
  checkOtherSheets(wb, new Set(targets.keys()));
  // The sheets' own names in the workbook's sheet order (the order evaluations are listed in).
  const sheets = structure.sheets.map((s) => own.get(s.name)).filter((s): s is SheetNames => s !== undefined);
  return { input: workbook, book: { workbook, sheets, facts: sheetFacts }, sheetFacts };
}

function buildRange(w: Wanted, cells: Map<number, CellInput[]>, formulaBoxes: Box[]): NameResolution {
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
    const found = cells.get(top + r);
    for (let c = 0; c < cols; c++) line[c] = (found && found[left + c]) ?? EMPTY_CELL;
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
