import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { importTemplates } from '../../../api/domain/import-templates';
import { entitiesTable } from './entities';
import { relationsTable } from './relations';

/**
 * One row per import of a file: what was read, by whom, when. Every record below names its
 * import and the line of the file it came from, so a relation can be traced back to
 * "file, line N" and an import can be taken out again.
 */
export const importsTable = sqliteTable(
  'imports',
  {
    id: text().primaryKey(),
    /**
     * The import's small number, what its call records name (an integer of one or two bytes
     * instead of a 36-character ID on each of a million rows). Given at insert by a trigger
     * when the writer gives none (migration 0013: a rebuild of this table must create
     * that trigger again, drizzle-kit does not see it); kept by VACUUM, unlike a rowid.
     */
    num: integer(),
    fileName: text().notNull(),
    /** SHA-256 of the file's bytes, hex. */
    sha256: text().notNull(),
    template: text({ enum: importTemplates }).notNull(),
    rowCount: integer().notNull(),
    rejectedCount: integer().notNull(),
    caseId: text(),
    createdAt: text().notNull(),
    createdBy: text().notNull(),
    /**
     * The period a statement's heading says it covers (起止日期, 查询期间: YYYY-MM-DD, both days
     * included), or null: what the other party's statement is checked against when a transfer's
     * two rows are days apart (a debit after hours may be the statement's last row).
     */
    periodFrom: text(),
    periodTo: text(),
  },
  (table) => [uniqueIndex('imports_num_idx').on(table.num)],
);

export const callRecordKinds = ['call', 'forwarded', 'sms'] as const;
/** What a phone's event with no far end is (data_sessions). */
export const phoneEventKinds = ['data', 'call', 'sms', 'signal'] as const;

/**
 * Imported call detail records (话单), one row per call or message, under the aggregated
 * `calls` relation from the phone that placed it to the one that received it: the relation
 * carries the call count, message count, total duration and period; these rows are the
 * drill-down. A million rows a list: every column is as small as it can be (integers for the
 * relation, the import and the time; the target phone as an end of the relation), which
 * roughly halves the bytes SQLite sorts, encrypts and writes (migration 0013).
 */
export const callRecordsTable = sqliteTable(
  'call_records',
  {
    id: integer().primaryKey(),
    /** The relation's `num`. */
    relationNum: integer()
      .notNull()
      .references(() => relationsTable.num),
    kind: text({ enum: callRecordKinds }).notNull().default('call'),
    /** Start, seconds since 1970-01-01 UTC (Unix time). */
    startedUnix: integer().notNull(),
    durationSeconds: integer().notNull(),
    baseStation: text(),
    /**
     * The target phone of the list the row came from (本机), as an end of the relation: 1 its
     * caller (from), 2 its callee (to); null when the list named no target phone. The phone the
     * base station, IMEI and IMSI belong to; it follows the relation through merges.
     */
    ownEnd: integer(),
    imei: text(),
    imsi: text(),
    /** The import's `num`. */
    importNum: integer().notNull(),
    /** Line (CSV) or row (spreadsheet) of the file. */
    line: integer().notNull().default(0),
    /**
     * The row (its ID) that already counts this call: the same call in the other party's list,
     * or in an earlier import of the same list (`call-copies.ts`). A copy adds nothing to its
     * relation's counts; null for a row that counts.
     */
    copyOf: integer(),
  },
  // No index on the import: deleting an import finds its records through the relations it
  // wrote (import_relations), which spares a million index writes on a large import.
  (table) => [
    // Covers 话单碰撞 and the contact profile (kind, seconds, copies left out) without reading
    // the rows.
    index('call_records_relation_idx').on(
      table.relationNum,
      table.startedUnix,
      table.kind,
      table.durationSeconds,
      table.copyOf,
    ),
    // Who was on a base station when (同基站伴随, "who was on this cell between t1 and t2").
    index('call_records_cell_idx').on(table.baseStation, table.startedUnix),
  ],
);

/**
 * Imported bank and payment transactions, one row each, on the account of the statement.
 * A transfer between two accounts sits under the `finances` relation in the direction the
 * money moved; a cash or ATM row (no counterpart) has no relation.
 */
export const moneyTransfersTable = sqliteTable(
  'money_transfers',
  {
    id: integer().primaryKey(),
    relationId: text().references(() => relationsTable.id),
    /** The statement's account; null on rows imported before accounts were kept. */
    accountId: text().references(() => entitiesTable.id),
    /** Seen from the account: money out (debit) or in (credit). */
    direction: text({ enum: ['out', 'in'] })
      .notNull()
      .default('out'),
    at: text().notNull(),
    amountFen: integer().notNull(),
    channel: text(),
    summary: text(),
    reference: text(),
    /** A reversal's 原交易流水号: the serial (`reference`) of the transfer it undoes. */
    originalReference: text(),
    importId: text().notNull(),
    line: integer().notNull().default(0),
    /**
     * The payer and payee of the transfer: the endpoints of its `finances` relation while that
     * relation is live, else null (cash rows, deleted relations). Copies kept by the triggers of
     * migration 0012 through every change to a relation (edit, merge, unmerge, delete), so a
     * ledger is two index ranges per account instead of a relation lookup per transfer.
     */
    payerId: text(),
    payeeId: text(),
    /**
     * The row (its ID) that already counts this transfer: the same transfer on the other
     * account's statement, or in an earlier import of the same statement (`record-copies.ts`).
     * A copy adds nothing to its relation's count and amount; null for a row that counts.
     */
    copyOf: integer(),
    /**
     * The row (its ID) this one cancels with: a reversal (冲正, 抹账, 撤销, 退汇) and the
     * transfer it undoes, both on the statement, each naming the other. Neither adds to its
     * relation's count and amount nor takes part in copies or analyses; null for a row that
     * counts.
     */
    offsetOf: integer(),
    /**
     * 1 for a row that undoes another as the statement names it (冲正, 撤销, 退汇, a flag or
     * sign): with `offsetOf` its own ID while the transfer it undoes is in no import (kept,
     * counted nowhere), which a later import holding that transfer finds; null for any other.
     */
    reversal: integer(),
    /**
     * A reversal's counterpart account as the statement printed it (null for other rows, whose
     * counterpart is an end of their relation): how the transfer it undoes is found in another
     * import, where the reversal itself is on no relation.
     */
    counterpartNo: text(),
    /**
     * 1 for a transfer the statement says did not go through (失败, declined 应答码 51, 交易是否成功
     * N): kept as evidence of the attempt, with its counterpart's account and relation, and
     * `offsetOf` its own ID so that no count, total or analysis takes it; null for any other.
     */
    attempt: integer(),
    /**
     * 1 when the row gives its day alone (a date without a time; for rows imported before
     * migration 0015, every row of the account's statement in the import at midnight China
     * time): the other bank's row of the transfer may be any time that day.
     */
    dayOnly: integer(),
    /**
     * Where the transfer was made from, as the bank or platform printed it: the client's IP
     * address and MAC address (网银, 手机银行), the device ID (支付宝, 财付通), the branch or
     * place (交易网点名称, 交易发生地), and the bank's own numbers for the row (日志号, 凭证号
     * or 传票号) that a request for the voucher or the counter's video names. Null when the
     * statement has no such column. The IP and MAC are kept normalised when they read as one
     * (`transfer-traces.ts`), else as printed.
     */
    ip: text(),
    mac: text(),
    device: text(),
    branch: text(),
    logNo: text(),
    voucherNo: text(),
  },
  (table) => [
    // A ledger's read (资金穿透 reads tens of thousands of transfers): covering, per account.
    index('money_transfers_payer_idx')
      .on(
        table.payerId,
        table.at,
        table.direction,
        table.amountFen,
        table.payeeId,
        table.copyOf,
        table.offsetOf,
      )
      .where(sql`${table.payerId} IS NOT NULL`),
    index('money_transfers_payee_idx')
      .on(
        table.payeeId,
        table.at,
        table.direction,
        table.amountFen,
        table.payerId,
        table.copyOf,
        table.offsetOf,
      )
      .where(sql`${table.payeeId} IS NOT NULL`),
    // Cash and ATM rows (no counterpart) of an account's ledger.
    index('money_transfers_cash_idx')
      .on(table.accountId, table.at, table.direction, table.amountFen, table.copyOf, table.offsetOf)
      .where(sql`${table.relationId} IS NULL`),
    index('money_transfers_relation_idx').on(table.relationId),
    index('money_transfers_account_idx').on(table.accountId, table.at),
    // Reversals whose transfer no import holds yet, found by a later import on the account.
    index('money_transfers_reversal_idx')
      .on(table.accountId, table.at)
      .where(sql`${table.reversal} = 1`),
    index('money_transfers_import_idx').on(table.importId),
    // One payment in two files that name its accounts differently, found by its 交易单号.
    index('money_transfers_reference_idx')
      .on(table.reference)
      .where(sql`${table.reference} IS NOT NULL`),
  ],
);

export interface RelationAggregates {
  eventCount: number | null;
  messageCount: number | null;
  durationSeconds: number | null;
  amountFen: number | null;
  startedOn: string | null;
  endedOn: string | null;
}

export const accountIdentifierTypes = ['ip', 'mac', 'device', 'login'] as const;

/**
 * The IP addresses, MAC addresses and device IDs an account's statement shows it was operated
 * from, per import, with how often and when. A MAC or device ID seen on two accounts is one
 * computer or handset operating both (卡农, 跑分 accounts run by one controller); an IP is
 * only listed beside them (a carrier's NAT puts thousands of strangers behind one address).
 */
export const accountIdentifiersTable = sqliteTable(
  'account_identifiers',
  {
    id: integer().primaryKey(),
    accountId: text()
      .notNull()
      .references(() => entitiesTable.id),
    type: text({ enum: accountIdentifierTypes }).notNull(),
    value: text().notNull(),
    seenCount: integer().notNull(),
    firstSeen: text().notNull(),
    lastSeen: text().notNull(),
    importId: text().notNull(),
  },
  (table) => [
    index('account_identifiers_value_idx').on(table.type, table.value),
    index('account_identifiers_account_idx').on(table.accountId),
    index('account_identifiers_import_idx').on(table.importId),
  ],
);

export const phoneIdentifierTypes = ['imei', 'imsi', 'cell'] as const;

/**
 * Device and network identifiers seen with a phone in its records (IMEI, IMSI, LAC+CI base
 * station), per import, with how often and when. An IMEI seen with two numbers is one handset
 * used with two SIMs.
 */
export const phoneIdentifiersTable = sqliteTable(
  'phone_identifiers',
  {
    id: integer().primaryKey(),
    phoneId: text()
      .notNull()
      .references(() => entitiesTable.id),
    type: text({ enum: phoneIdentifierTypes }).notNull(),
    value: text().notNull(),
    seenCount: integer().notNull(),
    firstSeen: text().notNull(),
    lastSeen: text().notNull(),
    importId: text().notNull(),
  },
  (table) => [
    index('phone_identifiers_value_idx').on(table.type, table.value),
    index('phone_identifiers_phone_idx').on(table.phoneId),
    index('phone_identifiers_import_idx').on(table.importId),
  ],
);

/**
 * A phone's events with no far end, so on no relation: mobile-data sessions (上网, GPRS, 流量),
 * and calls and texts whose other number the carrier printed as unknown (隐藏号码, 未知, -,
 * empty: `kind` call or sms, with their direction). Where the phone was and when, on which
 * handset: carriers' lists hold more data sessions than calls; they place a phone on a cell
 * between its calls (同基站伴随, who was on a cell), and a withheld caller's call is still a
 * call on the phone's timeline.
 */
export const dataSessionsTable = sqliteTable(
  'data_sessions',
  {
    id: integer().primaryKey(),
    phoneId: text()
      .notNull()
      .references(() => entitiesTable.id),
    /** Start, seconds since 1970-01-01 UTC (Unix time). */
    startedUnix: integer().notNull(),
    durationSeconds: integer().notNull(),
    baseStation: text(),
    imei: text(),
    imsi: text(),
    importId: text().notNull(),
    /** Line (CSV) or row (spreadsheet) of the file. */
    line: integer().notNull().default(0),
    /**
     * data: a mobile-data session; call, sms: one whose other number is not known; signal: the
     * phone's signalling (位置更新, 开机, 切换) a tower dump lists.
     */
    kind: text({ enum: phoneEventKinds }).notNull().default('data'),
    /** A call or text that came in (its caller unknown); null for a data session. */
    incoming: integer({ mode: 'boolean' }),
    /**
     * The row (its ID) of an earlier import that holds this event already: the same list
     * exported twice, or two exports that overlap (same phone, start, duration, kind and way;
     * `session-copies.ts`). A copy is kept with its line and counted nowhere; null for a row
     * that counts.
     */
    copyOf: integer(),
  },
  (table) => [
    index('data_sessions_cell_idx').on(table.baseStation, table.startedUnix),
    index('data_sessions_phone_idx').on(table.phoneId, table.startedUnix),
    index('data_sessions_import_idx').on(table.importId),
  ],
);

/**
 * What an import added to each relation it wrote (so deleting the import takes exactly that
 * back out), and whether it created the relation.
 */
export const importRelationsTable = sqliteTable(
  'import_relations',
  {
    importId: text().notNull(),
    relationId: text().notNull(),
    created: integer({ mode: 'boolean' }).notNull(),
    eventCount: integer().notNull(),
    messageCount: integer().notNull(),
    durationSeconds: integer().notNull(),
    amountFen: integer().notNull(),
    /** The relation's aggregates before this import added to it (JSON; null when created). */
    previous: text({ mode: 'json' }).$type<RelationAggregates>(),
  },
  (table) => [
    primaryKey({ columns: [table.importId, table.relationId] }),
    // Whether an import made a relation (the chart leaves out one of no count it made), and
    // the imports of a relation when one is deleted.
    index('import_relations_relation_idx').on(table.relationId, table.created),
  ],
);

/**
 * Entities and case links an import created (deleting the import removes those still unused),
 * names it added to a person already recorded under the same ID number (`alias`: the
 * person's ID, a NUL, the name), which deleting the import takes off again, and persons its
 * list named that were recorded already (`named`): one another import created stays while
 * this import does.
 */
export const importCreatedTable = sqliteTable(
  'import_created',
  {
    importId: text().notNull(),
    targetType: text({ enum: ['entity', 'caseEntity', 'alias', 'named'] }).notNull(),
    targetId: text().notNull(),
  },
  (table) => [primaryKey({ columns: [table.importId, table.targetType, table.targetId] })],
);

/**
 * Where a call list placed its cells (基站经度, 基站纬度, 基站地址): one row per cell key per import,
 * from the cell's first row in the file, so deleting the import takes exactly its sites out.
 * The key is the one the list's records carry (`base_station`); a list with coordinates and no
 * cell id keys its cells by the coordinates (cell-ids positionCell). Degrees as the list printed
 * them (WGS-84 or GCJ-02: not converted). A cell placed by two imports has two rows; the map
 * takes the earlier import's.
 */
export const cellSitesTable = sqliteTable(
  'cell_sites',
  {
    cell: text().notNull(),
    importId: text().notNull(),
    longitude: real().notNull(),
    latitude: real().notNull(),
    address: text(),
    /** Line (CSV) or row (spreadsheet) of the file that placed the cell. */
    line: integer().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.cell, table.importId] }),
    index('cell_sites_import_idx').on(table.importId),
  ],
);
