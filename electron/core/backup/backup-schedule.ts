import fs from 'node:fs';
import path from 'node:path';
import {
  backupScheduleSchema,
  type BackupSchedule,
  type BackupStatus,
} from '../../api/schemas/backup-schemas';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import { readSetting, writeSetting } from '../settings/settings-service';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { readBackupHeader } from './backup-file';
import { createBackup } from './backup-service';
import { workspaceStamp } from '../settings/workspace-time';

const scheduleKey = 'backup.schedule';
const lastKey = 'backup.lastAt';
const defaultSchedule: BackupSchedule = { folder: '', everyHours: 24, keep: 7 };
/** quanlian-20261123-201500.qlbak: sorts by time, and nothing else in the folder matches. */
const backupName = /^quanlian-\d{8}-\d{6}\.qlbak$/;

function readSchedule(db: Executor): BackupSchedule {
  const parsed = backupScheduleSchema.safeParse(readSetting(db, scheduleKey));
  return parsed.success ? parsed.data : defaultSchedule;
}

export function updateSchedule(
  workspace: UnlockedWorkspace,
  schedule: BackupSchedule,
): BackupSchedule {
  if (schedule.folder && !path.isAbsolute(schedule.folder))
    throw new AppError('backup.folderInvalid', 'The backup folder must be an absolute path');
  return workspace.write(
    (tx) => {
      writeSetting(tx, scheduleKey, schedule, workspace.now(), workspace.user.id);
      return schedule;
    },
    { action: 'backup.scheduled', details: { ...schedule } },
  );
}

export function backupStatus(db: Executor): BackupStatus {
  const schedule = readSchedule(db);
  const lastBackupAt = (readSetting(db, lastKey) as string | null) ?? null;
  if (!schedule.folder || !fs.existsSync(schedule.folder))
    return { schedule, lastBackupAt, files: [] };
  const files = fs
    .readdirSync(schedule.folder)
    .filter((name) => backupName.test(name))
    .sort()
    .reverse()
    .flatMap((fileName) => {
      const file = path.join(schedule.folder, fileName);
      try {
        const { header } = readBackupHeader(file);
        return [{ fileName, size: fs.statSync(file).size, createdAt: header.createdAt }];
      } catch {
        return [];
      }
    });
  return { schedule, lastBackupAt, files };
}

/** A backup into the schedule's folder now, then the oldest beyond `keep` removed. */
export function backupNow(workspace: UnlockedWorkspace): { fileName: string; removed: string[] } {
  const schedule = readSchedule(workspace.db);
  if (!schedule.folder) throw new AppError('backup.folderInvalid', 'No backup folder is set');
  fs.mkdirSync(schedule.folder, { recursive: true, mode: 0o700 });
  const fileName = `quanlian-${workspaceStamp(workspace)}.qlbak`;
  createBackup(workspace, path.join(schedule.folder, fileName));
  writeSetting(workspace.db, lastKey, workspace.now(), workspace.now(), workspace.user.id);
  const all = fs
    .readdirSync(schedule.folder)
    .filter((name) => backupName.test(name))
    .sort();
  const removed = all.slice(0, Math.max(0, all.length - schedule.keep));
  for (const name of removed) fs.rmSync(path.join(schedule.folder, name), { force: true });
  return { fileName, removed };
}

/**
 * After the data key was replaced, the backups in the folder still open with the key (and the
 * key slots) they were made with: a revoked account's old password opens them. This makes a
 * backup under the current key and removes every older one in the folder; audited with the
 * names removed.
 */
export function replaceOldBackups(workspace: UnlockedWorkspace): {
  fileName: string;
  removed: string[];
} {
  const { fileName } = backupNow(workspace);
  const { folder } = readSchedule(workspace.db);
  const removed = fs
    .readdirSync(folder)
    .filter((name) => backupName.test(name) && name !== fileName)
    .sort();
  for (const name of removed) fs.rmSync(path.join(folder, name), { force: true });
  workspace.audit({
    action: 'backup.oldReplaced',
    targetType: 'workspace',
    targetId: workspace.workspaceId,
    details: { kept: fileName, removed },
  });
  return { fileName, removed };
}

/** Makes the scheduled backup when one is due; returns its file name, or null. */
export function backupIfDue(workspace: UnlockedWorkspace): string | null {
  const schedule = readSchedule(workspace.db);
  if (!schedule.folder) return null;
  const last = readSetting(workspace.db, lastKey) as string | null;
  const due =
    !last || Date.parse(workspace.now()) - Date.parse(last) >= schedule.everyHours * 3_600_000;
  return due ? backupNow(workspace).fileName : null;
}

/** Where a listed backup lives; names outside the schedule's pattern are refused. */
export function backupFilePath(db: Executor, fileName: string): string {
  const { folder } = readSchedule(db);
  if (!folder || !backupName.test(fileName))
    throw new AppError('backup.invalid', 'Not a backup of this workspace');
  return path.join(folder, fileName);
}
