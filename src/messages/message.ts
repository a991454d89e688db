import { formatCell, formatRange, type CellAddress, type RangeAddress } from '../workbook/address';

/**
 * A message as data until it is shown: text with the cells it names kept as
 * addresses, so that a host can render them its own way — the CLI as
 * `'绩效指标'!E5`, the Excel pane as a link that selects the cell, the web
 * page as a label beside the text — without searching the text for them.
 */
export type MessagePart = string | { cell: CellAddress } | { range: RangeAddress };
export type Message = MessagePart[];

function isAddress(value: unknown): value is CellAddress {
  return typeof value === 'object' && value !== null && 'sheet' in value && 'row' in value && !('rows' in value);
}

function isRange(value: unknown): value is RangeAddress {
  return typeof value === 'object' && value !== null && 'sheet' in value && 'rows' in value;
}

/** A tagged template: `m\`${cell} 的分值…\`` keeps `cell` (a CellAddress or RangeAddress) as a part. */
export function m(strings: TemplateStringsArray, ...values: Array<string | number | CellAddress | RangeAddress>): Message {
  const parts: Message = [];
  const push = (text: string) => {
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (typeof last === 'string') parts[parts.length - 1] = last + text;
    else parts.push(text);
  };
  strings.forEach((text, i) => {
    push(text);
    if (i >= values.length) return;
    const value = values[i];
    if (isRange(value)) parts.push({ range: value });
    else if (isAddress(value)) parts.push({ cell: value });
    else push(String(value));
  });
  return parts;
}

/** The message as plain text, addresses as Excel writes them (`'绩效指标'!E5`, `'绩效指标'!A3:P11`). */
export function messageText(message: Message): string {
  return message.map((part) => (typeof part === 'string' ? part : 'cell' in part ? formatCell(part.cell) : formatRange(part.range))).join('');
}
