import { asc } from 'drizzle-orm';
import type { AuditVerification } from '../../api/schemas/audit-schemas';
import type { Executor } from '../db/database-types';
import { auditLogTable } from '../db/schema';
import type { AuditAnchor } from '../vault/workspace-header';
import type { OutsideHead } from './audit-anchor';
import { genesisHash, hashAuditRecord } from './audit-hash';

const batchSize = 5_000;

/**
 * Walks the whole chain and names the first record that does not hold: its hash does not match
 * its fields ('hash'), it does not point at the record before it ('link'), or a sequence number
 * is missing ('gap'). With the header's anchor it also detects a cut-off tail ('truncated') and
 * a removed anchor ('anchorMissing'); with the copy outside the workspace, a chain rolled back
 * or rewritten by someone holding the data key ('truncated', 'forked').
 */
export function verifyAuditChain(
  db: Executor,
  anchor?: Pick<AuditAnchor, 'count' | 'hash'> | null,
  outside?: OutsideHead | null,
): AuditVerification {
  let expectedSeq = 1;
  let prevHash = genesisHash;
  let checked = 0;
  let anchorHashSeen: string | null = null;
  let outsideHashSeen: string | null = null;

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
      if (outside && row.seq === outside.count) outsideHashSeen = hash;
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < batchSize) break;
  }

  if (anchor && anchor.count > 0 && (checked < anchor.count || anchorHashSeen !== anchor.hash)) {
    return broken(checked, Math.min(checked + 1, anchor.count), 'truncated');
  }
  // `null` (not `undefined`) means the header was read and has no anchor.
  if (anchor === null && checked > 1) return broken(checked, 1, 'anchorMissing');
  if (outside && outside.count !== 0) {
    if (outside.count < 0) return broken(checked, 1, 'forked');
    if (checked < outside.count) return broken(checked, checked + 1, 'truncated');
    if (outsideHashSeen !== outside.hash) return broken(checked, outside.count, 'forked');
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
