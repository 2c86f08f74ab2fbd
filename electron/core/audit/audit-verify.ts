import { asc } from 'drizzle-orm';
import type { AuditVerification } from '../../api/schemas/audit-schemas';
import type { Executor } from '../db/database-types';
import { auditLogTable } from '../db/schema';
import { genesisHash, hashAuditRecord } from './audit-hash';
import type { AuditAnchor } from '../vault/workspace-header';

const batchSize = 5_000;

/**
 * Walks the whole chain and names the first record that does not hold: its hash does not match
 * its fields ('hash'), it does not point at the record before it ('link'), or a sequence number
 * is missing ('gap'). With the header's anchor it also detects a cut-off tail ('truncated').
 */
export function verifyAuditChain(
  db: Executor,
  anchor?: Pick<AuditAnchor, 'count' | 'hash'> | null,
): AuditVerification {
  let expectedSeq = 1;
  let prevHash = genesisHash;
  let checked = 0;
  let anchorHashSeen: string | null = null;

  for (let offset = 0; ; offset += batchSize) {
    const rows = db
      .select()
      .from(auditLogTable)
      .orderBy(asc(auditLogTable.seq))
      .limit(batchSize)
      .offset(offset)
      .all();
    for (const row of rows) {
      if (row.seq !== expectedSeq) return broken(checked, expectedSeq, 'gap');
      if (row.prevHash !== prevHash) return broken(checked, row.seq, 'link');
      const { hash, ...rest } = row;
      if (hashAuditRecord(rest) !== hash) return broken(checked, row.seq, 'hash');
      if (anchor && row.seq === anchor.count) anchorHashSeen = hash;
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < batchSize) break;
  }

  if (anchor && anchor.count > 0 && (checked < anchor.count || anchorHashSeen !== anchor.hash)) {
    return broken(checked, Math.min(checked + 1, anchor.count), 'truncated');
  }
  return { ok: true, checked, firstBrokenSeq: null, reason: null };
}

function broken(
  checked: number,
  seq: number,
  reason: NonNullable<AuditVerification['reason']>,
): AuditVerification {
  return { ok: false, checked, firstBrokenSeq: seq, reason };
}
