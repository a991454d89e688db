/// <reference types="office-js" />
/**
 * The strict office.js fake: `new FakeWorkbook()` holds the data; `fakeRun`
 * plays Excel.run; `contextFor` gives a RequestContext typed as the real one
 * so the host code is type-checked against @types/office-js.
 */
import { type Capabilities, detectCapabilities } from '../../../src/hosts/excel/capabilities';
import type { CellInput } from '../../../src/workbook/cells';
import { parseA1 } from '../../../src/workbook/address';
import { FakeRequestContext } from './excel';
import { FakeWorkbook } from './store';

export { FakeOfficeError, FakeRequestContext } from './excel';
export { FakeCommandEvent, FakeDialog, FakeOffice, type FakeOfficeOptions } from './office-ui';
export { FakeSheet, FakeWorkbook, type FakeCell, type FakeExcelApi, type WriteRecord } from './store';

export function contextFor(store: FakeWorkbook): Excel.RequestContext {
  return new FakeRequestContext(store) as unknown as Excel.RequestContext;
}

/** What the host detects on this fake Excel: detectCapabilities asking the store's requirements. */
export function capabilitiesOf(store: FakeWorkbook): Capabilities {
  return detectCapabilities(store.requirements);
}

/** Excel.run: a fresh context per call; a final sync if operations are still queued is not modelled (the host always syncs). */
export function fakeRun(store: FakeWorkbook) {
  return <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(contextFor(store));
}

/**
 * Builds a fake workbook from a host-neutral cell dump (the xlsx host's
 * readAllCells) and a list of defined names.
 */
export function workbookFromCells(
  sheets: Map<string, Map<string, CellInput>>,
  names: { name: string; formula: string }[],
): FakeWorkbook {
  const store = new FakeWorkbook();
  sheets.forEach((cells, sheetName) => {
    const sheet = store.addSheet(sheetName);
    cells.forEach((input, ref) => {
      const at = parseA1(ref);
      if (!at) throw new Error('bad reference ' + ref);
      const cell = sheet.cell(at.row, at.col);
      cell.value = input.value === null ? '' : input.value;
      cell.numberFormat = input.numberFormat;
      cell.formula = input.formula ? '=CACHED()' : null;
    });
  });
  for (const n of names) store.setName(n.name, n.formula);
  return store;
}
