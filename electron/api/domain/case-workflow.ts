import type { CaseStatus } from './case-vocabulary';

/**
 * Allowed status changes: 立案 → 侦查 → 破案 → 移送起诉 → 结案, and 撤案 or 并案 from any open
 * state; one step back with a reason (退回补充侦查, 更正). Withdrawn and merged cases are final.
 */
export const caseTransitions: Record<CaseStatus, readonly CaseStatus[]> = {
  filed: ['investigating', 'withdrawn', 'merged'],
  investigating: ['solved', 'withdrawn', 'merged', 'filed'],
  solved: ['prosecuted', 'withdrawn', 'merged', 'investigating'],
  prosecuted: ['closed', 'solved'],
  closed: ['prosecuted'],
  withdrawn: [],
  merged: [],
};

/**
 * Steps back, each with a reason: 退回补充侦查 (the prosecutor returns a case sent to
 * prosecution: 移送起诉 → 破案/侦查终结), or 更正 (a status set by mistake). A 更正 clears the date
 * the undone step had set, a 退回补充侦查 keeps it (stepBackClears); the audit keeps the whole
 * history.
 */
export const stepBackReasons = ['returned_for_supplementary_investigation', 'correction'] as const;
export type StepBackReason = (typeof stepBackReasons)[number];

const order: CaseStatus[] = ['filed', 'investigating', 'solved', 'prosecuted', 'closed'];

export function isStepBack(from: CaseStatus, to: CaseStatus): boolean {
  const a = order.indexOf(from);
  const b = order.indexOf(to);
  return a >= 0 && b >= 0 && b < a;
}

/**
 * The date fields a step back from `from` clears. A 退回补充侦查 undoes neither the 破案 nor the
 * 移送起诉: both happened, and a period's 成绩单 already reported must not change when printed
 * again, nor the case be counted solved a second time when it is solved again. Their first
 * dates stay (and a later 破案 or 移送起诉 keeps them); only a 更正 (a wrong entry) clears them.
 */
export function stepBackClears(
  from: CaseStatus,
  reason: StepBackReason,
): ('solvedOn' | 'prosecutedOn' | 'closedOn')[] {
  if (reason === 'returned_for_supplementary_investigation')
    return from === 'closed' ? ['closedOn'] : [];
  if (from === 'solved') return ['solvedOn'];
  if (from === 'prosecuted') return ['prosecutedOn'];
  if (from === 'closed') return ['closedOn'];
  return [];
}

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
