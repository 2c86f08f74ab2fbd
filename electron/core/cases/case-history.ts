import { desc, sql } from 'drizzle-orm';
import type { AuditRow } from '../../api/schemas/audit-schemas';
import { withNames } from '../audit/audit-queries';
import type { Executor } from '../db/database-types';
import { auditLogTable } from '../db/schema';

/** The audit records of one case: about the case itself, or carrying its id (seizures, relations …). */
export function caseAuditHistory(
  db: Executor,
  caseId: string,
  page: number,
  pageSize: number,
): { rows: AuditRow[]; total: number } {
  const where = sql`target_id = ${caseId} OR json_extract(details, '$.caseId') = ${caseId}`;
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
