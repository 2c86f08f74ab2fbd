import { and, desc, notInArray, sql } from 'drizzle-orm';
import { auditActionGroups } from '../../api/domain/audit-actions';
import type { AuditRow } from '../../api/schemas/audit-schemas';
import { aboutCase, withNames } from '../audit/audit-queries';
import type { Executor } from '../db/database-types';
import { auditLogTable } from '../db/schema';
import { assertCaseExists } from '../membership/case-guards';

/**
 * The audit records of one case: about the case itself, or carrying its id (seizures, relations …).
 * A viewer may read this, so the ID must name a case: any other ID (a user's, an entity's) would
 * open a trail that only a lead reads through `audit.list`.
 */
export function caseAuditHistory(
  db: Executor,
  caseId: string,
  page: number,
  pageSize: number,
): { rows: AuditRow[]; total: number } {
  assertCaseExists(db, caseId);
  // The changes, not who looked: a viewer reads this tab, and who viewed the case is for a
  // lead's audit log (查询留痕) alone.
  const where = and(
    aboutCase(caseId),
    notInArray(auditLogTable.action, [...auditActionGroups.reads]),
  )!;
  const records = db
    .select()
    .from(auditLogTable)
    .where(where)
    .orderBy(desc(auditLogTable.seq))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const total =
    db.get<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE ${where}`)?.n ?? 0;
  return { rows: withNames(db, records), total };
}
