import { sql } from 'drizzle-orm';
import type { AuditRow } from '../../api/schemas/audit-schemas';
import type { Executor } from '../db/database-types';
import type { AuditRecord } from '../db/schema';

/** The audit records of one case: about the case itself, or carrying its id (seizures, relations …). */
export function caseAuditHistory(
  db: Executor,
  caseId: string,
  page: number,
  pageSize: number,
): { rows: AuditRow[]; total: number } {
  const where = sql`target_id = ${caseId} OR json_extract(details, '$.caseId') = ${caseId}`;
  const records = db.all<Record<string, unknown>>(
    sql`SELECT seq, at, user_id, username, action, target_type, target_id, result, details FROM audit_log WHERE ${where} ORDER BY seq DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
  const total =
    db.get<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE ${where}`)?.n ?? 0;
  return {
    rows: records.map((record) => ({
      seq: record['seq'] as number,
      at: record['at'] as string,
      userId: record['user_id'] as string | null,
      username: record['username'] as string | null,
      action: record['action'] as string,
      targetType: record['target_type'] as string | null,
      targetId: record['target_id'] as string | null,
      result: record['result'] as AuditRecord['result'],
      details: record['details']
        ? (JSON.parse(record['details'] as string) as Record<string, unknown>)
        : null,
    })),
    total,
  };
}
