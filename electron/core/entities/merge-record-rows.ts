import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';

/**
 * Imported records that name an entity themselves, not through a relation: the account of a
 * bank statement row (its cash rows are on that account's ledger) and a phone's IMEI/IMSI/cell
 * sightings. A merge moves them to the entity kept, as it moves relations. (A call record names
 * its target phone as an end of its relation, so it follows the relation.)
 */
const recordColumns = [
  { table: 'money_transfers', column: 'account_id' },
  { table: 'phone_identifiers', column: 'phone_id' },
] as const;

/**
 * Tables a merge moved rows of. `call_records` stands in merges recorded before migration
 * 0013, when a call record named its target phone itself; an unmerge of those has nothing of
 * it to move back.
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

/** Moves the records naming `fromId` to `toId`. */
export function moveRecordRows(tx: Executor, fromId: string, toId: string): MovedRecordRows {
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
  return moved;
}

/** Gives the rows a merge moved back to the duplicate (unmerge). */
export function moveRecordRowsBack(tx: Executor, moved: MovedRecordRows, toId: string): void {
  for (const { table, runs } of moved) moveRuns(tx, table, runs, toId);
}

function moveRuns(tx: Executor, table: RecordTable, runs: [number, number][], toId: string) {
  const entry = recordColumns.find((candidate) => candidate.table === table);
  if (!entry) return;
  const { column } = entry;
  for (const [first, last] of runs)
    tx.run(
      sql`UPDATE ${sql.identifier(table)} SET ${sql.identifier(column)} = ${toId} WHERE id BETWEEN ${first} AND ${last}`,
    );
}
