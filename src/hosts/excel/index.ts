/** The Excel host: reads and writes the open workbook through office.js (ExcelApi 1.1). */
export { applyPlan, type ApplyResult, type Snapshot, type SnapshotBlock } from './apply-plan';
export { type Capabilities, detectCapabilities, EXCEL_API_1_1_ONLY } from './capabilities';
export { type HostError, type HostErrorCode, isRetryable, toHostError } from './host-error';
export { insertProjectSheet, insertTemplate, type InsertResult } from './insert-template';
export { readWorkbook, readWorkbookInput, type ExcelRead } from './read-workbook';
export { type ExcelScoreResult, scoreInExcel, type Scorer } from './score-in-excel';
export { definesNoName, detectInExcel, type ExcelProposal } from './detect-in-excel';
export { type ProposalMode, type ProposalScoreResult, scoreProposal } from './score-proposal';
export { selectCell, selectName, selectRange } from './select-cell';
export { projectTemplate, type TemplateForm, type TemplateKind, templateLayout } from './template-layout';
export { undoWrites, type UndoResult } from './undo-writes';
export { reportRows, writeReportSheet, type ReportSheetResult } from './write-report';
