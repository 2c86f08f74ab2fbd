import * as z from 'zod';

/** Scheduled backups: into `folder` (empty: off) every `everyHours`, keeping the newest `keep`. */
export const backupScheduleSchema = z.object({
  folder: z.string().trim().max(500),
  everyHours: z.number().int().min(1).max(168),
  keep: z.number().int().min(1).max(365),
});
export type BackupSchedule = z.infer<typeof backupScheduleSchema>;

const backupFileSchema = z.object({
  fileName: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});

export const backupStatusSchema = z.object({
  schedule: backupScheduleSchema,
  lastBackupAt: z.string().nullable(),
  /** The backups in the folder, newest first. */
  files: z.array(backupFileSchema),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const backupRestoreInput = z.object({
  fileName: z.string().min(1).max(260),
  /** The signed-in user's password: it must open the backup, which is checked before anything changes. */
  password: z.string().min(1).max(200),
});
