import { createContext, useContext, type ReactNode } from 'react';
import { roleAllows, type Role } from '../../../electron/api/domain/roles';
import type { SessionInfo } from '../../../electron/api/schemas/session-schemas';

const SessionContext = createContext<SessionInfo | null>(null);

export function SessionProvider({
  session,
  children,
}: {
  session: SessionInfo;
  children: ReactNode;
}) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in session');
  return session;
}

/** Whether the signed-in role may do what needs `role`; core checks again on every call. */
export function useCan(role: Role): boolean {
  return roleAllows(useSession().user.role, role);
}
