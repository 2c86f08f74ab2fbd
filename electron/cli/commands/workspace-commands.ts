import path from 'node:path';
import { createDemoWorkspace, demoCredentials } from '../../core/demo/seed-demo';
import { createWorkspace } from '../../core/vault/workspace-vault';
import { cliEnv, requireOption, type Output, type Secrets } from '../cli-context';
import type { CommandOptions } from '../command-options';

export async function initCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  const dir = path.resolve(requireOption(options.workspace, 'workspace'));
  const username = requireOption(options.user, 'user');
  const { workspace, recoveryKey } = await createWorkspace(
    {
      dir,
      name: options.name ?? path.basename(dir),
      unitName: options.unit ?? '',
      admin: {
        username,
        displayName: options['display-name'] ?? username,
        password: secrets.password(),
      },
    },
    cliEnv(),
  );
  workspace.close('user');
  out.result(
    { workspace: dir, admin: username, recoveryKey },
    `Workspace created in ${dir}\nAdministrator: ${username}\n\nRecovery key (shown once; print it and keep it safe):\n\n    ${recoveryKey}\n`,
  );
}

export async function seedDemoCommand(options: CommandOptions, out: Output): Promise<void> {
  const dir = path.resolve(requireOption(options.workspace, 'workspace'));
  const { workspace, recoveryKey, counts } = await createDemoWorkspace(dir, cliEnv());
  workspace.close('user');
  out.result(
    { workspace: dir, ...demoCredentials, recoveryKey, counts },
    [
      `Demo workspace created in ${dir} (fictional data).`,
      `  user: ${demoCredentials.username}`,
      `  password: ${demoCredentials.password}`,
      `  recovery key: ${recoveryKey}`,
      `  ${counts.cases} cases, ${counts.persons} persons, ${counts.entities} entities, ${counts.relations} relations, ${counts.seizures} seizures, ${counts.events} events`,
    ].join('\n'),
  );
}
