/** Exit codes are part of the interface (documented in --help and the README). */
export const EXIT = { success: 0, workbookErrors: 1, usageOrFile: 2 } as const;
