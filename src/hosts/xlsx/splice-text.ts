/** A replacement of text[start, end) (an insertion when start === end). */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping splices; insertions at the same place keep the order they were given in. */
export function spliceText(text: string, splices: Splice[]): string {
  const ordered = splices.map((s, i) => ({ s, i })).sort((a, b) => a.s.start - b.s.start || a.i - b.i);
  let out = '';
  let at = 0;
  for (const { s } of ordered) {
    out += text.slice(at, Math.max(at, s.start)) + s.text;
    at = Math.max(at, s.end);
  }
  return out + text.slice(at);
}
