import type { ExcelProposal } from '../hosts/excel/detect-in-excel';
import { detectionProblemText, foundText, proposedNameText } from '../messages/detect';
import type { RangeAddress } from '../workbook/address';

/** 识别表格 as the pane shows it: each line with the range a click selects. */
export interface ProposalView {
  tables: { range: RangeAddress; text: string }[];
  names: { range: RangeAddress; text: string }[];
  problems: string[];
  /** No problem and something to define: 设定名称并计算 is offered. */
  ready: boolean;
}

/** The proposal's text, made in the engine chunk (the detection's messages are not part of the pane's first load). */
export function viewProposal(found: ExcelProposal): ProposalView {
  const { proposal } = found;
  return {
    tables: proposal.found.map((t) => ({ range: t.range, text: foundText(t) })),
    names: proposal.names.map((n) => ({ range: n.range, text: proposedNameText(n) })),
    problems: proposal.problems.map(detectionProblemText),
    ready: proposal.problems.length === 0 && proposal.names.length > 0,
  };
}
