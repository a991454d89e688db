/// <reference types="office-js" />
import { CONTRACT_NAMES } from '../../workbook/cells';
import { bookFromProposal, type ProposedName } from '../../workbook/detect';
import { scoreThrough, type Scorer, type ScoringHost } from '../../workbook/pipeline';
import { applyPlan, type Snapshot } from './apply-plan';
import type { Capabilities } from './capabilities';
import { queueAddNames, rereadSheets, sameNames, type ExcelProposal } from './detect-in-excel';
import { type HostError, toHostError } from './host-error';
import type { RawRange } from './read-workbook';
import type { ExcelScoreResult } from './score-in-excel';

/** How a confirmed proposal was scored: with the names added (ExcelApi 1.4), or with the tables alone (ExcelApi 1.1). */
export type ProposalMode = 'namesAdded' | 'tablesOnly';

export interface ProposalScoreResult extends ExcelScoreResult {
  /** Set when it was scored (read and validated); null when the workbook changed since 识别表格 (`proposal` is then the new one). */
  mode: ProposalMode | null;
}

interface NameLists {
  workbook: Excel.NamedItemCollection;
  sheets: Excel.WorksheetCollection;
}

/** Queues the workbook's and every sheet's own names (Worksheet.names, ExcelApi 1.4) in the coming batch. */
function queueNameLists(context: Excel.RequestContext): NameLists {
  const workbook = context.workbook.names;
  workbook.load('items/name');
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/names/items/name');
  return { workbook, sheets };
}

/** A contract name defined now at any scope, or null. */
function definedContractName(lists: NameLists): string | null {
  const all = lists.workbook.items.map((n) => n.name);
  for (const sheet of lists.sheets.items) for (const n of sheet.names.items) all.push(n.name);
  const found = all.filter((n) => CONTRACT_NAMES.some((c) => c === n));
  return found.length > 0 ? found[0] : null;
}

/** Deletes those of `names` that exist (after a failed write batch): one sync, errors swallowed (the write's error is reported). */
async function removeAddedNames(context: Excel.RequestContext, names: readonly ProposedName[]): Promise<void> {
  const lists = queueNameLists(context);
  try {
    await context.sync();
    const present = (n: ProposedName) =>
      n.scope === null
        ? lists.workbook.items.some((d) => d.name === n.name)
        : lists.sheets.items.some((sheet) => sheet.name === n.scope && sheet.names.items.some((d) => d.name === n.name));
    const added = names.filter(present);
    for (const n of added) (n.scope === null ? context.workbook.names : context.workbook.worksheets.getItem(n.scope).names).getItem(n.name).delete();
    if (added.length > 0) await context.sync();
  } catch {
    // Nothing more to do: the write's own error is what the user sees.
  }
}

/**
 * 设定名称并计算: scores the proposal the user confirmed, in two syncs. (1)
 * The proposal's sheets are read again and the detection run again: a
 * workbook changed since 识别表格 gets its new proposal back, nothing
 * scored (with ExcelApi 1.4 the names are listed too: a contract name
 * defined since is a problem, nothing added or written). The book is the proposal's ranges (bookFromProposal, what reading
 * the named workbook gives), scored before anything is touched: with errors,
 * no name is added and no cell written. (2) With ExcelApi 1.4 the names are
 * added in the write batch, before the cells, and the write checks they
 * resolve to the proposed ranges; on ExcelApi 1.1 (no names.add) the cells
 * alone are written.
 */
export async function scoreProposal(context: Excel.RequestContext, caps: Capabilities, confirmed: ExcelProposal, score: Scorer): Promise<ProposalScoreResult> {
  const names: ProposedName[] = confirmed.proposal.names;
  let prior: RawRange[] = [];
  let changed: ExcelProposal | null = null;
  let locked: string[] = [];
  const host: ScoringHost<HostError, Snapshot | null> = {
    async read() {
      let again;
      // With the sheets, the names defined now (ExcelApi 1.4): one defined since 识别表格 would make names.add fail half-way.
      const lists = caps.addNames ? queueNameLists(context) : null;
      // Worksheet.protection (ExcelApi 1.2): a protected target sheet is named before anything is written, as 计算得分 does.
      const protections = caps.protection ? confirmed.sheets.map((sheet) => ({ sheet, protection: context.workbook.worksheets.getItem(sheet).protection.load('protected') })) : [];
      try {
        again = await rereadSheets(context, confirmed.sheets, caps.usedRangeValuesOnly === true);
      } catch (e) {
        return { ok: false, problem: toHostError(e, { what: { sheets: confirmed.sheets } }) };
      }
      const defined = lists ? definedContractName(lists) : null;
      if (defined) return { ok: false, problem: { code: 'changed', detail: 'nameAdded', name: defined } };
      locked = protections.filter((p) => p.protection.protected).map((p) => p.sheet);
      prior = again.raw;
      if (again.proposal.problems.length > 0 || !sameNames(again.proposal.names, names)) {
        changed = { proposal: again.proposal, sheets: confirmed.sheets };
        return { ok: true, value: bookFromProposal([], again.sheets) };
      }
      return { ok: true, value: bookFromProposal(names, again.sheets) };
    },
    async write(plan) {
      if (changed || plan.writes.length === 0) return { ok: true, value: null };
      const targets = locked.filter((sheet) => plan.writes.some((w) => w.address.sheet === sheet));
      if (targets.length > 0) return { ok: false, problem: { code: 'protectedSheet', sheets: targets, certain: true } };
      if (caps.addNames) queueAddNames(context, names);
      const expected = caps.addNames ? names.map((n) => ({ scope: n.scope, name: n.name, address: n.range })) : undefined;
      const applied = await applyPlan(context, plan, { expected, prior });
      if (!applied.ok) {
        // The cells were put back (applyPlan); the names added in the failed batch go too, best effort.
        if (caps.addNames) await removeAddedNames(context, names);
        return { ok: false, problem: applied.error };
      }
      const snapshot: Snapshot = applied.snapshot;
      if (caps.addNames) snapshot.addedNames = names.map((n) => ({ scope: n.scope, name: n.name }));
      return { ok: true, value: snapshot };
    },
  };
  const result = await scoreThrough(host, { write: true, score });
  if (result.kind === 'unreadable') return { outcome: null, hostError: result.problem, snapshot: null, proposal: null, mode: null };
  if (changed) return { outcome: null, hostError: null, snapshot: null, proposal: changed, mode: null };
  return { outcome: result.outcome, hostError: result.problem, snapshot: result.written, proposal: null, mode: caps.addNames ? 'namesAdded' : 'tablesOnly' };
}
