import path from 'node:path';
import { z } from 'zod';
import { roles } from '../../api/domain/roles';
import { verifyAuditChain } from '../../core/audit/audit-verify';
import { createBackup, restoreBackup } from '../../core/backup/backup-service';
import { workspaceStats } from '../../core/stats/workspace-stats';
import { createUser } from '../../core/users/user-service';
import { exportDataKey } from '../../core/vault/export-key';
import type { UnlockedWorkspace } from '../../core/vault/unlocked-workspace';
import { readHeader } from '../../core/vault/workspace-header';
import { unlockWorkspace } from '../../core/vault/workspace-vault';
import { AppError } from '../../core/app-error';
import { cliEnv, requireOption, UsageError, type Output, type Secrets } from '../cli-context';
import type { CommandOptions } from '../command-options';

/** Unlocks as --user (default admin), runs `work`, and locks again whatever happens. */
async function withWorkspace<T>(
  options: CommandOptions,
  secrets: Secrets,
  work: (workspace: UnlockedWorkspace) => T | Promise<T>,
): Promise<T> {
  const dir = path.resolve(requireOption(options.workspace, 'workspace'));
  const workspace = await unlockWorkspace(
    dir,
    options.user ?? 'admin',
    secrets.password(),
    cliEnv(),
  );
  try {
    return await work(workspace);
  } finally {
    workspace.close('user');
  }
}

export async function addUserCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  const username = requireOption(options.name, 'name');
  const role = z.enum(roles).safeParse(options.role);
  if (!role.success) throw new UsageError(`--role must be one of ${roles.join(', ')}`);
  const user = await withWorkspace(options, secrets, (workspace) => {
    if (workspace.user.role !== 'admin')
      throw new AppError('auth.forbidden', 'Only an administrator may add users');
    return createUser(workspace, {
      username,
      displayName: options['display-name'] ?? username,
      role: role.data,
      password: secrets.newPassword(),
    });
  });
  out.result(user, `User ${user.username} (${user.role}) added.`);
}

export async function verifyAuditCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<boolean> {
  const result = await withWorkspace(options, secrets, (workspace) => {
    const verification = verifyAuditChain(workspace.db, readHeader(workspace.dir).auditAnchor);
    workspace.audit({
      action: 'audit.verified',
      result: verification.ok ? 'ok' : 'failed',
      details: { ...verification },
    });
    return verification;
  });
  out.result(
    result,
    result.ok
      ? `Audit chain intact: ${result.checked} records verified.`
      : `Audit chain BROKEN at record ${result.firstBrokenSeq} (${result.reason}); ${result.checked} records before it verified.`,
  );
  return result.ok;
}

export async function backupCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  const target = requireOption(options.out, 'out');
  const result = await withWorkspace(options, secrets, (workspace) =>
    createBackup(workspace, target),
  );
  out.result(
    result,
    `Encrypted backup written to ${result.file} (${result.size} bytes, SHA-256 ${result.sha256}).`,
  );
}

export async function restoreCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  const file = path.resolve(requireOption(options.backup, 'backup'));
  const dir = path.resolve(requireOption(options.workspace, 'workspace'));
  const result = await restoreBackup(
    file,
    dir,
    options.user ?? 'admin',
    secrets.password(),
    cliEnv(),
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
  const key = await withWorkspace(options, secrets, exportDataKey);
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
  const stats = await withWorkspace(options, secrets, (workspace) => workspaceStats(workspace.db));
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
