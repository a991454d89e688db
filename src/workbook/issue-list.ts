import { formatCell, type CellAddress } from './address';
import type { Issue } from './report';
import { isErrorCode, type IssueCode } from '../messages/issue-codes';
import { issueMessage, type MessageParams } from '../messages/issues';

/**
 * Collects every issue of a run (zod style) instead of stopping at the first.
 * The severity follows from the code; the message is rendered here, once,
 * from the code and its parameters, with the cell address as `cell`.
 */
export class IssueList {
  readonly errors: Issue[] = [];
  readonly warnings: Issue[] = [];

  atCell(code: IssueCode, cell: CellAddress, params: MessageParams = {}): void {
    this.push({ code, cell, message: issueMessage(code, { ...params, cell: formatCell(cell) }) });
  }

  atName(code: IssueCode, name: string, params: MessageParams = {}): void {
    this.push({ code, name, message: issueMessage(code, { ...params, name }) });
  }

  general(code: IssueCode, params: MessageParams = {}): void {
    this.push({ code, message: issueMessage(code, params) });
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  private push(issue: Omit<Issue, 'severity'>): void {
    if (isErrorCode(issue.code)) this.errors.push({ ...issue, severity: 'error' });
    else this.warnings.push({ ...issue, severity: 'warning' });
  }
}
