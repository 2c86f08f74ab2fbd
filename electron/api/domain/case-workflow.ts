import type { CaseStatus } from './case-vocabulary';

/**
 * Allowed status changes: 立案 → 侦查 → 破案 → 移送起诉 → 结案, and 撤案 or 并案 from any open
 * state. A case sent to prosecution may still be closed only; closed, withdrawn and merged
 * cases are final.
 */
export const caseTransitions: Record<CaseStatus, readonly CaseStatus[]> = {
  filed: ['investigating', 'withdrawn', 'merged'],
  investigating: ['solved', 'withdrawn', 'merged'],
  solved: ['prosecuted', 'withdrawn', 'merged'],
  prosecuted: ['closed'],
  closed: [],
  withdrawn: [],
  merged: [],
};

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return caseTransitions[from].includes(to);
}

/** Which date field a status change sets. */
export const transitionDateField: Partial<
  Record<CaseStatus, 'solvedOn' | 'prosecutedOn' | 'closedOn'>
> = {
  solved: 'solvedOn',
  prosecuted: 'prosecutedOn',
  closed: 'closedOn',
  withdrawn: 'closedOn',
  merged: 'closedOn',
};
