import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditRow, auditListInput } from '../../api/schemas/audit-schemas';
import type { Executor } from '../db/database-types';
import { auditLogTable } from '../db/schema';

/** Newest first, filtered by action, user name or target. */
export function listAudit(
  db: Executor,
  input: z.output<typeof auditListInput>,
): { rows: AuditRow[]; total: number } {
  const conditions: SQL[] = [];
  if (input.action) conditions.push(eq(auditLogTable.action, input.action));
  if (input.username) conditions.push(eq(auditLogTable.username, input.username));
  if (input.targetId) conditions.push(eq(auditLogTable.targetId, input.targetId));
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = db
    .select()
    .from(auditLogTable)
    .where(where)
    .orderBy(desc(auditLogTable.seq))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all()
    .map((record) => ({
      seq: record.seq,
      at: record.at,
      userId: record.userId,
      username: record.username,
      action: record.action,
      targetType: record.targetType,
      targetId: record.targetId,
      result: record.result,
      details: record.details ? (JSON.parse(record.details) as Record<string, unknown>) : null,
    }));
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(auditLogTable)
      .where(where)
      .get()?.n ?? 0;
  return { rows, total };
}
