import * as z from 'zod';
import { importTemplates } from '../domain/import-templates';
import { setAsideReasons } from '../domain/set-aside-reasons';
import { textEncodings } from '../domain/text-encodings';
import { idSchema } from './common';
import { sameAccountsSchema } from './same-account-schemas';

/**
 * A file as the user picked it: name and bytes (base64, at most 200 MB), or a path on disk
 * (the CLI and Electron main: a 2 GB file does not go through base64).
 */
const fileInput = z
  .object({
    fileName: z.string().trim().min(1).max(260),
    contentBase64: z.string().min(1).max(280_000_000).optional(),
    filePath: z.string().min(1).max(4_096).optional(),
    encoding: z.enum(['auto', ...textEncodings]).default('auto'),
    template: z.enum(importTemplates),
    /** Field → column index; the columns' names suggest one when absent. */
    mapping: z.record(z.string(), z.number().int().min(0).max(500)).optional(),
    /** Header text → field, for headers the templates do not know (`对方号码=counterpart`). */
    headerMap: z.record(z.string().max(100), z.string().max(40)).optional(),
    /** The bill owner's account when the file has no account column (Alipay/WeChat bills). */
    ownAccount: z.string().trim().max(100).nullish(),
    /**
     * Which way the money of a statement went when the file says it nowhere (no debit/credit
     * column, no signs): every row out of the account, or into it, as the user knows it.
     */
    direction: z.enum(['out', 'in']).nullish(),
    /** The 话单's own number when the file has no own-number column (one number's 详单). */
    ownNumber: z.string().trim().max(30).nullish(),
    /** Area code for landlines printed without one (0871). */
    areaCode: z
      .string()
      .regex(/^0[1-9]\d{1,2}$/)
      .nullish(),
    caseId: idSchema.nullish(),
    /**
     * A workbook's sheet read alone (1 for the first): a sheet under another header (短信 beside
     * 通话, one card's statement per sheet) is imported on its own.
     */
    sheet: z.number().int().min(1).max(400).nullish(),
  })
  .refine((input) => (input.contentBase64 === undefined) !== (input.filePath === undefined), {
    message: 'Give the content or a path, one of them',
    path: ['contentBase64'],
  });

export const importPreviewInput = fileInput.and(
  z.object({
    /**
     * Give the rejected-rows file the commit would give, made from the same plan: the CLI
     * writes it before the import commits (a file that cannot be written then refuses the
     * import, nothing written to the workspace).
     */
    withRejectedFile: z.boolean().optional(),
  }),
);

/** Rejected rows: the file's columns as read plus a reason column, in the file's encoding. */
const rejectedFileSchema = z.object({
  fileName: z.string(),
  contentBase64: z.string(),
});

const importProblemSchema = z.object({
  line: z.number().int(),
  field: z.string(),
  problem: z.string(),
  value: z.string(),
  /** Catalogue names an unknown or ambiguous drug name may mean (seizure ledgers). */
  suggestions: z.array(z.string()).optional(),
});

export const importPreviewOutput = z.object({
  format: z.enum(['csv', 'xlsx', 'xlsb', 'ods', 'xls', 'html', 'xml']),
  encoding: z.enum(textEncodings).nullable(),
  headerLine: z.number().int(),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.number().int()),
  rowCount: z.number().int(),
  /**
   * A statement's rows that moved no money (结息 0.00, a 冻结 or 解冻, a 余额查询): no transfers,
   * not in the rows counted, said apart so the file's rows add up.
   */
  nothingMoved: z.number().int(),
  /**
   * The first 200 among them of rows that read as transfers but moved nothing, by line, and why:
   * failed or closed, refunded whole, between the holder's own accounts (零钱提现, 不计收支), or a
   * refund whose payment is not in the file.
   */
  setAside: z
    .array(z.object({ line: z.number().int(), reason: z.enum(setAsideReasons) }))
    .optional(),
  /** How many rows were set aside, all of them (`setAside` lists the first 200). */
  setAsideCount: z.number().int().optional(),
  validCount: z.number().int(),
  /**
   * A statement's valid rows by direction as the file books them, with the rows that cancel
   * (冲正 pairs): to hold against the file's own 借方/贷方合计 before importing.
   */
  moneyTotals: z
    .object({
      inRows: z.number().int(),
      inFen: z.number().int(),
      outRows: z.number().int(),
      outFen: z.number().int(),
      cancellingRows: z.number().int(),
    })
    .nullable()
    .optional(),
  /** A call list's valid rows by kind and way, and the calls' seconds. */
  callTotals: z
    .object({
      callsOut: z.number().int(),
      callsIn: z.number().int(),
      forwarded: z.number().int(),
      messagesOut: z.number().int(),
      messagesIn: z.number().int(),
      other: z.number().int(),
      callSeconds: z.number().int(),
    })
    .nullable()
    .optional(),
  /** Problems found, and the lines they are on (a line can have several). */
  problemCount: z.number().int(),
  rejectedCount: z.number().int(),
  /** The first 200 problems, in file order. */
  problems: z.array(importProblemSchema),
  /**
   * The name the rejected-rows file would take (.txt for a tab-separated file, else .csv): the
   * CLI checks its place before anything is imported.
   */
  rejectedFileName: z.string(),
  /** The rejected-rows file, when asked for (`withRejectedFile`); null when no row is rejected. */
  rejectedFile: rejectedFileSchema.nullable().optional(),
  /** The first rows as they will be read, field → text. */
  sample: z.array(z.record(z.string(), z.string())),
  /** Alipay/WeChat bill, and its owner, as read from the lines above the header. */
  platform: z.enum(['alipay', 'wechat']).nullable(),
  owner: z.string().nullable(),
  /**
   * The heading names the owner by a nickname (微信昵称) or a name (姓名) alone: `owner` is then
   * an account of this file only, never matched to another file's, until an own account (an
   * account number, a WeChat ID) is given.
   */
  ownerKnownBy: z.enum(['nickname', 'name']).nullable(),
  /**
   * A workbook's sheets holding rows, when there are several: data rows read from each, and
   * whether it was read (under the same header row as the first) or why not (no such header
   * row; its lines above the header name another bill owner).
   */
  sheets: z.array(
    z.object({
      name: z.string(),
      /** The sheet's place in the workbook, 1 for the first: what `sheet` asks for. */
      number: z.number().int(),
      rows: z.number().int(),
      read: z.boolean(),
      /** users: an Alipay reply's 用户信息, read as each user's ID and logins, not as records. */
      unread: z.enum(['header', 'owner', 'hidden', 'users']).optional(),
    }),
  ),
});
export type ImportPreview = z.infer<typeof importPreviewOutput>;

export const importCommitInput = fileInput.and(
  z.object({
    importId: idSchema,
    /** Import the valid rows and return the others in a rejected-rows file. */
    skipInvalid: z.boolean().default(false),
  }),
);

export const importSummarySchema = z.object({
  importId: z.string(),
  template: z.enum(importTemplates),
  rows: z.number().int(),
  rejectedRows: z.number().int(),
  entitiesCreated: z.number().int(),
  entitiesMatched: z.number().int(),
  relationsCreated: z.number().int(),
  relationsUpdated: z.number().int(),
  /**
   * Calls and transfers already counted: the same call in the other party's list, the same
   * transfer in the other account's statement, or rows of an earlier import of the same list.
   * Kept as rows of the file; not counted again.
   */
  copies: z.number().int(),
  /**
   * Pairs of a reversal (冲正, 撤销, 退汇) and the transfer it undoes, on the same statement or
   * one imported before (either of the two in this import): kept as rows, neither counted.
   */
  reversals: z.number().int(),
  /**
   * Reversals whose transfer is in no import (before the statement's period): kept as rows,
   * never counted as money of their own; a statement imported later that holds the transfer
   * pairs them.
   */
  unmatchedReversals: z.number().int(),
  /**
   * Transfers the statement says failed or were declined (失败, 应答码 51): kept as attempts, with
   * their counterpart's account, never counted as money.
   */
  attempts: z.number().int(),
  /**
   * A call list's mobile-data sessions (上网, GPRS): no call or message, kept as where and when
   * the phone was, on its handset.
   */
  dataSessions: z.number().int(),
  /**
   * A call list's calls and texts whose other number the carrier printed as unknown (隐藏号码,
   * 未知, -, empty): kept on the target's phone with their way, on no relation.
   */
  withheldNumbers: z.number().int(),
  /**
   * A call list's (a tower dump's) rows of a phone's signalling (位置更新, 开机, 切换): kept as
   * where and when the phone was, on its handset.
   */
  signals: z.number().int(),
  /** A call list's base stations placed by their coordinates (基站经度, 基站纬度): one per cell. */
  cellSites: z.number().int(),
  seizuresCreated: z.number().int(),
  /** Nickname bills and the 财付通 accounts their 交易单号 show they are (`sameAccountsSchema`). */
  sameAccounts: sameAccountsSchema,
  seconds: z.number(),
  rejectedFile: rejectedFileSchema.nullable(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const importCancelInput = z.object({ importId: idSchema });

export const importMappingSchema = z.object({
  name: z.string().trim().min(1).max(60),
  template: z.enum(importTemplates),
  /** Field → header text, so a mapping fits any file with the same headers. */
  columns: z.record(z.string(), z.string().max(100)),
});
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const relationRecordsInput = z.object({
  relationId: idSchema,
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(100),
});

/** Where a record came from: the import, its file and the line in it. */
const recordSourceSchema = z.object({
  importId: z.string(),
  fileName: z.string().nullable(),
  sha256: z.string().nullable(),
  template: z.string().nullable(),
  importedAt: z.string().nullable(),
  importedBy: z.string().nullable(),
  line: z.number().int(),
});

export const relationRecordsOutput = z.object({
  kind: z.enum(['calls', 'transfers']),
  total: z.number().int(),
  /**
   * Calls (incl. forwarded) and text messages under the relation, each counted once; copies:
   * rows that are a call counted already (the other party's list, an overlapping export).
   */
  counts: z.object({
    calls: z.number().int(),
    messages: z.number().int(),
    copies: z.number().int(),
  }),
  rows: z.array(
    z.object({
      at: z.string(),
      /** call, forwarded, sms; out or in (seen from the statement's account). */
      recordKind: z.string(),
      durationSeconds: z.number().int().nullable(),
      amountFen: z.number().int().nullable(),
      detail: z.string().nullable(),
      /** The row is a copy of a call counted already (listed, not counted again). */
      copy: z.boolean(),
      /** The line of the row this transfer cancels with (a reversal pair); null: it counts. */
      offsetLine: z.number().int().nullable(),
      /** The file of the row it cancels with, where that is another import's; else null. */
      offsetFile: z.string().nullable(),
      /** A reversal whose transfer no import holds: kept, counted as no money. */
      unmatchedReversal: z.boolean(),
      /** A transfer that failed or was declined: kept as the attempt, counted as no money. */
      attempt: z.boolean(),
      /**
       * Where a transfer was made from (IP, MAC, device ID, branch) and the bank's numbers for it
       * (日志号, 凭证号), as its statement printed them; null for calls and for statements without.
       */
      trace: z
        .object({
          ip: z.string().nullable(),
          mac: z.string().nullable(),
          device: z.string().nullable(),
          branch: z.string().nullable(),
          logNo: z.string().nullable(),
          voucherNo: z.string().nullable(),
        })
        .nullable(),
      source: recordSourceSchema,
    }),
  ),
});

export const importListOutput = z.array(
  z.object({
    id: z.string(),
    fileName: z.string(),
    sha256: z.string(),
    template: z.enum(importTemplates),
    rowCount: z.number().int(),
    rejectedCount: z.number().int(),
    /** A statement's failed or declined transfers, kept as attempts beside its rows (0 for other imports). */
    attemptCount: z.number().int(),
    caseId: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
  }),
);

export const importDeleteInput = z.object({ importId: idSchema });
export const importDeleteOutput = z.object({
  importId: z.string(),
  callRecords: z.number().int(),
  /** Mobile-data sessions (上网) the import held. */
  dataSessions: z.number().int(),
  /** Calls and texts with the other number unknown the import held (as its summary counted). */
  withheldNumbers: z.number().int(),
  /** A phone's signalling rows (位置更新, 开机, 切换) the import held. */
  signals: z.number().int(),
  /** Cells the import placed (基站经度, 基站纬度). */
  cellSites: z.number().int(),
  transfers: z.number().int(),
  seizures: z.number().int(),
  relationsDeleted: z.number().int(),
  relationsUpdated: z.number().int(),
  /** Rows of other imports that were copies of the deleted import's calls and count again. */
  copiesCounted: z.number().int(),
  entitiesDeleted: z.number().int(),
  /**
   * Entities the import created that a user has since put in a case or edited: kept, theirs
   * now (the import had taken an informant's note and a case's suspect with it).
   */
  entitiesKept: z.number().int(),
});

export const phoneIdentifiersInput = z.object({ phoneId: idSchema });
/** IMEI, IMSI and base stations seen with a phone in imported records, over all imports. */
export const phoneIdentifiersOutput = z.array(
  z.object({
    type: z.enum(['imei', 'imsi', 'cell']),
    value: z.string(),
    seenCount: z.number().int(),
    firstSeen: z.string(),
    lastSeen: z.string(),
    /** Other phones the same IMEI was seen with (one handset, several SIMs). */
    sharedWith: z.array(z.object({ id: z.string(), label: z.string() })),
  }),
);

export const accountIdentifiersInput = z.object({ accountId: idSchema });
/**
 * IPs, MACs and device IDs an account's statements show it was operated from, over all
 * imports; with the other accounts the same value was seen on (a MAC or device ID links them,
 * an IP is only listed: a carrier's NAT shares one among strangers).
 */
export const accountIdentifiersOutput = z.array(
  z.object({
    type: z.enum(['ip', 'mac', 'device', 'login']),
    value: z.string(),
    seenCount: z.number().int(),
    firstSeen: z.string(),
    lastSeen: z.string(),
    sharedWith: z.array(z.object({ id: z.string(), label: z.string() })),
  }),
);
