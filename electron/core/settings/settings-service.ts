import { eq } from 'drizzle-orm';
import { settingsSchema, type Settings } from '../../api/schemas/settings-schemas';
import { defaultRiskGradeNames } from '../../api/domain/risk-grades';
import { defaultTimeZone } from '../../api/domain/time-zone';
import type { Executor } from '../db/database-types';
import { settingsTable } from '../db/schema';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { defaultIdleLockMinutes } from '../vault/workspace-vault';

const defaults: Settings = {
  unitName: '',
  idleLockMinutes: defaultIdleLockMinutes,
  riskGrades: defaultRiskGradeNames,
  timeZone: defaultTimeZone,
};

export function readSettings(db: Executor): Settings {
  const values: Record<string, unknown> = { ...defaults };
  for (const row of db.select().from(settingsTable).all()) values[row.key] = JSON.parse(row.value);
  return settingsSchema.parse(values);
}

/** The workspace's IANA zone: the one every date the core prints or names a file with is in. */
export function workspaceTimeZone(db: Executor): string {
  const zone = readSetting(db, 'timeZone');
  return typeof zone === 'string' && zone ? zone : defaultTimeZone;
}

/** One stored setting's value (parsed JSON), or null when it was never set. */
export function readSetting(db: Executor, key: string): unknown {
  const row = db.select().from(settingsTable).where(eq(settingsTable.key, key)).get();
  return row ? (JSON.parse(row.value) as unknown) : null;
}

/** Stores one setting (as JSON), stamped with who and when; call inside the change's transaction. */
export function writeSetting(
  tx: Executor,
  key: string,
  value: unknown,
  now: string,
  userId: string,
): void {
  const row = { key, value: JSON.stringify(value), updatedAt: now, updatedBy: userId };
  tx.insert(settingsTable)
    .values(row)
    .onConflictDoUpdate({ target: settingsTable.key, set: row })
    .run();
}

/** Updates the given settings in one audited transaction. */
export function updateSettings(workspace: UnlockedWorkspace, change: Partial<Settings>): Settings {
  const entries = Object.entries(change).filter(([, value]) => value !== undefined);
  return workspace.write(
    (tx) => {
      for (const [key, value] of entries)
        writeSetting(tx, key, value, workspace.now(), workspace.user.id);
      return readSettings(tx);
    },
    { action: 'settings.updated', targetType: 'settings', details: Object.fromEntries(entries) },
  );
}
