import { and, eq, isNull, sql } from 'drizzle-orm';
import type { accountTypes } from '../../api/domain/entity-kinds';
import type { ImportSummary } from '../../api/schemas/import-schemas';
import { AppError } from '../app-error';
import { caseEntitiesTable, relationsTable } from '../db/schema';
import { findHolder } from '../entities/entity-identifiers';
import { insertEntity, linkEntityToCase } from '../entities/entity-repository';
import { insertRelation } from '../relations/relation-repository';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import type { CallRecord, ImportPlan, PersonRecord, TransferRecord } from './import-plan';

export interface CommitOptions {
  importId: string;
  fileName: string;
  caseId: string | null;
  /** Rows written so far, of all. */
  onProgress(done: number, total: number): void;
  isCancelled(): boolean;
}

/** Rows written between two looks at the cancel button and two progress reports. */
const chunkRows = 20_000;
const chinaOffsetMs = 8 * 3_600_000;

/** The China-time calendar date of a UTC instant (a relation's period is in dates). */
function localDate(iso: string): string {
  return new Date(Date.parse(iso) + chinaOffsetMs).toISOString().slice(0, 10);
}

class Cancelled extends Error {}

/**
 * Writes a checked import in one transaction, all or nothing. Long imports yield to the event
 * loop every 20,000 rows, so progress reaches the window and the cancel button works; cancel
 * (or any failure, or the workspace locking) rolls everything back.
 */
export async function commitImport(
  workspace: UnlockedWorkspace,
  plan: ImportPlan,
  options: CommitOptions,
): Promise<ImportSummary> {
  if (plan.problems.length)
    throw new AppError('import.invalidRows', 'Rows have errors', { count: plan.problems.length });
  const started = performance.now();
  const summary: ImportSummary = {
    importId: options.importId,
    template: plan.data.template,
    rows: plan.data.records.length,
    entitiesCreated: 0,
    entitiesMatched: 0,
    relationsCreated: 0,
    relationsUpdated: 0,
    seconds: 0,
  };
  const { sqlite } = workspace;
  const db = workspace.db;
  const now = workspace.now();
  const actor = workspace.user.id;
  const step = async (done: number, total: number) => {
    options.onProgress(done, total);
    await new Promise((resolve) => setImmediate(resolve));
    if (options.isCancelled() || workspace.isClosed) throw new Cancelled();
  };

  /** The entity holding an identifier, or a new one; in the case when one is given. */
  const entityIds = new Map<string, string>();
  const inCase = new Set<string>();
  const ensureInCase = (entityId: string, roleInCase: 'suspect' | 'involved') => {
    if (!options.caseId || inCase.has(entityId)) return;
    inCase.add(entityId);
    const linked = db
      .select({ id: caseEntitiesTable.id })
      .from(caseEntitiesTable)
      .where(
        and(eq(caseEntitiesTable.caseId, options.caseId), eq(caseEntitiesTable.entityId, entityId)),
      )
      .get();
    if (!linked)
      linkEntityToCase(
        db,
        { caseId: options.caseId, entityId, roleInCase, legalStatus: 'none' },
        actor,
        now,
      );
  };
  const phoneId = (number: string): string => {
    const known = entityIds.get(`phone:${number}`);
    if (known) return known;
    const holder = findHolder(db, 'phone', number);
    let id: string;
    if (holder) {
      id = holder.id;
      summary.entitiesMatched += 1;
    } else {
      id = insertEntity(
        db,
        { kind: 'phone', number, carrier: null, imei: null, registeredName: null },
        actor,
        now,
      );
      summary.entitiesCreated += 1;
    }
    entityIds.set(`phone:${number}`, id);
    ensureInCase(id, 'involved');
    return id;
  };
  const accountId = (accountNo: string, channel: string | null): string => {
    const known = entityIds.get(`account:${accountNo}`);
    if (known) return known;
    const holder = findHolder(db, 'account', accountNo);
    let id: string;
    if (holder) {
      id = holder.id;
      summary.entitiesMatched += 1;
    } else {
      const accountType: (typeof accountTypes)[number] = /支付宝|alipay/i.test(channel ?? '')
        ? 'alipay'
        : /微信|财付通|wechat|tenpay/i.test(channel ?? '')
          ? 'wechat'
          : 'bank';
      id = insertEntity(
        db,
        { kind: 'account', accountType, accountNo, institution: null, holderName: null },
        actor,
        now,
      );
      summary.entitiesCreated += 1;
    }
    entityIds.set(`account:${accountNo}`, id);
    ensureInCase(id, 'involved');
    return id;
  };

  /** Adds counts to the live relation of this type between two entities, or records one. */
  const aggregate = (
    type: 'calls' | 'finances',
    fromId: string,
    toId: string,
    totals: {
      count: number;
      first: string;
      last: string;
      durationSeconds?: number;
      amountFen?: number;
    },
  ): string => {
    const existing = db
      .select()
      .from(relationsTable)
      .where(
        and(
          eq(relationsTable.fromEntityId, fromId),
          eq(relationsTable.toEntityId, toId),
          eq(relationsTable.type, type),
          isNull(relationsTable.deletedAt),
        ),
      )
      .get();
    const first = localDate(totals.first);
    const last = localDate(totals.last);
    if (existing) {
      db.update(relationsTable)
        .set({
          eventCount: (existing.eventCount ?? 0) + totals.count,
          durationSeconds:
            totals.durationSeconds === undefined
              ? existing.durationSeconds
              : (existing.durationSeconds ?? 0) + totals.durationSeconds,
          amountFen:
            totals.amountFen === undefined
              ? existing.amountFen
              : (existing.amountFen ?? 0) + totals.amountFen,
          startedOn: existing.startedOn && existing.startedOn < first ? existing.startedOn : first,
          endedOn: existing.endedOn && existing.endedOn > last ? existing.endedOn : last,
          updatedAt: now,
          updatedBy: actor,
        })
        .where(eq(relationsTable.id, existing.id))
        .run();
      summary.relationsUpdated += 1;
      return existing.id;
    }
    summary.relationsCreated += 1;
    return insertRelation(
      db,
      {
        fromEntityId: fromId,
        toEntityId: toId,
        type,
        directed: true,
        startedOn: first,
        endedOn: last,
        eventCount: totals.count,
        durationSeconds: totals.durationSeconds ?? null,
        amountFen: totals.amountFen ?? null,
        source: options.fileName,
        caseId: options.caseId,
      },
      actor,
      now,
    );
  };

  sqlite.exec('BEGIN IMMEDIATE');
  try {
    if (plan.data.template === 'calls') await writeCalls(plan.data.records);
    else if (plan.data.template === 'transactions') await writeTransfers(plan.data.records);
    else await writePersons(plan.data.records);
    summary.seconds = Math.round(performance.now() - started) / 1000;
    workspace.audit({
      action: 'import.completed',
      targetType: options.caseId ? 'case' : 'workspace',
      targetId: options.caseId,
      details: { ...summary, fileName: options.fileName, caseId: options.caseId },
    });
    sqlite.exec('COMMIT');
    return summary;
  } catch (error) {
    if (sqlite.open && sqlite.inTransaction) sqlite.exec('ROLLBACK');
    if (error instanceof Cancelled) {
      if (!workspace.isClosed)
        workspace.audit({
          action: 'import.cancelled',
          targetType: options.caseId ? 'case' : 'workspace',
          targetId: options.caseId,
          details: {
            importId: options.importId,
            template: plan.data.template,
            fileName: options.fileName,
          },
        });
      throw new AppError('import.cancelled', 'The import was cancelled; nothing was written');
    }
    throw error;
  }

  async function writeCalls(records: CallRecord[]) {
    const pairs = new Map<
      string,
      { count: number; first: string; last: string; durationSeconds: number; relationId?: string }
    >();
    for (const record of records) {
      const key = `${record.caller}>${record.callee}`;
      const pair = pairs.get(key);
      if (!pair)
        pairs.set(key, {
          count: 1,
          first: record.startedAt,
          last: record.startedAt,
          durationSeconds: record.durationSeconds,
        });
      else {
        pair.count += 1;
        pair.durationSeconds += record.durationSeconds;
        if (record.startedAt < pair.first) pair.first = record.startedAt;
        if (record.startedAt > pair.last) pair.last = record.startedAt;
      }
    }
    for (const [key, pair] of pairs) {
      const [caller, callee] = key.split('>') as [string, string];
      pair.relationId = aggregate('calls', phoneId(caller), phoneId(callee), pair);
    }
    await step(0, records.length);
    const insert = sqlite.prepare(
      'INSERT INTO call_records (relation_id, started_at, duration_seconds, base_station, import_id) VALUES (?, ?, ?, ?, ?)',
    );
    for (let index = 0; index < records.length; index += 1) {
      const record = records[index]!;
      const pair = pairs.get(`${record.caller}>${record.callee}`)!;
      insert.run(
        pair.relationId,
        record.startedAt,
        record.durationSeconds,
        record.baseStation,
        options.importId,
      );
      if ((index + 1) % chunkRows === 0) await step(index + 1, records.length);
    }
    options.onProgress(records.length, records.length);
  }

  async function writeTransfers(records: TransferRecord[]) {
    const pairs = new Map<
      string,
      {
        count: number;
        first: string;
        last: string;
        amountFen: number;
        channel: string | null;
        relationId?: string;
      }
    >();
    for (const record of records) {
      const key = `${record.fromAccount}>${record.toAccount}`;
      const pair = pairs.get(key);
      if (!pair)
        pairs.set(key, {
          count: 1,
          first: record.at,
          last: record.at,
          amountFen: record.amountFen,
          channel: record.channel,
        });
      else {
        pair.count += 1;
        pair.amountFen += record.amountFen;
        if (record.at < pair.first) pair.first = record.at;
        if (record.at > pair.last) pair.last = record.at;
      }
    }
    for (const [key, pair] of pairs) {
      const [from, to] = key.split('>') as [string, string];
      pair.relationId = aggregate(
        'finances',
        accountId(from, pair.channel),
        accountId(to, pair.channel),
        pair,
      );
    }
    await step(0, records.length);
    const insert = sqlite.prepare(
      'INSERT INTO money_transfers (relation_id, at, amount_fen, channel, import_id) VALUES (?, ?, ?, ?, ?)',
    );
    for (let index = 0; index < records.length; index += 1) {
      const record = records[index]!;
      const pair = pairs.get(`${record.fromAccount}>${record.toAccount}`)!;
      insert.run(pair.relationId, record.at, record.amountFen, record.channel, options.importId);
      if ((index + 1) % chunkRows === 0) await step(index + 1, records.length);
    }
    options.onProgress(records.length, records.length);
  }

  async function writePersons(records: PersonRecord[]) {
    for (let index = 0; index < records.length; index += 1) {
      const record = records[index]!;
      const holder = record.idNumber ? findHolder(db, 'person', record.idNumber) : undefined;
      let personId: string;
      if (holder) {
        personId = holder.id;
        summary.entitiesMatched += 1;
      } else {
        personId = insertEntity(
          db,
          {
            kind: 'person',
            name: record.name,
            aliases: record.aliases,
            gender: record.gender,
            birthDate: record.birthDate,
            idNumber: record.idNumber,
            household: record.household,
            address: record.address,
            riskGrade: null,
            personColour: null,
          },
          actor,
          now,
        );
        summary.entitiesCreated += 1;
      }
      ensureInCase(personId, 'suspect');
      if (record.phone) {
        const phone = phoneId(record.phone);
        const uses = db.get<{ n: number }>(
          sql`SELECT count(*) AS n FROM relations WHERE from_entity_id = ${personId} AND to_entity_id = ${phone} AND type = 'uses' AND deleted_at IS NULL`,
        );
        if (!uses?.n) {
          insertRelation(
            db,
            {
              fromEntityId: personId,
              toEntityId: phone,
              type: 'uses',
              directed: true,
              source: options.fileName,
              caseId: options.caseId,
            },
            actor,
            now,
          );
          summary.relationsCreated += 1;
        }
      }
      if ((index + 1) % 2_000 === 0) await step(index + 1, records.length);
    }
    options.onProgress(records.length, records.length);
  }
}
