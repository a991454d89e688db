import type { NameResolution } from './cells';
import type { IssueList } from './issue-list';

/** The issue for a name that does not resolve to one range. */
export function describeRangeProblem(name: string, resolution: NameResolution, issues: IssueList): void {
  switch (resolution.kind) {
    case 'missing':
      issues.atName('nameMissing', name);
      return;
    case 'notRange':
      issues.atName('nameNotRange', name, { formula: resolution.formula });
      return;
    case 'multiArea':
      issues.atName('nameMultiArea', name, { formula: resolution.formula });
      return;
    case 'sheetScopedOnly':
      issues.atName('nameNotRange', name, { formula: resolution.sheets.join('、') });
      return;
    case 'duplicate':
      issues.atName('nameNotRange', name, { formula: resolution.formulas.join('、') });
      return;
    case 'range':
      return;
  }
}
