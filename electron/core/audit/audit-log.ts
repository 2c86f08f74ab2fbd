import type crypto from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../db/database-types';
import { auditLogTable, type AuditRecord } from '../db/schema';
import { signRecordHash } from './audit-author';
import { genesisHash, hashAuditRecord } from './audit-hash';

export interface Actor {
  userId: string | null;
  username: string | null;
  /** The signed-in author's key: signs each record's hash. Absent for system records. */
  authorKey?: crypto.KeyObject | null;
}

export interface AuditEntry {
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  result?: AuditRecord['result'];
  /** Facts about the action: never passwords, keys or recovery keys. */
  details?: Record<string, unknown> | null;
}

/**
 * Appends one record to the chain. Call it inside the transaction that makes the change, so the
 * change and its record commit or roll back together.
 */
export function appendAudit(
  db: Executor,
  actor: Actor,
  at: string,
  entry: AuditEntry,
): AuditRecord {
  const last = db
    .select({ seq: auditLogTable.seq, hash: auditLogTable.hash })
    .from(auditLogTable)
    .orderBy(desc(auditLogTable.seq))
    .limit(1)
    .get();
  const unhashed = {
    seq: (last?.seq ?? 0) + 1,
    at,
    userId: actor.userId,
    username: actor.username,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    result: entry.result ?? 'ok',
    details: entry.details ? JSON.stringify(entry.details) : null,
    prevHash: last?.hash ?? genesisHash,
  };
  const hash = hashAuditRecord(unhashed);
  const authorSignature = actor.authorKey ? signRecordHash(actor.authorKey, hash) : null;
  const record = { ...unhashed, hash, authorSignature };
  db.insert(auditLogTable).values(record).run();
  return record;
}

export function lastAuditRecord(db: Executor): Pick<AuditRecord, 'seq' | 'hash'> | undefined {
  return db
    .select({ seq: auditLogTable.seq, hash: auditLogTable.hash })
    .from(auditLogTable)
    .orderBy(desc(auditLogTable.seq))
    .limit(1)
    .get();
}

/** The record at `seq`, its hash only: whether an anchor still holds. */
export function auditRecordAt(db: Executor, seq: number): Pick<AuditRecord, 'hash'> | undefined {
  return db
    .select({ hash: auditLogTable.hash })
    .from(auditLogTable)
    .where(eq(auditLogTable.seq, seq))
    .get();
}
