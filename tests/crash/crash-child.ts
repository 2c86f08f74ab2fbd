/**
 * The process the crash test kills. It opens the workspace and works until SIGKILL, writing
 * one line to stdout after each transaction has committed: what the parent must find again.
 *   writes   — cases one by one, and now and then a 2,000-row call import (one transaction)
 *   password — changes the password from A to B (the parent then expects A or B to work);
 *              `password-rotate` replaces the data key with it
 *   backup   — writes backups of the workspace, one after another
 *   restore  — restores the workspace from a backup (the parent expects the old or the restored state)
 *   rekey    — rotates the data key again and again (the parent expects it to open with the old
 *              or the new key, never neither); every third rotation with a password change
 */
import fs from 'node:fs';
import path from 'node:path';
import { caseCreateInput } from '../../electron/api/schemas/case-schemas';
import { createBackup, restoreBackup } from '../../electron/core/backup/backup-service';
import { createCase } from '../../electron/core/cases/case-service';
import { systemClock } from '../../electron/core/clock';
import { planImport } from '../../electron/core/io/import-plan';
import { commitImport } from '../../electron/core/io/import-writer';
import { readTableFile } from '../../electron/core/io/table-file';
import { changeOwnPassword, rotateKey } from '../../electron/core/vault/key-rotation';
import { unlockWorkspace } from '../../electron/core/vault/workspace-vault';

const [mode, dir, password, newPassword, run] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const env = { clock: systemClock, migrationsFolder: path.resolve(__dirname, '../../drizzle') };
const say = (line: string) => fs.writeSync(1, `${line}\n`);

/** A call list; every other one is a bulk import (50,000 rows and more: rollback journal). */
function callList(seed: number, rows: number): Buffer {
  const lines = ['主叫号码,被叫号码,通话时间,通话时长'];
  for (let index = 0; index < rows; index += 1)
    lines.push(
      `1390000${String((seed + index) % 300).padStart(4, '0')},1380000${String((index * 7) % 300).padStart(4, '0')},2026-03-01 10:${String(index % 60).padStart(2, '0')}:00,${index % 500}`,
    );
  return Buffer.from(lines.join('\n'));
}

async function main() {
  if (mode === 'restore') {
    // newPassword carries the backup file here.
    say('ready');
    await restoreBackup(newPassword, dir, 'admin', password, env);
    say('restored');
    return;
  }
  const workspace = await unlockWorkspace(dir, 'admin', password, env);
  say('ready');
  if (mode === 'password' || mode === 'password-rotate') {
    await changeOwnPassword(workspace, password, newPassword, {
      rotate: mode === 'password-rotate',
      env,
    });
    say('changed');
    return;
  }
  if (mode === 'rekey') {
    for (let index = 0; ; index += 1) {
      await rotateKey(workspace, env);
      say(`rotated ${index}`);
    }
  }
  for (let index = 0; ; index += 1) {
    if (mode === 'backup') {
      const file = path.join(dir, '..', `backup-${run}-${index}.qlbak`);
      createBackup(workspace, file);
      say(`backup ${file}`);
      continue;
    }
    if (index % 5 === 4) {
      const rows = index % 10 === 9 ? 60_000 : 2_000;
      const plan = planImport(await readTableFile(new Uint8Array(callList(index, rows))), 'calls');
      const importId = `crash-${run}-${index}`;
      await commitImport(workspace, plan, {
        importId,
        fileName: 'crash.csv',
        caseId: null,
        onProgress: () => undefined,
        isCancelled: () => false,
      });
      say(`import ${importId} ${plan.data.records.length}`);
    } else {
      const caseNo = `CRASH-${run}-${index}`;
      createCase(
        workspace,
        caseCreateInput.parse({
          caseNo,
          title: `崩溃测试 ${index}`,
          offenceType: 'trafficking',
          openedOn: '2026-03-01',
        }),
      );
      say(`case ${caseNo}`);
    }
  }
}

void main().catch((error: unknown) => {
  say(`error ${(error as Error).name}`);
  process.exit(1);
});
