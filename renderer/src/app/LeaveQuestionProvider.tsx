import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

/** What to ask before a page is left, as a confirm dialog words it. */
export interface LeaveQuestion {
  title: string;
  /** Leaving. */
  okText: string;
  /** Staying on the page. */
  cancelText: string;
}

interface LeaveQuestionHolder {
  question: LeaveQuestion | null;
  ask: (question: LeaveQuestion | null) => void;
}

/** Outside the shell no one listens: nothing is asked. */
const LeaveQuestionContext = createContext<LeaveQuestionHolder>({
  question: null,
  ask: () => undefined,
});

/**
 * Holds the question the page asks before it is left (useLeaveConfirm), for the ways out the
 * address does not see: the lock button (LockButton) asks it too.
 */
export function LeaveQuestionProvider({ children }: { children: ReactNode }) {
  const [question, ask] = useState<LeaveQuestion | null>(null);
  const holder = useMemo(() => ({ question, ask }), [question]);
  return <LeaveQuestionContext.Provider value={holder}>{children}</LeaveQuestionContext.Provider>;
}

/** The page's question and how a page sets it (null: none). */
export function useLeaveQuestion(): LeaveQuestionHolder {
  return useContext(LeaveQuestionContext);
}
