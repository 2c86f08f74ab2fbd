import path from 'node:path';
import * as z from 'zod';
import { roles } from '../../api/domain/roles';
import { requireOption, UsageError, type Output, type Secrets } from '../cli-context';
import { withSession, type CliClient } from '../cli-router';
import type { CommandOptions } from '../command-options';

export async function addUserCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  const username = requireOption(options.name, 'name');
  const role = z.enum(roles).safeParse(options.role);
  if (!role.success) throw new UsageError(`--role must be one of ${roles.join(', ')}`);
  const user = await withSession(options, secrets, (client) =>
    client.call('users.create', {
      username,
      displayName: options['display-name'] ?? username,
      role: role.data,
      password: secrets.newPassword(),
    }),
  );
  out.result(user, `User ${user.username} (${user.role}) added.`);
}

async function userIdOf(client: CliClient, username: string): Promise<string> {
  const wanted = username.trim().toLowerCase();
  const user = (await client.call('users.list', {})).find(
    (row) => row.username.toLowerCase() === wanted,
  );
  if (!user) throw new UsageError(`No user named ${username}`);
  return user.id;
}

/** `disable-user --name NAME`: the account can no longer sign in (administrators only). */
export async function disableUserCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  const username = requireOption(options.name, 'name');
  const user = await withSession(options, secrets, async (client) =>
    client.call('users.disable', { userId: await userIdOf(client, username) }),
  );
  out.result(user, `User ${user.username} disabled.`);
}

/**
 * `rotate-key`: a fresh data key for the database, every remaining key slot re-sealed; old
 * slots (a copied header, a disabled account's) open nothing afterwards. Administrators only.
 */
export async function rotateKeyCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  const result = await withSession(options, secrets, (client) =>
    client.call('users.rotateKey', {}),
  );
  out.result(
    result,
    'Data key replaced: the database is re-encrypted and every remaining key slot re-sealed.\n' +
      'Backups made before keep opening with the key they were made with.',
  );
}

/**
 * `audit-head`: the audit chain's head (record count and hash) signed with the workspace's
 * administrator signing key, to print or file away; a later audit compares the live chain with
 * it. Administrators only.
 */
export async function auditHeadCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  const head = await withSession(options, secrets, (client) => client.call('audit.signHead', {}));
  out.result(
    head,
    [
      `workspace ${head.workspaceId}`,
      `records   ${head.count}`,
      `head hash ${head.hash}`,
      `signed    ${head.signedAt} by ${head.signedBy}`,
      `key       ${head.publicKey}`,
      `signature ${head.signature}`,
    ].join('\n'),
  );
}

export async function verifyAuditCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<boolean> {
  const result = await withSession(options, secrets, (client) => client.call('audit.verify', {}));
  const { authors } = result;
  const more = authors.notProvenCount > authors.notProven.length ? ', …' : '';
  const lines = [
    result.ok
      ? `Audit chain intact: ${result.checked} records verified.`
      : `Audit chain BROKEN at record ${result.firstBrokenSeq} (${result.reason}); ${result.checked} records before it verified.`,
    authors.notProvenCount
      ? `Author NOT PROVEN for ${authors.notProvenCount} records: ${authors.notProven.join(', ')}${more}.`
      : 'Every signed author verified.',
    ...(authors.keysNotProven.length
      ? [`Author key NOT PROVEN in the users table for: ${authors.keysNotProven.join(', ')}.`]
      : []),
    ...(authors.beforeSigning
      ? [`${authors.beforeSigning} records written before authors were signed.`]
      : []),
  ];
  out.result(result, lines.join('\n'));
  return result.ok && authors.notProvenCount === 0 && authors.keysNotProven.length === 0;
}

export async function backupCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  const target = path.resolve(requireOption(options.out, 'out'));
  const result = await withSession(options, secrets, (client) =>
    client.call('backup.createAt', { path: target }),
  );
  out.result(
    result,
    `Encrypted backup written to ${result.file} (${result.size} bytes, SHA-256 ${result.sha256}).`,
  );
}

/**
 * `restore --backup FILE --workspace DIR`: an administrator signed in to the workspace replaces
 * it with the backup; the backup's own key slots only prove that it is intact.
 */
export async function restoreCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  const file = path.resolve(requireOption(options.backup, 'backup'));
  const result = await withSession(options, secrets, (client) =>
    client.call('backup.restoreFrom', { path: file, password: secrets.password() }),
  );
  out.result(
    result,
    `Backup verified and restored into ${result.dir}.` +
      (result.replacedInto
        ? `\nThe previous workspace files were kept in ${result.replacedInto}.`
        : ''),
  );
}

export async function exportKeyCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  const { key } = await withSession(options, secrets, (client) =>
    client.call('workspace.exportKey', {}),
  );
  out.result(
    { key, cipher: 'sqlcipher4', usage: `PRAGMA key = "x'${key}'";` },
    `${key}\n\nOpen quanlian.db in SQLCipher 4 with:  PRAGMA key = "x'${key}'";\nThis key opens every record in the workspace: keep it like the recovery key.`,
  );
}

export async function statsCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  const stats = await withSession(options, secrets, (client) => client.call('stats.summary', {}));
  out.result(
    stats,
    [
      `Cases: ${stats.cases} (${Object.entries(stats.casesByStatus)
        .map(([status, n]) => `${status} ${n}`)
        .join(', ')})`,
      `Entities: ${stats.entities} (${Object.entries(stats.entitiesByKind)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ')})`,
      `Relations: ${stats.relations}`,
      `Seizures: ${stats.seizures}`,
      `Events: ${stats.events}`,
      `Users: ${stats.users}`,
      `Audit records: ${stats.auditRecords}`,
    ].join('\n'),
  );
}
