import { parseCellRef } from './parse-cell-ref';

/** A rectangle of cells, 0-based and inclusive. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Parses `A1:C3`, `C3:A1`, `$A$1` or `B2` into a box; null when it is not a range within Excel's limits. */
export function parseBox(ref: string): Box | null {
  const [a, b = a] = ref.split(':');
  const p = { row: 0, col: 0 };
  const q = { row: 0, col: 0 };
  if (!parseCellRef(a.replace(/\$/g, ''), p) || !parseCellRef(b.replace(/\$/g, ''), q)) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** True when the cell lies in one of the boxes. */
export function inBoxes(boxes: readonly Box[], row: number, col: number): boolean {
  for (const b of boxes) if (row >= b.top && row <= b.bottom && col >= b.left && col <= b.right) return true;
  return false;
}
