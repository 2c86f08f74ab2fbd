import type { ProcedureName } from '../../api/contract';
import type { AuditEntry } from './audit-log';
import { procedureAudit, type ProcedureAudit } from './procedure-audit';

/**
 * 查询留痕: who opened which case, person, phone or account, what they searched for, whose
 * records they read and which analyses they ran: every procedure that returns case data
 * (procedure-audit.ts classifies each one). Police data rules ask for every look at a
 * person's data to leave a trace; without it an insider with a viewer account could read a
 * whole case (or look up a relative's) and leave nothing but the unlock behind.
 *
 * Reads are recorded once answered, found or not (a lookup of a number that is not there is
 * still a lookup); one the role refuses is recorded by the router as denied.
 * The same read by the same user within ten minutes is recorded once: a page reads its case
 * again on every refresh, and the chain would fill with repeats that say nothing new.
 */

/** A read counts as new again after this long. */
const repeatMs = 10 * 60 * 1000;

/** The read's audit record, or null when the procedure reads no case data (procedure-audit.ts). */
export function readAuditOf(name: ProcedureName, input: unknown): AuditEntry | null {
  const audit: ProcedureAudit = procedureAudit[name];
  return typeof audit === 'object'
    ? audit.reads((input ?? {}) as Record<string, unknown>, name)
    : null;
}

/**
 * Remembers the reads recorded in one session, to record a repeat once per ten minutes. Keyed
 * by user, action, target and details (a search for another text is another read).
 */
export function readRepeats(now: () => number) {
  const recorded = new Map<string, number>();
  return {
    /** Whether this read is to be recorded now (and notes it as recorded). */
    isNew(userId: string, entry: AuditEntry): boolean {
      const key = JSON.stringify([
        userId,
        entry.action,
        entry.targetId ?? null,
        entry.details ?? null,
      ]);
      const at = now();
      const last = recorded.get(key);
      if (last !== undefined && at - last < repeatMs) return false;
      // Dropped from memory once stale: a long session does not grow it without bound.
      if (recorded.size > 5_000)
        for (const [other, time] of recorded) if (at - time >= repeatMs) recorded.delete(other);
      recorded.set(key, at);
      return true;
    },
  };
}
