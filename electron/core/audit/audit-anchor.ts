import crypto from 'node:crypto';
import type { AuditAnchor } from '../vault/workspace-header';

/** A subkey of the data key: the anchor can only be forged by someone who can unlock anyway. */
function anchorMacKey(dataKey: Buffer): Buffer {
  return crypto.createHmac('sha256', dataKey).update('quanlian-audit-anchor-v1').digest();
}

function macOf(dataKey: Buffer, workspaceId: string, count: number, hash: string): string {
  const key = anchorMacKey(dataKey);
  try {
    return crypto.createHmac('sha256', key).update(`${workspaceId}|${count}|${hash}`).digest('hex');
  } finally {
    key.fill(0);
  }
}

export function makeAuditAnchor(
  dataKey: Buffer,
  workspaceId: string,
  count: number,
  hash: string,
): AuditAnchor {
  return { count, hash, mac: macOf(dataKey, workspaceId, count, hash) };
}

export function isAuthenticAnchor(
  dataKey: Buffer,
  workspaceId: string,
  anchor: AuditAnchor,
): boolean {
  const expected = Buffer.from(macOf(dataKey, workspaceId, anchor.count, anchor.hash), 'hex');
  const actual = Buffer.from(anchor.mac, 'hex');
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}
