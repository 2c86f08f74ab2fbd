import { sql, type SQL } from 'drizzle-orm';
import { parseFarEnd } from '../../api/domain/identifiers';
import { nextDay, zonedDayStart } from '../../api/domain/time-zone';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import { unixSecondsFrom } from '../db/unix-time';

/** A query period as UTC ISO bounds: `from` inclusive, `to` exclusive; days counted in `zone`. */
export interface Period {
  from: string | null;
  to: string | null;
  /** The workspace's IANA zone: hours, weekdays and days of the results are its wall clock. */
  zone: string;
}

/**
 * A calendar day is its whole day in the workspace's zone (00:00–24:00 Beijing time by
 * default); an instant is taken as given (an upper instant inclusive).
 */
export function periodOf(input: { from?: string; to?: string }, zone: string): Period {
  const bound = (value: string | undefined, end: boolean): string | null => {
    if (value === undefined) return null;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return zonedDayStart(end ? nextDay(value) : value, zone);
    return new Date(Date.parse(value) + (end ? 1 : 0)).toISOString();
  };
  return { from: bound(input.from, false), to: bound(input.to, true), zone };
}

/** SQL condition on a UTC ISO column for a period (`bound`: a bound as the column holds it). */
export function periodCondition(
  column: SQL,
  period: Period,
  bound: (iso: string) => string | number = (iso) => iso,
): SQL {
  return sql.join(
    [
      sql`1 = 1`,
      ...(period.from ? [sql`${column} >= ${bound(period.from)}`] : []),
      ...(period.to ? [sql`${column} < ${bound(period.to)}`] : []),
    ],
    sql` AND `,
  );
}

/**
 * SQL condition on a Unix-seconds column (call records) for a period: a whole second is in
 * the period when it is at or after `from` and before `to`.
 */
export function unixPeriodCondition(column: SQL, period: Period): SQL {
  return periodCondition(column, period, unixSecondsFrom);
}

export interface PhoneRow {
  id: string;
  number: string;
}

const livePhone = sql`SELECT e.id AS id, p.number AS number FROM entities e
  JOIN phones p ON p.entity_id = e.id
  WHERE e.deleted_at IS NULL AND e.merged_into_id IS NULL`;

/** The entity a duplicate was merged into (its relations moved there), or the entity itself. */
function survivor(db: Executor, id: string): string {
  let current = id;
  for (let step = 0; step < 16; step += 1) {
    const row = db.get<{ merged: string | null }>(
      sql`SELECT merged_into_id AS merged FROM entities WHERE id = ${current}`,
    );
    if (!row?.merged) break;
    current = row.merged;
  }
  return current;
}

/**
 * A phone named by entity ID or number (a merged duplicate's stands for the phone it was merged
 * into); refused, naming it, when the workspace has none.
 */
export function resolvePhone(db: Executor, ref: string): PhoneRow {
  const parsed = parseFarEnd(ref);
  const number = parsed.ok ? parsed.value : ref;
  const named =
    db.get<{ id: string }>(sql`SELECT entity_id AS id FROM phones WHERE entity_id = ${ref}`) ??
    db.get<{ id: string }>(sql`SELECT entity_id AS id FROM phones WHERE number = ${number}`);
  const found = named && db.get<PhoneRow>(sql`${livePhone} AND e.id = ${survivor(db, named.id)}`);
  if (found) return found;
  throw new AppError('analytics.phoneNotFound', 'The phone is not in the workspace', {
    phone: ref,
  });
}

/**
 * The phones of a case's suspects: phones the suspects own or use (relations either way),
 * plus phones added to the case as suspects themselves.
 */
export function suspectPhones(db: Executor, caseId: string): PhoneRow[] {
  const found = db.get<{ id: string }>(
    sql`SELECT id FROM cases WHERE id = ${caseId} AND deleted_at IS NULL`,
  );
  if (!found) throw new AppError('cases.notFound', 'Case not found');
  return db.all<PhoneRow>(sql`
    WITH suspects AS (
      SELECT ce.entity_id AS id FROM case_entities ce
      WHERE ce.case_id = ${caseId} AND ce.role_in_case = 'suspect'
    ), owned AS (
      SELECT r.to_entity_id AS id FROM relations r JOIN suspects s ON s.id = r.from_entity_id
      WHERE r.type IN ('owns', 'uses') AND r.deleted_at IS NULL
      UNION SELECT r.from_entity_id FROM relations r JOIN suspects s ON s.id = r.to_entity_id
      WHERE r.type IN ('owns', 'uses') AND r.deleted_at IS NULL
      UNION SELECT id FROM suspects
    )
    ${livePhone} AND e.id IN (SELECT id FROM owned) ORDER BY p.number`);
}

export interface AccountRow {
  id: string;
  accountNo: string;
  holderName: string | null;
}

const liveAccount = sql`SELECT e.id AS id, a.account_no AS accountNo, a.holder_name AS holderName
  FROM entities e JOIN accounts a ON a.entity_id = e.id
  WHERE e.deleted_at IS NULL AND e.merged_into_id IS NULL`;

/** An account named by entity ID or account number (merged: the survivor); else refused, named. */
export function resolveAccount(db: Executor, ref: string): AccountRow {
  const compact = ref.replace(/\s/g, '');
  const named =
    db.get<{ id: string }>(sql`SELECT entity_id AS id FROM accounts WHERE entity_id = ${ref}`) ??
    db.get<{ id: string }>(
      sql`SELECT entity_id AS id FROM accounts WHERE account_no = ${compact} ORDER BY entity_id LIMIT 1`,
    );
  const found =
    named && db.get<AccountRow>(sql`${liveAccount} AND e.id = ${survivor(db, named.id)}`);
  if (found) return found;
  throw new AppError('analytics.accountNotFound', 'The account is not in the workspace', {
    account: ref,
  });
}

/** The accounts a person owns or uses. */
export function personAccounts(db: Executor, personId: string): AccountRow[] {
  const person = db.get<{ id: string }>(
    sql`SELECT id FROM entities WHERE id = ${personId} AND kind = 'person' AND deleted_at IS NULL`,
  );
  if (!person) throw new AppError('entities.notFound', 'Person not found');
  return db.all<AccountRow>(sql`${liveAccount} AND e.id IN (
    SELECT r.to_entity_id FROM relations r WHERE r.from_entity_id = ${personId}
      AND r.type IN ('owns', 'uses') AND r.deleted_at IS NULL
    UNION SELECT r.from_entity_id FROM relations r WHERE r.to_entity_id = ${personId}
      AND r.type IN ('owns', 'uses') AND r.deleted_at IS NULL) ORDER BY a.account_no`);
}

/** Loads labels for many entity IDs in chunks. */
export function inList(ids: string[]) {
  return sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
}
