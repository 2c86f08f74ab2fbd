import crypto from 'node:crypto';
import { and, asc, eq, gt, gte, inArray, isNotNull, like, lt, ne, or } from 'drizzle-orm';
import type { Executor } from '../db/database-types';
import { auditLogTable, usersTable, type AuditRecord } from '../db/schema';

/**
 * Who wrote an audit record, proven. Every account holder has the data key, so the chain's hash
 * proves order, not authorship: each record written in a signed-in session also carries its
 * author's Ed25519 signature over the record's hash (`authorSignature`), made with a key that
 * only the author's own slot opens. An account's key is introduced by the record of the action
 * that made it (`details.authorKey`, with `details.authorSeal`: the administrators' signing key
 * over it, so no one else can introduce a key for another account). The one exception is the
 * first key of an account of an older workspace, made at that user's own sign-in: taken
 * unsealed where the account has none yet and existed before the upgrade. A record counts as
 * an account's only under an ID the chain created (its `users.created`, or the first record's
 * administrator) and that account's user name.
 */
const keyActions = [
  'workspace.created',
  'users.created',
  'users.enabled',
  'users.passwordReset',
  'session.unlocked',
  'session.recovered',
];

/** The sign-ins that may introduce an account's own first key (older workspaces). */
const signInActions: ReadonlySet<string> = new Set(['session.unlocked', 'session.recovered']);

/**
 * The actions written with no signed-in user: failed sign-ins, queued until the next unlock, and
 * a sign-in refused because the account's slot lost its author key.
 */
const systemActions: ReadonlySet<string> = new Set([
  'session.unlockFailed',
  'session.authorKeyMissing',
]);

type AuthorStatus = 'proven' | 'notProven' | 'beforeSigning' | 'system';

function sealText(workspaceId: string, userId: string, publicKey: string) {
  return Buffer.from(`quanlian-author-v1|${workspaceId}|${userId}|${publicKey}`);
}

/** The administrators' seal over an account's author key (signing key: Ed25519 PKCS#8 DER). */
export function sealAuthorKey(
  workspaceId: string,
  signingKey: Buffer,
  userId: string,
  publicKey: string,
): string {
  const key = crypto.createPrivateKey({ key: signingKey, format: 'der', type: 'pkcs8' });
  return crypto.sign(null, sealText(workspaceId, userId, publicKey), key).toString('base64');
}

export function authorPublicKey(privateKey: crypto.KeyObject): string {
  return crypto
    .createPublicKey(privateKey)
    .export({ format: 'der', type: 'spki' })
    .toString('base64');
}

/** The author's signature over a record's hash (~0.1 ms). */
export function signRecordHash(privateKey: crypto.KeyObject, hash: string): string {
  return crypto.sign(null, Buffer.from(hash, 'hex'), privateKey).toString('base64');
}

/** Parsed public keys: a walk of the whole chain meets the same few keys again and again. */
const parsedKeys = new Map<string, crypto.KeyObject>();

function parsedKey(publicKey: string): crypto.KeyObject {
  const known = parsedKeys.get(publicKey);
  if (known) return known;
  const key = crypto.createPublicKey({
    key: Buffer.from(publicKey, 'base64'),
    format: 'der',
    type: 'spki',
  });
  if (parsedKeys.size >= 1_000) parsedKeys.clear();
  parsedKeys.set(publicKey, key);
  return key;
}

function verifies(publicKey: string, text: Buffer, signature: string | null): boolean {
  if (!signature) return false;
  try {
    return crypto.verify(null, text, parsedKey(publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

function detailsOf(details: string | null): Record<string, unknown> {
  try {
    const value = JSON.parse(details ?? 'null') as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

type KeyRecord = Pick<
  AuditRecord,
  | 'seq'
  | 'userId'
  | 'username'
  | 'action'
  | 'targetType'
  | 'targetId'
  | 'details'
  | 'hash'
  | 'authorSignature'
>;

/** The records that make an account an administrator or not. */
const roleActions = ['users.created', 'users.roleChanged'];

type AuthoredRecord = Pick<
  AuditRecord,
  'seq' | 'userId' | 'username' | 'action' | 'hash' | 'authorSignature'
>;

/** An account the chain created: its user name and the record that created it. */
interface Account {
  username: string | null;
  createdSeq: number;
}

/** The accounts the chain created: the first record's administrator and each `users.created`. */
function accountsOf(db: Executor): Map<string, Account> {
  const accounts = new Map<string, Account>();
  const rows = db
    .select({
      seq: auditLogTable.seq,
      userId: auditLogTable.userId,
      username: auditLogTable.username,
      action: auditLogTable.action,
      targetId: auditLogTable.targetId,
      details: auditLogTable.details,
    })
    .from(auditLogTable)
    .where(
      or(
        and(eq(auditLogTable.seq, 1), eq(auditLogTable.action, 'workspace.created')),
        and(eq(auditLogTable.action, 'users.created'), eq(auditLogTable.targetType, 'user')),
      ),
    )
    .orderBy(asc(auditLogTable.seq))
    .all();
  for (const row of rows) {
    const id = row.action === 'workspace.created' ? row.userId : row.targetId;
    const username =
      row.action === 'workspace.created' ? row.username : detailsOf(row.details)['username'];
    // The first record creating an ID is the account's: a later one cannot rename it.
    if (id && !accounts.has(id))
      accounts.set(id, {
        username: typeof username === 'string' ? username : null,
        createdSeq: row.seq,
      });
  }
  return accounts;
}

/** The account a key record is for: the user it concerns, or (sign-in, creation) its actor. */
function accountOf(record: KeyRecord): string | null {
  return record.targetType === 'user' ? record.targetId : record.userId;
}

/**
 * The key a record introduces: sealed by a key the workspace trusts, or an account's own first
 * key, introduced by its own record (an older workspace's account at its first sign-in).
 */
function keyAccepted(
  record: KeyRecord,
  workspaceId: string,
  trustedKeys: readonly string[],
  firstKeyAllowed: boolean,
): string | null {
  const { authorKey: publicKey, authorSeal: seal } = detailsOf(record.details);
  const userId = accountOf(record);
  if (typeof publicKey !== 'string' || !userId) return null;
  const text = sealText(workspaceId, userId, publicKey);
  const sealed = typeof seal === 'string' && trustedKeys.some((key) => verifies(key, text, seal));
  return sealed || (firstKeyAllowed && record.userId === userId) ? publicKey : null;
}

/** Each account's author keys as the chain introduces them, in order. */
export class AuthorKeys {
  private readonly records: KeyRecord[];
  private readonly inForce = new Map<string, string>();
  private applied = 0;
  private readonly accounts: Map<string, Account>;
  /** Records that set an account's role, applied in order with the key records. */
  private readonly roleRecords: KeyRecord[];
  private rolesApplied = 0;
  /** The accounts that are administrators, as proven role records have it so far. */
  private readonly admins = new Set<string>();
  /** Every key each account has had: one it had before is never taken again. */
  private readonly seen = new Map<string, Set<string>>();
  /** Made by a version that signed authors: no record of it is from before signing. */
  private readonly createdWithSigning: boolean;
  /** The first record introducing an author key: the upgrade (Infinity: not upgraded yet). */
  private readonly upgradeSeq: number;

  constructor(
    private readonly db: Executor,
    private readonly workspaceId: string,
    private readonly trustedKeys: readonly string[],
  ) {
    const columns = {
      seq: auditLogTable.seq,
      userId: auditLogTable.userId,
      username: auditLogTable.username,
      action: auditLogTable.action,
      targetType: auditLogTable.targetType,
      targetId: auditLogTable.targetId,
      details: auditLogTable.details,
      hash: auditLogTable.hash,
      authorSignature: auditLogTable.authorSignature,
    };
    this.records = db
      .select(columns)
      .from(auditLogTable)
      .where(
        and(
          inArray(auditLogTable.action, keyActions),
          like(auditLogTable.details, '%"authorKey":%'),
        ),
      )
      .orderBy(asc(auditLogTable.seq))
      .all();
    this.roleRecords = db
      .select(columns)
      .from(auditLogTable)
      .where(and(inArray(auditLogTable.action, roleActions), eq(auditLogTable.targetType, 'user')))
      .orderBy(asc(auditLogTable.seq))
      .all();
    this.accounts = accountsOf(db);
    const creator = [...this.accounts].find(([, account]) => account.createdSeq === 1)?.[0];
    if (creator) this.admins.add(creator);
    const first = this.records[0];
    this.createdWithSigning = first?.seq === 1 && first.action === 'workspace.created';
    this.upgradeSeq = first?.seq ?? Number.POSITIVE_INFINITY;
  }

  /** An older workspace's account from before the upgrade: may start signing unsealed. */
  private fromBeforeUpgrade(userId: string): boolean {
    const account = this.accounts.get(userId);
    return (
      !this.createdWithSigning && account !== undefined && account.createdSeq < this.upgradeSeq
    );
  }

  /**
   * Whether an unsigned record of an account with no key yet is from before signing: before the
   * upgrade, or one written at that account's first sign-in since, just before its own record
   * introducing its key (only its own and system records between).
   */
  private beforeSigning(record: AuthoredRecord): boolean {
    const userId = record.userId!;
    if (record.authorSignature || !this.fromBeforeUpgrade(userId)) return false;
    if (record.seq < this.upgradeSeq) return true;
    const next = this.records
      .slice(this.applied)
      .find((one) => one.seq > record.seq && accountOf(one) === userId);
    if (!next || next.userId !== userId || !signInActions.has(next.action)) return false;
    const others = this.db
      .select({ seq: auditLogTable.seq })
      .from(auditLogTable)
      .where(
        and(
          gt(auditLogTable.seq, record.seq),
          lt(auditLogTable.seq, next.seq),
          isNotNull(auditLogTable.userId),
          ne(auditLogTable.userId, userId),
        ),
      )
      .limit(1)
      .get();
    return others === undefined;
  }

  /** Whether a record is written, and signed, by an account that is an administrator then. */
  private byProvenAdministrator(record: KeyRecord): boolean {
    const author = record.userId;
    if (!author || !this.admins.has(author)) return false;
    if (this.accounts.get(author)?.username !== record.username) return false;
    const key = this.inForce.get(author);
    return (
      key !== undefined && verifies(key, Buffer.from(record.hash, 'hex'), record.authorSignature)
    );
  }

  /** A role record counts before the upgrade (nothing was signed), else from an administrator. */
  private applyRole(record: KeyRecord): void {
    if (record.seq >= this.upgradeSeq && !this.byProvenAdministrator(record)) return;
    const role = detailsOf(record.details)['role'];
    if (!record.targetId || typeof role !== 'string') return;
    if (role === 'admin') this.admins.add(record.targetId);
    else this.admins.delete(record.targetId);
  }

  /**
   * A key record counts when its author is the account itself (its own sign-in or recovery) or
   * an administrator proven by their signature, and it names a key the account never had before.
   */
  private applyKey(record: KeyRecord): void {
    const userId = accountOf(record) ?? '';
    const firstKeyAllowed = !this.inForce.has(userId) && this.fromBeforeUpgrade(userId);
    const key = keyAccepted(record, this.workspaceId, this.trustedKeys, firstKeyAllowed);
    if (!key) return;
    const own = record.userId === userId;
    if (!own && !this.byProvenAdministrator(record)) return;
    const had = this.seen.get(userId) ?? new Set<string>();
    if (had.has(key) && this.inForce.get(userId) !== key) return;
    had.add(key);
    this.seen.set(userId, had);
    this.inForce.set(userId, key);
  }

  /** Moves the keys in force up to (not including) record `seq`; calls must go up. */
  private advanceTo(seq: number): void {
    for (;;) {
      const role = this.roleRecords[this.rolesApplied];
      const key = this.records[this.applied];
      const next = Math.min(role?.seq ?? Infinity, key?.seq ?? Infinity);
      if (next >= seq) return;
      // The role first: a users.created record makes the account and introduces its key.
      if (role?.seq === next) {
        this.applyRole(role);
        this.rolesApplied += 1;
      } else {
        this.applyKey(key!);
        this.applied += 1;
      }
    }
  }

  /** What a record proves of its author; records must be given in ascending order. */
  statusOf(record: AuthoredRecord): AuthorStatus {
    // A record that introduces its own author's key is signed with it.
    this.advanceTo(record.seq + 1);
    if (record.userId === null) {
      return systemActions.has(record.action) && !record.authorSignature ? 'system' : 'notProven';
    }
    // Another account's user name on a record, or an ID no account has, proves nothing.
    if (this.accounts.get(record.userId)?.username !== record.username) return 'notProven';
    const key = this.inForce.get(record.userId);
    if (!key) return this.beforeSigning(record) ? 'beforeSigning' : 'notProven';
    return verifies(key, Buffer.from(record.hash, 'hex'), record.authorSignature)
      ? 'proven'
      : 'notProven';
  }

  /** The key in force for each account after the whole chain. */
  finalKeys(): Map<string, string> {
    this.advanceTo(Number.MAX_SAFE_INTEGER);
    return this.inForce;
  }
}

/** What each of `records` (any order) proves of its author, by record number. */
export function authorStatuses(
  keys: AuthorKeys,
  records: AuthoredRecord[],
): Map<number, AuthorStatus> {
  const ascending = [...records].sort((a, b) => a.seq - b.seq);
  return new Map(ascending.map((record) => [record.seq, keys.statusOf(record)] as const));
}

/** At most this many record numbers are named; the count says how many there are. */
const namedAtMost = 200;

interface AuthorCheck {
  /** Records whose author is not proven (their numbers; at most `namedAtMost`). */
  notProven: number[];
  notProvenCount: number;
  /** Records written before their author had a key (older workspaces): shown, not flagged. */
  beforeSigning: number;
  /** Accounts whose key in the users table is not the one the chain proves. */
  keysNotProven: string[];
}

const batchSize = 5_000;

/**
 * Checks every record from `fromSeq` on against its author's key in force at the time, and
 * every account's key in the users table against the chain.
 */
export function checkAuthors(
  db: Executor,
  workspaceId: string,
  trustedKeys: readonly string[],
  fromSeq = 1,
): AuthorCheck {
  const keys = new AuthorKeys(db, workspaceId, trustedKeys);
  const check: AuthorCheck = {
    notProven: [],
    notProvenCount: 0,
    beforeSigning: 0,
    keysNotProven: [],
  };
  for (let after = fromSeq - 1; ;) {
    const rows = db
      .select({
        seq: auditLogTable.seq,
        userId: auditLogTable.userId,
        username: auditLogTable.username,
        action: auditLogTable.action,
        hash: auditLogTable.hash,
        authorSignature: auditLogTable.authorSignature,
      })
      .from(auditLogTable)
      .where(gte(auditLogTable.seq, after + 1))
      .orderBy(asc(auditLogTable.seq))
      .limit(batchSize)
      .all();
    for (const row of rows) {
      const status = keys.statusOf(row);
      if (status === 'beforeSigning') check.beforeSigning += 1;
      if (status !== 'notProven') continue;
      check.notProvenCount += 1;
      if (check.notProven.length < namedAtMost) check.notProven.push(row.seq);
    }
    if (rows.length < batchSize) break;
    after = rows[rows.length - 1]!.seq;
  }
  const proven = keys.finalKeys();
  for (const user of db
    .select({ id: usersTable.id, username: usersTable.username, key: usersTable.authorKey })
    .from(usersTable)
    .orderBy(asc(usersTable.username))
    .all()) {
    if (user.key !== null && proven.get(user.id) !== user.key)
      check.keysNotProven.push(user.username);
  }
  return check;
}
