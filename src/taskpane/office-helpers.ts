/// <reference path="./office-js-helpers.d.ts" />
/**
 * The one place that imports @microsoft/office-js-helpers (its prebuilt ES5
 * bundle; see office-js-helpers.d.ts for why not the package entry).
 */
import { HostType, Storage, StorageType, Utilities } from '@microsoft/office-js-helpers/dist/office.helpers.min.js';
import type { TemplateForm, TemplateKind } from '../hosts/excel/template-layout';
import type { PanePreferences } from './pane-controller';

export interface HostInfo {
  /** Running inside Excel (any platform): use the Excel host. */
  inExcel: boolean;
  host: string;
  platform: string | null;
}

/** Call after Office.onReady: office-js-helpers reads Office.context. */
export function detectHost(): HostInfo {
  return { inExcel: Utilities.isAddin && Utilities.host === HostType.EXCEL, host: Utilities.host, platform: Utilities.platform };
}

/**
 * The pane's preferences in localStorage under `@selfeval/…` (office-js-helpers
 * Storage falls back to memory when storage is blocked, e.g. some IE11
 * security zones).
 */
export function createPreferences(): PanePreferences {
  let store: Storage<string> | null = null;
  try {
    store = new Storage<string>('selfeval', StorageType.LocalStorage);
  } catch (e) {
    store = null;
  }
  let memory: TemplateKind = 'blank';
  let memoryForm: TemplateForm = 'department';
  const save = (key: string, value: string) => {
    try {
      if (store) store.set(key, value);
    } catch (e) {
      // storage full or blocked: the choice lasts for this session only
    }
  };
  return {
    templateKind() {
      const saved = store && store.has('templateKind') ? store.get('templateKind') : memory;
      return saved === 'example' ? 'example' : 'blank';
    },
    setTemplateKind(kind: TemplateKind) {
      memory = kind;
      save('templateKind', kind);
    },
    templateForm() {
      const saved = store && store.has('templateForm') ? store.get('templateForm') : memoryForm;
      return saved === 'project' ? 'project' : 'department';
    },
    setTemplateForm(form: TemplateForm) {
      memoryForm = form;
      save('templateForm', form);
    },
  };
}
