import type Database from 'better-sqlite3';

/** IDs looked up per statement: SQLite binds the list as one JSON text. */
const idsPerQuery = 5_000;

/**
 * Which of `ids` the table holds already, looked up a few thousand at a time: a package of
 * 20,000 relations had asked SQLite once for each.
 */
export function takenIds(sqlite: Database.Database, table: string, ids: string[]): Set<string> {
  const taken = new Set<string>();
  if (ids.length === 0) return taken;
  const query = sqlite
    .prepare(`SELECT id FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`)
    .pluck();
  for (let offset = 0; offset < ids.length; offset += idsPerQuery)
    for (const id of query.all(JSON.stringify(ids.slice(offset, offset + idsPerQuery))))
      taken.add(id as string);
  return taken;
}
