/** The declaration of docx-chunk.ts for tsconfig.web.json (see xlsx-chunk-types.ts). */
import type { ReportWriter } from './file-scorer';

export declare const reportWriter: ReportWriter;
