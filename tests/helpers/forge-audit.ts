import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { genesisHash, hashAuditRecord } from '../../electron/core/audit/audit-hash';
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

/** An audit record as `SELECT *` reads it. */
type StoredRecord = Record<string, unknown>;

/**
 * Hashes the whole chain again from its first record, after an account holder's edit (or to
 * make an older version's chain), each record's details as `detailsOf` gives them; signatures
 * are taken out where `dropSignatures` (a chain from before authors signed). Returns its new
 * head, to anchor.
 */
export function rehashChain(
  sqlite: Database.Database,
  detailsOf: (row: StoredRecord) => string | null = (row) => row['details'] as string | null,
  { dropSignatures = false } = {},
): { seq: number; hash: string } {
  const rows = sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as StoredRecord[];
  const update = sqlite.prepare(
    `UPDATE audit_log SET details = ?, prev_hash = ?, hash = ?${dropSignatures ? ', author_signature = NULL' : ''}
      WHERE seq = ?`,
  );
  let last = { seq: 0, hash: genesisHash };
  for (const row of rows) {
    const record = {
      seq: row['seq'] as number,
      at: row['at'] as string,
      userId: row['user_id'] as string | null,
      username: row['username'] as string | null,
      action: row['action'] as string,
      targetType: row['target_type'] as string | null,
      targetId: row['target_id'] as string | null,
      result: row['result'] as AuditRecord['result'],
      details: detailsOf(row),
      prevHash: last.hash,
    };
    const hash = hashAuditRecord(record);
    update.run(record.details, record.prevHash, hash, record.seq);
    last = { seq: record.seq, hash };
  }
  return last;
}
