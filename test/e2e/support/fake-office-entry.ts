/// <reference types="office-js" />
/**
 * office.js for the real-browser test of the Excel pane: installs global
 * Office and Excel objects backed by the strict fake (test/fakes/office),
 * filled with the cells the test put in window.__selfevalFakeData (the
 * example workbook read with readAllCells). The fake workbook is exposed as
 * window.__selfevalFakeStore for the test's assertions. Bundled by
 * webpack.fake-office.js and served in place of office.js.
 */
import type { CellInput } from '../../../src/workbook/cells';
import { fakeRun, workbookFromCells } from '../../fakes/office';

export interface FakeOfficeData {
  /** sheet name → [A1 reference, cell] pairs */
  sheets: [string, [string, CellInput][]][];
  names: { name: string; formula: string }[];
  /** The highest ExcelApi requirement set the fake Excel supports, e.g. 1.4. */
  excelApi: number;
}

const w = window as unknown as { __selfevalFakeData: FakeOfficeData; __selfevalFakeStore: unknown; Office: unknown; Excel: unknown };
const data = w.__selfevalFakeData;
const store = workbookFromCells(new Map(data.sheets.map(([name, cells]) => [name, new Map(cells)])), data.names);
w.__selfevalFakeStore = store;

const info = { host: 'Excel', platform: 'PC' };
w.Office = {
  context: {
    host: info.host,
    platform: info.platform,
    requirements: { isSetSupported: (set: string, version: string) => set === 'ExcelApi' && Number(version) <= data.excelApi },
  },
  onReady(callback?: (i: typeof info) => void) {
    return new Promise((resolve) =>
      setTimeout(() => {
        if (callback) callback(info);
        resolve(info);
      }, 0),
    );
  },
};
w.Excel = { run: fakeRun(store) };
