import type { CellAddress } from './address';

/**
 * The exact cells a scoring run writes, and nothing else. Every host applies
 * the same plan. Numbers travel as decimal strings (`"0.9316"`) so the file
 * host can write them without passing through a binary float; the Excel host
 * converts them at its boundary.
 */
export type PlannedValue =
  | { kind: 'number'; text: string }
  | { kind: 'text'; text: string }
  /** Clear the cell's value (a rate left blank, e.g. t = 0), keeping its style. */
  | { kind: 'empty' };

export interface CellWrite {
  address: CellAddress;
  value: PlannedValue;
  /** Number format to set (`0.00%`, `0.00`); undefined keeps the cell's format (text cells). */
  numberFormat?: string;
}

export interface WritePlan {
  writes: CellWrite[];
}
