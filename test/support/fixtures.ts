import * as fs from 'fs';
import { applyPlanToFile } from '../../src/hosts/xlsx';
import type { CellWrite } from '../../src/workbook/plan';
import { parseA1 } from '../../src/workbook/address';
import { EXAMPLE } from './paths';
import { fileErrorText } from '../../src/messages/file-errors';

/**
 * The example workbook with some cells changed, written with our own xlsx
 * writer: a quick way to make workbooks with errors for end-to-end tests.
 */
export function exampleWith(cells: Record<string, number | string | null>): Uint8Array {
  const writes: CellWrite[] = Object.entries(cells).map(([ref, value]) => {
    const [sheet, addr] = ref.split('!');
    const { row, col } = parseA1(addr)!;
    return {
      address: { sheet, row, col },
      value: value === null ? { kind: 'empty' } : typeof value === 'number' ? { kind: 'number', text: String(value) } : { kind: 'text', text: value },
    };
  });
  const result = applyPlanToFile(new Uint8Array(fs.readFileSync(EXAMPLE)), { writes });
  if (!result.ok) throw new Error(fileErrorText(result.error));
  return result.value;
}
