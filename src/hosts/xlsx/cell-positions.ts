import { a1, columnLetters, MAX_COLS, MAX_ROWS, quoteSheet } from '../../workbook/address';
import { abort } from './file-error';
import { parseCellRef, parseRowNumber } from './parse-cell-ref';

/**
 * Where each <row> and <c> of a worksheet's <sheetData> is: the one rule
 * the reader (scan-sheet) and the writer (locate-sheet) share, so that a
 * write lands in the cell that was read (ECMA-376 Part 1 §18.3.1.73 row,
 * §18.3.1.4 c; docs/contract-notes.md 49).
 *
 * - A <row r="n"> is row n. A <row> without r is the row its cells' r name;
 *   when its first cell has no r, it is the row after the previous <row>
 *   element's (counted as openpyxl and LibreOffice count).
 * - A <c r="B5"> is at B5. A <c> without r is one column after the previous
 *   cell of its row (column A for the first).
 *
 * Refused as `cellPosition` (readers would put the cell in different places,
 * or Excel asks to repair the file): a cell whose r names another row than
 * its <row>; a cell without r in a row whose cells named another row than
 * the counted one (openpyxl and LibreOffice would put it in the counted
 * row); rows or cells that repeat or go backwards.
 *
 * Feed it the start tags in document order: `openRow`, then `openCell` for
 * each of its cells, then `closeRow`. No allocation per cell.
 */
export class PositionTracker {
  /** 0-based row of the current <row> element; -1 while a row without r has not been placed yet. */
  row = -1;
  /** 0-based column of the current (last opened) cell. */
  col = -1;
  /** The <row> counter: r, or one more than the previous <row> element's count. */
  private counted = -1;
  /** The row of the previous <row> element. */
  private previous = -1;
  private readonly ref = { row: 0, col: 0 };

  constructor(
    private readonly sheet: string,
    private readonly part: string,
  ) {}

  openRow(r: string | undefined): void {
    if (r !== undefined) {
      const n = parseRowNumber(r);
      if (n < 0) this.badDimension(r);
      this.counted = n;
      this.place(n, -1);
    } else {
      if (++this.counted >= MAX_ROWS) this.badDimension(String(this.counted + 1));
      this.row = -1;
    }
    this.col = -1;
  }

  /** Places a cell of the current row; `row` and `col` are then its position. */
  openCell(r: string | undefined): void {
    if (r !== undefined) {
      const ref = this.ref;
      if (!parseCellRef(r, ref)) this.badDimension(r);
      if (this.row < 0) this.place(ref.row, ref.col);
      else if (ref.row !== this.row) this.refuse(a1(ref.row, ref.col));
      if (ref.col <= this.col) this.refuse(a1(ref.row, ref.col));
      this.col = ref.col;
    } else {
      const col = this.col + 1;
      if (col >= MAX_COLS) this.badDimension(columnLetters(col) + String((this.row < 0 ? this.counted : this.row) + 1));
      if (this.row < 0) this.place(this.counted, col);
      // openpyxl and LibreOffice put a cell without r in the counted row, whatever its neighbours say.
      else if (this.row !== this.counted) this.refuse(a1(this.row, col));
      this.col = col;
    }
  }

  /** The end of the current <row> element (also for a self-closing one). */
  closeRow(): void {
    if (this.row < 0) this.place(this.counted, -1);
    this.previous = this.row;
  }

  /** Gives the current <row> element its row; rows must go forward. `col` < 0 names the whole row. */
  private place(row: number, col: number): void {
    if (row <= this.previous) this.refuse(col < 0 ? `${row + 1}:${row + 1}` : a1(row, col));
    this.row = row;
  }

  private refuse(at: string): never {
    return abort('cellPosition', { sheet: this.sheet, cell: `${quoteSheet(this.sheet)}!${at}`, part: this.part });
  }

  private badDimension(at: string): never {
    return abort('badDimension', { sheet: this.sheet, cell: at, part: this.part });
  }
}
