import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';
import { indexEntity } from '../search/search-indexer';

function aliasesOf(db: Executor, personId: string): { name: string; aliases: string[] } | null {
  const row = db.get<{ name: string; aliases: string }>(
    sql`SELECT p.name, p.aliases FROM persons p WHERE p.entity_id = ${personId}`,
  );
  return row ? { name: row.name, aliases: JSON.parse(row.aliases) as string[] } : null;
}

/** A name compared without its spaces (张 三 is 张三). */
const bare = (name: string) => name.replace(/\s+/g, '');
/** A masked name (张*, 张**三, 张×三) is many people's: never an alias. */
const masked = /[*＊×]/;

/** Where `importAlias` keeps the aliases an import brought: the person's ID, a NUL, the name. */
export const aliasTarget = (personId: string, name: string) => `${personId}\u0000${name}`;

/**
 * Adds names a person is also known by (a list's other spelling, a 曾用名) to the person's
 * aliases, leaving out masked names, the name and the aliases already recorded (spaces aside);
 * the person's search document follows. Returns the names the import is to keep as its own:
 * those it added, and those another import added before (so the alias stays while either
 * import does; one typed by hand is nobody's to take away).
 */
export function addPersonAliases(db: Executor, personId: string, names: string[]): string[] {
  const person = aliasesOf(db, personId);
  if (!person) return [];
  const known = new Map(person.aliases.map((alias) => [bare(alias), alias]));
  const added: string[] = [];
  const kept: string[] = [];
  for (const name of new Set(names.map((each) => each.trim()))) {
    if (!name || masked.test(name) || bare(name) === bare(person.name)) continue;
    const recorded = known.get(bare(name));
    if (recorded === undefined) {
      added.push(name);
      known.set(bare(name), name);
    } else if (
      db.get(
        sql`SELECT 1 FROM import_created WHERE target_type = 'alias' AND target_id = ${aliasTarget(personId, recorded)}`,
      )
    )
      kept.push(recorded);
  }
  if (added.length) {
    db.run(
      sql`UPDATE persons SET aliases = ${JSON.stringify([...person.aliases, ...added])} WHERE entity_id = ${personId}`,
    );
    indexEntity(db, personId);
  }
  return [...added, ...kept];
}

/**
 * Takes an alias an import brought off the person again (the import is deleted), unless another
 * import brought it too.
 */
export function removePersonAlias(
  db: Executor,
  importId: string,
  personId: string,
  name: string,
): void {
  if (
    db.get(
      sql`SELECT 1 FROM import_created WHERE target_type = 'alias'
        AND target_id = ${aliasTarget(personId, name)} AND import_id <> ${importId}`,
    )
  )
    return;
  const person = aliasesOf(db, personId);
  if (!person?.aliases.includes(name)) return;
  db.run(
    sql`UPDATE persons SET aliases = ${JSON.stringify(person.aliases.filter((alias) => alias !== name))} WHERE entity_id = ${personId}`,
  );
  indexEntity(db, personId);
}
