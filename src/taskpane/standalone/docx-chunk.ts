/**
 * The page's .docx writer (the docx package), one chunk loaded only when
 * 生成自评报告 is clicked. Imported as 'selfeval/docx-chunk' (webpack alias;
 * tsconfig paths) so that the ES5 type check of the pane sees only its
 * declaration, docx-chunk-types.ts.
 */
import { reportDocx } from '../../hosts/report/docx';
import type { ReportWriter } from './file-scorer';

export const reportWriter: ReportWriter = { reportDocx };
