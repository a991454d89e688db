import { percentText } from '../../engine';
import type { SummaryTable, TableValue } from './summary-tables';

const BOM = '\ufeff';

function field(v: TableValue): string {
  if (v === null) return '';
  const t = v.kind === 'number' && v.format === 'rate' ? percentText(v.text) : v.text;
  return /[",\r\n]|^\s|\s$/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
}

/**
 * One table as CSV (RFC 4180, CRLF), UTF-8 with a BOM so that Excel opens
 * the Chinese correctly; a rate as Excel's percent text (`93.16%`), which it
 * reads back as the number.
 */
export function summaryCsv(table: SummaryTable): Uint8Array {
  const lines = [table.columns.map((c) => field({ kind: 'text', text: c })), ...table.rows.map((r) => r.map(field)), ...table.footer.map((r) => r.map(field))];
  return new TextEncoder().encode(BOM + lines.map((l) => l.join(',')).join('\r\n') + '\r\n');
}
