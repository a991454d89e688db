/** Exit codes are part of the interface (documented in --help and the README); 130 is a batch stopped by Ctrl-C (128 + SIGINT, as shells report it). */
export const EXIT = { success: 0, workbookErrors: 1, usageOrFile: 2, interrupted: 130 } as const;
