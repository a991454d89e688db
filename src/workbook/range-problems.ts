import type { ContractName, NameResolution } from './cells';
import type { IssueList } from './issue-list';

/** The issue for a name that does not resolve to one range. */
export function describeRangeProblem(name: ContractName, resolution: NameResolution, issues: IssueList): void {
  switch (resolution.kind) {
    case 'missing':
      issues.add({ code: 'nameMissing', name });
      return;
    case 'notRange':
      issues.add({ code: 'nameNotRange', name, formula: resolution.formula });
      return;
    case 'multiArea':
      issues.add({ code: 'nameMultiArea', name, formula: resolution.formula });
      return;
    case 'sheetScopedOnly':
      issues.add({ code: 'nameSheetScoped', name, sheets: resolution.sheets });
      return;
    case 'duplicate':
      issues.add({ code: 'nameDuplicate', name, formulas: resolution.formulas });
      return;
    case 'range':
      return;
  }
}
