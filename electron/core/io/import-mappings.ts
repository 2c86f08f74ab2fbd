import type { z } from 'zod';
import { importFields } from '../../api/domain/import-templates';
import { importMappingSchema, type ImportMapping } from '../../api/schemas/import-schemas';
import type { Executor } from '../db/database-types';
import { readSetting, writeSetting } from '../settings/settings-service';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';

const mappingsKey = 'import.mappings';

/** The column mappings saved under a name, kept in the workspace's settings. */
export function savedMappings(db: Executor): ImportMapping[] {
  const value = readSetting(db, mappingsKey);
  return value === null ? [] : importMappingSchema.array().parse(value);
}

/** Saves (or replaces) a named mapping; columns the template does not know are dropped. */
export function saveMapping(
  workspace: UnlockedWorkspace,
  input: z.output<typeof importMappingSchema>,
): ImportMapping[] {
  return workspace.write(
    (tx) => {
      const known = savedMappings(tx);
      const columns = Object.fromEntries(
        Object.entries(input.columns).filter(([field]) =>
          importFields[input.template].some((known) => known.key === field),
        ),
      );
      const mappings = [
        ...known.filter((mapping) => mapping.name !== input.name),
        { ...input, columns },
      ].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
      writeSetting(tx, mappingsKey, mappings, workspace.now(), workspace.user.id);
      return mappings;
    },
    { action: 'import.mappingSaved', details: { name: input.name, template: input.template } },
  );
}
