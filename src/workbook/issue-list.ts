import { isError, issueCell, type Issue } from './issues';

/**
 * Collects every issue of a run (zod style) instead of stopping at the first.
 * The severity follows from the code. One cell gets at most one error: the
 * first found for it is the one that says what to fix; a later one for the
 * same cell can only repeat it in other words.
 */
export class IssueList {
  readonly errors: Issue[] = [];
  readonly warnings: Issue[] = [];
  private readonly errorCells = new Set<string>();

  add(issue: Issue): void {
    if (!isError(issue)) {
      this.warnings.push(issue);
      return;
    }
    const cell = issueCell(issue);
    if (cell) {
      const key = cell.sheet + '\u0000' + cell.row + ',' + cell.col;
      if (this.errorCells.has(key)) return;
      this.errorCells.add(key);
    }
    this.errors.push(issue);
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  /** The number of errors so far, to tell later whether a step added any. */
  get errorCount(): number {
    return this.errors.length;
  }
}
