import type { AuditVerification, AuthorVerification } from '../../api/schemas/audit-schemas';
import { AppError } from '../app-error';
import {
  readOutsideHead,
  signAuditHead,
  type AuditHead,
  type SignedAuditHead,
} from '../audit/audit-anchor';
import { lastAuditRecord, type AuditEntry } from '../audit/audit-log';
import { AuthorKeys, checkAuthors } from '../audit/audit-author';
import { verifyAuditChain } from '../audit/audit-verify';
import { trustedKeysOf } from './role-of-record';
import type { UnlockedWorkspace } from './unlocked-workspace';
import { readHeader, type WorkspaceHeader } from './workspace-header';

// The audit chain of an open workspace, checked and signed against its header (the chain
// itself, below the vault, knows nothing of headers or sessions).

/** The author keys of an open workspace, under the signing keys it trusts. */
export function authorKeysOf(workspace: UnlockedWorkspace): AuthorKeys {
  const header = readHeader(workspace.dir);
  const trusted = trustedKeysOf(workspace.db, header, header.auditSigningKey.publicKey);
  return new AuthorKeys(workspace.db, header.workspaceId, trusted);
}

/**
 * Who wrote the records from `fromSeq` on, proven under the keys the workspace trusts (the
 * administrators' signing keys seal each account's author key).
 */
export function verifyAuthors(
  db: UnlockedWorkspace['db'],
  header: WorkspaceHeader,
  fromSeq = 1,
): AuthorVerification {
  const trusted = trustedKeysOf(db, header, header.auditSigningKey.publicKey);
  return checkAuthors(db, header.workspaceId, trusted, fromSeq);
}

/** The record a check at unlock or lock leaves of records whose author is not proven. */
export function authorsNotProvenEntry(authors: AuthorVerification): AuditEntry {
  return {
    action: 'audit.authorsNotProven',
    result: 'failed',
    details: {
      records: authors.notProven,
      count: authors.notProvenCount,
      keysNotProven: authors.keysNotProven,
    },
  };
}

/**
 * The full check of an open workspace: its chain against the header and the outside copy, and
 * every record's author.
 */
export function verifyWorkspaceAudit(
  workspace: UnlockedWorkspace,
): AuditVerification & { authors: AuthorVerification } {
  const header = readHeader(workspace.dir);
  const outside = workspace.anchorDir
    ? readOutsideHead(workspace.anchorDir, workspace.workspaceId)
    : null;
  return {
    ...verifyAuditChain(workspace.db, header.auditAnchor, outside),
    authors: verifyAuthors(workspace.db, header),
  };
}

/**
 * The current audit head signed with the administrators' key, for printing or keeping outside
 * the workstation; the signing is itself audited (and the head signed includes that record).
 */
export function signWorkspaceHead(workspace: UnlockedWorkspace): SignedAuditHead {
  const signingKey = workspace.signingKey();
  if (!signingKey) {
    workspace.audit({ action: 'audit.headSigned', result: 'denied' });
    throw new AppError('auth.forbidden', 'Only an administrator holds the signing key', {
      needed: 'admin',
    });
  }
  workspace.audit({
    action: 'audit.headSigned',
    targetType: 'workspace',
    targetId: workspace.workspaceId,
  });
  workspace.refreshAnchor();
  const last = lastAuditRecord(workspace.db)!;
  const header = readHeader(workspace.dir);
  return signAuditHead(
    signingKey,
    header.auditSigningKey.publicKey,
    { workspaceId: workspace.workspaceId, count: last.seq, hash: last.hash },
    workspace.now(),
    workspace.user.username,
  );
}

/**
 * The head as it stands, for a file leaving the workspace (a case package): signed when an
 * administrator holds the signing key, plain otherwise. Writes nothing.
 */
export function currentAuditHead(
  workspace: UnlockedWorkspace,
): (AuditHead & Partial<SignedAuditHead>) | null {
  const last = lastAuditRecord(workspace.db);
  if (!last) return null;
  const head = { workspaceId: workspace.workspaceId, count: last.seq, hash: last.hash };
  const signingKey = workspace.signingKey();
  if (!signingKey) return head;
  return signAuditHead(
    signingKey,
    readHeader(workspace.dir).auditSigningKey.publicKey,
    head,
    workspace.now(),
    workspace.user.username,
  );
}
