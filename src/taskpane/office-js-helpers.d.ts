/**
 * Types for the few parts of @microsoft/office-js-helpers this project uses,
 * imported from the package's prebuilt bundle. The package's own typings
 * (dist/office.helpers.d.ts) reference its bundled @types/office-js 0.0.51,
 * which would clash with the current @types/office-js; importing the .js file
 * by path makes TypeScript use this declaration instead. See
 * docs/office-js-helpers.md.
 */
declare module '@microsoft/office-js-helpers/dist/office.helpers.min.js' {
  export const Utilities: {
    /** True inside an Office add-in (after Office initialised). */
    readonly isAddin: boolean;
    /** 'EXCEL', 'WORD', … or 'WEB' outside Office. */
    readonly host: string;
    /** 'PC', 'OFFICE_ONLINE', 'MAC', 'IOS', or null outside Office. */
    readonly platform: string | null;
  };
  export const HostType: { readonly EXCEL: string; readonly WEB: string };
  export const StorageType: { readonly LocalStorage: number; readonly SessionStorage: number; readonly InMemoryStorage: number };
  export class Storage<T> {
    constructor(container: string, type?: number);
    get(key: string): T;
    set(key: string, value: T): T;
    has(key: string): boolean;
  }
}
