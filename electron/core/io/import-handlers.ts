import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { importFields } from '../../api/domain/import-templates';
import {
  importMappingSchema,
  type ImportMapping,
  type importPreviewInput,
} from '../../api/schemas/import-schemas';
import type { Executor } from '../db/database-types';
import { readSetting, writeSetting } from '../settings/settings-service';
import type { AreaHandlers } from '../handler-types';
import { planImport, type ImportPlan } from './import-plan';
import { commitImport } from './import-writer';
import { readTableFile } from './table-file';

/** Imports under way, by ID: the cancel button only flips the flag the writer looks at. */
const running = new Map<string, { cancelled: boolean }>();
const mappingsKey = 'import.mappings';

function savedMappings(db: Executor): ImportMapping[] {
  const value = readSetting(db, mappingsKey);
  return value === null ? [] : importMappingSchema.array().parse(value);
}

async function plan(input: z.output<typeof importPreviewInput>) {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const file = await readTableFile(bytes, input.encoding);
  return { file, plan: planImport(file, input.template, input.mapping) };
}

function sampleOf(importPlan: ImportPlan): Record<string, string>[] {
  return importPlan.data.records.slice(0, 10).map((record) =>
    Object.fromEntries(
      Object.entries(record)
        .filter(([key]) => key !== 'line')
        .map(([key, value]) => [
          key,
          Array.isArray(value) ? value.join('、') : String(value ?? ''),
        ]),
    ),
  );
}

export const importHandlers: AreaHandlers<'import'> = {
  'import.preview': async (_ctx, input) => {
    const { file, plan: importPlan } = await plan(input);
    return {
      format: file.format,
      encoding: file.encoding,
      headerLine: importPlan.headerLine,
      headers: importPlan.headers,
      mapping: importPlan.mapping,
      rowCount: importPlan.rowCount,
      validCount: importPlan.data.records.length,
      problemCount: importPlan.problems.length,
      problems: importPlan.problems.slice(0, 200),
      sample: sampleOf(importPlan),
    };
  },
  'import.commit': async (ctx, input) => {
    const job = { cancelled: false };
    running.set(input.importId, job);
    try {
      const { plan: importPlan } = await plan(input);
      let lastReport = 0;
      return await commitImport(ctx.workspace, importPlan, {
        importId: input.importId,
        fileName: input.fileName,
        caseId: input.caseId ?? null,
        isCancelled: () => job.cancelled,
        onProgress: (done, total) => {
          ctx.sessions.touch();
          const time = Date.now();
          if (done < total && time - lastReport < 100) return;
          lastReport = time;
          ctx.deps.emit('import.progressed', { importId: input.importId, done, total });
        },
      });
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
  'import.records': (ctx, input) => {
    const db = ctx.workspace.db;
    const offset = (input.page - 1) * input.pageSize;
    const calls = db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM call_records WHERE relation_id = ${input.relationId}`,
    )!.n;
    if (calls)
      return {
        kind: 'calls' as const,
        total: calls,
        rows: db
          .all<{ at: string; duration_seconds: number; base_station: string | null }>(
            sql`SELECT started_at AS at, duration_seconds, base_station FROM call_records
              WHERE relation_id = ${input.relationId} ORDER BY started_at, id LIMIT ${input.pageSize} OFFSET ${offset}`,
          )
          .map((row) => ({
            at: row.at,
            durationSeconds: row.duration_seconds,
            amountFen: null,
            detail: row.base_station,
          })),
      };
    const transfers = db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM money_transfers WHERE relation_id = ${input.relationId}`,
    )!.n;
    return {
      kind: 'transfers' as const,
      total: transfers,
      rows: db
        .all<{ at: string; amount_fen: number; channel: string | null }>(
          sql`SELECT at, amount_fen, channel FROM money_transfers
            WHERE relation_id = ${input.relationId} ORDER BY at, id LIMIT ${input.pageSize} OFFSET ${offset}`,
        )
        .map((row) => ({
          at: row.at,
          durationSeconds: null,
          amountFen: row.amount_fen,
          detail: row.channel,
        })),
    };
  },
};
