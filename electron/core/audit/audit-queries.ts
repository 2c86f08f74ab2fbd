import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { auditActionGroups, type AuditActionGroup } from '../../api/domain/audit-actions';
import type { AuditFilter, AuditRow, auditListInput } from '../../api/schemas/audit-schemas';
import { nextDay, zonedDayStart } from '../../api/domain/time-zone';
import type { Executor } from '../db/database-types';
import { auditLogTable } from '../db/schema';
import { authorStatuses, type AuthorKeys } from './audit-author';

/**
 * The records of one case: those whose target is the case, or that name it as `details.caseId`.
 * Matching the target's type too, so that no user's or entity's records answer to their ID.
 */
export function aboutCase(caseId: string): SQL {
  return or(
    and(eq(auditLogTable.targetType, 'case'), eq(auditLogTable.targetId, caseId)),
    // Guarded by json_valid: details written outside the app need not be JSON.
    sql`(json_valid(${auditLogTable.details}) AND json_extract(${auditLogTable.details}, '$.caseId') = ${caseId})`,
    // An export of the case's entities filed under another case (graph.exported's caseIds), and
    // a gang broken or a place destroyed, an outcome of every case it is in; a package's
    // relation between two people of the workspace's cases.
    sql`(${auditLogTable.action} IN ('graph.exported', 'entities.gangBroken', 'entities.placeDestroyed', 'relations.created') AND json_valid(${auditLogTable.details}) AND EXISTS (SELECT 1 FROM json_each(${auditLogTable.details}, '$.caseIds') WHERE value = ${caseId}))`,
  )!;
}

/**
 * The filter as SQL: exact user, action or kind of action, case (target or named), days. The
 * days are calendar days in the workspace's zone, compared as the UTC instants the log keeps.
 */
export function auditWhere(input: AuditFilter, zone: string): SQL | undefined {
  const conditions: SQL[] = [];
  if (input.action) conditions.push(eq(auditLogTable.action, input.action));
  if (input.group)
    conditions.push(
      inArray(auditLogTable.action, [...auditActionGroups[input.group as AuditActionGroup]]),
    );
  if (input.username) conditions.push(eq(auditLogTable.username, input.username));
  if (input.targetId) conditions.push(eq(auditLogTable.targetId, input.targetId));
  if (input.caseId) conditions.push(aboutCase(input.caseId));
  if (input.from) conditions.push(sql`${auditLogTable.at} >= ${zonedDayStart(input.from, zone)}`);
  if (input.to)
    conditions.push(sql`${auditLogTable.at} < ${zonedDayStart(nextDay(input.to), zone)}`);
  return conditions.length ? and(...conditions) : undefined;
}

type StoredRow = typeof auditLogTable.$inferSelect;

/** A record's details: a JSON object, or (written outside the app) the text as it stands. */
function parseDetails(text: string | null): {
  details: Record<string, unknown> | null;
  malformed: boolean;
} {
  if (text === null) return { details: null, malformed: false };
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value))
      return { details: value as Record<string, unknown>, malformed: false };
  } catch {
    // Not JSON: shown raw below.
  }
  return { details: { raw: text }, malformed: true };
}

/**
 * Rows with the case number and the subject's name looked up (one query each per page), and,
 * given the author keys, whether each record's author is proven.
 */
export function withNames(db: Executor, records: StoredRow[], keys?: AuthorKeys): AuditRow[] {
  const authors = keys ? authorStatuses(keys, records) : null;
  const parsed = records.map((record) => ({ record, ...parseDetails(record.details) }));
  const caseIdOf = ({ record, details }: (typeof parsed)[number]) =>
    record.targetType === 'case'
      ? record.targetId
      : typeof details?.['caseId'] === 'string'
        ? details['caseId']
        : null;
  const entityIdOf = ({ record, details }: (typeof parsed)[number]) =>
    record.targetType === 'entity'
      ? record.targetId
      : typeof details?.['entityId'] === 'string'
        ? details['entityId']
        : null;
  const caseIds = [...new Set(parsed.map(caseIdOf).filter((id): id is string => !!id))];
  const entityIds = [...new Set(parsed.map(entityIdOf).filter((id): id is string => !!id))];
  const caseNos = new Map(
    db
      .all<{ id: string; case_no: string }>(
        sql`SELECT id, case_no FROM cases WHERE id IN (SELECT value FROM json_each(${JSON.stringify(caseIds)}))`,
      )
      .map((row) => [row.id, row.case_no]),
  );
  const labels = new Map(
    db
      .all<{ id: string; label: string }>(
        sql`SELECT id, label FROM entities WHERE id IN (SELECT value FROM json_each(${JSON.stringify(entityIds)}))`,
      )
      .map((row) => [row.id, row.label]),
  );
  return parsed.map((item) => {
    const { record, details, malformed } = item;
    const caseId = caseIdOf(item);
    const entityId = entityIdOf(item);
    return {
      seq: record.seq,
      at: record.at,
      userId: record.userId,
      username: record.username,
      action: record.action,
      targetType: record.targetType,
      targetId: record.targetId,
      result: record.result,
      details,
      caseNo:
        (caseId ? caseNos.get(caseId) : undefined) ??
        (typeof details?.['caseNo'] === 'string' ? details['caseNo'] : null),
      subject: (entityId ? labels.get(entityId) : undefined) ?? null,
      author: authors?.get(record.seq) ?? null,
      ...(malformed ? { detailsMalformed: true as const } : {}),
    };
  });
}

/** Newest first, filtered by user, action or kind, case and days (in the workspace's zone). */
export function listAudit(
  db: Executor,
  input: z.output<typeof auditListInput>,
  zone: string,
  keys?: AuthorKeys,
): { rows: AuditRow[]; total: number } {
  const where = auditWhere(input, zone);
  const records = db
    .select()
    .from(auditLogTable)
    .where(where)
    .orderBy(desc(auditLogTable.seq))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(auditLogTable)
      .where(where)
      .get()?.n ?? 0;
  return { rows: withNames(db, records, keys), total };
}

/** The user names the log holds, for the filter. */
export function auditUsernames(db: Executor): string[] {
  return db
    .all<{ username: string }>(
      sql`SELECT DISTINCT username FROM audit_log WHERE username IS NOT NULL ORDER BY username`,
    )
    .map((row) => row.username);
}
