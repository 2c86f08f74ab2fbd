import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';
import { indexEntity } from '../search/search-indexer';

function aliasesOf(db: Executor, personId: string): { name: string; aliases: string[] } | null {
  const row = db.get<{ name: string; aliases: string }>(
    sql`SELECT p.name, p.aliases FROM persons p
      WHERE p.entity_id = ${personId}`,
  );
  return row ? { name: row.name, aliases: JSON.parse(row.aliases) as string[] } : null;
}

/**
 * Adds names a person is also known by (a list's other spelling, a 曾用名) to the person's
 * aliases, leaving out the name and the aliases already recorded; the person's search document
 * follows. Returns the names added.
 */
export function addPersonAliases(db: Executor, personId: string, names: string[]): string[] {
  const person = aliasesOf(db, personId);
  if (!person) return [];
  const added = [...new Set(names.map((name) => name.trim()).filter(Boolean))].filter(
    (name) => name !== person.name && !person.aliases.includes(name),
  );
  if (!added.length) return [];
  db.run(
    sql`UPDATE persons SET aliases = ${JSON.stringify([...person.aliases, ...added])} WHERE entity_id = ${personId}`,
  );
  indexEntity(db, personId);
  return added;
}

/** Takes one alias off a person again (an import that added it is deleted). */
export function removePersonAlias(db: Executor, personId: string, name: string): void {
  const person = aliasesOf(db, personId);
  if (!person?.aliases.includes(name)) return;
  db.run(
    sql`UPDATE persons SET aliases = ${JSON.stringify(person.aliases.filter((alias) => alias !== name))} WHERE entity_id = ${personId}`,
  );
  indexEntity(db, personId);
}
