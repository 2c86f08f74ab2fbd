import type { QueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '../../../electron/api/schemas/session-schemas';
import { procedureKey, useProcedure } from '../api/hooks';

const sessionKey = procedureKey('session.current', {});

export function useCurrentSession() {
  return useProcedure('session.current', {}, { staleTime: Infinity });
}

/**
 * Switches the UI to a signed-in session, or back to the gate. On lock every cached query is
 * dropped, so no case data stays in the renderer's memory.
 */
export function setSession(queryClient: QueryClient, session: SessionInfo | null): void {
  if (!session) queryClient.clear();
  queryClient.setQueryData(sessionKey, { session });
}
