import type { ProcedureOutput } from '../../../electron/api/contract';
import { invoke } from '../api/client';
import { chartSourceAt, startChartReads } from '../features/graph/chart-reads';

type CurrentSession = ProcedureOutput<'session.current'>;

/** The session read asked at start: its answer, and the answer itself once it has come. */
export interface EarlySession {
  answer: Promise<CurrentSession>;
  value?: CurrentSession;
}

let asked: EarlySession | null = null;

/**
 * Asks for the session as the window starts, before the application's code (~1 MB of script,
 * ~1.2 MB of stylesheet) has loaded and rendered. Imports nothing of React or antd: it runs
 * first (`main.tsx`).
 */
export function askSessionEarly(): void {
  const early: EarlySession = { answer: invoke('session.current', {}) };
  early.answer.then(
    (value) => (early.value = value),
    // A refusal reaches the app when it takes the answer (`takeEarlySession`).
    () => undefined,
  );
  asked = early;
}

/**
 * A window signed in on a chart's address reads the chart ahead of its page as soon as the
 * session is known: the main process reads the chart (and its layout thread lays it out) while
 * the window loads and evaluates its code and renders the shell.
 */
export function readChartEarly(hash: string): void {
  const source = chartSourceAt(hash);
  if (!source || !asked) return;
  asked.answer.then(
    (current) => {
      if (current.session) startChartReads(source);
    },
    () => undefined,
  );
}

/** The session asked at start, once: the app's first read of it. */
export function takeEarlySession(): EarlySession | null {
  const answer = asked;
  asked = null;
  return answer;
}
