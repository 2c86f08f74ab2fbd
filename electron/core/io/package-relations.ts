import type Database from 'better-sqlite3';
import { getTableColumns } from 'drizzle-orm';
import { relationsTable } from '../db/schema';
import type { RelationInsert } from '../relations/relation-repository';
import type { CaseSnapshot } from './case-snapshot';
import { multiRowInsert } from './bulk-insert';
import type { CheckedPackage } from './package-checks';
import { invalidRow } from './package-rows';
import { takenIds } from './taken-ids';

type Stamp = { createdAt: string; updatedAt: string; createdBy: string; updatedBy: string };
type Fields = RelationInsert & { messageCount: number | null };

/** The columns a package's relation is written with, by their names in the schema. */
const written = [
  'id',
  'num',
  'fromEntityId',
  'toEntityId',
  'type',
  'directed',
  'startedOn',
  'endedOn',
  'amountFen',
  'eventCount',
  'messageCount',
  'durationSeconds',
  'drugType',
  'quantityValue',
  'quantityUnit',
  'quantityNormalised',
  'normalisedUnit',
  'source',
  'reliability',
  'credibility',
  'caseId',
  'notes',
  'mergedAway',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
] as const;

/**
 * Writes a package's checked relations (package-checks) with multi-row inserts, as the file
 * import writes its relations: the ends and case mapped to this workspace's, numbered here
 * (the trigger that numbers a relation written without one would run an UPDATE for each),
 * one already held here (same ID) left as it is. Returns how many were written; `onWritten`
 * hears each. Runs inside the package's transaction.
 */
export function writeRelations(
  sqlite: Database.Database,
  checked: CheckedPackage,
  options: {
    stamp: Stamp;
    mapEntity: (id: string) => string;
    mapCase: (id: string | null) => string | null;
    onWritten: (relation: CaseSnapshot['relations'][number], fields: Fields) => void;
  },
): number {
  const relations = checked.snapshot.relations;
  const held = takenIds(
    sqlite,
    'relations',
    relations.map((relation) => relation.id),
  );
  const columns = getTableColumns(relationsTable);
  const insert = multiRowInsert(
    sqlite,
    'relations',
    // The schema's keys in snake case, as the database is opened with (casing: snake_case).
    written.map((key) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)),
  );
  let num = (
    sqlite.prepare('SELECT coalesce(max(num), 0) + 1 AS next FROM relations').get() as {
      next: number;
    }
  ).next;
  let count = 0;
  for (const [row, relation] of relations.entries()) {
    if (held.has(relation.id)) continue;
    const fields: Fields = {
      ...checked.relations[row]!,
      fromEntityId: options.mapEntity(relation.fromEntityId),
      toEntityId: options.mapEntity(relation.toEntityId),
      caseId: options.mapCase(relation.caseId),
    };
    // Two of the package's entities that are one entity here.
    if (fields.fromEntityId === fields.toEntityId)
      throw invalidRow('relations', row, 'relations.selfLink');
    const values: Partial<Record<(typeof written)[number], unknown>> = {
      ...fields,
      ...options.stamp,
      id: relation.id,
      num,
      // No merge of this workspace hid it.
      mergedAway: false,
    };
    num += 1;
    const at = insert.next();
    for (const [index, key] of written.entries()) {
      const value = values[key] ?? null;
      insert.values[at + index] = value === null ? null : columns[key].mapToDriverValue(value);
    }
    options.onWritten(relation, fields);
    count += 1;
  }
  insert.flush();
  return count;
}
