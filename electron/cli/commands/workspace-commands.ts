import path from 'node:path';
import { requireOption, type Output, type Secrets } from '../cli-context';
import { withRouter } from '../cli-router';
import type { CommandOptions } from '../command-options';

export async function initCommand(
  options: CommandOptions,
  secrets: Secrets,
  out: Output,
): Promise<void> {
  const dir = path.resolve(requireOption(options.workspace, 'workspace'));
  const username = requireOption(options.user, 'user');
  const created = await withRouter((client) =>
    client.call('workspace.create', {
      path: dir,
      name: options.name ?? path.basename(dir),
      unitName: options.unit ?? '',
      adminUsername: username,
      adminDisplayName: options['display-name'] ?? username,
      password: secrets.password(),
    }),
  );
  out.result(
    { workspace: dir, admin: username, recoveryKey: created.recoveryKey },
    `Workspace created in ${dir}\nAdministrator: ${username}\n\nRecovery key (shown once; print it and keep it safe):\n\n    ${created.recoveryKey}\n`,
  );
}

export async function seedDemoCommand(options: CommandOptions, out: Output): Promise<void> {
  const dir = path.resolve(requireOption(options.workspace, 'workspace'));
  const demo = await withRouter((client) => client.call('workspace.createDemo', { path: dir }));
  const { counts } = demo;
  out.result(
    { workspace: dir, ...demo },
    [
      `Demo workspace created in ${dir} (fictional data).`,
      `  user: ${demo.username}`,
      `  password: ${demo.password}`,
      `  recovery key: ${demo.recoveryKey}`,
      `  ${counts.cases} cases, ${counts.persons} persons, ${counts.entities} entities, ${counts.relations} relations, ${counts.seizures} seizures, ${counts.events} events`,
    ].join('\n'),
  );
}
