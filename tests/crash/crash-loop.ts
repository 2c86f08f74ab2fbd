/**
 * `npm run test:crash`: kills a process writing to a workspace with SIGKILL at random moments
 * and checks, after every kill, that the workspace unlocks, `PRAGMA integrity_check` is ok, the
 * audit chain verifies and every transaction the process reported as committed is there. Then
 * the same for a password change (the old or the new password opens, never neither) and for
 * backups (every backup reported as written restores and verifies), and for restores (the
 * workspace opens as it was or as restored, never broken).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { verifyAuditChain } from '../../electron/core/audit/audit-verify';
import { createBackup, restoreBackup } from '../../electron/core/backup/backup-service';
import { caseCreateInput } from '../../electron/api/schemas/case-schemas';
import { createCase } from '../../electron/core/cases/case-service';
import { systemClock } from '../../electron/core/clock';
import { createWorkspace, unlockWorkspace } from '../../electron/core/vault/workspace-vault';
import { rotateKey } from '../../electron/core/vault/key-rotation';

const env = { clock: systemClock, migrationsFolder: path.resolve(__dirname, '../../drizzle') };
const kills = Number(process.env['CRASH_KILLS'] ?? 50);
const passwords = ['Crash#Pass2026', 'Crash#Other2026'];
let seed = Number(process.env['CRASH_SEED'] ?? Date.now() % 100_000);
const random = () => {
  seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
  return seed / 2 ** 32;
};

/** Runs the child until it is ready, lets it work for a random while, kills it; its lines. */
function killAtRandom(args: string[], maxMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'crash-child.ts'), ...args],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!timer && output.includes('ready\n'))
        timer = setTimeout(() => child.kill('SIGKILL'), Math.floor(random() * maxMs));
    });
    child.on('error', reject);
    child.on('exit', () => {
      clearTimeout(timer);
      const lines = output.split('\n').filter(Boolean);
      if (lines.some((line) => line.startsWith('error ')))
        reject(new Error(`child failed: ${output}`));
      else resolve(lines);
    });
  });
}

async function check(dir: string, password: string, lines: string[]): Promise<number> {
  const workspace = await unlockWorkspace(dir, 'admin', password, env);
  try {
    const integrity = workspace.sqlite.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity_check: ${String(integrity)}`);
    const audit = verifyAuditChain(workspace.db);
    if (!audit.ok)
      throw new Error(`audit chain broken at ${audit.firstBrokenSeq} (${audit.reason})`);
    let found = 0;
    for (const line of lines) {
      const [kind, id, rows] = line.split(' ');
      if (kind === 'case') {
        const row = workspace.db.get<{ n: number }>(
          sql`SELECT count(*) AS n FROM cases WHERE case_no = ${id}`,
        );
        if (row?.n !== 1) throw new Error(`committed case ${id} is missing`);
        found += 1;
      } else if (kind === 'import') {
        const row = workspace.db.get<{ n: number }>(
          sql`SELECT count(*) AS n FROM call_records WHERE import_num = (SELECT num FROM imports WHERE id = ${id})`,
        );
        if (row?.n !== Number(rows))
          throw new Error(`committed import ${id} has ${row?.n} of ${rows} rows`);
        found += 1;
      }
    }
    return found;
  } finally {
    workspace.close('user');
  }
}

async function main() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'quanlian-crash-'));
  if (process.env['CRASH_KEEP']) console.log(root);
  const dir = path.join(root, 'workspace');
  const created = await createWorkspace(
    {
      dir,
      name: 'crash',
      unitName: '崩溃测试',
      admin: { username: 'admin', displayName: 'admin', password: passwords[0]! },
    },
    env,
  );
  created.workspace.close('user');
  if (process.env['CRASH_ONLY'] === 'rekey') {
    await rekeyKills(dir, await passwordKills(dir, passwords[0]!));
    fs.rmSync(root, { recursive: true, force: true });
    return;
  }
  console.log(`Seed ${seed}. ${kills} kills during writes…`);
  let transactions = 0;
  let password = passwords[0]!;
  for (let run = 0; run < kills; run += 1) {
    const lines = await killAtRandom(['writes', dir, password, '', String(run)], 1_500);
    transactions += await check(dir, password, lines);
  }
  console.log(`  ${kills} kills survived; ${transactions} committed transactions found again.`);

  password = await passwordKills(dir, password);

  // Kill windows scaled to how long one backup and one restore take on this machine, so the
  // kills land both inside them and after they finish.
  const snapshotFile = path.join(root, 'restore-source.qlbak');
  const opened = await unlockWorkspace(dir, 'admin', password, env);
  let started = performance.now();
  createBackup(opened, snapshotFile);
  const backupMs = performance.now() - started;
  opened.close('user');
  started = performance.now();
  await restoreBackup(snapshotFile, path.join(root, 'timing-restore'), 'admin', password, env);
  const restoreMs = performance.now() - started;

  const backupKills = Math.max(5, Math.round(kills / 5));
  let backups = 0;
  for (let run = 0; run < backupKills; run += 1) {
    const lines = await killAtRandom(['backup', dir, password, '', String(run)], 2.5 * backupMs);
    await check(dir, password, []);
    for (const line of lines.filter((item) => item.startsWith('backup '))) {
      const target = path.join(root, `restored-${run}-${backups}`);
      await restoreBackup(line.slice('backup '.length), target, 'admin', password, env);
      await check(target, password, []);
      backups += 1;
    }
  }
  console.log(
    `  ${backupKills} kills during backups: workspace intact each time; ${backups} reported backups restored and verified.`,
  );

  // Restores killed at random: the workspace opens either as it was or as restored, never broken.
  const restoreKills = Math.max(5, Math.round(kills / 5));
  let restored = 0;
  for (let run = 0; run < restoreKills; run += 1) {
    // A case made after the backup tells the two states apart.
    const marker = `AFTER-BACKUP-${run}`;
    const writer = await unlockWorkspace(dir, 'admin', password, env);
    createCase(
      writer,
      caseCreateInput.parse({
        caseNo: marker,
        title: marker,
        offenceType: 'trafficking',
        openedOn: '2026-03-01',
      }),
    );
    writer.close('user');
    const lines = await killAtRandom(
      ['restore', dir, password, snapshotFile, String(run)],
      1.5 * restoreMs,
    );
    await check(dir, password, []);
    const after = await unlockWorkspace(dir, 'admin', password, env);
    const present = after.db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM cases WHERE case_no = ${marker}`,
    )!.n;
    after.close('user');
    if (lines.includes('restored') && present)
      throw new Error('a reported restore did not take effect');
    if (!present) restored += 1;
  }
  console.log(
    `  ${restoreKills} kills during restores: the workspace opened intact each time (${restored}× restored, ${restoreKills - restored}× as it was).`,
  );
  await rekeyKills(dir, password);
  fs.rmSync(root, { recursive: true, force: true });
}

/** Kills during password changes, with and without a key rotation: the old or the new opens. */
async function passwordKills(dir: string, start: string): Promise<string> {
  let password = start;
  const changes = Math.max(5, Math.round(kills / 5));
  let oldWorked = 0;
  let newWorked = 0;
  for (let run = 0; run < changes; run += 1) {
    const next = password === passwords[0] ? passwords[1]! : passwords[0]!;
    const mode = run % 2 === 0 ? 'password' : 'password-rotate';
    const lines = await killAtRandom([mode, dir, password, next, String(run)], 400);
    let opened: string | null = null;
    for (const candidate of [password, next]) {
      try {
        await check(dir, candidate, []);
        opened = candidate;
        break;
      } catch {
        // tried below: neither opening is the failure
      }
    }
    if (!opened) throw new Error('after a kill during a password change, neither password opens');
    if (lines.includes('changed') && opened !== next)
      throw new Error('a reported password change was lost');
    if (opened === password) oldWorked += 1;
    else newWorked += 1;
    password = opened;
  }
  console.log(
    `  ${changes} kills during a password change: old password ${oldWorked}×, new ${newWorked}×, never neither.`,
  );
  return password;
}

/**
 * Kills during key rotations (checkpoint, out of WAL, PRAGMA rekey, header, journal). After each
 * kill the admin's password still opens the workspace, whichever key the database is under;
 * the unlock finishes an interrupted rotation and leaves no journal; the data key changes as
 * reported.
 */
async function rekeyKills(dir: string, password: string): Promise<void> {
  const rekeyKills = kills;
  let finished = 0;
  let rotations = 0;
  // The kill window is scaled to one rotation on this workspace (it grows with the data the
  // earlier phases wrote): a fixed window shorter than the re-keyed copy never reached the
  // journal, rename and header steps.
  const timing = await unlockWorkspace(dir, 'admin', password, env);
  const started = performance.now();
  try {
    await rotateKey(timing, env);
  } finally {
    timing.close('user');
  }
  const rotateMs = performance.now() - started;
  let previousKey = await currentKey(dir, password);
  for (let run = 0; run < rekeyKills; run += 1) {
    const lines = await killAtRandom(
      ['rekey', dir, password, '', String(run)],
      Math.max(600, 2.5 * rotateMs),
    );
    const journalLeft = fs.existsSync(path.join(dir, 'rekey-journal.json'));
    const files = fs.readdirSync(dir).join(' ');
    try {
      await check(dir, password, []);
    } catch (error) {
      throw new Error(
        `after a kill during rotation (${lines.at(-1) ?? 'none'}; ${files}): ${String(error)}`,
        { cause: error },
      );
    }
    if (fs.existsSync(path.join(dir, 'rekey-journal.json')))
      throw new Error('an unlock left the re-key journal behind');
    if (journalLeft) finished += 1;
    const reported = lines.filter((line) => line.startsWith('rotated ')).length;
    const key = await currentKey(dir, password);
    if (reported > 0 && key.equals(previousKey))
      throw new Error('a reported rotation did not change the data key');
    rotations += reported;
    previousKey = key;
  }
  console.log(
    `  ${rekeyKills} kills during key rotations (one takes ${Math.round(rotateMs)} ms): opened each time with the old or the new key (${rotations} rotations reported, ${finished} interrupted ones settled at the next unlock).`,
  );
}

async function currentKey(dir: string, password: string): Promise<Buffer> {
  const workspace = await unlockWorkspace(dir, 'admin', password, env);
  try {
    return Buffer.from(workspace.dataKey());
  } finally {
    workspace.close('user');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
