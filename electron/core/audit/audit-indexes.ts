import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';

/**
 * The audit log's indexes as the migrations made them. Any account holder can drop one offline;
 * the case index is also what refuses a record whose details are not JSON, so it matters that
 * it is there. Checked at every unlock.
 */
const auditIndexes: Record<string, string> = {
  audit_log_target_idx: 'CREATE INDEX audit_log_target_idx ON audit_log (target_id)',
  audit_log_action_idx: 'CREATE INDEX audit_log_action_idx ON audit_log (action)',
  audit_log_case_idx: `CREATE INDEX audit_log_case_idx ON audit_log (json_extract(details, '$.caseId'))`,
};

interface IndexCheck {
  /** Indexes that were missing and are made again. */
  recreated: string[];
  /** Indexes that were missing and cannot be made again (records whose details are not JSON). */
  missing: string[];
}

/** Makes again any audit index that was dropped; says which were missing. */
export function ensureAuditIndexes(db: Executor): IndexCheck {
  const present = new Set(
    db
      .all<{ name: string }>(
        sql`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log'`,
      )
      .map((row) => row.name),
  );
  const check: IndexCheck = { recreated: [], missing: [] };
  for (const [name, statement] of Object.entries(auditIndexes)) {
    if (present.has(name)) continue;
    try {
      db.run(sql.raw(statement));
      check.recreated.push(name);
    } catch {
      check.missing.push(name);
    }
  }
  return check;
}
