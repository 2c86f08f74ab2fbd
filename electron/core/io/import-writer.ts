import { and, eq, sql } from 'drizzle-orm';
import type { accountTypes } from '../../api/domain/entity-kinds';
import type { ImportSummary } from '../../api/schemas/import-schemas';
import { AppError } from '../app-error';
import { caseEntitiesTable } from '../db/schema';
import { newId } from '../db/ids';
import { findHolder } from '../entities/entity-identifiers';
import { bulkIdentifiers } from './bulk-identifiers';
import { chinaDate } from './import-values';
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
  const bulk = bulkIdentifiers(sqlite, actor, now);
  /** Entity IDs of many phone numbers or account numbers: known ones matched, the rest created. */
  const resolve = (
    kind: 'phone' | 'account',
    values: Iterable<string>,
    accountTypeOf: (value: string) => (typeof accountTypes)[number] = () => 'bank',
  ): void => {
    const missing = [...new Set(values)].filter((value) => !entityIds.has(`${kind}:${value}`));
    const found = bulk.known(kind, missing);
    for (const value of missing) {
      let id = found.get(value);
      if (id) summary.entitiesMatched += 1;
      else {
        id = kind === 'phone' ? bulk.addPhone(value) : bulk.addAccount(value, accountTypeOf(value));
        summary.entitiesCreated += 1;
      }
      entityIds.set(`${kind}:${value}`, id);
      ensureInCase(id, 'involved');
    }
  };
  const phoneId = (number: string): string => {
    resolve('phone', [number]);
    return entityIds.get(`phone:${number}`)!;
  };

  interface PairTotals {
    fromId: string;
    toId: string;
    count: number;
    first: string;
    last: string;
    durationSeconds?: number;
    amountFen?: number;
    relationId?: string;
  }

  /**
   * Adds each pair's counts to the live relation of this type between the two entities, or
   * records a new one: existing relations are read in one query, then written with prepared
   * statements (a call list can hold hundreds of thousands of pairs).
   */
  const aggregateAll = async (type: 'calls' | 'finances', pairs: PairTotals[]) => {
    const existing = new Map<
      string,
      {
        id: string;
        event_count: number | null;
        duration_seconds: number | null;
        amount_fen: number | null;
        started_on: string | null;
        ended_on: string | null;
      }
    >();
    const fromIds = [...new Set(pairs.map((pair) => pair.fromId))];
    for (let offset = 0; offset < fromIds.length; offset += 5_000) {
      const rows = db.all<{
        id: string;
        from_entity_id: string;
        to_entity_id: string;
        event_count: number | null;
        duration_seconds: number | null;
        amount_fen: number | null;
        started_on: string | null;
        ended_on: string | null;
      }>(
        sql`SELECT id, from_entity_id, to_entity_id, event_count, duration_seconds, amount_fen, started_on, ended_on
          FROM relations WHERE type = ${type} AND deleted_at IS NULL
          AND from_entity_id IN (SELECT value FROM json_each(${JSON.stringify(fromIds.slice(offset, offset + 5_000))}))`,
      );
      for (const row of rows) existing.set(`${row.from_entity_id}>${row.to_entity_id}`, row);
    }
    const update = sqlite.prepare(
      'UPDATE relations SET event_count = ?, duration_seconds = ?, amount_fen = ?, started_on = ?, ended_on = ?, updated_at = ?, updated_by = ? WHERE id = ?',
    );
    const insert = sqlite.prepare(
      `INSERT INTO relations (id, from_entity_id, to_entity_id, type, directed, started_on, ended_on, amount_fen, event_count, duration_seconds, source, case_id, created_at, updated_at, created_by, updated_by)
       VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let index = 0; index < pairs.length; index += 1) {
      const pair = pairs[index]!;
      const first = chinaDate(pair.first);
      const last = chinaDate(pair.last);
      const found = existing.get(`${pair.fromId}>${pair.toId}`);
      if (found) {
        update.run(
          (found.event_count ?? 0) + pair.count,
          pair.durationSeconds === undefined
            ? found.duration_seconds
            : (found.duration_seconds ?? 0) + pair.durationSeconds,
          pair.amountFen === undefined
            ? found.amount_fen
            : (found.amount_fen ?? 0) + pair.amountFen,
          found.started_on && found.started_on < first ? found.started_on : first,
          found.ended_on && found.ended_on > last ? found.ended_on : last,
          now,
          actor,
          found.id,
        );
        pair.relationId = found.id;
        summary.relationsUpdated += 1;
      } else {
        pair.relationId = newId();
        insert.run(
          pair.relationId,
          pair.fromId,
          pair.toId,
          type,
          first,
          last,
          pair.amountFen ?? null,
          pair.count,
          pair.durationSeconds ?? null,
          options.fileName,
          options.caseId,
          now,
          now,
          actor,
          actor,
        );
        summary.relationsCreated += 1;
      }
      if ((index + 1) % chunkRows === 0) await step(0, 1);
    }
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
    const pairs = new Map<string, PairTotals>();
    for (const record of records) {
      const key = `${record.caller}>${record.callee}`;
      const pair = pairs.get(key);
      if (!pair)
        pairs.set(key, {
          fromId: record.caller,
          toId: record.callee,
          count: 1,
          first: record.startedAt,
          last: record.startedAt,
          durationSeconds: record.durationSeconds,
        });
      else {
        pair.count += 1;
        pair.durationSeconds! += record.durationSeconds;
        if (record.startedAt < pair.first) pair.first = record.startedAt;
        if (record.startedAt > pair.last) pair.last = record.startedAt;
      }
    }
    resolve(
      'phone',
      [...pairs.values()].flatMap((pair) => [pair.fromId, pair.toId]),
    );
    for (const pair of pairs.values()) {
      pair.fromId = entityIds.get(`phone:${pair.fromId}`)!;
      pair.toId = entityIds.get(`phone:${pair.toId}`)!;
    }
    await aggregateAll('calls', [...pairs.values()]);
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
    const pairs = new Map<string, PairTotals & { channel: string | null }>();
    for (const record of records) {
      const key = `${record.fromAccount}>${record.toAccount}`;
      const pair = pairs.get(key);
      if (!pair)
        pairs.set(key, {
          fromId: record.fromAccount,
          toId: record.toAccount,
          count: 1,
          first: record.at,
          last: record.at,
          amountFen: record.amountFen,
          channel: record.channel,
        });
      else {
        pair.count += 1;
        pair.amountFen! += record.amountFen;
        if (record.at < pair.first) pair.first = record.at;
        if (record.at > pair.last) pair.last = record.at;
      }
    }
    // An account's type comes from the channel of its first transaction (支付宝, 微信, else bank).
    const channels = new Map<string, string | null>();
    for (const pair of pairs.values()) {
      if (!channels.has(pair.fromId)) channels.set(pair.fromId, pair.channel);
      if (!channels.has(pair.toId)) channels.set(pair.toId, pair.channel);
    }
    resolve('account', channels.keys(), (accountNo) => {
      const channel = channels.get(accountNo) ?? '';
      return /支付宝|alipay/i.test(channel)
        ? 'alipay'
        : /微信|财付通|wechat|tenpay/i.test(channel)
          ? 'wechat'
          : 'bank';
    });
    for (const pair of pairs.values()) {
      pair.fromId = entityIds.get(`account:${pair.fromId}`)!;
      pair.toId = entityIds.get(`account:${pair.toId}`)!;
    }
    await aggregateAll('finances', [...pairs.values()]);
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
