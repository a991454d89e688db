import { NAME, type ContractName } from './vocabulary';
import { findHeaderTables } from './detect-header-tables';
import { findLabelBlocks } from './detect-label-blocks';
import type { DetectSheet, DetectionProblem, FoundTable, NameProposal, ProposedName } from './detect-types';

/** The names a sheet evaluation takes from its own sheet (forms issue §1); 评分规则 may also come from the workbook. */
const OWN: readonly ContractName[] = [NAME.budget, NAME.projects, NAME.indicators, NAME.results];

function tablesOf(found: readonly FoundTable[], name: ContractName, sheet?: string): FoundTable[] {
  return found.filter((t) => t.name === name && (sheet === undefined || t.range.sheet === sheet));
}

/**
 * Finds the contract's tables on every visible sheet of a workbook without
 * names and proposes the names that make them an evaluation (forms issue
 * §3). One sheet with an indicator table: one evaluation, every name at
 * workbook scope, wherever its table is. Several: one evaluation per such
 * sheet, each with its own sheet's tables at sheet scope — except the sheet
 * that also holds the 项目支出 table (the department's whole-budget form,
 * which lists the projects), whose names are the workbook's; a single
 * 评分规则 on a sheet of no evaluation, or on the department's, is the
 * workbook's (every evaluation falls back to it). Whatever does not fit is a
 * problem, and a proposal with a problem defines no name: a guess is never scored.
 */
export function proposeNames(sheets: readonly DetectSheet[]): NameProposal {
  const found: FoundTable[] = [];
  for (const sheet of sheets) {
    if (sheet.hidden) continue;
    const tables = findHeaderTables(sheet);
    found.push(...tables, ...findLabelBlocks(sheet, tables));
  }
  const problems: DetectionProblem[] = [];
  const names: ProposedName[] = [];
  const indicatorSheets: string[] = [];
  for (const t of tablesOf(found, NAME.indicators)) if (indicatorSheets.indexOf(t.range.sheet) < 0) indicatorSheets.push(t.range.sheet);

  /** One table of the kind among `tables` for the scope, or a problem (several; missing when required). */
  const take = (name: ContractName, tables: FoundTable[], scope: string | null, sheet: string, required: boolean) => {
    if (tables.length > 1) problems.push({ code: 'severalTables', name, scope, ranges: tables.map((t) => t.range) });
    else if (tables.length === 1) names.push({ name, scope, range: tables[0].range });
    else if (required) problems.push({ code: 'tableMissing', name, scope, sheet });
  };
  const needsResults = (indicators: FoundTable[]) => indicators.length === 1 && !indicators[0].grandTotal;

  if (indicatorSheets.length === 0) {
    problems.push({ code: 'noIndicatorTable' });
  } else if (indicatorSheets.length === 1) {
    const sheet = indicatorSheets[0];
    const indicators = tablesOf(found, NAME.indicators);
    take(NAME.budget, tablesOf(found, NAME.budget), null, sheet, true);
    take(NAME.projects, tablesOf(found, NAME.projects), null, sheet, false);
    take(NAME.indicators, indicators, null, sheet, true);
    take(NAME.settings, tablesOf(found, NAME.settings), null, sheet, false);
    take(NAME.results, tablesOf(found, NAME.results), null, sheet, needsResults(indicators));
  } else {
    const withProjects = indicatorSheets.filter((s) => tablesOf(found, NAME.projects, s).length > 0);
    const department = withProjects.length === 1 ? withProjects[0] : null;
    for (const sheet of indicatorSheets) {
      const scope = sheet === department ? null : sheet;
      for (const name of OWN) {
        const tables = tablesOf(found, name, sheet);
        const required = name === NAME.indicators || name === NAME.budget || (name === NAME.results && needsResults(tablesOf(found, NAME.indicators, sheet)));
        take(name, tables, scope, sheet, required);
      }
      if (scope !== null) take(NAME.settings, tablesOf(found, NAME.settings, sheet), scope, sheet, false);
    }
    const shared = tablesOf(found, NAME.settings).filter((t) => t.range.sheet === department || indicatorSheets.indexOf(t.range.sheet) < 0);
    if (shared.length > 0) take(NAME.settings, shared, null, department ?? shared[0].range.sheet, false);
    for (const t of found) {
      if (indicatorSheets.indexOf(t.range.sheet) < 0 && t.name !== NAME.settings) problems.push({ code: 'tableUnused', table: t });
    }
  }
  return { found, names: problems.length > 0 ? [] : names, problems };
}
