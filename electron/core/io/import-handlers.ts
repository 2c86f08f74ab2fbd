import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { importFields, type ImportTemplate } from '../../api/domain/import-templates';
import {
  importMappingSchema,
  type ImportMapping,
  type importPreviewInput,
} from '../../api/schemas/import-schemas';
import { AppError } from '../app-error';
import type { CoreDeps } from '../core-deps';
import type { Executor } from '../db/database-types';
import { readSetting, writeSetting } from '../settings/settings-service';
import type { AreaHandlers } from '../handler-types';
import { deleteImport } from './import-deletion';
import { planImport, type ImportPlan } from './import-plan';
import { rejectedRowsFile } from './import-rejected';
import { commitImport, rejectedLines } from './import-writer';
import { resolveSeizureLedger } from './seizure-ledger-resolve';
import { readTableSource } from './table-file';

/** Imports under way, by ID: the cancel button only flips the flag the writer looks at. */
const running = new Map<string, { cancelled: boolean }>();
const mappingsKey = 'import.mappings';

function savedMappings(db: Executor): ImportMapping[] {
  const value = readSetting(db, mappingsKey);
  return value === null ? [] : importMappingSchema.array().parse(value);
}

type FileInput = z.output<typeof importPreviewInput>;

/** The file's rows and SHA-256: sent as base64, or read from disk where the host allows paths. */
async function plan(deps: CoreDeps, db: Executor, input: FileInput) {
  let source: { bytes: Uint8Array } | { path: string };
  if (input.contentBase64 !== undefined)
    source = { bytes: Buffer.from(input.contentBase64, 'base64') };
  else if (deps.readsFilePaths ?? deps.host === 'test') source = { path: input.filePath! };
  else throw new AppError('import.pathNotAllowed', 'This window cannot import a file by its path');
  const { table: file, sha256 } = await readTableSource(source, input.encoding);
  const importPlan = planImport(file, input.template, {
    mapping: input.mapping,
    headerMap: input.headerMap,
    ownAccount: input.ownAccount,
    areaCode: input.areaCode,
  });
  resolveSeizureLedger(db, importPlan, input.caseId ?? null);
  return { sha256, file, plan: importPlan };
}

/** Record fields the preview does not show: line numbers and internal IDs. */
const hiddenSampleKeys = new Set(['line', 'caseId', 'fromEntityId', 'contentMicrograms']);

function sampleOf(importPlan: ImportPlan): Record<string, string>[] {
  return importPlan.data.records.slice(0, 10).map((record) =>
    Object.fromEntries(
      Object.entries(record)
        .filter(([key, value]) => !hiddenSampleKeys.has(key) && value !== null)
        .map(([key, value]) => [
          key,
          Array.isArray(value) ? value.join('、') : String(value ?? ''),
        ]),
    ),
  );
}

export const importHandlers: AreaHandlers<'import'> = {
  'import.preview': async (ctx, input) => {
    const { file, plan: importPlan } = await plan(ctx.deps, ctx.workspace.db, input);
    return {
      format: file.format,
      encoding: file.encoding,
      headerLine: importPlan.headerLine,
      headers: importPlan.headers,
      mapping: importPlan.mapping,
      rowCount: importPlan.rowCount,
      validCount: importPlan.data.records.length,
      problemCount: importPlan.problems.length,
      rejectedCount: rejectedLines(importPlan).size,
      problems: importPlan.problems.slice(0, 200),
      sample: sampleOf(importPlan),
      platform: importPlan.preamble.platform,
      owner: importPlan.preamble.owner,
    };
  },
  'import.commit': async (ctx, input) => {
    const job = { cancelled: false };
    running.set(input.importId, job);
    try {
      const { sha256, file, plan: importPlan } = await plan(ctx.deps, ctx.workspace.db, input);
      let lastReport = 0;
      const summary = await commitImport(ctx.workspace, importPlan, {
        importId: input.importId,
        fileName: input.fileName,
        sha256,
        caseId: input.caseId ?? null,
        skipInvalid: input.skipInvalid,
        isCancelled: () => job.cancelled,
        onProgress: (done, total) => {
          ctx.sessions.touch();
          const time = Date.now();
          if (done < total && time - lastReport < 100) return;
          lastReport = time;
          ctx.deps.emit('import.progressed', { importId: input.importId, done, total });
        },
      });
      return { ...summary, rejectedFile: rejectedRowsFile(file, importPlan, input.fileName) };
    } finally {
      running.delete(input.importId);
    }
  },
  'import.cancel': (_ctx, input) => {
    const job = running.get(input.importId);
    if (job) job.cancelled = true;
    return { ok: true };
  },
  'import.mappings.list': (ctx) => savedMappings(ctx.workspace.db),
  'import.mappings.save': (ctx, input) =>
    ctx.workspace.write(
      (tx) => {
        const known = savedMappings(tx);
        const columns = Object.fromEntries(
          Object.entries(input.columns).filter(([field]) =>
            importFields[input.template].some((known) => known.key === field),
          ),
        );
        const mappings = [
          ...known.filter((mapping) => mapping.name !== input.name),
          { ...input, columns },
        ].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
        writeSetting(tx, mappingsKey, mappings, ctx.workspace.now(), ctx.workspace.user.id);
        return mappings;
      },
      { action: 'import.mappingSaved', details: { name: input.name, template: input.template } },
    ),
  'import.records': (ctx, input) => relationRecords(ctx.workspace.db, input),
  'import.list': (ctx) =>
    ctx.workspace.db
      .all<{
        id: string;
        file_name: string;
        sha256: string;
        template: ImportTemplate;
        row_count: number;
        rejected_count: number;
        case_id: string | null;
        created_at: string;
        created_by: string | null;
      }>(
        sql`SELECT i.id, i.file_name, i.sha256, i.template, i.row_count, i.rejected_count, i.case_id, i.created_at,
          u.username AS created_by FROM imports i LEFT JOIN users u ON u.id = i.created_by ORDER BY i.created_at DESC, i.rowid DESC`,
      )
      .map((row) => ({
        id: row.id,
        fileName: row.file_name,
        sha256: row.sha256,
        template: row.template,
        rowCount: row.row_count,
        rejectedCount: row.rejected_count,
        caseId: row.case_id,
        createdAt: row.created_at,
        createdBy: row.created_by,
      })),
  'import.phoneIdentifiers': (ctx, input) => {
    const db = ctx.workspace.db;
    const rows = db.all<{
      type: 'imei' | 'imsi' | 'cell';
      value: string;
      seen: number;
      first: string;
      last: string;
    }>(
      sql`SELECT type, value, sum(seen_count) AS seen, min(first_seen) AS first, max(last_seen) AS last
        FROM phone_identifiers WHERE phone_id = ${input.phoneId} GROUP BY type, value ORDER BY type, seen DESC, value`,
    );
    return rows.map((row) => ({
      type: row.type,
      value: row.value,
      seenCount: row.seen,
      firstSeen: row.first,
      lastSeen: row.last,
      sharedWith:
        row.type === 'imei'
          ? db.all<{ id: string; label: string }>(
              sql`SELECT DISTINCT e.id, e.label FROM phone_identifiers p JOIN entities e ON e.id = p.phone_id
                WHERE p.type = 'imei' AND p.value = ${row.value} AND p.phone_id != ${input.phoneId}
                AND e.deleted_at IS NULL ORDER BY e.label`,
            )
          : [],
    }));
  },
  'import.delete': (ctx, input) => {
    const {
      fileName: _name,
      caseId: _case,
      ...result
    } = deleteImport(ctx.workspace, input.importId);
    return result;
  },
};

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
function relationRecords(
  db: Executor,
  input: { relationId: string; page: number; pageSize: number },
) {
  const offset = (input.page - 1) * input.pageSize;
  const source = sql`i.file_name, i.sha256, i.template, i.created_at AS imported_at, u.username AS imported_by`;
  const counts = db.get<{ calls: number | null; messages: number | null }>(
    sql`SELECT sum(kind != 'sms') AS calls, sum(kind = 'sms') AS messages FROM call_records WHERE relation_id = ${input.relationId}`,
  )!;
  const calls = (counts.calls ?? 0) + (counts.messages ?? 0);
  if (calls)
    return {
      kind: 'calls' as const,
      total: calls,
      counts: { calls: counts.calls ?? 0, messages: counts.messages ?? 0 },
      rows: db
        .all<
          SourceRow & {
            at: string;
            kind: string;
            duration_seconds: number;
            base_station: string | null;
          }
        >(
          sql`SELECT r.started_at AS at, r.kind, r.duration_seconds, r.base_station, r.import_id, r.line, ${source}
            FROM call_records r LEFT JOIN imports i ON i.id = r.import_id LEFT JOIN users u ON u.id = i.created_by
            WHERE r.relation_id = ${input.relationId} ORDER BY r.started_at, r.id LIMIT ${input.pageSize} OFFSET ${offset}`,
        )
        .map((row) => ({
          at: row.at,
          recordKind: row.kind,
          durationSeconds: row.duration_seconds,
          amountFen: null,
          detail: row.base_station,
          source: sourceOf(row),
        })),
    };
  const transfers = db.get<{ n: number }>(
    sql`SELECT count(*) AS n FROM money_transfers WHERE relation_id = ${input.relationId}`,
  )!.n;
  return {
    kind: 'transfers' as const,
    total: transfers,
    counts: { calls: 0, messages: 0 },
    rows: db
      .all<
        SourceRow & { at: string; direction: string; amount_fen: number; channel: string | null }
      >(
        sql`SELECT r.at, r.direction, r.amount_fen, r.channel, r.import_id, r.line, ${source}
          FROM money_transfers r LEFT JOIN imports i ON i.id = r.import_id LEFT JOIN users u ON u.id = i.created_by
          WHERE r.relation_id = ${input.relationId} ORDER BY r.at, r.id LIMIT ${input.pageSize} OFFSET ${offset}`,
      )
      .map((row) => ({
        at: row.at,
        recordKind: row.direction,
        durationSeconds: null,
        amountFen: row.amount_fen,
        detail: row.channel,
        source: sourceOf(row),
      })),
  };
}
