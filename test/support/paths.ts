import * as path from 'path';

/** The repository root and the shared folder beside it (CI clones the repo with shared/ next to it). */
export const ROOT = path.resolve(__dirname, '..', '..');
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const EXAMPLE = path.join(ROOT, 'assets', '示例-二工片区2023.xlsx');
export const TEMPLATE = path.join(ROOT, 'assets', '模板.xlsx');
export const CLI = path.join(ROOT, 'dist', 'cli', 'selfeval.js');
