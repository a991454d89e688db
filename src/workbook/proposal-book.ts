import type { RangeAddress } from './address';
import { CONTRACT_NAMES, EMPTY_CELL, type BookInput, type CellInput, type NameResolution, type SheetNames, type WorkbookInput } from './cells';
import type { SheetFactsBySheet } from './sheet-facts';
import type { DetectSheet, ProposedName } from './detect-types';

function cellsOf(sheet: DetectSheet | undefined, range: RangeAddress): CellInput[][] {
  const grid: CellInput[][] = [];
  for (let r = 0; r < range.rows; r++) {
    const line: CellInput[] = [];
    for (let c = 0; c < range.cols; c++) line.push(sheet?.cells[range.row + r]?.[range.col + c] ?? EMPTY_CELL);
    grid.push(line);
  }
  return grid;
}

/**
 * The workbook as if the proposed names were defined: what the hosts that
 * cannot add names (ExcelApi 1.1) or need not (the web page, before its
 * download) score after the user confirmed the proposal. The same as reading
 * the named file back, merges included where the host knew them.
 */
export function bookFromProposal(names: readonly ProposedName[], sheets: readonly DetectSheet[]): BookInput {
  const bySheet = new Map(sheets.map((s) => [s.sheet, s] as const));
  const resolve = (range: RangeAddress): NameResolution => ({ kind: 'range', range, cells: cellsOf(bySheet.get(range.sheet), range) });
  const workbook = Object.create(null) as WorkbookInput;
  for (const name of CONTRACT_NAMES) {
    const own = names.find((n) => n.name === name && n.scope === null);
    const scoped = names.filter((n) => n.name === name && n.scope !== null).map((n) => n.scope!);
    workbook[name] = own ? resolve(own.range) : scoped.length > 0 ? { kind: 'sheetScopedOnly', sheets: scoped } : { kind: 'missing' };
  }
  const own: SheetNames[] = [];
  for (const sheet of sheets) {
    const mine = names.filter((n) => n.scope === sheet.sheet);
    if (mine.length === 0) continue;
    const entry: SheetNames = { sheet: sheet.sheet, hidden: sheet.hidden, names: {} };
    for (const n of mine) entry.names[n.name] = resolve(n.range);
    own.push(entry);
  }
  const facts = Object.create(null) as SheetFactsBySheet;
  for (const sheet of sheets) if (sheet.merges) facts[sheet.sheet] = { merges: sheet.merges, protected: false };
  return { workbook, sheets: own, facts };
}
