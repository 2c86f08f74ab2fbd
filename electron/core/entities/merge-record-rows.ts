import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';

/**
 * Imported records that name an entity themselves, not through a relation: the account of a
 * bank statement row (its cash rows are on that account's ledger), the IPs, MACs and device IDs
 * it was operated from, and a phone's IMEI/IMSI/cell sightings. A merge moves them to the entity kept, as it moves relations.
 */
const recordColumns = [
  { table: 'money_transfers', column: 'account_id' },
  { table: 'phone_identifiers', column: 'phone_id' },
  { table: 'account_identifiers', column: 'account_id' },
  { table: 'data_sessions', column: 'phone_id' },
] as const;

/**
 * Tables a merge moved rows of. A call record names its list's target phone as an end of its
 * relation (`own_end`), so it follows the relations a merge moves; only the relations between
 * the two entities stay as they were (hidden), and their records that named the duplicate are
 * turned to the kept end. (Merges recorded before migration 0013 list every call record they
 * gave the kept phone.)
 */
type RecordTable = (typeof recordColumns)[number]['table'] | 'call_records';

/**
 * Rows moved by a merge, as runs of consecutive row ids (an import writes its rows in one run,
 * so a million moved call records are a handful of runs in the audit record, not a million ids).
 */
export type MovedRecordRows = { table: RecordTable; runs: [number, number][] }[];

function runsOf(ids: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const id of ids) {
    const last = runs.at(-1);
    if (last && last[1] === id - 1) last[1] = id;
    else runs.push([id, id]);
  }
  return runs;
}

/**
 * Moves the records naming `fromId` to `toId`; the call records of `betweenIds` (the
 * relations between the two, hidden by the merge) that named `fromId` as their list's target
 * name `toId`, the other end.
 */
export function moveRecordRows(
  tx: Executor,
  fromId: string,
  toId: string,
  betweenIds: string[],
): MovedRecordRows {
  const moved: MovedRecordRows = [];
  for (const { table, column } of recordColumns) {
    const found = tx.all<{ id: number }>(
      sql`SELECT id FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} = ${fromId} ORDER BY id`,
    );
    if (!found.length) continue;
    const runs = runsOf(found.map((row) => row.id));
    moveRuns(tx, table, runs, toId);
    moved.push({ table, runs });
  }
  if (betweenIds.length) {
    const found = tx.all<{ id: number }>(sql`
      SELECT c.id FROM call_records c JOIN relations r ON r.num = c.relation_num
      WHERE r.id IN (SELECT value FROM json_each(${JSON.stringify(betweenIds)}))
        AND ((c.own_end = 1 AND r.from_entity_id = ${fromId}) OR (c.own_end = 2 AND r.to_entity_id = ${fromId}))
      ORDER BY c.id`);
    if (found.length) {
      const runs = runsOf(found.map((row) => row.id));
      for (const [first, last] of runs)
        tx.run(
          sql`UPDATE call_records SET own_end = 3 - own_end WHERE id BETWEEN ${first} AND ${last}`,
        );
      moved.push({ table: 'call_records', runs });
    }
  }
  return moved;
}

/**
 * Gives the rows a merge moved back to the duplicate (unmerge), after the relations went back:
 * a call record it moved names again the end of its relation that is the duplicate.
 */
export function moveRecordRowsBack(
  tx: Executor,
  moved: MovedRecordRows,
  toId: string,
  fromId: string,
): void {
  for (const { table, runs } of moved) moveRuns(tx, table, runs, toId, fromId);
}

/**
 * `fromId`, moving back: only rows still on the kept entity go (a row ID in a run may have been
 * deleted with its import since, and given to another phone's row).
 */
function moveRuns(
  tx: Executor,
  table: RecordTable,
  runs: [number, number][],
  toId: string,
  fromId?: string,
) {
  if (table === 'call_records') {
    for (const [first, last] of runs)
      tx.run(sql`UPDATE call_records SET own_end = (
          SELECT CASE WHEN r.from_entity_id = ${toId} THEN 1 WHEN r.to_entity_id = ${toId} THEN 2
            ELSE call_records.own_end END
          FROM relations r WHERE r.num = call_records.relation_num)
        WHERE id BETWEEN ${first} AND ${last} AND own_end IS NOT NULL`);
    return;
  }
  const { column } = recordColumns.find((entry) => entry.table === table)!;
  const still = fromId ? sql` AND ${sql.identifier(column)} = ${fromId}` : sql``;
  for (const [first, last] of runs)
    tx.run(
      sql`UPDATE ${sql.identifier(table)} SET ${sql.identifier(column)} = ${toId} WHERE id BETWEEN ${first} AND ${last}${still}`,
    );
}
