/** A replacement of text[start, end) (an insertion when start === end). */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** The splices by start; insertions at the same place keep the order they were given in. */
export function orderSplices(splices: readonly Splice[]): readonly Splice[] {
  let inOrder = true;
  for (let k = 1; k < splices.length && inOrder; k++) inOrder = splices[k - 1].start <= splices[k].start;
  // Writers mostly give them in order already (thousands for a long table): no sort then. Array sort is stable.
  return inOrder ? splices : [...splices].sort((a, b) => a.start - b.start);
}

/** Applies non-overlapping splices; insertions at the same place keep the order they were given in. */
export function spliceText(text: string, splices: readonly Splice[]): string {
  let out = '';
  let at = 0;
  for (const s of orderSplices(splices)) {
    out += text.slice(at, Math.max(at, s.start)) + s.text;
    at = Math.max(at, s.end);
  }
  return out + text.slice(at);
}
