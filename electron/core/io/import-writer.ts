import { and, eq, sql } from 'drizzle-orm';
import type { accountTypes } from '../../api/domain/entity-kinds';
import type { ImportTemplate } from '../../api/domain/import-templates';
import type { ImportSummary } from '../../api/schemas/import-schemas';
import { AppError } from '../app-error';
import { caseEntitiesTable } from '../db/schema';
import { newId } from '../db/ids';
import { unixToIso } from '../db/unix-time';
import { findHolder } from '../entities/entity-identifiers';
import { findOwner } from '../entities/entity-owner';
import { foldAccountAliases } from './account-aliases';
import { addLoginAliases } from './alipay-users';
import { linkAccountHolders, type NamedHolder } from './account-holders';
import { bulkIdentifiers } from './bulk-identifiers';
import { deferIndexes, multiRowInsert, rollbackJournalFor } from './bulk-insert';
import { chinaDate, chinaMinute } from '../../api/domain/china-time';
import { insertEntity } from '../entities/entity-repository';
import { addPersonAliases, aliasTarget } from '../entities/person-aliases';
import { assertCaseExists } from '../membership/case-guards';
import { linkEntityToCase } from '../membership/case-link';
import { insertRelation } from '../relations/relation-repository';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { insertSeizure } from '../seizures/seizure-repository';
import { indexEntity } from '../search/search-indexer';
import { callKinds, phoneEventKindOf, textAt, type CallColumns } from './call-columns';
import { splitDataSessions } from './data-sessions';
import {
  demoteStoredCalls,
  markCallCopies,
  markCashCopies,
  markReferenceCopies,
  markTransferCopies,
  type CashRow,
} from './record-copies-store';
import type { CallRow } from '../records/record-copies';
import { maskedRelationsBeside, remarkMasked } from '../records/record-copies-recount';
import { remarkSessionCopies, sessionSpansOf } from '../records/session-copies';
import { remarkForwardedAnswers } from '../records/forwarded-answers';
import {
  validRows,
  type ImportPlan,
  type MaskedLogin,
  type PersonRecord,
  type TransferRecord,
} from './import-plan';
import { accountIdentifiersOf } from './transfer-traces';
import { pairStoredReversals, uncountUndoneTwins } from './stored-reversals';
import { platformReference, referenceText } from '../records/reference-copies';
import type { SeizureLedgerRecord } from './seizure-ledger-plan';
import { statementSpan } from '../records/statement-periods';
import { nicknameAccountsTouched, sameAccountsOf } from '../records/nickname-ties';

type AccountType = (typeof accountTypes)[number];

interface CommitOptions {
  importId: string;
  fileName: string;
  /** SHA-256 of the file, hex: kept with the import for provenance. */
  sha256?: string;
  caseId: string | null;
  /**
   * A workbook's sheet read alone (its number): other rows than an import of the whole file
   * read, so the same bytes are no second import of them (each row's copies are still found).
   */
  sheet?: number;
  /** Write the valid rows and leave the others out (else any problem refuses the file). */
  skipInvalid?: boolean;
  /** Rows written so far, of all. */
  onProgress(done: number, total: number): void;
  isCancelled(): boolean;
}

/** A transfer's payer and payee: the statement's account and its counterpart, as it went. */
function endsOf(record: TransferRecord, counterpart: string): [string, string] {
  return record.direction === 'out' ? [record.account, counterpart] : [counterpart, record.account];
}

/** Rows written between two looks at the cancel button and two progress reports. */
const chunkRows = 20_000;
/**
 * New pairs from which the relations' indexes (but the unique ones) and the contributions' are
 * dropped and built again after the rows: 44,750 new pairs with their contributions (a
 * 200,000-row call list of 100 targets) wrote in 0.80–0.92 s with the indexes kept, 0.57–0.78 s
 * with them built after (measured alone, encrypted, one transaction, 2026-12-06).
 */
const deferRelationsFrom = 10_000;

class Cancelled extends Error {}

interface PairTotals {
  fromId: string;
  toId: string;
  count: number;
  messages: number;
  first: string;
  last: string;
  durationSeconds?: number;
  amountFen?: number;
  relationId?: string;
  /** The relation's small number (what its call records name). */
  relationNum?: number;
}

/** An IMEI, IMSI or base station seen with a target phone: how often and when. */
interface Sighting {
  phone: string;
  type: string;
  value: string;
  /** The value's index in the call list's text table. */
  valueIndex: number;
  count: number;
  /** Unix seconds. */
  first: number;
  last: number;
}

const smsKind = callKinds.indexOf('sms');
const forwardedKind = callKinds.indexOf('forwarded');

/** A live relation an import adds to, as read before the import writes. */
interface ExistingRelation {
  id: string;
  num: number;
  event_count: number | null;
  message_count: number | null;
  duration_seconds: number | null;
  amount_fen: number | null;
  started_on: string | null;
  ended_on: string | null;
}

/**
 * The records' indexes ordered by their relation's number, each relation's in file order: a
 * counting sort (one pass to count, one to place), not a comparison sort of a million.
 */
export function recordsByRelation(pairOf: Uint32Array, relationNums: number[]): Uint32Array {
  // Each pair's place in relation-number order.
  const rankOf = new Uint32Array(relationNums.length);
  relationNums
    .map((num, pair) => [num, pair] as const)
    .sort((a, b) => a[0] - b[0])
    .forEach(([, pair], rank) => (rankOf[pair] = rank));
  const startOf = new Uint32Array(relationNums.length + 1);
  for (const pair of pairOf) startOf[rankOf[pair]! + 1]! += 1;
  for (let rank = 1; rank < startOf.length; rank += 1) startOf[rank]! += startOf[rank - 1]!;
  const order = new Uint32Array(pairOf.length);
  for (let index = 0; index < pairOf.length; index += 1)
    order[startOf[rankOf[pairOf[index]!]!]!++] = index;
  return order;
}

/** Lines of the file with at least one problem. */
export function rejectedLines(plan: ImportPlan): Set<number> {
  return new Set(plan.problems.map((problem) => problem.line));
}

/**
 * Writes a checked import in one transaction, all or nothing: the valid rows (every row, or
 * those without problems when `skipInvalid`), the import's own row with file name, SHA-256
 * and counts, and what it added to each relation (so it can be taken out again). Long imports
 * yield to the event loop every 20,000 rows, so progress reaches the window and the cancel
 * button works; cancel (or any failure, or the workspace locking) rolls everything back.
 */
/**
 * The request's own mistakes, refused in words before anything is written: a case that does not
 * exist (the insert failed on its foreign key as `internal`), and an import ID already used (its
 * primary key, `internal` too).
 */
function assertCommitTargets(
  workspace: UnlockedWorkspace,
  options: Pick<CommitOptions, 'caseId' | 'importId'>,
): void {
  if (options.caseId) assertCaseExists(workspace.db, options.caseId);
  if (workspace.sqlite.prepare('SELECT 1 FROM imports WHERE id = ?').get(options.importId))
    throw new AppError('import.idUsed', 'This import ID was used already');
}

export async function commitImport(
  workspace: UnlockedWorkspace,
  plan: ImportPlan,
  options: CommitOptions,
): Promise<ImportSummary> {
  assertCommitTargets(workspace, options);
  if (plan.problems.length && !options.skipInvalid)
    throw new AppError('import.invalidRows', 'Rows have errors', { count: plan.problems.length });
  const rejectedRows = rejectedLines(plan).size;
  if (!plan.data.records.length)
    throw new AppError('import.noValidRows', 'No row of the file is valid');
  // The same bytes imported again would count every call and transfer twice. A sheet read
  // alone is another list of the workbook (the Alipay 账务明细 beside its 交易记录, which the
  // import had advised to read with --sheet and then refused as imported already).
  const earlier =
    options.sha256 && !options.sheet
      ? (workspace.sqlite
          .prepare('SELECT file_name AS fileName, created_at AS at FROM imports WHERE sha256 = ?')
          .get(options.sha256) as { fileName: string; at: string } | undefined)
      : undefined;
  if (earlier)
    throw new AppError('import.duplicateFile', 'The same file was imported before', {
      fileName: earlier.fileName,
      // Said in China time, as the imports list shows it (it was said in UTC, 8 hours off).
      at: chinaMinute(earlier.at),
    });
  const started = performance.now();
  const template: ImportTemplate = plan.data.template;
  const summary: ImportSummary = {
    importId: options.importId,
    template,
    rows: validRows(plan.data),
    rejectedRows,
    entitiesCreated: 0,
    entitiesMatched: 0,
    relationsCreated: 0,
    relationsUpdated: 0,
    copies: 0,
    reversals: 0,
    unmatchedReversals: 0,
    attempts: 0,
    dataSessions: 0,
    withheldNumbers: 0,
    signals: 0,
    cellSites: 0,
    seizuresCreated: 0,
    sameAccounts: { ties: [], unsettled: [] },
    seconds: 0,
    rejectedFile: null,
  };
  const { sqlite } = workspace;
  const db = workspace.db;
  const now = workspace.now();
  const actor = workspace.user.id;
  // A ledger of one case is that case's import, whether or not the case was chosen.
  const ledgerCases =
    plan.data.template === 'seizures'
      ? new Set(plan.data.records.map((record) => record.caseId))
      : new Set<string | null>();
  const importCaseId =
    options.caseId ?? (ledgerCases.size === 1 ? ([...ledgerCases][0] ?? null) : null);
  const step = async (done: number, total: number) => {
    options.onProgress(done, total);
    await new Promise((resolve) => setImmediate(resolve));
    if (options.isCancelled() || workspace.isClosed) throw new Cancelled();
  };
  const created = sqlite.prepare(
    'INSERT OR IGNORE INTO import_created (import_id, target_type, target_id) VALUES (?, ?, ?)',
  );
  const contribution = sqlite.prepare(
    `INSERT INTO import_relations (import_id, relation_id, created, event_count, message_count, duration_seconds, amount_fen, previous)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );

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
    if (!linked) {
      const linkId = linkEntityToCase(
        db,
        { caseId: options.caseId, entityId, roleInCase, legalStatus: 'none' },
        actor,
        now,
      );
      created.run(options.importId, 'caseEntity', linkId);
    }
  };
  const bulk = bulkIdentifiers(sqlite, actor, now);
  /** Entity IDs of many phone numbers or account numbers: known ones matched, the rest created. */
  const resolve = (
    kind: 'phone' | 'account',
    values: Iterable<string>,
    accountOf: (value: string) => {
      type: AccountType;
      holder: string | null;
      bank: string | null;
    } = () => ({ type: 'bank', holder: null, bank: null }),
  ): void => {
    const missing = [...new Set(values)].filter((value) => !entityIds.has(`${kind}:${value}`));
    const found = bulk.known(kind, missing);
    for (const value of missing) {
      let id = found.get(value);
      if (id) summary.entitiesMatched += 1;
      else {
        if (kind === 'phone') id = bulk.addPhone(value);
        else {
          const account = accountOf(value);
          id = bulk.addAccount(value, account.type, account.holder, account.bank);
        }
        created.run(options.importId, 'entity', id);
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

  /**
   * Adds each pair's counts to the live relation of this type between the two entities, or
   * records a new one: existing relations are read in one query, then written with prepared
   * statements (a call list can hold hundreds of thousands of pairs). `beforeWrite` sees which
   * pairs have a relation already (by index in `pairs`) before their counts are written.
   */
  const aggregateAll = async (
    type: 'calls' | 'finances',
    pairs: PairTotals[],
    beforeWrite?: (existingOf: (index: number) => ExistingRelation | undefined) => void,
  ) => {
    type Existing = ExistingRelation;
    const existing = new Map<string, Existing>();
    const fromIds = [...new Set(pairs.map((pair) => pair.fromId))];
    for (let offset = 0; offset < fromIds.length; offset += 5_000) {
      const rows = db.all<Existing & { from_entity_id: string; to_entity_id: string }>(
        sql`SELECT id, num, from_entity_id, to_entity_id, event_count, message_count, duration_seconds, amount_fen, started_on, ended_on
          FROM relations WHERE type = ${type} AND deleted_at IS NULL
          AND from_entity_id IN (SELECT value FROM json_each(${JSON.stringify(fromIds.slice(offset, offset + 5_000))}))`,
      );
      for (const row of rows) existing.set(`${row.from_entity_id}>${row.to_entity_id}`, row);
    }
    beforeWrite?.((index) => existing.get(`${pairs[index]!.fromId}>${pairs[index]!.toId}`));
    // A call list of tens of thousands of new pairs into a workspace holding fewer: the relations'
    // and contributions' indexes are built once after the rows (sorted), not row by row.
    const newPairs = pairs.length - existing.size;
    const rebuildRelationIndexes = deferIndexes(sqlite, 'relations', newPairs, deferRelationsFrom);
    const rebuildContributionIndexes = deferIndexes(
      sqlite,
      'import_relations',
      pairs.length,
      deferRelationsFrom,
    );
    const update = sqlite.prepare(
      'UPDATE relations SET event_count = ?, message_count = ?, duration_seconds = ?, amount_fen = ?, started_on = ?, ended_on = ?, updated_at = ?, updated_by = ? WHERE id = ?',
    );
    // New relations and every contribution go in many rows per statement (a call list brings
    // tens of thousands of pairs); written out before the records that name them.
    // New relations are numbered here, so the trigger that numbers a relation written without
    // one does not run an UPDATE for each.
    let nextNum = (
      sqlite.prepare('SELECT coalesce(max(num), 0) + 1 AS next FROM relations').get() as {
        next: number;
      }
    ).next;
    const insert = multiRowInsert(sqlite, 'relations', [
      'id',
      'num',
      'from_entity_id',
      'to_entity_id',
      'type',
      'directed',
      'started_on',
      'ended_on',
      'amount_fen',
      'event_count',
      'message_count',
      'duration_seconds',
      'source',
      'case_id',
      'created_at',
      'updated_at',
      'created_by',
      'updated_by',
    ]);
    const contributions = multiRowInsert(sqlite, 'import_relations', [
      'import_id',
      'relation_id',
      'created',
      'event_count',
      'message_count',
      'duration_seconds',
      'amount_fen',
      'previous',
    ]);
    const add = (stored: number | null, more: number | undefined, keepNull: boolean) =>
      more === undefined || (keepNull && !more && stored === null) ? stored : (stored ?? 0) + more;
    for (let index = 0; index < pairs.length; index += 1) {
      const pair = pairs[index]!;
      const first = chinaDate(pair.first);
      const last = chinaDate(pair.last);
      const found = existing.get(`${pair.fromId}>${pair.toId}`);
      const messages = type === 'calls' ? pair.messages : undefined;
      if (found) {
        update.run(
          (found.event_count ?? 0) + pair.count,
          add(found.message_count, messages, true),
          add(found.duration_seconds, pair.durationSeconds, false),
          add(found.amount_fen, pair.amountFen, false),
          found.started_on && found.started_on < first ? found.started_on : first,
          found.ended_on && found.ended_on > last ? found.ended_on : last,
          now,
          actor,
          found.id,
        );
        pair.relationId = found.id;
        pair.relationNum = found.num;
        summary.relationsUpdated += 1;
      } else {
        pair.relationId = newId();
        pair.relationNum = nextNum++;
        insert.add(
          pair.relationId,
          pair.relationNum,
          pair.fromId,
          pair.toId,
          type,
          1,
          first,
          last,
          pair.amountFen ?? null,
          pair.count,
          messages ?? null,
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
      contributions.add(
        options.importId,
        pair.relationId,
        found ? 0 : 1,
        pair.count,
        messages ?? 0,
        pair.durationSeconds ?? 0,
        pair.amountFen ?? 0,
        found
          ? JSON.stringify({
              eventCount: found.event_count,
              messageCount: found.message_count,
              durationSeconds: found.duration_seconds,
              amountFen: found.amount_fen,
              startedOn: found.started_on,
              endedOn: found.ended_on,
            })
          : null,
      );
      if ((index + 1) % chunkRows === 0) await step(0, 1);
    }
    insert.flush();
    contributions.flush();
    rebuildRelationIndexes();
    rebuildContributionIndexes();
  };

  // A statement's heading's 起止日期: what it covers, beyond its first and last rows.
  const statementPeriod = plan.data.template === 'transactions' ? plan.preamble.period : null;
  const restoreJournal = rollbackJournalFor(sqlite, plan.data.records.length);
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    sqlite
      .prepare(
        `INSERT INTO imports (id, file_name, sha256, template, row_count, rejected_count, case_id, created_at, created_by,
           period_from, period_to)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        options.importId,
        options.fileName,
        options.sha256 ?? '',
        template,
        summary.rows,
        rejectedRows,
        importCaseId,
        now,
        actor,
        statementPeriod?.from ?? null,
        statementPeriod?.to ?? null,
      );
    if (plan.data.template === 'calls') await writeCalls(plan.data.records);
    else if (plan.data.template === 'seizures') {
      await writeSeizures(plan.data.records);
      // Each case the ledger's rows named has the seizures it gained in its own history, with
      // what they were: filed under the case chosen (or none), another case's kilograms had
      // grown without a word where its lead looks.
      const byCase = new Map<string, typeof plan.data.records>();
      for (const record of plan.data.records)
        byCase.set(record.caseId!, [...(byCase.get(record.caseId!) ?? []), record]);
      for (const [caseId, records] of byCase)
        workspace.audit({
          action: 'seizures.imported',
          targetType: 'case',
          targetId: caseId,
          details: {
            caseId,
            importId: options.importId,
            fileName: options.fileName,
            count: records.length,
            seizures: records.slice(0, 200).map((record) => ({
              line: record.line,
              drug: record.drugType,
              quantity: `${record.quantityValue} ${record.quantityUnit}`,
              evidenceNo: record.evidenceNo,
            })),
          },
        });
    } else if (plan.data.template === 'transactions')
      await writeTransfers(
        plan.data.records,
        plan.preamble.platform,
        plan.preamble.logins,
        plan.preamble.maskedLogins,
      );
    else await writePersons(plan.data.records);
    if (plan.data.template === 'transactions') {
      // A nickname bill and the 调证 of its account, in either order: said, for a lead to merge.
      const touched = nicknameAccountsTouched(db, options.importId);
      if (touched.length) summary.sameAccounts = sameAccountsOf(db, touched);
    }
    summary.seconds = Math.round(performance.now() - started) / 1000;
    const { rejectedFile: _file, ...details } = summary;
    workspace.audit({
      action: 'import.completed',
      targetType: importCaseId ? 'case' : 'workspace',
      targetId: importCaseId,
      details: {
        ...details,
        fileName: options.fileName,
        sha256: options.sha256,
        caseId: importCaseId,
      },
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
          details: { importId: options.importId, template, fileName: options.fileName },
        });
      throw new AppError('import.cancelled', 'The import was cancelled; nothing was written');
    }
    throw error;
  } finally {
    restoreJournal();
  }

  function totals(
    pairs: Map<string, PairTotals>,
    key: string,
    from: string,
    to: string,
    at: string,
  ) {
    let pair = pairs.get(key);
    if (!pair) {
      pair = { fromId: from, toId: to, count: 0, messages: 0, first: at, last: at };
      pairs.set(key, pair);
    } else {
      if (at < pair.first) pair.first = at;
      if (at > pair.last) pair.last = at;
    }
    return pair;
  }

  async function writeCalls(list: CallColumns) {
    const { calls: records, sessions } = splitDataSessions(list);
    const { length, texts } = records;
    // Caller → callee → pair, keyed by the numbers' indexes in the text table (no key string
    // per row). `pairs` keeps them in the order first seen.
    const pairIndex = new Map<number, number>();
    const pairs: PairTotals[] = [];
    // Each record's pair, by index: no second lookup when the records are written.
    const pairOf = new Uint32Array(length);
    // Each pair's totals in typed arrays while the records are read (the objects after): a
    // million updates of plain numbers, not of object properties.
    const firstOf = new Float64Array(length);
    const lastOf = new Float64Array(length);
    const callsOf = new Uint32Array(length);
    const messagesOf = new Uint32Array(length);
    const secondsOf = new Float64Array(length);
    // Each record's target phone as an end of its relation (1 caller, 2 callee, 0 none), and
    // per pair the ends seen: a pair seen from both ends holds both parties' rows of its calls.
    const sideOf = new Uint8Array(length);
    const sidesOf = new Uint8Array(length);
    const width = texts.length + 1;
    // The columns in locals: read a million times each in the two loops below.
    const {
      startedUnix,
      caller: callers,
      callee: callees,
      kind: kinds,
      durationSeconds: durations,
      own: owns,
      imei: imeis,
      imsi: imsis,
      baseStation: cells,
      line: lines,
    } = records;
    /** Identifiers seen, in the order first seen (the rows are written in that order). */
    const seen: Sighting[] = [];
    /** Per target phone (its text index), per type: value's text index → its sighting. */
    const byPhone = new Map<number, Map<number, Sighting>[]>();
    // The sighting of the row before, per type: a handset's IMEI repeats row after row.
    const recent: (Sighting | undefined)[] = [undefined, undefined, undefined];
    const sight = (slot: number, phone: string, type: string, value: number, at: number) => {
      if (!value) return;
      let found = recent[slot];
      if (found?.valueIndex !== value) {
        found = ownSightings[slot]!.get(value);
        recent[slot] = found;
      }
      if (!found) {
        const item = {
          phone,
          type,
          value: texts[value - 1]!,
          valueIndex: value,
          count: 1,
          first: at,
          last: at,
        };
        ownSightings[slot]!.set(value, item);
        recent[slot] = item;
        seen.push(item);
      } else {
        found.count += 1;
        if (at < found.first) found.first = at;
        if (at > found.last) found.last = at;
      }
    };
    // Lists come one target phone at a time: its number and sightings are kept from row to row.
    let lastOwn = 0;
    let ownNumber = '';
    let ownSightings: Map<number, Sighting>[] = [];
    /** The handset and cell of a row of the phone `own` (its text index). */
    const sightAll = (own: number, row: CallColumns, index: number, at: number) => {
      if (own !== lastOwn) {
        lastOwn = own;
        ownNumber = texts[own - 1]!;
        let sightings = byPhone.get(own);
        if (!sightings) byPhone.set(own, (sightings = [new Map(), new Map(), new Map()]));
        ownSightings = sightings;
        recent.fill(undefined);
      }
      sight(0, ownNumber, 'imei', row.imei[index]!, at);
      sight(1, ownNumber, 'imsi', row.imsi[index]!, at);
      sight(2, ownNumber, 'cell', row.baseStation[index]!, at);
    };
    for (let index = 0; index < length; index += 1) {
      const caller = callers[index]!;
      const callee = callees[index]!;
      const at = startedUnix[index]!;
      const key = caller * width + callee;
      let found = pairIndex.get(key);
      if (found === undefined) {
        pairs.push({
          fromId: textAt(records, caller)!,
          toId: textAt(records, callee)!,
          count: 0,
          messages: 0,
          first: '',
          last: '',
        });
        pairIndex.set(key, (found = pairs.length - 1));
        firstOf[found] = at;
        lastOf[found] = at;
      } else {
        if (at < firstOf[found]!) firstOf[found] = at;
        if (at > lastOf[found]!) lastOf[found] = at;
      }
      pairOf[index] = found;
      secondsOf[found] += durations[index]!;
      if (kinds[index] === smsKind) messagesOf[found] += 1;
      else callsOf[found] += 1;
      const own = owns[index]!;
      if (!own) continue;
      const side = own === caller ? 1 : own === callee ? 2 : 0;
      sideOf[index] = side;
      sidesOf[found] |= side;
      sightAll(own, records, index, at);
    }
    // A data session's phone is its row's first number (the target, or a tower dump's 主叫); a
    // call with an unknown end is its known end's.
    const phoneAlone = (index: number) => list.caller[index] || list.callee[index]!;
    for (const index of sessions)
      sightAll(phoneAlone(index), list, index, list.startedUnix[index]!);
    pairs.forEach((pair, index) => {
      pair.count = callsOf[index]!;
      pair.messages = messagesOf[index]!;
      pair.durationSeconds = secondsOf[index]!;
      pair.first = unixToIso(firstOf[index]!);
      pair.last = unixToIso(lastOf[index]!);
    });
    resolve('phone', [
      ...pairs.flatMap((pair) => [pair.fromId, pair.toId]),
      ...sessions.map((index) => textAt(list, phoneAlone(index))!),
    ]);
    for (const index of sessions) {
      const kind = phoneEventKindOf[list.kind[index]!];
      if (kind === 'data') summary.dataSessions += 1;
      else if (kind === 'signal') summary.signals += 1;
      else summary.withheldNumbers += 1;
    }
    writeDataSessions(list, sessions, phoneAlone);
    for (const pair of pairs) {
      pair.fromId = entityIds.get(`phone:${pair.fromId}`)!;
      pair.toId = entityIds.get(`phone:${pair.toId}`)!;
    }
    const { num: importNum } = sqlite
      .prepare('SELECT num FROM imports WHERE id = ?')
      .get(options.importId) as { num: number };
    // Per record, the row that already counts its call: > 0 a stored row's ID, < 0 the index
    // (less one, negated) of a row of this file; 0 none.
    const copyOf = new Float64Array(length);
    let demoted: Parameters<typeof demoteStoredCalls>[1] = [];
    await aggregateAll('calls', pairs, (existingOf) => {
      const rowOf = (index: number): CallRow => ({
        id: 0,
        at: startedUnix[index]!,
        sms: kinds[index] === smsKind,
        seconds: durations[index]!,
        ownEnd: sideOf[index]!,
        importNum,
      });
      ({ copies: summary.copies, demoted } = markCallCopies(
        sqlite,
        {
          pairOf,
          sidesOf,
          firstOf,
          lastOf,
          pairCount: pairs.length,
          rowOf,
          firstSide: (index) => sideOf[index] === 1,
        },
        existingOf,
        copyOf,
      ));
      if (!summary.copies) return;
      for (let index = 0; index < length; index += 1) {
        if (!copyOf[index]) continue;
        const pair = pairs[pairOf[index]!]!;
        if (kinds[index] === smsKind) pair.messages -= 1;
        else pair.count -= 1;
        pair.durationSeconds! -= durations[index]!;
      }
    });
    await step(0, length);
    const rebuildIndexes = deferIndexes(sqlite, 'call_records', length);
    // The rows are numbered by SQLite as they go in: one past the largest ID (no AUTOINCREMENT),
    // so the n-th row written is firstId + n, which the copies below name.
    const { next: firstId } = sqlite
      .prepare('SELECT coalesce(max(id), 0) + 1 AS next FROM call_records')
      .get() as { next: number };
    const insert = multiRowInsert(
      sqlite,
      'call_records',
      [
        'relation_num',
        'kind',
        'started_unix',
        'duration_seconds',
        'base_station',
        'own_end',
        'imei',
        'imsi',
        'line',
        'copy_of',
      ],
      { import_num: importNum },
    );
    const values = insert.values;
    // The records go in by relation (file order within one): the relation index is then built
    // from rows nearly in its order, which SQLite sorts in a fraction of the time.
    const relationNums = pairs.map((pair) => pair.relationNum!);
    const order = recordsByRelation(pairOf, relationNums);
    // Rows are numbered in the order written: a copy of a row of this file names its number.
    let placeOf: Uint32Array | undefined;
    if (summary.copies) {
      placeOf = new Uint32Array(length);
      for (let done = 0; done < length; done += 1) placeOf[order[done]!] = done;
    }
    for (let done = 0; done < length; done += 1) {
      const index = order[done]!;
      const row = insert.next();
      const copy = copyOf[index]!;
      values[row] = relationNums[pairOf[index]!];
      values[row + 1] = callKinds[kinds[index]!];
      values[row + 2] = startedUnix[index];
      values[row + 3] = durations[index];
      values[row + 4] = textAt(records, cells[index]!);
      values[row + 5] = sideOf[index] || null;
      values[row + 6] = textAt(records, imeis[index]!);
      values[row + 7] = textAt(records, imsis[index]!);
      values[row + 8] = lines[index];
      values[row + 9] = !copy ? null : copy > 0 ? copy : firstId + placeOf![-copy - 1]!;
      if ((done + 1) % chunkRows === 0) await step(done + 1, length);
    }
    insert.flush();
    // The numbering the copies were given is the one SQLite gave (rolled back otherwise).
    const { last } = sqlite.prepare('SELECT max(id) AS last FROM call_records').get() as {
      last: number | null;
    };
    if (length && last !== firstId + length - 1)
      throw new Error('call records were not numbered in the order written');
    demoteStoredCalls(sqlite, demoted, (index) => firstId + placeOf![index]!);
    // The indexes back before the rows are read again: the re-marks below look up calls by
    // relation, which without them scanned the whole table for each phone (a 200,000-row list
    // had taken 22 minutes).
    rebuildIndexes();
    // A forwarded call's leg and the answering phone's row of it, in two relations: the phones
    // the file's callee rows and forwarded legs go to.
    const forwardedCallees = new Set<string>();
    for (let index = 0; index < length; index += 1)
      if (sideOf[index] === 2 || kinds[index] === forwardedKind)
        forwardedCallees.add(pairs[pairOf[index]!]!.toId);
    summary.copies += remarkForwardedAnswers(db, forwardedCallees).copies;
    // Its calls with an unknown end and data sessions that an earlier import holds already.
    if (sessions.length)
      summary.copies += remarkSessionCopies(db, sessionSpansOf(db, options.importId), {
        newImport: options.importId,
      });
    writeIdentifiers(seen);
    writeSites(list);
    options.onProgress(length, length);
  }

  /** Where the list placed its cells (基站经度, 基站纬度, 基站地址): one row per cell, this import's. */
  function writeSites(list: CallColumns) {
    if (!list.sites.length) return;
    const insert = multiRowInsert(sqlite, 'cell_sites', [
      'cell',
      'import_id',
      'longitude',
      'latitude',
      'address',
      'line',
    ]);
    for (const site of list.sites)
      insert.add(
        textAt(list, site.cell),
        options.importId,
        site.longitude,
        site.latitude,
        site.address,
        site.line,
      );
    insert.flush();
    summary.cellSites = list.sites.length;
  }

  /**
   * A call list's mobile-data sessions, and its calls and texts with an unknown end (their
   * kind and way), each on its phone.
   */
  function writeDataSessions(
    list: CallColumns,
    sessions: number[],
    phoneAlone: (index: number) => number,
  ) {
    if (!sessions.length) return;
    const insert = multiRowInsert(sqlite, 'data_sessions', [
      'phone_id',
      'started_unix',
      'duration_seconds',
      'base_station',
      'imei',
      'imsi',
      'import_id',
      'line',
      'kind',
      'incoming',
    ]);
    for (const index of sessions) {
      const kind = phoneEventKindOf[list.kind[index]!]!;
      insert.add(
        entityIds.get(`phone:${textAt(list, phoneAlone(index))!}`)!,
        list.startedUnix[index],
        list.durationSeconds[index],
        textAt(list, list.baseStation[index]!),
        textAt(list, list.imei[index]!),
        textAt(list, list.imsi[index]!),
        options.importId,
        list.line[index],
        kind,
        // The way of a call or text: in when its caller is the unknown end.
        kind === 'data' || kind === 'signal' ? null : list.caller[index] ? 0 : 1,
      );
    }
    insert.flush();
  }

  /**
   * IMEI, IMSI and base stations seen with each target phone; an IMEI seen with two numbers
   * (in this import or an earlier one) links the two phones: one handset, two SIMs.
   */
  function writeIdentifiers(seen: Sighting[]) {
    const insert = sqlite.prepare(
      'INSERT INTO phone_identifiers (phone_id, type, value, seen_count, first_seen, last_seen, import_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const item of seen)
      insert.run(
        entityIds.get(`phone:${item.phone}`)!,
        item.type,
        item.value,
        item.count,
        unixToIso(item.first),
        unixToIso(item.last),
        options.importId,
      );
    const imeis = [
      ...new Set(seen.filter((item) => item.type === 'imei').map((item) => item.value)),
    ];
    const phonesOf = sqlite.prepare(
      `SELECT DISTINCT p.phone_id FROM phone_identifiers p JOIN entities e ON e.id = p.phone_id
       WHERE p.type = 'imei' AND p.value = ? AND e.deleted_at IS NULL ORDER BY p.phone_id`,
    );
    for (const imei of imeis)
      linkSharing(
        'same_handset',
        `IMEI ${imei}`,
        (phonesOf.all(imei) as { phone_id: string }[]).map((row) => row.phone_id),
      );
  }

  /**
   * Links every two of the entities that share an identifier (a handset's IMEI: 同一手机, two
   * SIMs; a computer's MAC) with an undirected relation whose source names it, once.
   */
  function linkSharing(type: 'same_handset' | 'other', source: string, ids: string[]) {
    const linked = sqlite.prepare(
      `SELECT id FROM relations WHERE type = ? AND source = ? AND deleted_at IS NULL
       AND ((from_entity_id = ? AND to_entity_id = ?) OR (from_entity_id = ? AND to_entity_id = ?))`,
    );
    for (let a = 0; a < ids.length; a += 1)
      for (let b = a + 1; b < ids.length; b += 1) {
        const [from, to] = [ids[a]!, ids[b]!];
        if (linked.get(type, source, from, to, to, from)) continue;
        const relationId = insertRelation(
          db,
          {
            fromEntityId: from,
            toEntityId: to,
            type,
            directed: false,
            source,
            caseId: options.caseId,
          },
          actor,
          now,
        );
        contribution.run(options.importId, relationId, 1, 0, 0, 0, 0, null);
        summary.relationsCreated += 1;
      }
  }

  /**
   * The IPs, MACs and device IDs each statement's account was operated from; a MAC or device
   * ID seen on two accounts (in this import or an earlier one) links them: one controller's
   * computer or handset. An IP is kept, not linked (a carrier's NAT shares one among strangers).
   */
  function writeAccountIdentifiers(records: readonly TransferRecord[]) {
    const seen = new Map<
      string,
      { accountId: string; type: string; value: string; count: number; first: string; last: string }
    >();
    for (const record of records)
      for (const [type, value] of accountIdentifiersOf(record.trace)) {
        const accountId = entityIds.get(`account:${record.account}`)!;
        const key = `${accountId} ${type} ${value}`;
        const item = seen.get(key);
        if (!item)
          seen.set(key, { accountId, type, value, count: 1, first: record.at, last: record.at });
        else {
          item.count += 1;
          if (record.at < item.first) item.first = record.at;
          if (record.at > item.last) item.last = record.at;
        }
      }
    const insert = sqlite.prepare(
      'INSERT INTO account_identifiers (account_id, type, value, seen_count, first_seen, last_seen, import_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const item of seen.values())
      insert.run(
        item.accountId,
        item.type,
        item.value,
        item.count,
        item.first,
        item.last,
        options.importId,
      );
    const accountsOf = sqlite.prepare(
      `SELECT DISTINCT a.account_id FROM account_identifiers a JOIN entities e ON e.id = a.account_id
       WHERE a.type = ? AND a.value = ? AND e.deleted_at IS NULL ORDER BY a.account_id`,
    );
    const linking = new Set<string>();
    for (const item of seen.values())
      if (item.type !== 'ip') linking.add(`${item.type} ${item.value}`);
    for (const key of linking) {
      const [type, value] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)];
      linkSharing(
        'other',
        `${type === 'mac' ? 'MAC' : '设备号'} ${value}`,
        (accountsOf.all(type, value) as { account_id: string }[]).map((row) => row.account_id),
      );
    }
  }

  /**
   * The masked logins an Alipay user was printed by (138****5678), on the user's account: found
   * by them, and listed beside the others shown with the same mask, never one account by them.
   */
  function writeMaskedLogins(logins: readonly MaskedLogin[]) {
    const insert = sqlite.prepare(
      "INSERT INTO account_identifiers (account_id, type, value, seen_count, first_seen, last_seen, import_id) VALUES (?, 'login', ?, ?, ?, ?, ?)",
    );
    for (const item of logins) {
      const accountId = entityIds.get(`account:${item.userId}`);
      if (accountId)
        insert.run(accountId, item.login, item.count, item.first, item.last, options.importId);
    }
  }

  async function writeTransfers(
    records: TransferRecord[],
    platform: 'alipay' | 'wechat' | null,
    logins?: [string, string][],
    maskedLogins?: readonly MaskedLogin[],
  ) {
    // A masked counterpart (6222****0011) stays the account the file names, whatever the
    // workspace holds: its rows become copies of the full account's (`remarkMasked`, below), so
    // deleting that account's statement leaves them as the file alone gives them.
    const aliases = foldAccountAliases(records);
    addLoginAliases(aliases, records, logins);
    // The rows of each reversal pair, by line: a row whose partner is not among the records
    // written counts as any other (never a pair of one).
    const lineIndex = new Map<number, number>();
    records.forEach((record, index) => {
      if (record.offsetOf !== null) lineIndex.set(record.line, index);
    });
    for (const [line, index] of lineIndex)
      if (!lineIndex.has(records[index]!.offsetOf!)) {
        records[index]!.offsetOf = null;
        lineIndex.delete(line);
      }
    const pairs = new Map<string, PairTotals>();
    const keys: (string | null)[] = new Array<string | null>(records.length);
    // Per record its pair's index in `pairList` (cash rows: none, past the end); per pair the
    // statements its rows are on (1 the payer's, 2 the payee's) and its first and last time.
    const pairList: PairTotals[] = [];
    const pairIndex = new Map<string, number>();
    const pairOf = new Uint32Array(records.length);
    const sidesOf = new Uint8Array(records.length);
    const firstOf = new Float64Array(records.length);
    const lastOf = new Float64Array(records.length);
    const accounts = new Map<
      string,
      { type: AccountType; holder: string | null; bank: string | null }
    >();
    // A WeChat ID (wxid_…) and an Alipay user ID (2088 and 12 digits) say their platform
    // themselves, in a 财付通 reply or a bank's statement alike.
    const typeOf = (channel: string | null, number: string): AccountType =>
      /^wxid_/i.test(number)
        ? 'wechat'
        : /^2088\d{12}$/.test(number)
          ? 'alipay'
          : (platform ??
            (/支付宝|alipay/i.test(channel ?? '')
              ? 'alipay'
              : /微信|财付通|wechat|tenpay/i.test(channel ?? '')
                ? 'wechat'
                : 'bank'));
    for (let index = 0; index < records.length; index += 1) {
      const record = records[index]!;
      // An account's type and holder come from its first transaction (支付宝, 微信, else bank).
      if (!accounts.has(record.account))
        accounts.set(record.account, {
          type: typeOf(record.channel, record.account),
          holder: record.accountName,
          bank: null,
        });
      // The counterpart of a transfer a reversal of the file undoes is an account, as where
      // the reversal is in another import: its relation is made, with nothing counted.
      const undone = record.offsetOf !== null && !record.reversal;
      // Cash rows, a reversal with the transfer it undoes, and a reversal whose transfer is not
      // in the file (paired below with one an earlier import holds, else money of no one's):
      // no count on any relation.
      if (record.counterpart === null || (record.offsetOf !== null && !undone) || record.reversal) {
        keys[index] = null;
        pairOf[index] = records.length;
        continue;
      }
      if (!accounts.has(record.counterpart))
        accounts.set(record.counterpart, {
          type: record.counterpartCard ? 'bank' : typeOf(record.channel, record.counterpart),
          holder: record.counterpartName,
          bank: record.counterpartBank,
        });
      const [from, to] = endsOf(record, record.counterpart);
      const key = `${from}>${to}`;
      const pair = totals(pairs, key, from, to, record.at);
      pair.amountFen ??= 0;
      let found = pairIndex.get(key);
      if (undone) {
        // Listed under the relation below; no count, and none of the file's copies.
        if (found === undefined) {
          pairIndex.set(key, (found = pairList.push(pair) - 1));
          firstOf[found] = Date.parse(record.at) / 1000;
          lastOf[found] = firstOf[found];
        }
        keys[index] = null;
        pairOf[index] = records.length;
        continue;
      }
      keys[index] = key;
      pair.count += 1;
      pair.amountFen += record.amountFen;
      const at = Date.parse(record.at) / 1000;
      if (found === undefined) {
        pairIndex.set(key, (found = pairList.push(pair) - 1));
        firstOf[found] = at;
        lastOf[found] = at;
      } else {
        firstOf[found] = Math.min(firstOf[found]!, at);
        lastOf[found] = Math.max(lastOf[found]!, at);
      }
      pairOf[index] = found;
      sidesOf[found] |= record.direction === 'out' ? 1 : 2;
    }
    // A reversal and the transfer it undoes are listed under the transfer's relation, where
    // counted rows made one; a reversal alone under the relation of the way it undoes.
    records.forEach((record, index) => {
      if (!record.reversal && record.offsetOf === null) return;
      const undone =
        record.offsetOf === null
          ? null
          : record.reversal
            ? records[lineIndex.get(record.offsetOf)!]!
            : record;
      const ends = undone?.counterpart
        ? endsOf(undone, undone.counterpart)
        : !undone && record.counterpart
          ? endsOf(record, record.counterpart).reverse()
          : null;
      if (ends && pairs.has(ends.join('>'))) keys[index] = ends.join('>');
    });
    // An attempt (a failed transfer) names its own line: a pair of one, no reversal.
    summary.attempts = records.filter((record) => record.attempt).length;
    summary.reversals = (lineIndex.size - summary.attempts) / 2;
    // An account known before by its other number (a counterpart on an earlier statement) is
    // that entity; one known by both numbers apart is left for the user to merge.
    for (const [accountNo, others] of aliases) {
      const holders = new Set(bulk.known('account', [accountNo, ...others]).values());
      const [holder] = holders;
      if (holders.size !== 1 || entityIds.has(`account:${accountNo}`)) continue;
      entityIds.set(`account:${accountNo}`, holder!);
      summary.entitiesMatched += 1;
      ensureInCase(holder!, 'involved');
    }
    resolve('account', accounts.keys(), (accountNo) => accounts.get(accountNo)!);
    linkAccountAliases(aliases, accounts);
    linkHolders(records);
    for (const pair of pairs.values()) {
      pair.fromId = entityIds.get(`account:${pair.fromId}`)!;
      pair.toId = entityIds.get(`account:${pair.toId}`)!;
    }
    // Per record, the row that already counts its transfer: > 0 a stored row's ID, < 0 the
    // index (less one, negated) of a row of this file; 0 none.
    const copyOf = new Float64Array(records.length);
    const dayOnly = (index: number) => records[index]!.dayOnly;
    // Each account's statement in this file: its first and last row, or the period its heading
    // gives where that is wider (late bookings' pairing).
    const spans = new Map<string, [number, number]>();
    for (const record of records) {
      const accountId = entityIds.get(`account:${record.account}`)!;
      const at = Date.parse(record.at) / 1000;
      const span = spans.get(accountId);
      if (!span) spans.set(accountId, [at, at]);
      else [span[0], span[1]] = [Math.min(span[0], at), Math.max(span[1], at)];
    }
    for (const [accountId, span] of spans)
      spans.set(accountId, statementSpan(span, statementPeriod?.from, statementPeriod?.to)!);
    await aggregateAll('finances', pairList, (existingOf) => {
      summary.copies = markTransferCopies(
        sqlite,
        {
          pairOf,
          sidesOf,
          firstOf,
          lastOf,
          pairCount: pairList.length,
          rowOf: (index) => ({
            id: 0,
            at: Date.parse(records[index]!.at) / 1000,
            amountFen: records[index]!.amountFen,
            accountId: entityIds.get(`account:${records[index]!.account}`)!,
            importId: options.importId,
            out: records[index]!.direction === 'out',
            dayOnly: dayOnly(index),
          }),
          firstSide: (index) => records[index]!.direction === 'out',
        },
        existingOf,
        copyOf,
        { importId: options.importId, spans },
      );
      // The payment an earlier file names by other accounts (a bill's nickname, the 调证's
      // wxid), cash rows too: a counted reversal pair is no candidate.
      summary.copies += markReferenceCopies(
        sqlite,
        records.map((record) => {
          const reference = platformReference(record.reference);
          return reference && record.offsetOf === null && !record.reversal
            ? {
                reference,
                out: record.direction === 'out',
                amountFen: record.amountFen,
                at: Date.parse(record.at) / 1000,
                importNum: Infinity,
              }
            : null;
        }),
        copyOf,
      );
      copyOf.forEach((copy, index) => {
        if (!copy || pairOf[index]! >= pairList.length) return;
        const pair = pairList[pairOf[index]!]!;
        pair.count -= 1;
        pair.amountFen! -= records[index]!.amountFen;
      });
    });
    // Cash rows (ATM, counter) have no relation: a statement exported twice holds them twice.
    const cash: CashRow[] = [];
    records.forEach((record, index) => {
      if (
        record.counterpart === null &&
        record.offsetOf === null &&
        !record.reversal &&
        !copyOf[index]
      )
        cash.push({
          index,
          out: record.direction === 'out',
          row: {
            id: 0,
            at: Date.parse(record.at) / 1000,
            amountFen: record.amountFen,
            accountId: entityIds.get(`account:${record.account}`)!,
            importId: options.importId,
            out: record.direction === 'out',
            dayOnly: record.dayOnly,
          },
        });
    });
    summary.copies += markCashCopies(sqlite, cash, copyOf);
    await step(0, records.length);
    const rebuildIndexes = deferIndexes(sqlite, 'money_transfers', records.length);
    const { next: firstId } = sqlite
      .prepare('SELECT coalesce(max(id), 0) + 1 AS next FROM money_transfers')
      .get() as { next: number };
    const insert = multiRowInsert(sqlite, 'money_transfers', [
      'id',
      'relation_id',
      'payer_id',
      'payee_id',
      'account_id',
      'direction',
      'at',
      'amount_fen',
      'channel',
      'summary',
      'reference',
      'import_id',
      'line',
      'copy_of',
      'offset_of',
      'reversal',
      'counterpart_no',
      'attempt',
      'day_only',
      'ip',
      'mac',
      'device',
      'branch',
      'log_no',
      'voucher_no',
      'original_reference',
    ]);
    // Rows are numbered in file order: a copy of a row of this file names its number.
    for (let index = 0; index < records.length; index += 1) {
      const record = records[index]!;
      const key = keys[index];
      const pair = key ? pairs.get(key)! : null;
      const copy = copyOf[index]!;
      insert.add(
        firstId + index,
        pair?.relationId ?? null,
        pair?.fromId ?? null,
        pair?.toId ?? null,
        entityIds.get(`account:${record.account}`)!,
        record.direction,
        record.at,
        record.amountFen,
        record.channel,
        record.summary,
        referenceText(record.reference),
        options.importId,
        record.line,
        !copy ? null : copy > 0 ? copy : firstId - copy - 1,
        // A reversal alone names itself: it cancels, with nothing on the statement.
        record.offsetOf !== null
          ? firstId + lineIndex.get(record.offsetOf)!
          : record.reversal
            ? firstId + index
            : null,
        record.reversal ? 1 : null,
        record.reversal ? record.counterpart : null,
        record.attempt ? 1 : null,
        dayOnly(index) ? 1 : null,
        record.trace.ip,
        record.trace.mac,
        record.trace.device,
        record.trace.branch,
        record.trace.logNo,
        record.trace.voucherNo,
        // Kept so a transfer imported later, or before, is found by its serial.
        record.reversal ? referenceText(record.originalReference ?? null) : null,
      );
      if ((index + 1) % chunkRows === 0) await step(index + 1, records.length);
    }
    insert.flush();
    rebuildIndexes();
    // Reversals and transfers of this file that undo or are undone by one an import holds: on
    // its accounts, and a reversal on a counterpart's account undoing a transfer of this file.
    summary.reversals += pairStoredReversals(
      db,
      [
        ...new Set([
          ...spans.keys(),
          ...[...pairs.values()].flatMap((pair) => [pair.fromId, pair.toId]),
        ]),
      ],
      options.importId,
    );
    // The other party's rows of the transfers undone, in any import, count no more.
    summary.copies += uncountUndoneTwins(
      db,
      (
        sqlite
          .prepare(
            'SELECT DISTINCT relation_id AS id FROM money_transfers WHERE import_id = ? AND relation_id IS NOT NULL',
          )
          .all(options.importId) as { id: string }[]
      ).map((row) => row.id),
    );
    summary.unmatchedReversals = (
      sqlite
        .prepare(
          'SELECT count(*) AS n FROM money_transfers WHERE import_id = ? AND reversal = 1 AND offset_of = id',
        )
        .get(options.importId) as { n: number }
    ).n;
    writeAccountIdentifiers(records);
    writeMaskedLogins(maskedLogins ?? []);
    // Rows counted before under a masked counterpart that this file names in full.
    summary.copies += remarkMasked(
      db,
      maskedRelationsBeside(
        db,
        [...pairs.values()].map((pair) => pair.relationId!),
      ),
    );
    options.onProgress(records.length, records.length);
  }

  /** Each account's numbers not known yet, kept as aliases merged into it. */
  function linkAccountAliases(
    aliases: Map<string, string[]>,
    accounts: Map<string, { type: AccountType }>,
  ) {
    for (const [accountNo, others] of aliases) {
      const accountId = entityIds.get(`account:${accountNo}`)!;
      // The statement's own number too, where the account was known by its other one.
      const numbers = [accountNo, ...others];
      const known = bulk.known('account', numbers);
      const added = numbers.filter((other) => !known.has(other));
      for (const other of added) {
        const id = bulk.addAccountAlias(other, accounts.get(accountNo)!.type, accountId);
        created.run(options.importId, 'entity', id);
      }
      if (added.length) indexEntity(db, accountId);
    }
  }

  /** Each account's holder as the statement names it by document number (first row naming one). */
  function linkHolders(records: TransferRecord[]) {
    const holders = new Map<string, NamedHolder>();
    const name = (account: string, idNumber: string | null, holderName: string | null) => {
      const accountId = entityIds.get(`account:${account}`)!;
      if (idNumber && !holders.has(accountId))
        holders.set(accountId, { idNumber, name: holderName });
    };
    for (const record of records) {
      name(record.account, record.accountIdNumber, record.accountName);
      // A reversal's counterpart is an account where a transfer names it.
      if (record.counterpart && !record.reversal)
        name(record.counterpart, record.counterpartIdNumber, record.counterpartName);
    }
    linkAccountHolders(db, holders, {
      actor,
      now,
      fileName: options.fileName,
      caseId: options.caseId,
      onEntity(id, isNew) {
        if (isNew) {
          created.run(options.importId, 'entity', id);
          summary.entitiesCreated += 1;
        } else summary.entitiesMatched += 1;
        ensureInCase(id, 'involved');
      },
      onRelation(id) {
        contribution.run(options.importId, id, 1, 0, 0, 0, 0, null);
        summary.relationsCreated += 1;
      },
      onAlias(personId, name) {
        created.run(options.importId, 'alias', aliasTarget(personId, name));
      },
    });
  }

  /** Ledger rows as seizures of their cases, each naming this import and its line. */
  async function writeSeizures(records: SeizureLedgerRecord[]) {
    for (let index = 0; index < records.length; index += 1) {
      const record = records[index]!;
      if (!record.caseId) throw new Error('A ledger row reached the writer without its case');
      insertSeizure(
        db,
        {
          caseId: record.caseId,
          seizedAt: record.seizedAt,
          place: record.place,
          fromEntityId: record.fromEntityId,
          drugType: record.drugType,
          quantityValue: record.quantityValue,
          quantityUnit: record.quantityUnit,
          weightBasis: record.weightBasis,
          contentPerUnit: record.contentPerUnit,
          contentMicrograms: record.contentMicrograms,
          purityBasisPoints: record.purityBasisPoints,
          cashFen: record.cashFen,
          evidenceNo: record.evidenceNo,
          notes: record.notes,
          importId: options.importId,
          line: record.line,
        },
        actor,
        now,
      );
      summary.seizuresCreated += 1;
      if ((index + 1) % 2_000 === 0) await step(index + 1, records.length);
    }
    options.onProgress(records.length, records.length);
  }

  /** A relation person → phone the import makes (and takes back out with it). */
  function addRelation(fromEntityId: string, toEntityId: string, type: 'uses' | 'owns') {
    const relationId = insertRelation(
      db,
      {
        fromEntityId,
        toEntityId,
        type,
        directed: true,
        source: options.fileName,
        caseId: options.caseId,
      },
      actor,
      now,
    );
    contribution.run(options.importId, relationId, 1, 0, 0, 0, 0, null);
    summary.relationsCreated += 1;
  }

  async function writePersons(records: PersonRecord[]) {
    const kept = sqlite.prepare(
      `INSERT OR IGNORE INTO import_relations (import_id, relation_id, created, event_count, message_count, duration_seconds, amount_fen, previous)
       VALUES (?, ?, 0, 0, 0, 0, 0, NULL)`,
    );
    for (let index = 0; index < records.length; index += 1) {
      const record = records[index]!;
      const kind = record.organisation ? 'organisation' : 'person';
      const holder = record.idNumber ? findHolder(db, kind, record.idNumber) : undefined;
      let personId: string;
      if (holder) {
        personId = holder.id;
        summary.entitiesMatched += 1;
        // The same document under another name (曾用名, a spelling): the name recorded stays,
        // the file's is kept as an alias, so the person is found by both and the card shows it.
        if (holder.kind === 'person')
          for (const alias of addPersonAliases(db, holder.id, [record.name, ...record.aliases]))
            created.run(options.importId, 'alias', aliasTarget(holder.id, alias));
        // The list names the person: deleting the import that created it leaves it to this one.
        created.run(options.importId, 'named', holder.id);
      } else if (record.organisation) {
        // A number registered to a business: the company, as a 机主 or a user of the phone.
        personId = insertEntity(
          db,
          {
            kind: 'organisation',
            name: record.name,
            orgType: 'company',
            creditCode: record.idNumber,
            licenceNumbers: [],
            address: record.address,
          },
          actor,
          now,
        );
        created.run(options.importId, 'entity', personId);
        summary.entitiesCreated += 1;
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
            idType: record.idNumber ? (record.idType ?? 'resident_id') : null,
            household: record.household,
            address: record.address,
            riskGrade: null,
            personColour: null,
          },
          actor,
          now,
        );
        created.run(options.importId, 'entity', personId);
        summary.entitiesCreated += 1;
      }
      ensureInCase(personId, record.organisation ? 'involved' : 'suspect');
      // A relation the list gives that is recorded already is this import's too (a
      // contribution of nothing): deleting the import that made it leaves it to this one.
      const recorded = (phone: string, type: 'uses' | 'owns') =>
        db.get<{ id: string }>(
          sql`SELECT id FROM relations WHERE from_entity_id = ${personId} AND to_entity_id = ${phone} AND type = ${type} AND deleted_at IS NULL`,
        )?.id;
      const keep = (relationId: string) => kept.run(options.importId, relationId);
      for (const number of record.phones) {
        const phone = phoneId(number);
        const uses = recorded(phone, 'uses');
        if (uses) keep(uses);
        else addRelation(personId, phone, 'uses');
      }
      // The numbers in the person's name (用户资料): their 机主, unless one is recorded.
      for (const number of record.ownedPhones) {
        const phone = phoneId(number);
        const owns = recorded(phone, 'owns');
        if (owns) keep(owns);
        else if (!findOwner(db, phone)) addRelation(personId, phone, 'owns');
      }
      if ((index + 1) % 2_000 === 0) await step(index + 1, records.length);
    }
    options.onProgress(records.length, records.length);
  }
}
