import type { CellInput } from '../../workbook/cells';
import type { RawCell } from './scan-sheet';

/** Turns a raw <c> into what the contract parser reads: the shown value, its format and whether it is a formula. */
export function toCellInput(raw: RawCell, sharedStrings: readonly string[], formats: readonly string[]): CellInput {
  const numberFormat = formats[raw.style] ?? 'General';
  const text = raw.value;
  const cell: CellInput = { value: null, numberFormat, formula: raw.formula };
  if (text === null) return cell;
  switch (raw.type) {
    case 's': {
      const index = Number(text);
      cell.value = Number.isInteger(index) && index >= 0 && index < sharedStrings.length ? sharedStrings[index] : null;
      break;
    }
    case 'b':
      cell.value = text.trim() === '1' || text.trim() === 'true';
      break;
    case 'e':
      cell.value = text;
      cell.error = true;
      break;
    case 'str':
    case 'inlineStr':
    case 'd':
      cell.value = text;
      break;
    default: {
      const trimmed = text.trim();
      const n = trimmed === '' ? NaN : Number(trimmed);
      cell.value = Number.isFinite(n) ? n : trimmed === '' ? null : text;
    }
  }
  return cell;
}
