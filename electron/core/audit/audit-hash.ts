import crypto from 'node:crypto';
import type { AuditRecord } from '../db/schema';

/** The previous-hash of the first record. */
export const genesisHash = '0'.repeat(64);

/**
 * SHA-256 over every field of a record but its own hash and its author's signature (made over
 * this hash), in a fixed order.
 */
export function hashAuditRecord(record: Omit<AuditRecord, 'hash' | 'authorSignature'>): string {
  const canonical = JSON.stringify([
    record.prevHash,
    record.seq,
    record.at,
    record.userId,
    record.username,
    record.action,
    record.targetType,
    record.targetId,
    record.result,
    record.details,
  ]);
  return crypto.createHash('sha256').update(canonical, 'utf8').digest('hex');
}
