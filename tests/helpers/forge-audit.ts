import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { hashAuditRecord } from '../../electron/core/audit/audit-hash';
import type { AuditRecord } from '../../electron/core/db/schema';

export interface ForgedRecord {
  userId: string | null;
  username: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  /** An object (written as JSON) or, as is, text that need not be JSON. */
  details?: Record<string, unknown> | string | null;
  signWith?: crypto.KeyObject;
}

/**
 * Appends a correctly chained record on a database opened with an account holder's data key, as
 * he can offline: the next number, the last hash, a hash over its fields, and a signature when
 * given a key. Returns its number and hash.
 */
export function appendChained(
  sqlite: Database.Database,
  forged: ForgedRecord,
): { seq: number; hash: string } {
  const last = sqlite
    .prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')
    .get() as {
    seq: number;
    hash: string;
  };
  const details =
    forged.details === undefined || forged.details === null
      ? null
      : typeof forged.details === 'string'
        ? forged.details
        : JSON.stringify(forged.details);
  const record = {
    seq: last.seq + 1,
    at: '2026-10-03T02:00:00.000Z',
    userId: forged.userId,
    username: forged.username,
    action: forged.action,
    targetType: forged.targetType ?? null,
    targetId: forged.targetId ?? null,
    result: 'ok' as AuditRecord['result'],
    details,
    prevHash: last.hash,
  };
  const hash = hashAuditRecord(record);
  const signature = forged.signWith
    ? crypto.sign(null, Buffer.from(hash, 'hex'), forged.signWith).toString('base64')
    : null;
  sqlite
    .prepare(
      `INSERT INTO audit_log (seq, at, user_id, username, action, target_type, target_id,
        result, details, prev_hash, hash, author_signature) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
    )
    .run(
      record.seq,
      record.at,
      record.userId,
      record.username,
      record.action,
      record.targetType,
      record.targetId,
      record.result,
      record.details,
      record.prevHash,
      hash,
      signature,
    );
  return { seq: record.seq, hash };
}
