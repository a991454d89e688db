/// <reference types="office-js" />
import type { RangeAddress } from '../../workbook/address';
import {
  CONTRACT_NAMES,
  type CellInput,
  type ContractName,
  type NameResolution,
  type WorkbookInput,
} from '../../workbook/cells';
import type { Capabilities } from './capabilities';
import { isMultiArea, parseExcelAddress } from './excel-address';

/** A contract range exactly as Excel returned it (kept for rollback and for the write-time check). */
export interface RawRange {
  address: RangeAddress;
  values: unknown[][];
  numberFormat: unknown[][];
  formulas: unknown[][];
}

export interface ExcelRead {
  input: WorkbookInput;
  ranges: Partial<Record<ContractName, RawRange>>;
  /** Sheets holding a contract range that are protected (known only with ExcelApi 1.2; else empty). */
  protectedSheets: string[];
}

/** Error values as Range.values shows them (valueTypes is not loaded, to keep the response small). */
const ERROR_VALUE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** True when `formulas` holds a formula for a cell (a text constant beginning with '=' equals its value). */
export function holdsFormula(formula: unknown, value: unknown): boolean {
  return typeof formula === 'string' && formula.charAt(0) === '=' && formula !== value;
}

function toCellInput(value: unknown, numberFormat: unknown, formula: unknown): CellInput {
  const cell: CellInput = {
    value: value === '' || value === null || value === undefined ? null : (value as string | number | boolean),
    numberFormat: typeof numberFormat === 'string' && numberFormat !== '' ? numberFormat : 'General',
    formula: holdsFormula(formula, value),
  };
  if (typeof value === 'string' && ERROR_VALUE.test(value)) cell.error = true;
  return cell;
}

function toCells(raw: RawRange): CellInput[][] {
  const rows: CellInput[][] = [];
  for (let r = 0; r < raw.address.rows; r++) {
    const row: CellInput[] = [];
    for (let c = 0; c < raw.address.cols; c++) {
      row.push(toCellInput(raw.values[r][c], raw.numberFormat[r][c], raw.formulas[r][c]));
    }
    rows.push(row);
  }
  return rows;
}

interface Pending {
  name: ContractName;
  range: Excel.Range;
  sheet?: Excel.Worksheet;
}

/**
 * Reads the five contract names and their ranges in two syncs whatever the
 * table sizes: (1) the workbook's names, (2) every range's address, values,
 * number formats and formulas (and, with ExcelApi 1.2, its sheet's
 * protection). Excel errors propagate as thrown office.js errors.
 */
export async function readWorkbook(context: Excel.RequestContext, caps: Capabilities): Promise<ExcelRead> {
  const names = context.workbook.names;
  names.load('items/name,items/type,items/value');
  await context.sync();

  // Keyed by the workbook's names ('__proto__' is a valid name): no prototype.
  const byName: { [name: string]: Excel.NamedItem } = Object.create(null);
  for (const item of names.items) byName[item.name] = item;

  const resolutions = {} as Record<ContractName, NameResolution>;
  const pending: Pending[] = [];
  for (const name of CONTRACT_NAMES) {
    const item = byName[name];
    if (!item) {
      resolutions[name] = { kind: 'missing' };
    } else if (item.type !== 'Range') {
      resolutions[name] = { kind: 'notRange', formula: String(item.value) };
    } else if (isMultiArea(String(item.value))) {
      resolutions[name] = { kind: 'multiArea', formula: String(item.value) };
    } else {
      const range = item.getRange();
      range.load('address,values,numberFormat,formulas');
      const entry: Pending = { name, range };
      if (caps.protection) {
        entry.sheet = range.worksheet;
        entry.sheet.load('name');
        entry.sheet.protection.load('protected');
      }
      pending.push(entry);
    }
  }
  if (pending.length > 0) await context.sync();

  const ranges: Partial<Record<ContractName, RawRange>> = {};
  const protectedSheets: string[] = [];
  for (const entry of pending) {
    const address = parseExcelAddress(entry.range.address);
    if (!address) {
      resolutions[entry.name] = { kind: 'notRange', formula: entry.range.address };
      continue;
    }
    const raw: RawRange = {
      address,
      values: entry.range.values,
      numberFormat: entry.range.numberFormat,
      formulas: entry.range.formulas,
    };
    ranges[entry.name] = raw;
    resolutions[entry.name] = { kind: 'range', range: address, cells: toCells(raw) };
    if (entry.sheet && entry.sheet.protection.protected && protectedSheets.indexOf(entry.sheet.name) < 0) {
      protectedSheets.push(entry.sheet.name);
    }
  }
  return { input: resolutions, ranges, protectedSheets };
}

/** The WorkbookInput alone (2 syncs). */
export async function readWorkbookInput(context: Excel.RequestContext, caps: Capabilities): Promise<WorkbookInput> {
  return (await readWorkbook(context, caps)).input;
}
