import type { CellAddress } from '../workbook/address';
import type { Message } from '../messages/message';
import { issueCell, type Issue } from '../workbook/issues';
import type { ScoreOutcome } from '../workbook/report';
import type { BookOutcome } from '../workbook/score-book';

/** An issue as the pane and the page show it: its message (cells kept as addresses) and its cell. */
export interface IssueView {
  message: Message;
  cell: CellAddress | null;
}

export interface OutcomeIssues {
  errors: IssueView[];
  warnings: IssueView[];
}

/** Renders an issue's message; comes with the chunk that scored (the message table is not in the pane's first load). */
export type RenderIssue = (issue: Issue) => Message;

export function viewIssues(outcome: ScoreOutcome, render: RenderIssue): OutcomeIssues {
  const view = (issue: Issue): IssueView => ({ message: render(issue), cell: issueCell(issue) });
  return { errors: outcome.errors.map(view), warnings: outcome.warnings.map(view) };
}

/** A workbook's issues for display: its own, and each evaluation's (in the outcome's order). */
export interface BookIssues {
  book: OutcomeIssues;
  evaluations: OutcomeIssues[];
}

export function viewBookIssues(outcome: BookOutcome, render: RenderIssue): BookIssues {
  return {
    book: viewIssues({ summary: null, plan: { writes: [] }, ...outcome.book }, render),
    evaluations: outcome.evaluations.map((e) => viewIssues(e, render)),
  };
}
