import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';

/**
 * Imported records that name an entity themselves, not through a relation: the account of a
 * bank statement row (its cash rows are on that account's ledger), the target phone of a call
 * list row (its base station is where that phone was: 同基站伴随) and a phone's IMEI/IMSI/cell
 * sightings. A merge moves them to the entity kept, as it moves relations.
 */
const recordColumns = [
  { table: 'money_transfers', column: 'account_id' },
  { table: 'call_records', column: 'own_phone_id' },
  { table: 'phone_identifiers', column: 'phone_id' },
] as const;

type RecordTable = (typeof recordColumns)[number]['table'];

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
 * Moves the records naming `fromId` to `toId`. Call records are found through the relations of
 * the duplicate (`relationIds`, those the merge moved or hid: a list's target phone is one end
 * of each of its calls) so that a merge reads the duplicate's calls, not every call record.
 */
export function moveRecordRows(
  tx: Executor,
  fromId: string,
  toId: string,
  relationIds: string[],
): MovedRecordRows {
  const moved: MovedRecordRows = [];
  for (const { table, column } of recordColumns) {
    const found =
      table === 'call_records'
        ? tx.all<{ id: number }>(sql`
            SELECT c.id FROM call_records c
            WHERE c.relation_id IN (SELECT value FROM json_each(${JSON.stringify(relationIds)}))
              AND c.own_phone_id = ${fromId}
            ORDER BY c.id`)
        : tx.all<{ id: number }>(
            sql`SELECT id FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} = ${fromId} ORDER BY id`,
          );
    if (!found.length) continue;
    const runs = runsOf(found.map((row) => row.id));
    moveRuns(tx, table, runs, toId);
    moved.push({ table, runs });
  }
  return moved;
}

/** Gives the rows a merge moved back to the duplicate (unmerge). */
export function moveRecordRowsBack(tx: Executor, moved: MovedRecordRows, toId: string): void {
  for (const { table, runs } of moved) moveRuns(tx, table, runs, toId);
}

function moveRuns(tx: Executor, table: RecordTable, runs: [number, number][], toId: string) {
  const { column } = recordColumns.find((entry) => entry.table === table)!;
  for (const [first, last] of runs)
    tx.run(
      sql`UPDATE ${sql.identifier(table)} SET ${sql.identifier(column)} = ${toId} WHERE id BETWEEN ${first} AND ${last}`,
    );
}
