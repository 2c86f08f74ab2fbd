import { sql, type SQL } from 'drizzle-orm';
import type { ImportTemplate } from '../../api/domain/import-templates';
import type { Executor } from '../db/database-types';
import { isoOfUnix } from '../db/unix-time';

/** Every import, newest first, with who ran it. */
export function listImports(db: Executor) {
  return db
    .all<{
      id: string;
      file_name: string;
      sha256: string;
      template: ImportTemplate;
      row_count: number;
      rejected_count: number;
      attempt_count: number;
      case_id: string | null;
      created_at: string;
      created_by: string | null;
    }>(
      // Attempts are a statement's alone: other imports are not looked up in money_transfers.
      sql`SELECT i.id, i.file_name, i.sha256, i.template, i.row_count, i.rejected_count, i.case_id, i.created_at,
          CASE WHEN i.template = 'transactions' THEN
            (SELECT count(*) FROM money_transfers t WHERE t.import_id = i.id AND t.attempt = 1)
          ELSE 0 END AS attempt_count,
          u.username AS created_by FROM imports i LEFT JOIN users u ON u.id = i.created_by ORDER BY i.created_at DESC, i.rowid DESC`,
    )
    .map((row) => ({
      id: row.id,
      fileName: row.file_name,
      sha256: row.sha256,
      template: row.template,
      rowCount: row.row_count,
      rejectedCount: row.rejected_count,
      attemptCount: row.attempt_count,
      caseId: row.case_id,
      createdAt: row.created_at,
      createdBy: row.created_by,
    }));
}

/**
 * The identifiers an entity's records show (a phone's or an account's), over all imports, each
 * with the other entities seen with the same value when its type links them.
 */
function identifiersOf<T extends string>(
  db: Executor,
  of: {
    table: 'phone_identifiers' | 'account_identifiers';
    owner: 'phone_id' | 'account_id';
    id: string;
    order: SQL;
    shared: (type: T) => boolean;
  },
) {
  const [table, owner] = [sql.raw(of.table), sql.raw(of.owner)];
  const rows = db.all<{ type: T; value: string; seen: number; first: string; last: string }>(
    sql`SELECT type, value, sum(seen_count) AS seen, min(first_seen) AS first, max(last_seen) AS last
        FROM ${table} WHERE ${owner} = ${of.id} GROUP BY type, value ORDER BY ${of.order}, seen DESC, value`,
  );
  return rows.map((row) => ({
    type: row.type,
    value: row.value,
    seenCount: row.seen,
    firstSeen: row.first,
    lastSeen: row.last,
    sharedWith: of.shared(row.type)
      ? db.all<{ id: string; label: string }>(
          sql`SELECT DISTINCT e.id, e.label FROM ${table} i JOIN entities e ON e.id = i.${owner}
              WHERE i.type = ${row.type} AND i.value = ${row.value} AND i.${owner} != ${of.id}
              AND e.deleted_at IS NULL ORDER BY e.label`,
        )
      : [],
  }));
}

/** A phone's IMEI, IMSI and cells as the records saw them; an IMEI also names the other SIMs. */
export function phoneIdentifiers(db: Executor, phoneId: string) {
  return identifiersOf<'imei' | 'imsi' | 'cell'>(db, {
    table: 'phone_identifiers',
    owner: 'phone_id',
    id: phoneId,
    order: sql`type`,
    shared: (type) => type === 'imei',
  });
}

/**
 * An account's IPs, MACs and device IDs as its statements showed them, and the masked logins an
 * Alipay user was printed by (138****5678), each with the others seen on it.
 */
export function accountIdentifiers(db: Executor, accountId: string) {
  return identifiersOf<'ip' | 'mac' | 'device' | 'login'>(db, {
    table: 'account_identifiers',
    owner: 'account_id',
    id: accountId,
    order: sql`CASE type WHEN 'login' THEN 0 WHEN 'mac' THEN 1 WHEN 'device' THEN 2 ELSE 3 END`,
    shared: () => true,
  });
}

interface SourceRow {
  import_id: string;
  line: number;
  file_name: string | null;
  sha256: string | null;
  template: string | null;
  imported_at: string | null;
  imported_by: string | null;
}

const sourceOf = (row: SourceRow) => ({
  importId: row.import_id,
  fileName: row.file_name,
  sha256: row.sha256,
  template: row.template,
  importedAt: row.imported_at,
  importedBy: row.imported_by,
  line: row.line,
});

/** The records under a relation, each with the file and line it came from. */
export function relationRecords(
  db: Executor,
  input: { relationId: string; page: number; pageSize: number },
) {
  const offset = (input.page - 1) * input.pageSize;
  const source = sql`i.file_name, i.sha256, i.template, i.created_at AS imported_at, u.username AS imported_by`;
  const relationNum = sql`(SELECT num FROM relations WHERE id = ${input.relationId})`;
  // A copy (the same call in the other party's list) is listed but counted once.
  const counts = db.get<{
    calls: number | null;
    messages: number | null;
    copies: number | null;
  }>(
    sql`SELECT sum(kind != 'sms' AND copy_of IS NULL) AS calls, sum(kind = 'sms' AND copy_of IS NULL) AS messages,
      sum(copy_of IS NOT NULL) AS copies FROM call_records WHERE relation_num = ${relationNum}`,
  )!;
  const rowCount = (counts.calls ?? 0) + (counts.messages ?? 0) + (counts.copies ?? 0);
  if (rowCount)
    return {
      kind: 'calls' as const,
      total: rowCount,
      counts: {
        calls: counts.calls ?? 0,
        messages: counts.messages ?? 0,
        copies: counts.copies ?? 0,
      },
      rows: db
        .all<
          SourceRow & {
            at: string;
            kind: string;
            duration_seconds: number;
            base_station: string | null;
            copy: number;
          }
        >(
          sql`SELECT ${isoOfUnix(sql`r.started_unix`)} AS at, r.kind, r.duration_seconds, r.base_station,
              r.copy_of IS NOT NULL AS copy, coalesce(i.id, '') AS import_id, r.line, ${source}
            FROM call_records r LEFT JOIN imports i ON i.num = r.import_num LEFT JOIN users u ON u.id = i.created_by
            WHERE r.relation_num = ${relationNum} ORDER BY r.started_unix, r.id LIMIT ${input.pageSize} OFFSET ${offset}`,
        )
        .map((row) => ({
          at: row.at,
          recordKind: row.kind,
          durationSeconds: row.duration_seconds,
          amountFen: null,
          detail: row.base_station,
          copy: row.copy === 1,
          offsetLine: null,
          offsetFile: null,
          unmatchedReversal: false,
          attempt: false,
          trace: null,
          source: sourceOf(row),
        })),
    };
  const transfers = db.get<{ n: number; copies: number | null }>(
    sql`SELECT count(*) AS n, sum(copy_of IS NOT NULL) AS copies FROM money_transfers
      WHERE relation_id = ${input.relationId}`,
  )!;
  return {
    kind: 'transfers' as const,
    total: transfers.n,
    counts: { calls: 0, messages: 0, copies: transfers.copies ?? 0 },
    rows: db
      .all<
        SourceRow & {
          at: string;
          direction: string;
          amount_fen: number;
          channel: string | null;
          copy: number;
          offset_line: number | null;
          offset_file: string | null;
          alone: number;
          attempt: number;
          ip: string | null;
          mac: string | null;
          device: string | null;
          branch: string | null;
          log_no: string | null;
          voucher_no: string | null;
        }
      >(
        sql`SELECT r.at, r.direction, r.amount_fen, r.channel, r.copy_of IS NOT NULL AS copy,
            (SELECT o.line FROM money_transfers o WHERE o.id = r.offset_of AND o.id <> r.id) AS offset_line,
            (SELECT oi.file_name FROM money_transfers o JOIN imports oi ON oi.id = o.import_id
              WHERE o.id = r.offset_of AND o.import_id <> r.import_id) AS offset_file,
            r.offset_of IS NOT NULL AND r.offset_of = r.id AND r.attempt IS NULL AS alone,
            r.attempt IS NOT NULL AS attempt,
            r.ip, r.mac, r.device, r.branch, r.log_no, r.voucher_no,
            r.import_id, r.line, ${source}
          FROM money_transfers r LEFT JOIN imports i ON i.id = r.import_id LEFT JOIN users u ON u.id = i.created_by
          WHERE r.relation_id = ${input.relationId} ORDER BY r.at, r.id LIMIT ${input.pageSize} OFFSET ${offset}`,
      )
      .map((row) => ({
        at: row.at,
        recordKind: row.direction,
        durationSeconds: null,
        amountFen: row.amount_fen,
        detail: row.channel,
        copy: row.copy === 1,
        offsetLine: row.offset_line,
        offsetFile: row.offset_file,
        unmatchedReversal: row.alone === 1,
        attempt: row.attempt === 1,
        trace:
          (row.ip ?? row.mac ?? row.device ?? row.branch ?? row.log_no ?? row.voucher_no)
            ? {
                ip: row.ip,
                mac: row.mac,
                device: row.device,
                branch: row.branch,
                logNo: row.log_no,
                voucherNo: row.voucher_no,
              }
            : null,
        source: sourceOf(row),
      })),
  };
}
