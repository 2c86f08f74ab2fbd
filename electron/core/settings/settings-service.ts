import { settingsSchema, type Settings } from '../../api/schemas/settings-schemas';
import type { Executor } from '../db/database-types';
import { settingsTable } from '../db/schema';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { defaultIdleLockMinutes } from '../vault/workspace-vault';

const defaults: Settings = { unitName: '', idleLockMinutes: defaultIdleLockMinutes };

export function readSettings(db: Executor): Settings {
  const values: Record<string, unknown> = { ...defaults };
  for (const row of db.select().from(settingsTable).all()) values[row.key] = JSON.parse(row.value);
  return settingsSchema.parse(values);
}

/** Updates the given settings in one audited transaction. */
export function updateSettings(workspace: UnlockedWorkspace, change: Partial<Settings>): Settings {
  const entries = Object.entries(change).filter(([, value]) => value !== undefined);
  return workspace.write(
    (tx) => {
      for (const [key, value] of entries) {
        const row = {
          key,
          value: JSON.stringify(value),
          updatedAt: workspace.now(),
          updatedBy: workspace.user.id,
        };
        tx.insert(settingsTable)
          .values(row)
          .onConflictDoUpdate({ target: settingsTable.key, set: row })
          .run();
      }
      return readSettings(tx);
    },
    { action: 'settings.updated', targetType: 'settings', details: Object.fromEntries(entries) },
  );
}
