/** Workbooks without names (forms issue §3): finding the contract's tables by their headers and labels. */
export { proposeNames } from './propose-names';
export { bookFromProposal } from './proposal-book';
export { nameReference } from './address';
export type { DetectSheet, DetectionProblem, FoundTable, NameProposal, ProposedName } from './detect-types';
