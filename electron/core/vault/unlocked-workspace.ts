import type crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { SessionUser } from '../../api/schemas/session-schemas';
import {
  appendAudit,
  auditRecordAt,
  lastAuditRecord,
  type Actor,
  type AuditEntry,
} from '../audit/audit-log';
import { anchorOf, writeOutsideHead, type AnchorDirs } from '../audit/audit-anchor';
import { isoNow, type Clock } from '../clock';
import type { AppDatabase, Executor } from '../db/database-types';
import { defaultKdf } from './key-slot';
import type { KdfCost } from './vault-env';
import { authorsNotProvenEntry, verifyAuthors } from './workspace-audit';
import { readHeader, updateHeader, type AuditAnchor } from './workspace-header';

interface UnlockedWorkspaceInit {
  dir: string;
  workspaceId: string;
  name: string;
  isDemo: boolean;
  db: AppDatabase;
  sqlite: Database.Database;
  dataKey: Buffer;
  /** The audit signing key (Ed25519 PKCS#8), for administrators only. */
  signingKey?: Buffer | null;
  /** The signing public key this session trusts (pinned in the chain; see `signing-key-pin.ts`). */
  signingPublicKey?: string | null;
  user: SessionUser;
  /** The user's author key, from their own slot: signs every record the session writes. */
  authorKey?: crypto.KeyObject | null;
  auditIntegrity: 'ok' | 'broken';
  clock: Clock;
  /** From the vault environment: the Argon2id cost of slots this session writes. */
  kdf?: KdfCost;
  /** From the vault environment: where the outside copy of the audit head lives. */
  anchorDir?: AnchorDirs;
}

/**
 * An open, decrypted workspace and the user who opened it. Services get it (or its pieces)
 * as a parameter; it is the only holder of the data key while unlocked.
 */
export class UnlockedWorkspace {
  readonly dir: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly isDemo: boolean;
  private connection: { db: AppDatabase; sqlite: Database.Database };
  readonly user: SessionUser;
  readonly auditIntegrity: 'ok' | 'broken';
  readonly clock: Clock;
  readonly kdf: KdfCost;
  readonly anchorDir: AnchorDirs | undefined;
  private key: Buffer;
  private signing: Buffer | null;
  private author: crypto.KeyObject | null;
  /** The signing public key this session trusts; a rotation moves it to the new key. */
  signingPublicKey: string | null;
  private closed = false;
  /** The record the outside head was last moved to by this session. */
  private anchored: { seq: number; hash: string } | null = null;
  /** The records up to this one have had their authors checked (kept in the outside head). */
  private authorsCheckedUpTo: number | undefined = undefined;

  constructor(init: UnlockedWorkspaceInit) {
    this.dir = init.dir;
    this.workspaceId = init.workspaceId;
    this.name = init.name;
    this.isDemo = init.isDemo;
    this.connection = { db: init.db, sqlite: init.sqlite };
    this.key = init.dataKey;
    this.signing = init.signingKey ?? null;
    this.author = init.authorKey ?? null;
    this.signingPublicKey = init.signingPublicKey ?? null;
    this.user = init.user;
    this.auditIntegrity = init.auditIntegrity;
    this.clock = init.clock;
    this.kdf = init.kdf ?? defaultKdf;
    this.anchorDir = init.anchorDir;
  }

  get db(): AppDatabase {
    return this.connection.db;
  }

  get sqlite(): Database.Database {
    return this.connection.sqlite;
  }

  get actor(): Actor {
    return { userId: this.user.id, username: this.user.username, authorKey: this.author };
  }

  /** Whether this session signs its records (false: an account from before authors signed). */
  get signsRecords(): boolean {
    return this.author !== null;
  }

  /** The author key, once made for an account that had none (at its first sign-in). */
  takeAuthorKey(key: crypto.KeyObject | null): void {
    this.author = key;
  }

  /** The author key, to wrap into the user's own new slot (a password change keeps it). */
  authorKey(): crypto.KeyObject | null {
    if (this.closed) throw new Error('Workspace is closed');
    return this.author;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** The data key; only for wrapping new key slots, anchors and `export-key`. */
  dataKey(): Buffer {
    if (this.closed) throw new Error('Workspace is closed');
    return this.key;
  }

  /** The audit signing key; null unless an administrator unlocked. */
  signingKey(): Buffer | null {
    if (this.closed) throw new Error('Workspace is closed');
    return this.signing;
  }

  /**
   * For a key rotation: the old connection is closed, `open` puts the re-keyed database in
   * place and opens it with the new key, and the old keys are wiped. If that fails the session
   * is over.
   */
  reconnect(
    dataKey: Buffer,
    signingKey: Buffer | null,
    open: (key: Buffer) => { db: AppDatabase; sqlite: Database.Database },
  ): void {
    if (this.connection.sqlite.open) this.connection.sqlite.close();
    if (this.key !== dataKey) this.key.fill(0);
    if (this.signing && this.signing !== signingKey) this.signing.fill(0);
    this.key = dataKey;
    this.signing = signingKey;
    try {
      this.connection = open(dataKey);
    } catch (error) {
      this.closed = true;
      this.key.fill(0);
      this.signing?.fill(0);
      throw error;
    }
  }

  now(): string {
    return isoNow(this.clock);
  }

  /**
   * Runs one user action: the change and its audit record in one synchronous transaction.
   * `audit` may be computed from the change's result, and be several records (an action that
   * makes several audited changes at once, as a case package does).
   */
  write<T>(
    change: (tx: Executor) => T,
    audit: AuditEntry | AuditEntry[] | ((result: T) => AuditEntry | AuditEntry[]),
  ): T {
    const result = this.db.transaction((tx) => {
      const result = change(tx);
      const entries = typeof audit === 'function' ? audit(result) : audit;
      for (const entry of Array.isArray(entries) ? entries : [entries])
        appendAudit(tx, this.actor, this.now(), entry);
      return result;
    });
    this.anchorOutside();
    return result;
  }

  /** Records an action that changes nothing (a view, an export, a denied attempt). */
  audit(entry: AuditEntry): void {
    appendAudit(this.db, this.actor, this.now(), entry);
    this.anchorOutside();
  }

  /**
   * Moves the outside copy of the audit head to the chain's last record, once it is committed.
   * The account holder has the data key and can cut records from the end of the chain; the
   * header only moves at unlock and lock, so without this a session's own records (its exports,
   * edits and refusals) were anchored by nothing until it locked, and a killed session or a
   * second process could remove them unseen. Each written record is now in the outside head,
   * and a shorter or different chain at its count is found at the next unlock.
   *
   * Called after every `write` and `audit`, and by the router after every call (for a service
   * that appends in its own transaction). Inside an open transaction it waits for the owner's
   * commit: an anchor naming a record that is then rolled back would read as tampering. A
   * failure to write the copy (a full disk) does not undo the committed action; the next
   * record tries again, and the lock's anchor fails loudly.
   */
  anchorOutside(): void {
    if (!this.anchorDir || this.closed || this.auditIntegrity === 'broken') return;
    if (this.sqlite.inTransaction) return;
    const last = lastAuditRecord(this.db);
    if (!last) return;
    if (this.anchored && this.anchored.seq === last.seq && this.anchored.hash === last.hash) return;
    try {
      this.writeOutside(anchorOf(last));
      this.anchored = last;
    } catch {
      this.anchored = null;
    }
  }

  private writeOutside(anchor: AuditAnchor): void {
    if (!this.anchorDir) return;
    writeOutsideHead(
      this.anchorDir,
      { workspaceId: this.workspaceId, ...anchor, checkedUpTo: this.authorsCheckedUpTo },
      this.now(),
      (held) => auditRecordAt(this.db, held.count)?.hash === held.hash,
    );
  }

  /**
   * Writes the audit head to the header and to the copy outside the workspace, so a cut-off
   * tail or a rewritten chain is detected at the next unlock. After a mismatch the old heads
   * stay: re-anchoring would hide the evidence.
   */
  refreshAnchor(): void {
    if (this.auditIntegrity === 'broken') return;
    const last = lastAuditRecord(this.db);
    if (!last) return;
    const anchor = anchorOf(last);
    updateHeader(this.dir, (header) => ({ ...header, auditAnchor: anchor }));
    this.writeOutside(anchor);
    this.anchored = last;
  }

  /** Every record so far has had its author checked (the unlock's check, or the lock's). */
  markAuthorsChecked(): void {
    this.authorsCheckedUpTo = lastAuditRecord(this.db)?.seq ?? 0;
  }

  /**
   * At the lock, the records written since the last check that this session did not sign (a
   * second connection's, while it was open) are checked: the next unlock starts after the lock.
   */
  private checkAuthorsAtLock(): void {
    if (this.authorsCheckedUpTo === undefined || this.auditIntegrity === 'broken') return;
    const header = readHeader(this.dir);
    const authors = verifyAuthors(this.db, header, this.authorsCheckedUpTo + 1);
    if (authors.notProvenCount) this.audit(authorsNotProvenEntry(authors));
    this.markAuthorsChecked();
  }

  /** Records the lock, anchors the chain, closes the database and wipes the key. */
  close(reason: string): void {
    if (this.closed) return;
    try {
      this.checkAuthorsAtLock();
      this.audit({ action: 'session.locked', details: { reason } });
      this.markAuthorsChecked();
      this.refreshAnchor();
    } finally {
      this.closed = true;
      this.sqlite.close();
      this.key.fill(0);
      this.signing?.fill(0);
    }
  }

  /** Closes without recording anything: for an unlock that failed half way (e.g. a read-only disk). */
  discard(): void {
    if (this.closed) return;
    this.closed = true;
    this.sqlite.close();
    this.key.fill(0);
    this.signing?.fill(0);
  }
}
