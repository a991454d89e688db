/**
 * The declaration of xlsx-chunk.ts that tsconfig.web.json (the ES5 type
 * check of the pane) resolves 'selfeval/xlsx-chunk' to; tsconfig.json
 * resolves it to the implementation, which is typed as FileScorer too.
 */
import type { FileScorer } from './file-scorer';

export declare const fileScorer: FileScorer;
