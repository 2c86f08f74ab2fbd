import type { QueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '../../../electron/api/schemas/session-schemas';
import { procedureKey, useProcedure } from '../api/hooks';
import type { EarlySession } from './early-reads';

const sessionKey = procedureKey('session.current', {});

/**
 * The session read the window asked before its code had loaded (`askSessionEarly`), as the
 * session query's first answer: not asked twice, and already there for the first render when
 * it has come (the signed-in shell is then the first thing drawn, not a spinner before it).
 */
export function seedSessionQuery(queryClient: QueryClient, early: EarlySession): void {
  if (early.value) queryClient.setQueryData(sessionKey, early.value);
  else void queryClient.prefetchQuery({ queryKey: sessionKey, queryFn: () => early.answer });
}

export function useCurrentSession() {
  return useProcedure('session.current', {}, { staleTime: Infinity });
}

/** Areas whose data is not case data and whose queries the gate itself watches. */
const gateAreas = new Set(['app', 'session', 'workspace']);

/**
 * Switches the UI to a signed-in session, or back to the gate. On lock every cached query of
 * case data is dropped, so none stays in the renderer's memory. The gate's own queries stay:
 * removing a query detaches the components watching it (a second lock left the gate spinning).
 */
export function setSession(queryClient: QueryClient, session: SessionInfo | null): void {
  if (!session) {
    queryClient.removeQueries({ predicate: (query) => !gateAreas.has(String(query.queryKey[0])) });
  }
  queryClient.setQueryData(sessionKey, { session });
}
