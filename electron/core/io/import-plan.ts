import { givesDayAlone } from './day-alone';
import {
  localNumberOf,
  parseFarEnd,
  parsePhone,
  phoneNumberType,
  type PhoneNumberType,
} from '../../api/domain/identifiers';
import {
  callServiceOf,
  callTypeSaysData,
  callTypeSaysSignal,
  callTypeOf,
  type CallService,
  type CallType,
} from '../../api/domain/call-types';
import {
  debitCreditAliases,
  headerKey,
  importFields,
  aliasMatcher,
  remembered,
  requiredGroups,
  type ImportTemplate,
} from '../../api/domain/import-templates';
import type { Gender } from '../../api/domain/person-vocabulary';
import type { SetAsideReason, SetAsideRow } from '../../api/domain/set-aside-reasons';
import {
  parseIdentityDocument,
  type IdentityDocumentType,
} from '../../api/domain/identity-documents';
import { sheetOfLine, workbookLine } from '../../api/domain/file-lines';
import { handsetKey, imsiOf } from '../../api/domain/handset-ids';
import { AppError } from '../app-error';
import { areaCodeOf, isCityAreaCode, printedAreaCode } from './area-codes';
import {
  cellText,
  excelScientific,
  wholeOfScientific,
  idNumberCut,
  parseDate,
  parseDateAndTimeInstant,
  parseDuration,
  headerZone,
  namesZone,
  parseSignedAmount,
  writtenAmount,
  type Parsed,
  type ValueProblem,
  zoneColumnOffset,
} from './import-values';
import { holderDocumentOf } from './holder-document';
import { movesBetweenOwnAccounts } from './own-account-moves';
import {
  cellAlone,
  namesFiveG,
  nrCell,
  positionCell,
  splitStation,
} from '../../api/domain/cell-ids';
import { readAddress, readDegrees } from './cell-coordinates';
import { completeSplitAmounts } from './split-amount-pair';
import {
  callColumnsBuilder,
  joinCallColumns,
  type CallColumns,
  type CallKind,
} from './call-columns';
import { planSeizureLedger, type SeizureLedgerRecord } from './seizure-ledger-plan';
import { cellMark, headerRadix, writtenCell } from './station-keys';
import { clockForms, countClock, settleClocks, type ClockForms } from './clock-forms';
import { dayFraction, writesDayFractions } from './day-fractions';
import type { GapDoubt } from './balance-gap';
import { countDateOrder, dateOrders, settleDateOrders, type DateOrders } from './date-orders';
import { namesReversal, offsetReversals } from './transfer-reversals';
import { settleCallList } from './call-list-settle';
import { isWithheldNumber } from './withheld-number';
import { dialledAbroad, roamingCountryCode } from './roaming-countries';
import { numberOfNamedCountry } from './far-end-country';
import { periodIn, yearlessInstant, type Period } from './yearless-dates';
import { cardUnderHeading } from './heading-cards';
import { readCallLegend, type CallLegend } from './call-legend';
import {
  flagCode,
  flagLegend,
  flagsFromBalances,
  waysFromBalances,
  type BalanceRow,
  type Way,
} from './flag-codes';
import { isCreditCode } from '../../api/domain/credit-code';
import { isWeChatId } from '../../api/domain/wechat-ids';
import { simplifiedText } from '../../api/domain/traditional-aliases';
import type { Cell, TableFile, TableRow } from './table-file';
import { headerNoteOf, moneyUnits, yuanIn } from './money-units';
import { chinaDateOfUnix, isChinaMidnight } from '../../api/domain/china-time';
import { transferTrace, type TransferTrace } from './transfer-traces';
import { compactNumber, cutLikeExcel, excelCutColumns } from './excel-cut-numbers';
import { accountNamesSeen } from './account-names-seen';
import { accountWithName } from './account-with-name';
import { alipayUserSheets, withAlipayUsers } from './alipay-users';
import { isBankOwnAccount } from './bank-own-accounts';
import { swallowedRows } from './swallowed-rows';
import { cardByItsEnd, namesBankCard } from './bank-card-text';
import {
  fileKeyOf,
  nameOnlyOwner,
  nameOnlyOwnerIn,
  nameOnlyParty,
  type NameOnlyOwner,
  type NameOnlyPlatform,
  type OwnerKnownBy,
} from './name-only-owner';

/** A transaction seen from the statement's account; no counterpart for cash and ATM. */
export interface TransferRecord {
  line: number;
  account: string;
  /**
   * The own account's other number on the row (交易账号 beside 交易卡号): the same account, as
   * other banks' statements may name it.
   */
  accountAlias: string | null;
  accountName: string | null;
  /** The holder's identity document or credit code (交易方证件号码), when it checks. */
  accountIdNumber: string | null;
  counterpart: string | null;
  counterpartName: string | null;
  /** The counterpart holder's (对手身份证号), when it checks. */
  counterpartIdNumber: string | null;
  counterpartBank: string | null;
  /** The counterpart is a bank card, which a payment platform's file names among its own. */
  counterpartCard: boolean;
  direction: 'out' | 'in';
  at: string;
  /** The statement gives the row's day alone (交易日期, no time): it may be any time that day. */
  dayOnly: boolean;
  amountFen: number;
  channel: string | null;
  summary: string | null;
  reference: string | null;
  /** A reversal's 原交易流水号: the `reference` of the row it undoes. */
  originalReference?: string | null;
  /** WeChat's 大单号: the order of a red packet, shared by its refund under another 交易单号. */
  orderGroup?: string | null;
  /** The refund a 交易明细 prints on its payment's row (退款金额): no row of the file's own. */
  refundOnRow: boolean;
  /** The row undoes another (冲正, 撤销, a minus sign against the file's habit). */
  reversal: boolean;
  /** The line of the row this one cancels with (transfer-reversals); null: it counts. */
  offsetOf: number | null;
  /**
   * A transfer the statement says failed or was declined: set aside from the money (its own
   * line in `offsetOf`, so nothing pairs or counts it) and kept as the attempt it was.
   */
  attempt: boolean;
  /** Where it was made from and the bank's numbers for it (transfer-traces). */
  trace: TransferTrace;
}

export interface PersonRecord {
  line: number;
  name: string;
  idNumber: string | null;
  gender: Gender;
  birthDate: string | null;
  household: string | null;
  address: string | null;
  /** The numbers the person uses (a list may give several in one cell: 138…/139…). */
  phones: string[];
  /** The document type of `idNumber` (a 证件类型 column); null for a 居民身份证. */
  idType: IdentityDocumentType | null;
  /** The numbers registered in the person's name (机主: a carrier's 用户资料), each to be owned. */
  ownedPhones: string[];
  aliases: string[];
  /** Rows below `line` that continue this person (the name merged down over them). */
  continued?: number[];
  /**
   * A company, not a person (a number registered to a business: 证件类型 营业执照, a 统一社会信用代码):
   * `idNumber` holds its credit code.
   */
  organisation?: boolean;
}

export interface RowProblem {
  line: number;
  field: string;
  problem: ValueProblem;
  /** What the cell held, shortened: the user needs to see it to fix it. */
  value: string;
  /** Catalogue names close to an unknown drug name, or those an ambiguous one could mean. */
  suggestions?: string[];
}

export type ImportRecords =
  | { template: 'calls'; records: CallColumns }
  | { template: 'transactions'; records: TransferRecord[] }
  | { template: 'persons'; records: PersonRecord[] }
  | { template: 'seizures'; records: SeizureLedgerRecord[] };

/**
 * What the lines above the header say: Alipay and WeChat bill exports name the platform and the
 * owner; a bank statement its account (查询卡号：…), a 话单 its number (机主号码：…, or a title
 * "139…通话详单").
 */
interface Preamble {
  platform: 'alipay' | 'wechat' | null;
  /**
   * Another payment platform's bill (抖音支付, 京东支付, 云闪付, 美团, 翼支付): its counterparts are
   * named, not numbered, as in Alipay's and WeChat's.
   */
  paymentBill?: boolean;
  /** A credit card's statement (信用卡): a positive amount is spending, money out of the card. */
  creditCard?: boolean;
  /** The lines above the header name a currency that is not renminbi (币种：美元). */
  foreignCurrency?: boolean;
  owner: string | null;
  /** The account the lines above the header name (账号：…), not one read from a file's name. */
  headingOwner?: string | null;
  /**
   * The owner is known only by a nickname or a name (a WeChat bill's 微信昵称, an Alipay or 京东
   * bill's 姓名, a bank statement's 户名): `owner` is then this file's own account, named by it
   * (nameOnlyOwner).
   */
  nameOnly?: NameOnlyOwner;
  /** Yuan in one unit of a statement's amounts, as its lines above the header say (单位：万元). */
  amountScale?: number;
  /** A line above the header gives the amounts in fen (财付通's 金额单位：分). */
  amountsInFen?: boolean;
  /** The period the lines above the header (or the file's name) give: the year of 04-01 14:30. */
  period?: Period | null;
  /** Debit/credit codes a legend above the header explains (借贷标志：1-借 2-贷), code → way. */
  flagCodes?: [string, Way][];
  /** The lines above a carrier's list call it one of texts (短信详单): its rows are texts. */
  texts?: boolean;
  /** The lines above a carrier's list call it one of data sessions (上网详单): no other party. */
  dataSessions?: boolean;
  /** The statement's holder, as a line above its header names it (户名：张三). */
  holder?: string | null;
  /** The opening balance a line above the header gives (期初余额：10,000.00), in fen. */
  openingFen?: number | null;
  /**
   * A statement's opening-balance lines (期初余额, 上日余额, 承前页) among its rows: the balance
   * before the first row, for a statement that says its rows' ways only by its balances.
   */
  openings?: TableRow[];
  /** An Alipay reply's logins (登录邮箱, 登录手机) → the user's ID, from its 用户信息 sheet. */
  logins?: [string, string][];
  /**
   * The masked logins (138****5678) an Alipay 转账明细 printed beside each user ID, with how
   * often and when: kept on the account as what it was shown by, never as its other number.
   */
  maskedLogins?: MaskedLogin[];
}

export interface MaskedLogin {
  login: string;
  userId: string;
  count: number;
  first: string;
  last: string;
}

/**
 * Each data row's way by the balances (`waysFromBalances`), the statement's opening balances
 * (期初余额) standing where the file has them: before the first row, whose way they tell too.
 */
function waysWithOpenings(
  dataRows: TableRow[],
  openings: TableRow[],
  rows: BalanceRow[],
  balanceOf: (cells: Cell[]) => number | null,
  /** An opening balance the heading gives: before the oldest row, at the top or the bottom. */
  headingFen: number | null = null,
  /** Told why a data row (by index) of a gap is left undecided (balance-gap). */
  doubts?: Map<number, GapDoubt>,
): (Way | undefined)[] | null {
  if (!openings.length && headingFen === null) return waysFromBalances(rows, doubts);
  const merged = dataRows.map((data, index) => ({ line: data.line, row: rows[index]!, index }));
  const place = (line: number, balanceFen: number | null) =>
    merged.push({ line, row: { account: null, code: '', amountFen: null, balanceFen }, index: -1 });
  // Before the oldest row, whichever end that is: at the top and at the bottom.
  const atBothEnds = (balanceFen: number | null) => {
    place(-1, balanceFen);
    place(Number.MAX_SAFE_INTEGER, balanceFen);
  };
  if (headingFen !== null) atBothEnds(headingFen);
  // A statement of one account has its 期初余额 line's balance before its oldest row too (one
  // listed newest first puts that line at the top all the same).
  const oneAccount = new Set(rows.map((row) => row.account)).size <= 1;
  for (const opening of openings) {
    const balanceFen = balanceOf(opening.cells);
    place(opening.line, balanceFen);
    if (oneAccount) atBothEnds(balanceFen);
  }
  merged.sort((a, b) => a.line - b.line);
  // An opening line names no account: it is the next row's (or, last, the one before's).
  merged.forEach((item, at) => {
    if (item.index < 0 && item.row.account === null)
      item.row = { ...item.row, account: (merged[at + 1] ?? merged[at - 1])?.row.account ?? null };
  });
  const mergedDoubts = new Map<number, GapDoubt>();
  const ways = waysFromBalances(
    merged.map((item) => item.row),
    mergedDoubts,
  );
  if (!ways) return null;
  const found = new Array<Way | undefined>(dataRows.length).fill(undefined);
  merged.forEach((item, at) => {
    if (item.index >= 0) found[item.index] = ways[at];
  });
  for (const [at, doubt] of mergedDoubts) {
    const { index } = merged[at]!;
    if (index >= 0) doubts?.set(index, doubt);
  }
  return found;
}

/** What a row is told where the balances around its gap leave its way open (balance-gap). */
const gapProblems: Record<GapDoubt, ValueProblem> = {
  ambiguous: 'balanceGapAmbiguous',
  tooLong: 'balanceGapTooLong',
  oldest: 'balanceOldestRow',
};

/** An opening balance's line (期初余额 with the balance in its column): no transfer. */
const openingWord = /^(?:期初余额|期初|上期余额|上日余额|上月余额|承前页|承上页|上页余额)$/;

/**
 * A list of a phone's mobile-data sessions (上网详单, GPRS清单, 流量明细), by its title, file
 * or sheet name, or by its columns (流量, APN, 上行/下行): it has no other party to require.
 */
function namesDataSessions(text: string): boolean {
  return /(?:上网|流量|gprs|数据业务|数据流量)(?:详单|清单|记录|明细|话单)/i.test(text);
}

/** Whether the service column says every row it fills of these is a data session (GPRS). */
function servicesSayData(rows: TableRow[], column: number | undefined): boolean {
  if (column === undefined) return false;
  const said = rows.map((row) => cellText(row.cells[column] ?? null)).filter((text) => text);
  return said.length > 0 && said.every((text) => callServiceOf(text) === 'data');
}

function dataSessionColumns(headers: string[]): boolean {
  return headers.some((header) => /流量|^apn|接入点|上行|下行|数据量/i.test(header.trim()));
}

/**
 * A title, sheet or file name calling a list one of texts (短信详单, 短信记录): China Mobile's
 * 短信详单 gives each text's way as 主叫/被叫, only its name says the rows are texts.
 */
function namesTexts(text: string): boolean {
  return (
    /短信(?:详单|清单|记录|明细|话单|收发)|(?:^|[\s_\-\d(（])短信(?:[\s_\-\d.)）]|$)/.test(text) &&
    !/通话|语音/.test(text)
  );
}

export interface ImportPlan {
  headerLine: number;
  headers: string[];
  /** Field → column index. */
  mapping: Record<string, number>;
  rowCount: number;
  data: ImportRecords;
  problems: RowProblem[];
  /**
   * The rejected data rows as read, for the rejected-rows file; a seizure ledger keeps every
   * data row (its holders are matched on the main thread and a row refused there is quoted).
   */
  rows: TableRow[];
  preamble: Preamble;
  /** The own number or account rows without that column go to: typed, else the heading's. */
  owner: string | null;
  /** The heading's owner, used as `owner`, is known by a nickname or a name alone. */
  ownerKnownBy?: OwnerKnownBy | null;
  /**
   * A workbook's sheets that hold rows, when there are several: the rows read from each, and
   * whether it was read (a later sheet is read under the same header row as the first).
   */
  sheets: SheetUse[];
  /** A statement's rows that moved no money (结息 0.00, 冻结, 查询): no transfers, said apart. */
  nothingMoved?: number;
  /** Those among them that read as transfers, by line, and why (failed, refunded whole, own). */
  setAside?: SetAsideRow[];
  /** How the time column beside a date column writes its clocks (clock-forms). */
  clocks?: ClockForms;
  /** Whether the month or the day comes first in dates written with the year last (date-orders). */
  dates?: DateOrders;
}

interface SheetUse {
  index: number;
  rows: number;
  read: boolean;
  /**
   * Why a sheet was not read: no header row like the first sheet's, another bill owner, or
   * hidden in Excel (a copy of the rows an analyst kept aside).
   */
  unread?: 'header' | 'owner' | 'hidden' | 'users';
}

export interface PlanOptions {
  /** Field → column index, as chosen in the wizard. */
  mapping?: Record<string, number>;
  /** Header text → field, for headers the templates do not know (CLI `--map`). */
  headerMap?: Record<string, string>;
  /** The statement's own account when the file has no account column (payment bills). */
  ownAccount?: string | null;
  /** Which way every row's money went, for a statement that says it nowhere. */
  direction?: 'out' | 'in' | null;
  /** The 话单's own number when the file has no own-number column. */
  ownNumber?: string | null;
  /** Area code for landlines printed without one, when the file does not say. */
  areaCode?: string | null;
  /** The file's name: a carrier's or a bank's export is often named by its number or card. */
  fileName?: string;
  /** A workbook's sheet read alone, 1 for the first (the others' rows are not looked at). */
  sheet?: number | null;
  /**
   * The file's SHA-256 (hex), as the parser thread hashed it: keys an owner known by a name
   * alone to this file. Without it, the lines the header is looked for in stand for the file.
   */
  fileSha256?: string;
}

/** Rows looked at for the header: payment bills put up to ~25 lines of notes above it. */
export const headerSearchRows = 40;

/** An amount written with its sign: -800, +12, ¥-800, (800) or 800- (a debit printed after). */
const signedAmount = (cell: Cell) => writtenAmount(cell).sign !== 0;

const aliasKeys = new Map<ImportTemplate, Set<string>>();

/** Every column name a template knows, compared like headers. */
function aliasKeysOf(template: ImportTemplate): Set<string> {
  let keys = aliasKeys.get(template);
  if (!keys)
    aliasKeys.set(
      template,
      (keys = new Set(importFields[template].flatMap((field) => field.aliases.map(headerKey)))),
    );
  return keys;
}

/** A cell that holds a value, not a column name: a number, an account, a date. */
const valueLike = /^[+-]?\d[\d,.:/ -]{4,}$/;

/**
 * The header row: among the first rows, the one naming most of the template's columns, less
 * the cells that hold values (a line above the header that puts 账号, 户名, 币种 and 日期 each
 * in a cell before its value names columns too, but it also holds the values). In a workbook,
 * the first sheet's header when it names nearly as many (a month's sheet with one column more
 * further on does not make the earlier months its preamble).
 */
function findHeader(rows: TableRow[], template: ImportTemplate): number {
  const aliases = aliasKeysOf(template);
  // A hidden sheet's header is no header when a sheet that shows has rows among these.
  const visible = rows.some((row) => row.sheet && !row.sheet.hidden);
  const scores = rows.slice(0, headerSearchRows).map((row) => {
    if (visible && row.sheet?.hidden) return -Infinity;
    const texts = row.cells.map(cellText);
    const keys = new Set(texts.map(headerKey));
    const named = [...keys].filter(
      (key) => aliases.has(key) || aliases.has(unannotated(key, template)),
    );
    return named.length - texts.filter((text) => valueLike.test(text)).length;
  });
  const bestIn = (indexes: number[]) =>
    indexes.reduce((best, index) => (scores[index]! > scores[best]! ? index : best), indexes[0]!);
  const all = scores.map((_, index) => index);
  if (!all.length) return 0;
  const best = bestIn(all);
  const sheetOf = (index: number) => sheetOfLine(rows[index]!.line).sheet;
  // A header the template can read from: its columns complete a required group.
  const completes = (index: number) => {
    const mapping = suggestMapping(template, rows[index]!.cells.map(cellText));
    return requiredGroups[template].some((group) =>
      group.every((field) => mapping[field] !== undefined || field === 'ownNumber'),
    );
  };
  for (const sheet of new Set(all.map(sheetOf))) {
    if (sheet >= sheetOf(best)) break;
    const first = bestIn(all.filter((index) => sheetOf(index) === sheet));
    if (scores[first]! >= 2 && scores[first]! >= scores[best]! - 1 && completes(first))
      return first;
  }
  return best;
}

/**
 * What the lines above a header say of the file: its platform, owner, holder, units, period.
 * `fileKey` tells this file's name-only owner from another file's (see nameOnlyOwner).
 */
function readPreamble(rows: TableRow[], template: ImportTemplate, fileKey: string): Preamble {
  // Cells apart by tabs, which no number pattern below crosses (a date in the next cell is
  // not more digits of an account). Labels looked for in simplified characters, a Big5 file's
  // (帳號：…, 戶名：…) too; values taken as written.
  const written = linesText(rows);
  const text = simplifiedText(written);
  const asWritten = (found: RegExpExecArray | null) => {
    const at = found?.indices?.[1];
    return at ? written.slice(at[0], at[1]) : undefined;
  };
  if (template === 'calls')
    return {
      platform: null,
      owner: ownNumberIn(text),
      period: periodIn(text),
      texts: namesTexts(text),
      dataSessions: namesDataSessions(text),
    };
  if (template !== 'transactions') return { platform: null, owner: null };
  const platform = /支付宝|alipay/i.test(text) ? 'alipay' : /微信/.test(text) ? 'wechat' : null;
  const otherPlatform = otherPaymentPlatformIn(text);
  const paymentBill = otherPlatform !== null;
  // The heading of a rejected-rows file of such a bill names its account as it was made.
  const again = nameOnlyOwnerIn(text);
  const owner = again
    ? null
    : (asWritten(/支付宝账[户号][:：]\s*\[?([^\]\s,]+)/d.exec(text)) ??
      /支付宝用户ID[:：]\s*\[?(2088\d{12})/i.exec(text)?.[1] ??
      // Alipay's older export: 账号:[lh1983@alipay.com] under 支付宝交易记录明细查询; the other
      // platforms' bills name their account so too.
      (platform === 'alipay' || paymentBill
        ? asWritten(/账[户号][:：]\s*\[?([^\]\s,]+)/d.exec(text))
        : undefined) ??
      asWritten(/微信号[:：]\s*\[?([^\]\s,]+)/d.exec(text)) ??
      // 京东's 账号名 (its login, jd_abc123): the bill's account, not a person's name.
      asWritten(/京东账[号户]名[:：]\s*\[?([^\]\s,]+)/d.exec(text)) ??
      (platform ? null : statementAccountIn(text)) ??
      null);
  const holder = holderIn(written);
  // A bill that names its owner by a nickname (微信昵称：[老王]) or a name (姓名：张三 above an
  // Alipay, 京东 or 美团 bill) alone: many people's, so this file's own account, never another
  // file's. A bank statement's 户名 alone is made so where its owner is looked for last.
  const billPlatform = platform ?? otherPlatform;
  const nickname = owner ? null : asWritten(/微信昵称[:：]\s*\[([^\]]+)\]/d.exec(text));
  const nameOnly: NameOnlyOwner | null =
    again ??
    (owner || !billPlatform
      ? null
      : nickname
        ? { by: 'nickname', name: nickname, platform: billPlatform, fileKey }
        : holder
          ? { by: 'name', name: holder, platform: billPlatform, fileKey }
          : null);
  const unit = /单位\s*[:：]\s*([万千])元/.exec(text)?.[1];
  const currency = /(?:币\s*种|币别)\s*[:：]\s*([^\t\n,，;；]+)/.exec(text)?.[1]?.trim() ?? '';
  return {
    platform,
    owner: nameOnly ? nameOnlyOwner(nameOnly) : owner,
    ...(nameOnly ? { nameOnly } : {}),
    amountScale: unit ? yuanIn(unit) : 1,
    amountsInFen: /单位\s*[:：]\s*(?:人民币)?分(?!钟)/.test(text),
    paymentBill,
    // 信用卡 named as what the statement is not (借记卡，不含信用卡) makes no card's statement; a
    // card's statement naming its repayment 借记卡 stays one.
    creditCard:
      /信用卡|贷记卡/.test(text) && !/(?:不含|不包括|不包含|除|非)\s*(?:信用卡|贷记卡)/.test(text),
    foreignCurrency: namesForeignCurrency(currency),
    period: periodIn(text),
    flagCodes: [...flagLegend(text, '')],
    holder,
    openingFen: openingIn(text),
  };
}

/**
 * The payment platform other than Alipay and WeChat whose bill the lines above a header head
 * (抖音支付, 京东支付, 云闪付, 美团, 翼支付): its counterparts are named, not numbered.
 */
function otherPaymentPlatformIn(text: string): NameOnlyPlatform | null {
  const platforms: [RegExp, NameOnlyPlatform][] = [
    [/抖音支付/, 'douyin'],
    [/京东支付|京东金融|京东账[号户]/, 'jd'],
    [/云闪付/, 'unionpay'],
    [/美团支付|美团账单/, 'meituan'],
    [/翼支付/, 'bestpay'],
    [/度小满/, 'duxiaoman'],
    [/拼多多/, 'pinduoduo'],
  ];
  return platforms.find(([words]) => words.test(text))?.[1] ?? null;
}

/**
 * The opening balance a line above the header gives (期初余额：10,000.00), in fen; a CSV line
 * written without quotes has its thousands in the next cell (期初余额：10 | 000.00).
 */
function openingIn(text: string): number | null {
  const figure =
    /(?:期初余额|上期余额|上日余额)[:：]?[\t ]*([-+]?\d(?:[\d,，]|\t(?=\d{3}\b))*(?:\.\d{1,2})?)/.exec(
      text,
    )?.[1];
  if (!figure) return null;
  const read = parseSignedAmount(figure.replace(/\t/g, '').replace(/，/g, ','));
  return read.ok ? read.value : null;
}

/**
 * The statement's holder a line above its header names (户名：张三, 户    名：张三 as 招行 spaces
 * it, 客户名称：…, 开户人姓名：…, 姓名：… above an Alipay bill, 账户名称 in one cell and the name in
 * the next), not the other party's (对方户名); in traditional characters too (戶名：陳國華), the
 * name as written.
 */
function holderIn(written: string): string | null {
  const at =
    /(?<!对方|对手|收款|付款|收款人|付款人)(?:户[\t ]*名|客户名称|客户姓名|账户名称|账户名|开户人姓名|开户人|持卡人姓名|持卡人|姓[\t ]*名)[:：]?[\t ]*\[?([\u3400-\u9fff·（）()]{2,40})/d.exec(
      simplifiedText(written),
    )?.indices?.[1];
  return at ? written.slice(at[0], at[1]) : null;
}

/**
 * The lines above a header as text, cells apart by tabs. A number cell past 2^53 lost its last
 * digits in Excel (a card number typed as a number): it stands as (cut), no account is read.
 */
function linesText(rows: TableRow[]): string {
  return rows
    .map((row) => row.cells.map((cell) => (cutNumber(cell) ? '(cut)' : cellText(cell))).join('\t'))
    .join('\n');
}

/** A number cell too large to hold all its digits (a 19-digit card number in Excel). */
function cutNumber(cell: Cell): boolean {
  return typeof cell === 'number' && Math.abs(cell) > Number.MAX_SAFE_INTEGER;
}

/**
 * A bank statement's own account above its header (账号：6217 0015 4000 9283 746, a Hong Kong
 * bank's 戶口號碼：…, or the number in the cell after 查询卡号：); never the other party's
 * (对方账号：…).
 */
function statementAccountIn(text: string): string | null {
  const found =
    /(?<!(?:对方|对手|收款|付款|交易对手)[人方]?)(?:卡号|[账帐]号|[账帐]户|户口号码|户口号)[:：]?[\t ]*\[?(\d{4}(?: \d{4}(?![\d年月./-])){2,}(?: \d{1,3}(?![\d年月./-]))?|\d{8,30})(?!\d)/.exec(
      text,
    );
  return found ? found[1]!.replace(/ /g, '') : null;
}

/**
 * A 话单's own number as its lines above the header give it: labelled (机主号码：…, 本机：…,
 * the number in the cell after the label), or in a title ("中国电信 139… 通话详单", the number
 * right before the words, spaced or not). Never an officer's or a contact's number
 * (经办人手机号码：…, 联系电话：… 调取清单, 承办民警：王某（137…）调取138…通话详单).
 */
function ownNumberIn(text: string): string | null {
  const labelled =
    /(?<!(?:经办人|联系人|承办人|民警|办案人|警官|联系|调取人|申请人|经手人|对方|对端)[\t ]*)(?:(?:本机|机主|用户|查询|服务|手机|计费|本端|目标|涉案|被查询|调证|调取|客户|设备|业务|接入)号码[:：]?|(?:本机|机主|用户|手机|MSISDN|msisdn)[:：]|(?<=^|[\t\n])号码[:：])[\t ]*\[?(\+?\d[\d -]{3,24}\d)/.exec(
      text,
    )?.[1] ??
    /(?<!\d|[:：][\t ]*|(?:电话|手机|联系|民警|人)[\t ]*|(?:经办|承办|民警|警官|办案|经手|调取人|申请人|联系)[^\n\d]{0,10})(1[3-9]\d(?:[ -]?\d{4}){2})(?!\d)(?:(?!1[3-9]\d{9})[^\n:：]){0,24}(?:话单|详单|(?:通话|通信)(?:记录|清单))/.exec(
      text,
    )?.[1];
  if (!labelled) return null;
  // "13987654321 2026年4月": the longest leading part that is a number.
  const parts = labelled.split(/(?=[ -])/);
  for (let count = parts.length; count > 0; count -= 1) {
    const parsed = parsePhone(parts.slice(0, count).join(''));
    if (parsed.ok) return parsed.value;
  }
  return null;
}

/**
 * A column under a name the templates do not know (主/被叫, 呼叫类别, CALL_TYPE) whose values are
 * nearly all directions, both ways: left unmapped, every row of the list was taken as 主叫. Of
 * two such columns, the one furthest left.
 */
function directionsByValues(
  headers: string[],
  sample: TableRow[],
  mapping: Record<string, number>,
  usedElsewhere: Set<number>,
): number | undefined {
  if (mapping['caller'] !== undefined || mapping['callee'] !== undefined) return undefined;
  let found: number | undefined;
  let most = 0;
  headers.forEach((header, column) => {
    if (usedElsewhere.has(column) || column === mapping['service']) return;
    // Who hung up (挂机方, 释放方 主叫/被叫) or how the call ended (通话状态 接听/拨出) is no
    // direction.
    if (/挂机|释放|拆线|结束方|状态|结果|release|status/i.test(header)) return;
    const values = sample
      .map((row) => cellText(row.cells[column] ?? null))
      .filter((value) => value !== '');
    const types = values.map((value) => callTypeOf(value));
    const typed = types.filter((type) => type !== undefined).length;
    const both =
      types.some((type) => type === 'out' || type === 'smsOut') &&
      types.some((type) => type === 'in' || type === 'smsIn');
    if (values.length >= 2 && both && typed >= values.length * 0.8 && typed > most)
      [found, most] = [column, typed];
  });
  return found;
}

/**
 * A 话单's call type and service columns chosen by what they hold. Carriers name them every way
 * (通信方式 主叫/被叫 beside 通信类型 本地/长途; 业务类型 语音/短信 beside 呼叫类型), so among
 * the columns named like either, the one whose first values name most directions is the call
 * type, and of the others the one whose values name most services (语音/短信/上网) the service.
 * With no direction in any of them the names decide, as for any other field.
 */
function chooseCallColumns(
  headers: string[],
  sample: TableRow[],
  mapping: Record<string, number>,
): Record<string, number> {
  const names = new Set(
    importFields.calls
      .filter((field) => field.key === 'callType' || field.key === 'service')
      .flatMap((field) => field.aliases.map(headerKey)),
  );
  const usedElsewhere = new Set(
    Object.entries(mapping)
      .filter(([field]) => field !== 'callType' && field !== 'service')
      .map(([, column]) => column),
  );
  // The columns the names chose come first, so they win ties.
  const named = [mapping['callType'], mapping['service']].filter((c) => c !== undefined);
  const candidates = [
    ...named,
    ...headers
      .map((_, index) => index)
      .filter((index) => !named.includes(index) && !usedElsewhere.has(index))
      .filter((index) => names.has(headerKey(headers[index]!))),
  ];
  const count = (column: number, says: (value: string) => unknown) =>
    sample.filter((row) => says(cellText(row.cells[column] ?? null)) !== undefined).length;
  const best = (columns: number[], says: (value: string) => unknown) => {
    let found: number | undefined;
    let most = 0;
    for (const column of columns) {
      const n = count(column, says);
      if (n > most) [found, most] = [column, n];
    }
    return found;
  };
  const callType =
    best(candidates, (value) => callTypeOf(value)) ??
    directionsByValues(headers, sample, mapping, usedElsewhere);
  if (callType === undefined) {
    // A list of one number whose column named like a service holds short codes (0/1, A/B)
    // that say no service: they are the direction, read as the call type, so that every row
    // is named as unread instead of taken as 主叫. Words (本地, 国内长途) are not codes, and a
    // list of 主叫号码/被叫号码 has its direction in its columns.
    const serviceColumn = mapping['service'];
    if (serviceColumn === undefined || mapping['callType'] !== undefined) return mapping;
    if (mapping['caller'] !== undefined || mapping['callee'] !== undefined) return mapping;
    const values = sample
      .map((row) => cellText(row.cells[serviceColumn] ?? null))
      .filter((value) => value !== '');
    const codes = values.filter((value) => /^[0-9A-Za-z]{1,2}$/.test(value)).length;
    if (!values.length || codes * 2 < values.length) return mapping;
    if (count(serviceColumn, callServiceOf) * 2 >= values.length) return mapping;
    const asType: Record<string, number> = { ...mapping, callType: serviceColumn };
    delete asType['service'];
    return asType;
  }
  const service = best(
    candidates.filter((column) => column !== callType),
    callServiceOf,
  );
  const chosen: Record<string, number> = { ...mapping, callType };
  delete chosen['service'];
  if (service !== undefined) chosen['service'] = service;
  return chosen;
}

/**
 * A statement's debit/credit column found by its values when no header named one: a column
 * under a name the templates do not know (资金标识 收/付 …) whose values are nearly all
 * debit/credit words, both ways. Left unmapped, the money of such a file would be guessed at
 * (or, with one reversal printed negative, every row read backwards).
 */
function chooseFlagColumn(
  headers: string[],
  sample: TableRow[],
  mapping: Record<string, number>,
): Record<string, number> {
  if (
    mapping['debitCredit'] !== undefined ||
    mapping['debitAmount'] !== undefined ||
    mapping['creditAmount'] !== undefined
  )
    return mapping;
  // Signed amounts say the direction too: then only a column whose name also says it is one
  // (资金标识, 收付方向), not a 摘要 of 转出/转入 beside the signs.
  const amountColumn = mapping['amount'] ?? mapping['amountInFen'];
  const signed =
    amountColumn !== undefined &&
    sample.some((row) => signedAmount(row.cells[amountColumn] ?? null));
  const named = (column: number) =>
    /标志|标识|标记|方向|借贷|收支|收付|存取|进出|出入/.test(headers[column] ?? '');
  const flagOf = aliasMatcher(debitCreditAliases);
  // Columns of words about the row (渠道, 摘要, 状态) may be the flag; identities, amounts and
  // times are not.
  const taken = new Set(
    Object.entries(mapping)
      .filter(([field]) => !['channel', 'summary', 'status'].includes(field))
      .map(([, column]) => column),
  );
  /**
   * Under signed amounts, a column of 转出/转入 is still the flag when the rows printed without a
   * minus go both ways by it: then the signs are reversals (冲正), not the direction.
   */
  const bothWaysUnsigned = (column: number) => {
    const signs = sample.map((row) => writtenAmount(row.cells[amountColumn!] ?? null).sign);
    // Signs on a third of the rows or more are the statement's way of saying the direction.
    if (signs.filter((sign) => sign < 0).length * 3 >= signs.length) return false;
    const ways = new Set(
      sample
        .filter((_, index) => signs[index]! >= 0)
        .map((row) => {
          const value = cellText(row.cells[column] ?? null);
          // A word of money coming back (转出退回, 冲正) names no way of its own.
          return /退回|退款|冲正|撤销|退汇/.test(value)
            ? undefined
            : (flagOf(value) ?? flagByWords(value));
        }),
    );
    return ways.has('out') && ways.has('in');
  };
  let found: number | undefined;
  let most = 0;
  headers.forEach((_, column) => {
    if (taken.has(column) || (signed && !named(column) && !bothWaysUnsigned(column))) return;
    // Words, not marks: a column of "-" placeholders says nothing.
    const values = sample
      .map((row) => cellText(row.cells[column] ?? null))
      .filter((value) => !emptyMarks.has(value) && value !== '+');
    const ways = values.map((value) => flagOf(value) ?? flagByWords(value));
    const flags = ways.filter((way) => way !== undefined).length;
    // Both ways among them: one word repeated (a 摘要 of 转出 alone) is no flag.
    const both = ways.includes('out') && ways.includes('in');
    if (values.length >= 2 && both && flags >= values.length * 0.8 && flags > most)
      [found, most] = [column, flags];
  });
  return found === undefined ? mapping : { ...mapping, debitCredit: found };
}

/**
 * The 话单's own number when the file has no column for it: as the user typed it (refused when
 * it is no phone number), else as the lines above the header give it.
 */
function givenOwnNumber(typed: string | null | undefined, preamble: Preamble): string | null {
  const text = typed?.trim();
  if (!text) return preamble.owner;
  const parsed = parsePhone(text);
  if (!parsed.ok)
    throw new AppError('import.ownNumberInvalid', 'The own number is not a phone number', {
      number: text.slice(0, 30),
    });
  return parsed.value;
}

/**
 * The header as one row of names, from the row found and the one above or below it when they
 * are a header of two rows: a group's name over its columns (对方 over 账号/户名/开户行, 本机 over
 * 号码/归属地), the other names merged down both rows. Read alone, the lower row of 对方's had
 * named the statement's own account and holder (账号, 户名) and booked every row to the other
 * party. The two rows are taken together when their names, joined, map more fields.
 */
function headerRows(head: TableRow[], found: number, template: ImportTemplate) {
  const texts = (index: number) => head[index]?.cells.map(cellText) ?? [];
  const mapped = (headers: string[]) => Object.keys(suggestMapping(template, headers)).length;
  let best = { index: found, top: found, headers: texts(found) };
  let score = mapped(best.headers);
  for (const [top, bottom] of [
    [found - 1, found],
    [found, found + 1],
  ] as const) {
    if (top < 0 || !head[top] || !head[bottom]) continue;
    if (sheetOfLine(head[top].line).sheet !== sheetOfLine(head[bottom].line).sheet) continue;
    const joined = joinedHeader(texts(top), texts(bottom));
    const joinedScore = joined ? mapped(joined) : 0;
    // As many fields either way: the groups' names say whose each column is (对方 户名).
    if (joined && joinedScore >= score) {
      best = { index: bottom, top, headers: joined };
      score = joinedScore;
    }
  }
  return best;
}

/**
 * Two header rows as one: a name merged down both rows (or on one only) once; a group's name,
 * spread over the columns under it, before each of theirs. Null when the upper row is no such
 * group row (a title, or names that differ from those below without spanning columns).
 */
function joinedHeader(upper: string[], lower: string[]): string[] | null {
  const width = Math.max(upper.length, lower.length);
  const joined: string[] = [];
  let grouped = false;
  /** The group whose name, written once (a CSV's, an unmerged sheet's), runs on to the right. */
  let group = '';
  for (let column = 0; column < width; column += 1) {
    const above = upper[column] ?? '';
    const below = lower[column] ?? '';
    if (!above && below && group) {
      joined.push(`${group}${below}`);
      continue;
    }
    group = '';
    if (!above || !below || above === below) {
      joined.push(below || above);
      continue;
    }
    const spans =
      upper[column - 1] === above ||
      upper[column + 1] === above ||
      (!upper[column + 1] && !!lower[column + 1]);
    // A unit under a name (支出 over 金额, 收入 over 金额(元)): the name with it.
    if (!spans && /^(?:金额|发生额)?(?:[(（]?元[)）]?)?$/.test(below.replace(/\s+/g, ''))) {
      grouped = true;
      joined.push(`${above}${below}`);
      continue;
    }
    if (!spans) return null;
    grouped = true;
    group = groupName(above);
    joined.push(`${group}${below}`);
  }
  return grouped ? joined : null;
}

/**
 * A group's name as the columns' names take it: the other party's (对方信息, 交易对手, 对手账户)
 * as 对方, the statement's own (本方信息, 客户信息) as 本方, and an amount's (发生额 over 借方/贷方)
 * as nothing, its columns' own names being enough.
 */
function groupName(text: string): string {
  const name = text.replace(/\s+/g, '');
  // A group of the row itself (交易信息 over 日期/时间, 通话信息): its columns' own names say.
  if (/^(?:交易|通话|通信|基本|时间|日期|其他|其它|业务)(?:信息|情况|明细|要素)$/.test(name))
    return '';
  if (/^(?:交易)?(?:对方|对手)(?:方)?(?:信息|账户|账户信息)?$/.test(name)) return '对方';
  if (/^(?:本方|本人|客户|账户)(?:信息|账户|账户信息)?$/.test(name)) return '本方';
  if (/^(?:交易)?(?:发生额|金额)(?:\((?:元|人民币)\))?$/.test(name)) return '';
  return name;
}

/**
 * Field → column by the headers' names; the user may change it in the wizard. A field takes the
 * column of its first alias the file has (a 话单 with both 业务类型 and 呼叫类型 gets its call
 * type from 呼叫类型 wherever the columns stand), leftmost first among equals.
 */
function suggestMapping(template: ImportTemplate, headers: string[]): Record<string, number> {
  const mapping: Record<string, number> = {};
  const used = new Set<number>();
  const pass = (keys: string[]) => {
    for (const field of importFields[template]) {
      if (mapping[field.key] !== undefined) continue;
      for (const alias of field.aliases) {
        const wanted = headerKey(alias);
        const column = keys.findIndex((key, index) => key === wanted && !used.has(index));
        if (column < 0) continue;
        mapping[field.key] = column;
        used.add(column);
        break;
      }
    }
  };
  pass(headers.map(headerKey));
  // Then headers with a note in brackets after the name (开始时间(北京时间), 呼叫类型(主叫/被叫)).
  pass(headers.map((header) => unannotated(headerKey(header), template)));
  return mapping;
}

/**
 * A header key without a note in brackets at its end. In a statement a unit of money is no note
 * (交易金额(分) is an amount in fen, not in yuan); elsewhere every note goes (通话时长(分钟), whose
 * unit the call planner reads off the header).
 */
function unannotated(key: string, template: ImportTemplate): string {
  return key.replace(/\(([^()]*)\)$/, (note, inside: string) => {
    if (template !== 'transactions' || !/分|万|fen/i.test(inside)) return '';
    // 交易金额(单位:分) is 交易金额(分); (单位:万元) is (万元).
    const unit = /^单位[:：]?\s*(分|万元|万)$/.exec(inside)?.[1];
    return unit ? `(${unit})` : note;
  });
}

/** Applies `header text → field` overrides to a mapping. */
function applyHeaderMap(
  template: ImportTemplate,
  headers: string[],
  mapping: Record<string, number>,
  headerMap: Record<string, string>,
): Record<string, number> {
  const result = { ...mapping };
  const keys = headers.map(headerKey);
  for (const [header, field] of Object.entries(headerMap)) {
    if (!importFields[template].some((known) => known.key === field))
      throw new AppError('import.unknownField', 'The mapping names a field the template lacks', {
        field,
      });
    const column = keys.indexOf(headerKey(header));
    if (column < 0)
      throw new AppError('import.unknownHeader', 'The mapping names a header the file lacks', {
        header: header.slice(0, 40),
      });
    for (const [other, index] of Object.entries(result)) if (index === column) delete result[other];
    result[field] = column;
  }
  return result;
}

const genders: Record<string, Gender> = {
  男: 'male',
  女: 'female',
  // GB/T 2261.1's codes.
  1: 'male',
  2: 'female',
  男性: 'male',
  女性: 'female',
  未知: 'unknown',
  不详: 'unknown',
  // GB/T 2261.1's 0 (未知的性别) and 9 (未说明的性别).
  0: 'unknown',
  9: 'unknown',
  未说明: 'unknown',
  未知的性别: 'unknown',
  未说明的性别: 'unknown',
  m: 'male',
  f: 'female',
  male: 'male',
  female: 'female',
};

/** Values payment bills and police lists print for "nothing here". */
const emptyMarks = new Set(['', '/', '-', '--', '—', 'null', '无', '不详', '未知', '不祥']);
/** A 漫游地 that says the phone was at home (or says nothing). */
const homeMarks = /^(?:本地|非漫游|不漫游|未漫游|无漫游|无|否|[-—/]+|0|null|不详|未知)$/i;
/** A 漫游类型 that says the phone was abroad. */
const abroadMarks = /国际|境外|港澳台|海外|international/i;

/** A 证件类型 as police lists name it, by its words; undefined for words naming none. */
function documentTypeOf(text: string): IdentityDocumentType | undefined {
  if (/居住证/.test(text)) return 'hmt_residence_permit';
  if (/永久居留|永居/.test(text)) return 'foreign_permanent_residence';
  // Another country's card, named by its country or its own name, before 身份证 says China's.
  if (
    /缅甸|越南|老挝|柬埔寨|泰国|外国|境外|国民登记|NRC|CCCD|CMND/i.test(text) &&
    !/护照|passport/i.test(text)
  )
    return 'foreign_id';
  // A 户口簿 is recorded under the holder's 居民身份证 number.
  if (/身份证|户口/.test(text)) return 'resident_id';
  if (/护照|passport/i.test(text)) return 'passport';
  if (/港澳|回乡证/.test(text)) return 'hk_macao_permit';
  if (/台湾|台胞/.test(text)) return 'taiwan_permit';
  return undefined;
}

/**
 * A landline typed into a number cell, its trunk 0 gone (1087654321 for 010-87654321,
 * 87165123456 for 0871-65123456): given back its 0 where no number of another kind could be
 * those digits (a mobile, 400/800, a 106 SMS gateway, a service number); else as it is.
 */
function landlineOfNumberCell(cell: number): string {
  const digits = cellText(cell);
  // Ten digits: a two-digit area and eight (1087654321), or three and seven. Eleven: a known
  // city's three-digit area and eight (87165123456), never a country's code and its number
  // (85291234567 is Hong Kong's, 66812345678 Thailand's: 0852 and 0668 are areas too).
  const landline =
    (/^(?:10|2\d)\d{8}$|^[3-9]\d{9}$/.test(digits) && !/^(?:106|400|800)/.test(digits)) ||
    (/^[3-9]\d{10}$/.test(digits) &&
      isCityAreaCode(`0${digits.slice(0, 3)}`) &&
      !foreignCodes.test(digits));
  return landline ? `0${digits}` : digits;
}

/**
 * Country codes that read as a Chinese area without its 0 (0852, 0668, 0959 are areas too): a
 * number beginning so is a foreign one with its code, not a landline that lost its 0.
 */
const foreignCodes = /^(?:85[2356]|886|84|66|95|60|62|63|65|81|82)/;

/**
 * A landline a text cell lost its 0 in (a list Excel opened and saved as CSV: 2388886666 for
 * 023-88886666): a listed city's area code without its 0, then the 7 or 8 digits of the
 * number. Other digits stay as written: a Myanmar 95…, a Hong Kong 852…, a Russian or Kazakh
 * 7…, a mobile, and every 10… (Beijing's 010 without its 0 reads as an SMS port 1065…).
 */
function landlineLostZero(text: string): string {
  if (!/^[2-9]\d{9,10}$/.test(text) || foreignCodes.test(text) || text.startsWith('7')) return text;
  const twoDigitArea = text.length === 10 && isCityAreaCode(`0${text.slice(0, 2)}`);
  return twoDigitArea || isCityAreaCode(`0${text.slice(0, 3)}`) ? `0${text}` : text;
}

/** Documents of a business (a carrier's 机主 that is a company): 营业执照, 统一社会信用代码. */
const companyDocument = /营业执照|信用代码|组织机构|企业|单位证|公司|社会团体|事业单位/;
const companyName = /公司|集团|厂$|店$|商行|经营部|合作社|中心$|工作室|酒店|宾馆|会所/;

/**
 * IMEI or MEID as a list prints it (handset-ids), also where Excel wrote it in scientific
 * notation and its mantissa kept every digit (8.61234567890123E+14); one that lost its last
 * digits (8.612345678901E+13) names none.
 */
function imeiKey(text: string): string | null {
  if (excelScientific(text)) {
    const whole = wholeOfScientific(text);
    return whole && whole.length >= 14 ? handsetKey(whole) : null;
  }
  return handsetKey(text);
}

/** An IMSI as lists print it; none in scientific notation (its last digits are lost). */
function imsiKey(text: string): string | null {
  if (!text || excelScientific(text)) return null;
  return imsiOf(text);
}

/**
 * The rows of the file a plan imports: a call list's row of a forwarded call may give two
 * records (its legs), adjacent and of one line.
 */
export function validRows(data: ImportRecords): number {
  if (data.template === 'persons')
    return data.records.reduce((rows, record) => rows + 1 + (record.continued?.length ?? 0), 0);
  if (data.template === 'transactions')
    return data.records.reduce(
      (rows, record) => rows + (record.attempt || record.refundOnRow ? 0 : 1),
      0,
    );
  if (data.template !== 'calls') return data.records.length;
  const { line, length } = data.records;
  let rows = 0;
  for (let index = 0; index < length; index += 1)
    if (!index || line[index] !== line[index - 1]) rows += 1;
  return rows;
}

/**
 * A list of the target's calls (本机号码 and 对方号码) that says nowhere which way each went (no
 * 呼叫类型, none found by its values) is refused until the user says it (本机 the caller of
 * every row, or the called): read as calls the target made, every call that came in had been
 * drawn backwards, the chain read the wrong way.
 */
function undirectedCalls(
  template: ImportTemplate,
  mapping: Record<string, number>,
  ownNumber: string | null,
  options: PlanOptions,
): AppError | null {
  const byOwn =
    (mapping['ownNumber'] !== undefined || ownNumber !== null) &&
    mapping['counterpart'] !== undefined;
  if (template !== 'calls' || !byOwn || mapping['callType'] !== undefined || options.direction)
    return null;
  return new AppError('import.missingColumns', 'Nothing says which way the calls went', {
    template,
    fields: ['callType'],
  });
}

/** A control character (below a space, a tab aside): bytes read as text that are no text. */
const isControl = (char: string) => char.charCodeAt(0) < 32 && char !== '\t';

/**
 * Whether a header row reads as column names: two or more, most filled, no byte that decoded
 * to nothing (a picture or a binary file read as text is no table to map).
 */
function namesColumns(headers: string[]): boolean {
  const filled = headers.filter((header) => header.trim() !== '');
  return (
    filled.length >= 2 &&
    filled.length * 2 >= headers.length &&
    !headers.some((header) => header.includes('\ufffd') || [...header].some(isControl))
  );
}

/** Reads every data row of the file as records of the template, collecting every problem. */
export function planImport(
  file: TableFile,
  template: ImportTemplate,
  options: PlanOptions = {},
): ImportPlan {
  const planner = startPlan(template, options);
  for (const row of file.rows) planner.take(row);
  return planner.finish();
}

/**
 * Plans a file row by row as the parser reads it: the first rows are held until the header is
 * found among them; after it, a call list's rows are checked as they come and only the
 * rejected ones are kept (a million rows are never all alive, which spared most of the
 * parser thread's garbage collection); the other templates look at all their rows at the end
 * (a statement's amounts say whether they are signed only once all are seen).
 */
export function startPlan(template: ImportTemplate, options: PlanOptions = {}, part?: PlanPart) {
  const head: TableRow[] = [];
  let planner: RowPlanner | null = null;
  const begin = () => (planner = headerPlanner(head, template, options, part));
  const sheetIndex = options.sheet ? options.sheet - 1 : null;
  let sheetRows = 0;
  // An Alipay reply's 用户信息 sheet ties its other sheets' logins to the user (alipay-users).
  const users = template === 'transactions' && !part ? alipayUserSheets() : null;
  return {
    take(row: TableRow): void {
      const alone = sheetIndex !== null && sheetOfLine(row.line).sheet === sheetIndex;
      if (users?.take(row) && !alone) return;
      if (sheetIndex !== null && !alone) return;
      sheetRows += 1;
      if (planner) planner.take(row);
      else {
        head.push(row);
        if (head.length === headerSearchRows) begin();
      }
    },
    finish(): ImportPlan {
      if (sheetIndex !== null && !sheetRows)
        throw new AppError('import.noSheet', 'No such sheet', { sheet: options.sheet });
      const plan = (planner ?? begin()).finish();
      return users ? withAlipayUsers(plan, users.users(), users.sheets()) : plan;
    },
  };
}

interface RowPlanner {
  take(row: TableRow): void;
  finish(): ImportPlan;
}

/**
 * A plan of part of a file (plan-split): its data rows start at `dataFromLine` (the rows
 * before it are only looked at for the header), and it may hold none.
 */
interface PlanPart {
  dataFromLine: number;
}

/** Finds the header among the first rows and plans the rows after it, then all that follow. */
function headerPlanner(
  head: TableRow[],
  template: ImportTemplate,
  options: PlanOptions,
  part: PlanPart | undefined,
): RowPlanner {
  const dataFromLine = part?.dataFromLine ?? 0;
  const {
    index: headerIndex,
    top,
    headers,
  } = headerRows(head, findHeader(head, template), template);
  const headerRow = head[headerIndex];
  const fileKey = fileKeyOf(options.fileSha256, linesText(head));
  const preamble = readPreamble(head.slice(0, top), template, fileKey);
  preamble.headingOwner = preamble.nameOnly ? null : preamble.owner;
  preamble.owner ??=
    ownerInSheetName(headerRow?.sheet?.name, template) ??
    ownerInFileName(options.fileName, template);
  preamble.period ??= periodIn(options.fileName ?? '');
  let mapping = options.mapping ?? suggestMapping(template, headers);
  if (!options.mapping && template === 'calls')
    mapping = chooseCallColumns(headers, head.slice(headerIndex + 1), mapping);
  if (!options.mapping && template === 'transactions')
    mapping = chooseFlagColumn(
      headers,
      head.slice(headerIndex + 1),
      completeSplitAmounts(headers, mapping),
    );
  if (options.headerMap && headerRow)
    mapping = applyHeaderMap(template, headers, mapping, options.headerMap);
  // A statement whose heading names its holder alone (户名：王芳), no account in it, its sheet's
  // or its file's name, nor in a column: that name's account of this file, never another
  // statement's 王芳 (the name alone had made the two holders one account).
  if (
    template === 'transactions' &&
    preamble.owner === null &&
    preamble.holder &&
    ['account', 'accountOther', 'fromAccount'].every((key) => mapping[key] === undefined)
  ) {
    preamble.nameOnly = { by: 'name', name: preamble.holder, platform: 'bank', fileKey };
    preamble.owner = nameOnlyOwner(preamble.nameOnly);
  }
  // Typed with spaces (6217 0015 …), an account is the same entity as in a column without.
  const typedAccount = options.ownAccount?.replace(/\s+/g, '') || null;
  // A WeChat bill's own account is a WeChat ID (laowang_1988, wxid_…, a QQ or mobile number):
  // a nickname or a name typed there would be an account no other bill could be tied to.
  if (typedAccount && template === 'transactions' && preamble.platform === 'wechat')
    if (!isWeChatId(typedAccount))
      throw new AppError('import.ownAccountNotWeChatId', 'The own account is not a WeChat ID', {
        account: typedAccount.slice(0, 30),
      });
  const ownAccount = typedAccount || preamble.owner;
  const ownNumber = template === 'calls' ? givenOwnNumber(options.ownNumber, preamble) : null;
  // The first rows all data sessions by their 业务类型 (GPRS): no direction to ask for.
  const sessionsFirst =
    template === 'calls' && servicesSayData(head.slice(headerIndex + 1), mapping['service']);
  const dataList =
    template === 'calls' &&
    mapping['counterpart'] === undefined &&
    mapping['callee'] === undefined &&
    (!!preamble.dataSessions ||
      sessionsFirst ||
      namesDataSessions(`${options.fileName ?? ''} ${headerRow?.sheet?.name ?? ''}`) ||
      dataSessionColumns(headers));
  const mapped = (key: string) =>
    mapping[key] !== undefined ||
    (key === 'account' && template === 'transactions' && !!ownAccount) ||
    (key === 'ownNumber' && !!ownNumber) ||
    (key === 'counterpart' && dataList);
  // Said when the first data row comes (a file without data rows is empty first).
  const unmapped = requiredGroups[template].some((group) => group.every(mapped))
    ? sessionsFirst
      ? null
      : undirectedCalls(template, mapping, ownNumber, options)
    : headerRow && !namesColumns(headers)
      ? // No column names at all (a picture, random bytes, a letter, the wrong encoding): said
        // as such, not as columns to map.
        new AppError('import.notTable', 'The file reads as no table')
      : new AppError('import.missingColumns', 'Required columns are not mapped', {
          template,
          fields: requiredGroups[template][0]!.filter((key) => !mapped(key)),
          // The header as read, for the columns to be chosen by hand (a list of headers no
          // template knows had no way to the mapping screen).
          ...(headerRow ? { headers, headerLine: headerRow.line, mapping } : {}),
        });
  const problems: RowProblem[] = [];
  let kept: TableRow[] = [];
  const legendColumns = { callType: mapping['callType'], service: mapping['service'] };
  const aboveLegend = readCallLegend(linesText(head.slice(0, top)), headers, legendColumns);
  const clocks = clockForms();
  const dates = dateOrders();
  let rowCount = 0;
  const rows: TableRow[] | null = template === 'calls' ? null : [];
  const callPlannerWith = (legend: CallLegend) =>
    callPlanner(
      mapping,
      options,
      ownNumber,
      problems,
      legend,
      headers,
      clocks,
      dates,
      preamble.period,
      preamble.texts,
      dataList,
      head.slice(headerIndex + 1),
    );
  const calls = template === 'calls' ? callPlannerWith(aboveLegend) : null;
  // A later sheet naming another owner above its header is another bill, when that owner
  // stands for a column the file lacks; with the column, every row names its own.
  const ownerFills =
    (template === 'transactions' &&
      mapping['account'] === undefined &&
      mapping['fromAccount'] === undefined &&
      !!ownAccount) ||
    (template === 'calls' &&
      mapping['ownNumber'] === undefined &&
      mapping['counterpart'] !== undefined &&
      !!ownNumber);
  const sheetOwner = ownerFills ? (preamble.owner ?? ownAccount ?? ownNumber) : null;
  const sheets = sheetReader(
    head,
    headerRow,
    headers,
    template,
    sheetOwner,
    mapping,
    fileKey,
    top < headerIndex ? head[top] : undefined,
  );
  // A time column beside a date column holds times of day (0.5, or 91233 written as a number),
  // or a whole date and time (a serial with a fraction).
  const dateColumns = dateFields
    .map((key) => mapping[key])
    .filter((column): column is number => column !== undefined);
  const wholeDays = mapping['date'] === undefined ? dateColumns : [mapping['date']];
  const take = (read: TableRow) => {
    let row = read.line < dataFromLine ? null : sheets.dataOf(read);
    if (!row) return;
    if (row.sheet?.date1904) row = in1900Days(row, dateColumns, wholeDays);
    if (unmapped) throw unmapped;
    rowCount += 1;
    if (rows) rows.push(row);
    else if (!calls!.take(row)) kept.push(row);
  };
  for (const row of head.slice(headerIndex + 1)) take(row);
  return {
    take,
    finish(): ImportPlan {
      if (!headerRow || (!rowCount && !part)) throw new AppError('import.empty', 'No data rows');
      // A part's cells are keyed, and its clocks read, once the halves are put together.
      let callRecords = calls?.records;
      // A legend printed under the list (注：呼叫类型 1-主叫 2-被叫): the rows whose codes only it
      // explains are read again with it. (A large list read in two halves is not.)
      if (calls && !part) {
        const unread = new Set(
          problems
            .filter((item) => item.field === 'callType' || item.field === 'service')
            .map((item) => item.line),
        );
        const below = unread.size
          ? readCallLegend(sheets.trailerText(), headers, legendColumns)
          : null;
        if (below && (below.callType.size || below.service.size)) {
          const again = kept.filter((row) => unread.has(row.line));
          kept = kept.filter((row) => !unread.has(row.line));
          for (let at = problems.length - 1; at >= 0; at -= 1)
            if (unread.has(problems[at]!.line)) problems.splice(at, 1);
          const planner = callPlannerWith({
            callType: new Map([...aboveLegend.callType, ...below.callType]),
            service: new Map([...aboveLegend.service, ...below.service]),
          });
          for (const row of again) if (!planner.take(row)) kept.push(row);
          callRecords = joinCallColumns(calls.records, planner.records);
        }
      }
      // A number the user typed as the list's own that no row holds (a digit mistyped): every
      // row would be read as another phone's, its IMEIs tied to none, without a word.
      if (
        callRecords?.length &&
        !part &&
        options.ownNumber?.trim() &&
        ownNumber !== null &&
        !callRecords.texts.includes(ownNumber)
      )
        throw new AppError('import.ownNumberNotInList', 'The own number is on no row', {
          number: ownNumber,
        });
      preamble.openings = sheets.openings();
      const still: SetAsideRow[] = [];
      const data: ImportRecords = callRecords
        ? { template: 'calls', records: callRecords }
        : planAll(
            template as Exclude<ImportTemplate, 'calls'>,
            rows!,
            headers,
            mapping,
            preamble,
            ownAccount,
            options.direction ?? null,
            problems,
            clocks,
            dates,
            still,
          );
      if (!part && data.template === 'calls')
        settleCallList(data.records, dates, clocks, preamble.period);
      else if (!part) {
        settleDateOrders(data, dates, preamble.period);
        settleClocks(data, clocks);
        // Times are final now: a reversal is paired with the transfer it undoes.
        if (data.template === 'transactions') offsetReversals(data.records);
      }
      const rejected = new Set(problems.map((problem) => problem.line));
      return {
        headerLine: headerRow.line,
        headers,
        mapping,
        // Rows that moved nothing are said apart, as the ones the reader set aside are.
        rowCount: rowCount - still.length,
        data,
        problems,
        // A ledger's rows are all kept: its holders are matched later, and refused by line.
        rows: calls
          ? kept
          : template === 'seizures'
            ? rows!
            : rows!.filter((row) => rejected.has(row.line)),
        preamble,
        // A call list's own-number column names every row's own: no other owner is shown (the
        // heading's or a typed one would not be the rows').
        owner:
          template === 'calls'
            ? mapping['ownNumber'] === undefined
              ? ownNumber
              : null
            : template === 'transactions'
              ? ownAccount
              : null,
        ownerKnownBy:
          template === 'transactions' && !options.ownAccount?.trim()
            ? (preamble.nameOnly?.by ?? null)
            : null,
        sheets: sheets.uses(),
        nothingMoved: sheets.nothingMoved() + still.length,
        setAside: still,
        clocks,
        dates,
      };
    },
  };
}

/**
 * How lines under a list that are not rows of it begin: rules, counts and totals (----,
 * 共61笔记录, 合计, 本页小计, 以下空白), the summary an Alipay bill prints under its rows
 * (已收入:3笔,…), who printed it and when.
 */
const trailerStart =
  /^[（(【[#]?\s*(?:[-=—_*]{3,}|[+|][-=+|]{3,}|共\s*\d+\s*[笔条项页]|[合总小]\s*计|总笔数|笔数[:：]|(?:借方|贷方|收入|支出|存入|支取|转入|转出)(?:发生额|金额)?\s*(?:合计|总计|小计|笔数|总额)|本页|累计|(?:本页)?以下(?:空白|无)|(?:已|待)(?:收入|支出)[:：]|不计收支[:：]|(?:导出|打印|制表)(?:时间|日期|人|机构|网点|柜员|员)|经办人?[:：]?|复核人?[:：]|审核人?[:：]|[^\d,]{0,6}(?:公章|签章|盖章)|制表[:：]|(?:备注|注|说明|声明|提示)[:：]|(?:查询|调取|审核|复核|打印)人|[^\d,]{0,12}第\s*\d+\s*页|=\s*(?:SUM|SUBTOTAL|COUNT|sum|subtotal|count)\s*\(|以上|本(?:详单|清单|明细|话单|流水|证明|表)|总?记录数|查询(?:结果|无)|数据截止|(?:提取|调取|调证|查询|出具)(?:时间|日期|单号|编号)|[-—=~]{2}\s*结束|此页以下)/;

/**
 * A line under the list, not a row of it: its first filled cell begins like a total, a count, a
 * note or a page's title, and at most half its cells (or three) are filled; or no cell is; or,
 * where a row takes two cells at least (a call, a transfer, a seizure: not a person's name), a
 * line of one cell in a list of three columns or more (以上数据仅供参考, a carrier's name and
 * seal, 2026年11月6日). A bill's or statement's own rows begin with a number, a date or a name.
 */
function isTrailer(row: TableRow, width: number, oneCellIsNoRow: boolean): boolean {
  let first = '';
  let filled = 0;
  let plain = false;
  for (const cell of row.cells) {
    const text = cellText(cell);
    if (!text) continue;
    if (!filled) {
      first = text;
      // Most rows begin with a digit or a Latin letter: a row, once a second cell is filled.
      const code = text.charCodeAt(0);
      plain = (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
    } else if (text === first && !(plain && text.length <= 2))
      continue; // a merged cell's text repeated (an HTML colspan); a letter or two is no title
    else if (plain) return false;
    filled += 1;
  }
  // A row of empty cells (a line of commas) is no row either.
  if (!filled) return true;
  if (filled === 1 && oneCellIsNoRow && width >= 3) return true;
  return !plain && filled <= Math.max(3, width >> 1) && trailerStart.test(first);
}

/**
 * A cell that says its row is a total or a carried balance, spaces aside: 合计, 合 计, 本月合计,
 * 本日小计, 月  计, 本月发生额合计, 本期合计（元）, 合计（2包）, 汇总, 累计发生额, 承前页, 过次页,
 * 期末余额, 上年结转, Total.
 */
const totalsWord =
  /^(?:本|当|上|全)?(?:[日月年期页季]度?)?(?:交易)?(?:借方|贷方|收入|支出)?(?:发生额)?(?:合计|小计|总计|累计|共计|汇总|[日月年]计)(?:发生额|金额|笔?数)?(?:[(（][^()（）]{0,8}[)）])?[:：]?$|^(?:承前页|承上页|接上页|过次页|转次页|转下页|期初余额|期末余额|上年结转|结转下年|本期发生额|累计发生额)$|^(?:sub|grand)?total[:：]?$/i;
/** A figure written as the total (合计65.8, 总计：30克), in a quantity's or an amount's cell. */
const totalsFigure = /^(?:合计|总计)[:：]?\d/;
/** A total and its figure in one cell, wherever it is (借方发生额合计：300.00, 收入合计:5笔). */
const totalsWithFigure =
  /^(?:(?:本|当|全)?(?:[日月年期页]度?)?(?:交易)?(?:借方|贷方|收入|支出)?(?:发生额|金额|笔数)?(?:合计|总计|小计|汇总)(?:笔数|金额)?[:：][-+]?[\d,]+(?:\.\d+)?(?:元|笔)?[；;,，]?)+$/;
/** Cells a total's figure is written in; a note or a summary saying 合计2单 is free text. */
const figureFields = ['quantity', 'weight', 'amount', 'amountInFen', 'debitAmount', 'creditAmount'];
/** A row naming the other party is a transfer, whatever its note says (附言 汇总). */
const partyFields = ['counterpartAccount', 'counterpartInfo', 'fromAccount', 'toAccount'];

/**
 * A total among a statement's or ledger's rows, dated like them (本月合计 under 摘要 on the
 * month's last day, its amounts sums): one of its cells is the word. Its first cell being a
 * date, it is no trailer; taken as a row it had been a payment of the month's whole outflow.
 */
function namesTotal(row: TableRow, mapping: Record<string, number>): boolean {
  const filled = (field: string) =>
    mapping[field] !== undefined && cellText(row.cells[mapping[field]] ?? null) !== '';
  if (partyFields.some(filled)) return false;
  const figures = new Set(figureFields.map((field) => mapping[field]));
  for (let column = 0; column < row.cells.length; column += 1) {
    const cell = row.cells[column];
    if (typeof cell !== 'string' || cell.length > 48) continue;
    const text = cell.replace(/\s+/g, '');
    if (totalsWord.test(text) || (figures.has(column) && totalsFigure.test(text))) return true;
    if (totalsWithFigure.test(text)) return true;
  }
  return false;
}

/**
 * A statement's row of no money: its amounts written as zero (结息 0.00, a 冻结 or 解冻 of the
 * account, a 冲正 of nothing). It moved nothing, so it is no transfer and no bad row either (it
 * had refused the whole file).
 */
function movesNothing(row: TableRow, columns: MoneyColumns): boolean {
  let zero = false;
  for (const column of columns.money) {
    const text = cellText(row.cells[column] ?? null);
    if (/^[-+]?[¥￥]?\s*0+(?:\.0+)?(?:元)?$/.test(text))
      zero = zero || columns.amounts.includes(column);
    else if (text && !/^[-—/]+$/.test(text)) return false;
  }
  return zero;
}

/** A statement's amount columns, and every column of money in it but the balance (a fee is money). */
interface MoneyColumns {
  amounts: number[];
  money: number[];
}

function moneyColumnsOf(mapping: Record<string, number>, headers: string[]): MoneyColumns {
  const amounts = ['amount', 'amountInFen', 'debitAmount', 'creditAmount']
    .map((field) => mapping[field])
    .filter((column): column is number => column !== undefined);
  const money = headers.flatMap((header, column) =>
    amounts.includes(column) ||
    (/金额|发生额|手续费|费用|服务费|利息|收入|支出|存入|支取|借方|贷方/.test(header) &&
      !/余额/.test(header))
      ? [column]
      : [],
  );
  return { amounts, money };
}

/** Fields that hold dates and times, whose number cells are Excel date serials. */
const dateFields = ['date', 'startedAt', 'at', 'birthDate', 'seizedAt'];

/**
 * A row of a workbook that counts days from 1904 with its date serials counted from 1900, as
 * the import reads them: a date the reader left a number (Excel's built-in Chinese date
 * formats, yyyy"年"m"月"d"日", are unknown to it) had come out 4 years and a day early. A time
 * of day (under one day) is the same in both.
 */
function in1900Days(row: TableRow, columns: number[], wholeDays: number[]): TableRow {
  const cells = row.cells.slice();
  for (const column of columns) {
    const cell = cells[column];
    // Serials up to the year 2173 (20260401 is a date written as digits); a whole number under
    // a time beside a date column is a clock's digits.
    if (
      typeof cell === 'number' &&
      cell >= 1 &&
      cell < 100_000 &&
      (wholeDays.includes(column) || !Number.isInteger(cell))
    )
      cells[column] = cell + 1_462;
  }
  return { ...row, cells };
}

/** Luhn's check digit, which bank card numbers carry. */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * The owner a sheet's name gives (a workbook of a sheet per target, named 13988776655, or per
 * card): a mobile number for a call list, a card number for a statement; null otherwise (a
 * month, 20260501, or an ID number is no account).
 */
function ownerInSheetName(
  sheetName: string | undefined,
  template: ImportTemplate,
  /** A sheet's name may be an account number too (a company's 53001611000000012345). */
  accounts = true,
): string | null {
  const name = sheetName?.replace(/\s+/g, '') ?? '';
  if (template === 'calls') return /^1[3-9]\d{9}$/.test(name) ? name : null;
  if (template !== 'transactions' || parseIdentityDocument('resident_id', name).ok) return null;
  // A card number (16–19 digits passing Luhn's check), never an ID number or a timestamp.
  if (/^\d{16,19}$/.test(name) && luhn(name)) return name;
  // A bank account's number (12–25 digits), not a date and time written as digits.
  return accounts && /^\d{12,25}$/.test(name) && !dateLed.test(name) ? name : null;
}

/** Digits that begin with a date (20260401…): an export's stamp, not an account. */
const dateLed = /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])/;

/**
 * The owner a file's name gives (13988776655话单.csv, 6228480398271645312交易明细.xls,
 * 话单_13988776655_20260101-20260331.xlsx): its one run of digits that is a mobile number (call
 * lists) or a card number (statements); none when it holds two such runs.
 */
function ownerInFileName(fileName: string | undefined, template: ImportTemplate): string | null {
  const stem = (fileName ?? '').replace(/^.*[\\/]/, '').replace(/\.[a-z0-9]{1,5}$/i, '');
  const owners = new Set(
    (stem.match(/\d+/g) ?? [])
      // An export's stamp (20260401153012003) may pass a card's check: a date first is no card.
      .filter((run) => !dateLed.test(run))
      .map((run) => ownerInSheetName(run, template, false))
      .filter(Boolean),
  );
  return owners.size === 1 ? [...owners][0]! : null;
}

/** Fields that only add to a row: a sheet without their column still has whole rows. */
const additionalFields = new Set([
  'baseStation',
  'lac',
  'ci',
  'tac',
  'eci',
  'nci',
  'eNodeB',
  'imei',
  'imsi',
  'longitude',
  'latitude',
  'cellAddress',
  'ownArea',
  'roamingArea',
  'counterpartArea',
  'counterpartAreaCode',
  'counterpartBank',
  'summary',
  'channel',
  'reference',
  'originalReference',
  'orderGroup',
  'notes',
  'place',
  'evidenceNo',
  'address',
  'household',
  'aliases',
]);

/**
 * A workbook's later sheets: a list too long for one sheet (an .xls holds 65,536 rows) goes on
 * in the next, under the same header row. A later sheet's rows are data after a row equal to
 * the header, found among its first rows; a sheet without it (notes, another kind of list) is
 * not read, and said so; so is a sheet whose own lines above the header name another bill owner
 * (an Alipay or WeChat bill each: its rows would otherwise go to the first sheet's owner). Rows
 * of sheets before the header's are the file's preamble. A row equal to the header is never
 * data (files put one after another repeat it).
 */
function sheetReader(
  head: TableRow[],
  headerRow: TableRow | undefined,
  headers: string[],
  template: ImportTemplate,
  /** The owner a later sheet must not contradict; null when every row names its own. */
  owner: string | null,
  mapping: Record<string, number>,
  /** This file's key, for a later sheet's name-only owner (readPreamble). */
  fileKey: string,
  /** The upper row of a header of two rows (交易金额 over 收入/支出), the header row the lower. */
  headerTop?: TableRow,
) {
  // Columns a later sheet may lack (a month's list without the 基站 column): those no field
  // reads, and those that only add to a row; never a number, a time, an amount or a direction.
  const mapped = new Map(Object.entries(mapping).map(([field, column]) => [column, field]));
  const moneyColumns = template === 'transactions' ? moneyColumnsOf(mapping, headers) : null;
  const mayLack = (column: number) => {
    const field = mapped.get(column);
    return field === undefined || additionalFields.has(field);
  };
  const headerSheet = headerRow ? sheetOfLine(headerRow.line).sheet : 0;
  // Lines below this are the first sheet's (or a text file's): no division per row.
  const sheetStart = workbookLine(1, 0);
  const key = (cells: Cell[]) => {
    const texts = cells.map(cellText);
    while (texts.length && texts[texts.length - 1] === '') texts.pop();
    return texts.join('\u0000');
  };
  const headerLine = key(headers);
  // The lines of one cell above the header (a bank's title, 中国农业银行 账户交易明细): a printed
  // statement repeats them at the top of every page.
  const alone = (cells: Cell[]) => {
    const filled = filledTexts(cells);
    return filled.length === 1 ? filled[0]!.replace(/\s+/g, '') : null;
  };
  const titles = new Set(
    head
      .filter((row) => headerRow && row.line < headerRow.line)
      .map((row) => alone(row.cells))
      .filter((text): text is string => !!text && !/\d{6}/.test(text)),
  );
  const taken = new Map<number, number>();
  const trailers: string[] = [];
  // How many cells the rows under the header fill, most of them: a list whose every row has a
  // value past the named columns (an unnamed last column) is read as it always was. A few rows
  // say nothing of it (two of three may be the ones cut).
  const widths = new Map<number, number>();
  const below = head.filter((row) => headerRow && row.line > headerRow.line);
  for (const row of below) {
    const width = filledWidth(row.cells);
    widths.set(width, (widths.get(width) ?? 0) + 1);
  }
  const usualWidth =
    below.length < 10 ? 0 : ([...widths].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0);
  const widest = Math.max(filledWidth(headers), usualWidth);
  const seen = new Set(head.map((row) => sheetOfLine(row.line).sheet));
  /** Later sheets not read because Excel hides them. */
  const hidden = new Set(
    head
      .filter((row) => row.sheet?.hidden && sheetOfLine(row.line).sheet !== headerSheet)
      .map((row) => sheetOfLine(row.line).sheet),
  );
  const read = new Set([headerSheet]);
  /** Later sheets not read because their lines above the header name another owner. */
  const otherOwner = new Set<number>();
  let sheet = headerSheet;
  /** Rows of the current sheet above its header row, while it is looked for; null once found. */
  let above: TableRow[] | null = null;
  const firstHeader = headers[0] ?? '';
  // A page's header printed again, as it was or as a PDF converter wrote it (a name wrapped
  // onto two lines, full-width brackets, a space inside): compared as column names are.
  const firstKey = headerKey(firstHeader);
  const namesLine = (cells: Cell[]) => key(cells.map((cell) => headerKey(cellText(cell))));
  const headerNames = namesLine(headers);
  // A header of two rows printed again on every page (交易金额 merged over 收入/支出, 对方信息
  // over 户名/账号): each of its rows as the file has it, the joined names being neither. Its
  // rows had been read as data, and the file refused.
  const twoRowHeader =
    headerTop && headerRow
      ? new Set([namesLine(headerTop.cells), namesLine(headerRow.cells)])
      : null;
  const isHeader = (row: TableRow) => {
    if (twoRowHeader?.has(namesLine(row.cells))) return true;
    const first = cellText(row.cells[0] ?? null);
    if (first === firstHeader && key(row.cells) === headerLine) return true;
    // Rows of data begin with a number or a date: only a word is worth normalising.
    if (!first || /^[\d+\-.]/.test(first) || headerKey(first) !== firstKey) return false;
    return namesLine(row.cells) === headerNames;
  };
  const wanted = headers.map(headerKey);
  /**
   * Where a later sheet's header, holding every column of the first's in another order or with
   * more (a month that added IMEI), has each of the first's columns; null when it lacks one.
   */
  const columnsOf = (row: TableRow): number[] | null => {
    const keys = row.cells.map((cell) => headerKey(cellText(cell)));
    const at = wanted.map((want) => (want ? keys.indexOf(want) : -1));
    const named = wanted.filter(Boolean).length;
    return named >= 2 &&
      at.filter((index) => index >= 0).length >= 2 &&
      at.every((index, column) => index >= 0 || !wanted[column] || mayLack(column))
      ? at
      : null;
  };
  const aliasKeys = aliasKeysOf(template);
  /** A row of data as wide as the header: values in most cells, no header's names among them. */
  const continuesList = (row: TableRow) => {
    const texts = row.cells.map(cellText);
    while (texts.length && !texts[texts.length - 1]) texts.pop();
    if (!texts.length || texts.length > headers.length) return false;
    // Two column names make a header (one may be a value: 被叫 is a call type and a name).
    if (texts.filter((text) => aliasKeys.has(headerKey(text))).length >= 2) return false;
    const values = row.cells.filter(
      (cell) => typeof cell === 'number' || cell instanceof Date || valueLike.test(cellText(cell)),
    ).length;
    return values >= Math.min(3, headers.length) && values * 2 >= texts.filter(Boolean).length;
  };
  /** The current sheet's columns in the first header's order, when they stand elsewhere. */
  let reorder: number[] | null = null;
  /** A statement's last row, which a wrapped cell on the next line continues. */
  let lastRow: TableRow | null = null;
  /** Under the names of a summary table's columns (借方笔数, 贷方金额…). */
  let inTotals = false;
  // The cells a wrapped line may hold: names, accounts, notes; never a time or a figure.
  const wrappable = new Set(
    ['counterpartName', 'counterpartAccount', 'counterpart', 'summary', 'channel', 'accountName']
      .map((field) => mapping[field])
      .filter((column): column is number => column !== undefined),
  );
  const continues = (last: TableRow, row: TableRow) => {
    if (row.line !== last.line + 1) return false;
    const filled = row.cells.flatMap((cell, index) => (cellText(cell) ? [index] : []));
    return (
      filled.length > 0 &&
      filled.length <= 2 &&
      filled.every((index) => wrappable.has(index)) &&
      // A fragment, not a note of its own (备注：…).
      filled.every((index) => !/[:：]/.test(cellText(row.cells[index] ?? null)))
    );
  };
  /** Another owner a line among the rows named (its rows follow), null while the first's. */
  let sectionOwner: string | null = null;
  /** Rows that do not name their own phone (no 本机号码 or 主叫号码 column). */
  const ownerlessRows = mapping['ownNumber'] === undefined && mapping['caller'] === undefined;
  let nothingMoved = 0;
  /** Its holder (户名：李四 above it), and the one a line among the rows named. */
  let sectionHolder: string | null = null;
  let namedHolder: string | null = null;
  /**
   * A line among the rows named a currency not renminbi (中国银行's 币种：美元 over its dollar
   * section): the rows below it, to the next such line, are not in yuan.
   */
  let sectionForeign = false;
  /**
   * The owner a line among the rows named, taken once a header follows it (the next list's);
   * a row of data first makes it a note the list wrapped (附言 账号:6210…), no owner.
   */
  let namedOwner: string | null = null;
  const openings: TableRow[] = [];
  return {
    /** The row as data under the header (its cells in the header's order), or null. */
    dataOf(row: TableRow): TableRow | null {
      const at = row.line < sheetStart ? 0 : sheetOfLine(row.line).sheet;
      if (at !== sheet) {
        seen.add(at);
        sheet = at;
        above = [];
        reorder = null;
        sectionOwner = null;
        sectionHolder = null;
        sectionForeign = false;
        // A hidden sheet other than the header's: rows an analyst kept aside (the list before
        // it was cleaned), read with the rest they come twice.
        if (row.sheet?.hidden && at !== headerSheet) hidden.add(at);
      }
      if (hidden.has(at)) return null;
      const header = isHeader(row);
      const columns = above && !header ? columnsOf(row) : null;
      if (columns) reorder = columns;
      if (header && namedOwner !== null) {
        sectionOwner = namedOwner === owner ? null : namedOwner;
        sectionHolder = sectionOwner === null ? null : namedHolder;
        namedOwner = null;
        namedHolder = null;
      }
      if (columns || header) {
        if (above && above.length < headerSearchRows) {
          const sheetOwner =
            owner === null
              ? null
              : (readPreamble(above, template, fileKey).owner ??
                ownerInSheetName(row.sheet?.name, template));
          // A bank's reply of several accounts, one sheet each under its own 账号: each sheet's
          // rows are its account's. Another phone's list is left for its own import.
          if (sheetOwner !== null && sheetOwner !== owner && template === 'transactions') {
            read.add(at);
            sectionOwner = sheetOwner;
            sectionHolder = readPreamble(above, template, fileKey).holder ?? null;
          } else if (sheetOwner !== null && sheetOwner !== owner) otherOwner.add(at);
          else read.add(at);
          above = null;
        }
        return null;
      }
      // A sheet that goes straight on with rows (a list split at .xls's 65,536 rows, the header
      // not repeated) continues the sheet before it when that one was read.
      if (above && !above.length && read.has(at - 1) && continuesList(row)) {
        read.add(at);
        above = null;
      }
      if (above) {
        if (above.length < headerSearchRows) above.push(row);
        return null;
      }
      if (!read.has(at)) return null;
      // Lines naming another owner among the rows (a second account's statement under the
      // first's in one CSV, a title 18612345678 通话详单): that list's rows are not the first
      // owner's. In a list whose rows name their owner (本机号码), such lines are a printed
      // page's heading again, no rows.
      if (startsWithWords(row)) {
        const line = readPreamble([row], template, fileKey);
        const named = line.owner;
        if (named !== null) {
          if (owner !== null) namedOwner = named;
          // Its holder on the same line (查询账号：6222…，户名：李四): the section's rows had had none.
          namedHolder = line.holder ?? namedHolder;
          return null;
        }
        // The next list's title lines (户名：李四, 开户行：…, 币种：人民币) are no rows of it.
        const label = cellText(row.cells.find((cell) => cellText(cell) !== '') ?? null);
        if (sectionLabel.test(simplifiedText(label))) {
          namedHolder = holderIn(label) ?? namedHolder;
          // A 币种 line names its section's currency, read as the heading's is (readPreamble).
          if (/(?:币\s*种|币别)\s*[:：]\s*[^\s,，;；]/.test(simplifiedText(linesText([row]))))
            sectionForeign = !!line.foreignCurrency;
          return null;
        }
      }
      const data: TableRow = reorder
        ? {
            line: row.line,
            cells: reorder.map((index) => (index < 0 ? null : (row.cells[index] ?? null))),
            sheet: row.sheet,
          }
        : row;
      // The header again in English under the Chinese one (招商银行's Date, Currency,
      // Transaction Amount…): words in every cell, no figure, no date.
      if (inEnglish(data.cells)) return null;
      // A summary table under a statement (借方笔数, 借方金额, 贷方笔数… and a row of figures
      // under them): no transfers (its two rows had been refused, and with them the file).
      if (template === 'transactions') {
        if (namesTotals(data.cells)) {
          inTotals = true;
          return null;
        }
        if (inTotals && figuresOnly(data.cells)) return null;
        inTotals = false;
      }
      // A statement's cell the printing wrapped onto the next line (北京某某科技有限公 | 司, an
      // account's last digits): that line continues the row above (the account had been kept
      // cut, the name's end dropped or refused as a row).
      if (lastRow && continues(lastRow, data)) {
        data.cells.forEach((cell, index) => {
          const text = cellText(cell);
          if (text) lastRow!.cells[index] = `${cellText(lastRow!.cells[index] ?? null)}${text}`;
        });
        lastRow = { ...lastRow, line: data.line };
        return null;
      }
      if (isTrailer(data, headers.length, template !== 'persons')) {
        // Kept for a legend under the list (a few lines of it).
        if (trailers.length < 40) trailers.push(data.cells.map(cellText).join('\t'));
        return null;
      }
      if (template !== 'calls' && namesTotal(data, mapping)) {
        if (
          template === 'transactions' &&
          data.cells.some((cell) => openingWord.test(cellText(cell).replace(/\s+/g, '')))
        )
          openings.push(data);
        return null;
      }
      if (moneyColumns && movesNothing(data, moneyColumns)) {
        nothingMoved += 1;
        return null;
      }
      if (titles.size && titles.has(alone(data.cells) ?? '')) return null;
      // A call list printed under one header with a line per number above its rows (查询号码：
      // 137…): the rows under another number's line are that number's, not the first's (they
      // had been given to the first phone). In a statement such a line may be a wrapped note.
      if (namedOwner !== null && template === 'calls' && ownerlessRows)
        sectionOwner = namedOwner === owner ? null : namedOwner;
      namedOwner = null;
      namedHolder = null;
      taken.set(at, (taken.get(at) ?? 0) + 1);
      const fitted =
        filledWidth(data.cells) > headers.length ? fitToHeader(data, headers.length, widest) : data;
      const sectioned =
        sectionOwner !== null
          ? {
              ...fitted,
              otherOwner: sectionOwner,
              ...(sectionHolder !== null && { otherHolder: sectionHolder }),
            }
          : fitted;
      const out = sectionForeign ? { ...sectioned, foreignSection: true } : sectioned;
      // Collected before they are read (a call list's rows are read as they come).
      lastRow = template === 'transactions' ? out : null;
      return out;
    },
    /** The lines under the list that are no rows of it (notes, legends, totals). */
    trailerText: () => trailers.join('\n'),
    /** Rows that moved no money (结息 0.00, a 冻结): no transfers, counted to be said. */
    nothingMoved: () => nothingMoved,
    /** The opening-balance lines among the rows (期初余额). */
    openings: () => openings,
    uses(): SheetUse[] {
      if (seen.size < 2) return [];
      return [...seen]
        .sort((a, b) => a - b)
        .map((index) => ({
          index,
          rows: taken.get(index) ?? 0,
          read: read.has(index),
          ...(read.has(index)
            ? {}
            : {
                unread: hidden.has(index) ? 'hidden' : otherOwner.has(index) ? 'owner' : 'header',
              }),
        }));
    },
  };
}

/** The texts of the cells that hold one. */
function filledTexts(cells: Cell[]): string[] {
  return cells.map(cellText).filter(Boolean);
}

/** Cells up to the last one with text. */
function filledWidth(cells: readonly (Cell | string)[]): number {
  let width = cells.length;
  while (width && cellText((cells[width - 1] ?? null) as Cell) === '') width -= 1;
  return width;
}

/** A figure's first group and the groups after it, as a comma printed outside quotes cut it. */
const leadingGroup = /^[-+(（]?[¥￥]?\d{1,3}$/;
const laterGroup = /^\d{3}(?:\.\d+)?[)）]?(?:元)?$/;

/**
 * A row wider than the header: where figures cut at their thousands commas (-1,000.00 printed
 * without quotes: -1 | 000.00) make it so, the figures joined again, when that gives the
 * header's width; else, if it is wider than the file's rows are, marked (extraCells) to be
 * refused: its cells are not under their names (an amount of 1.00 for 1,000.00, the balance's
 * thousands for the counterpart).
 */
function fitToHeader(row: TableRow, width: number, widest: number): TableRow {
  const cells = [...row.cells];
  for (let at = 0; at + 1 < cells.length && filledWidth(cells) > width; at += 1) {
    const [first, next] = [cellText(cells[at] ?? null), cellText(cells[at + 1] ?? null)];
    if (!leadingGroup.test(first) || !laterGroup.test(next)) continue;
    // 1 | 234 | 567.89: every group of the figure.
    let end = at + 1;
    while (
      end + 1 < cells.length &&
      /^\d{3}$/.test(cellText(cells[end] ?? null)) &&
      laterGroup.test(cellText(cells[end + 1] ?? null))
    )
      end += 1;
    cells.splice(
      at,
      end - at + 1,
      cells
        .slice(at, end + 1)
        .map((cell) => cellText(cell))
        .join(','),
    );
  }
  if (filledWidth(cells) <= width) return { ...row, cells };
  if (filledWidth(row.cells) <= widest) return row;
  return {
    ...row,
    extraCells: row.cells
      .slice(width)
      .map((cell) => cellText(cell))
      .filter(Boolean)
      .join(','),
  };
}

/** A list's title line: a label and its value (户名：李四), as above a header. */
const sectionLabel =
  /^(?:户\s*名|账户名称|账户名|客户名称|客户姓名|开户行|开户网点|开户机构|开户银行|币种|币别|查询期间|查询时段|起止日期|账户类型|证件号码|机主姓名|机主)\s*[:：]/;

/** A summary table's column names: words only, two or more of them counts or sums. */
function namesTotals(cells: Cell[]): boolean {
  const filled = filledTexts(cells);
  return (
    filled.length >= 2 &&
    filled.every((text) => !/\d/.test(text)) &&
    filled.filter((text) => /笔数|单数|金额|合计|总计|总额|发生额|期初|期末/.test(text)).length >= 2
  );
}

/** A row of counts and sums alone: no date, no word. */
function figuresOnly(cells: Cell[]): boolean {
  const filled = filledTexts(cells);
  return (
    filled.length > 0 &&
    filled.every((text) => /^[-+]?[\d,]+(?:\.\d+)?$/.test(text) && !/^\d{8}$/.test(text))
  );
}

/** A row of column names in English: three cells or more, each of words alone. */
function inEnglish(cells: Cell[]): boolean {
  const words = new Set<string>();
  for (const cell of cells) {
    if (cell === null || cell === '') continue;
    // A row of data begins with a digit or a Chinese word: one character code says so.
    const first = typeof cell === 'string' ? cell.charCodeAt(0) | 0x20 : 0;
    if (first < 0x61 || first > 0x7a) return false;
    // Column names are words, not single letters (a row of y, y, y… is junk to be shown).
    if (!/^[A-Za-z][A-Za-z .,'/&()_-]+$/.test((cell as string).trim())) return false;
    words.add(cell as string);
  }
  // Each column's own name: one word repeated over the row names no columns.
  return words.size >= 3;
}

/** A list's title: what it is a list of (18612345678 通话详单, 6222… 交易明细). */
const listTitle = /话单|详单|清单|通话记录|通信记录|对账单|流水|交易明细/;

/**
 * A row like a line of a heading: at most three cells filled, the first beginning with a word
 * (户名：张三, 账号：6210…) or the line naming what it lists (18612345678 通话详单), not a row
 * of data (its first cell a date, a summary among figures).
 */
function startsWithWords(row: TableRow): boolean {
  // A row of data (nearly every row: a million of them) says so without a list of its texts:
  // its first filled cell has no colon (no label) and more than three cells are filled.
  let first = '';
  let count = 0;
  for (const cell of row.cells) {
    const text = cellText(cell);
    if (!text) continue;
    if (!count) first = text;
    count += 1;
    if (count > 3) break;
  }
  if (!count) return false;
  if (count > 3 && first.indexOf(':') < 0 && first.indexOf('：') < 0) return false;
  const filled = filledTexts(row.cells);
  if (!filled.length) return false;
  // Labels and their values, in one cell each (账号：6228…, 户名：李四, 币种：人民币) or the
  // label in one and its value in the next (账号：, 6228…, 户名：, 李四).
  const labels = filled.filter((text) => /^[\u3400-\u9fffA-Za-z ]{1,8}[:：]/.test(text)).length;
  if (labels && labels * 2 >= filled.length && /[:：]/.test(filled[0]!)) return true;
  if (filled.length > 3) return false;
  return !/^[\d+\-.]/.test(filled[0]!) || listTitle.test(filled.join(''));
}

/**
 * A number cell of more than 15 digits as Excel leaves it when one is typed: the digits past
 * the 15th are zeros (or, past 2^53, a double holds no exact integer anyway). A 16-digit cell
 * ending otherwise was written by a program and is exact.
 */
function cutByExcel(cell: number): boolean {
  const value = Math.abs(cell);
  return value >= 1e15 && (value >= 2 ** 53 || value % 10 === 0);
}

/**
 * A number as Excel writes a long one into a CSV it saves (6.21700154000928E+18): the digits
 * past the 15th are gone.
 */
function scientific(cell: Cell, wholeRead: boolean): boolean {
  // The regex only where an E is (two number cells a row, a million rows).
  return (
    typeof cell === 'string' &&
    (cell.includes('E') || cell.includes('e')) &&
    excelScientific(cell) &&
    !(wholeRead && wholeOfScientific(cell) !== null)
  );
}

/**
 * The digits of the whole number a scientific figure stands for (1.39877E+10: 11). Past 15 the
 * number was too long for the spreadsheet; at most 15, only its display in scientific notation
 * cut the digits when the CSV was saved.
 */
function figureDigits(text: string): number {
  return Number(/e\+?(\d+)/i.exec(text)?.[1] ?? 0) + 1;
}

/** Helpers reading a row's cells through the mapping, and noting problems. */
function rowReader(
  mapping: Record<string, number>,
  problems: RowProblem[],
  headers: string[],
  clocks: ClockForms,
  dates: DateOrders,
  /** The period that gives a time without a year its year (yearless-dates). */
  period: Period | null | undefined,
  /** The data rows read before any is planned (all, or a call list's first): day-fractions. */
  firstRows: readonly TableRow[] = [],
) {
  /** The date and time cells' instant; a month and day without a year read in the period. */
  const instantOf = (dateCell: Cell, timeCell: Cell) => {
    const parsed = parseDateAndTimeInstant(dateCell, timeCell);
    return parsed.ok || !period ? parsed : (yearlessInstant(dateCell, timeCell, period) ?? parsed);
  };
  // A time column beside a date column: its clocks are counted (HHMM or hhmmss, clock-forms).
  const dated = mapping['date'] !== undefined;
  const zoned = mapping['timeZone'] !== undefined;
  const clockColumn = (timeKey: string) => dated && mapping[timeKey] !== undefined;
  /** Whether a time column writes Excel's fractions of a day, as its first rows show. */
  const fractionColumns = new Map<string, boolean>();
  const writesFractions = (timeKey: string) => {
    let writes = fractionColumns.get(timeKey);
    if (writes === undefined) {
      writes = writesDayFractions(firstRows.map((row) => cellOf(row.cells, timeKey)));
      fractionColumns.set(timeKey, writes);
    }
    return writes;
  };
  // Times under a header naming another zone (开始时间(UTC)) are that zone's, not China's.
  const zoneShiftMs = (key: string) => {
    const zone = headerZone(headers[mapping[key] ?? -1] ?? '');
    return zone === null ? 0 : (8 * 60 - zone) * 60_000;
  };
  const cellOf = (cells: Cell[], key: string): Cell => {
    const at = mapping[key];
    return at === undefined ? null : (cells[at] ?? null);
  };
  const textOf = (cells: Cell[], key: string) => cellText(cellOf(cells, key));
  const problem = (
    line: number,
    cells: Cell[],
    field: string,
    kind: ValueProblem,
    suggestions?: string[],
  ) =>
    problems.push({
      line,
      field,
      problem: kind,
      value: textOf(cells, field).slice(0, 40),
      ...(suggestions ? { suggestions } : {}),
    });
  const take = <T>(line: number, cells: Cell[], key: string, parsed: Parsed<T>): T | undefined => {
    if (parsed.ok) return parsed.value;
    problem(line, cells, key, parsed.problem);
    return undefined;
  };
  const optional = (cells: Cell[], key: string) => {
    const text = textOf(cells, key);
    return emptyMarks.has(text) ? null : text;
  };
  const shifts = new Map<string, number>();
  /**
   * The header's zone shift for a row's time, none when the time names its own zone; a list
   * whose header names no zone (nearly every one) looks at no cell for one.
   */
  const zoneShift = (cells: Cell[], field: string) => {
    let shift = shifts.get(field);
    if (shift === undefined) shifts.set(field, (shift = zoneShiftMs(field)));
    return shift && !namesZone(cellOf(cells, field)) ? shift : 0;
  };
  /**
   * The instant of a row's date and time, or its problem: where the date has a column of its
   * own and is the part that reads as no day (20260332 beside 101010), the date's column is
   * named with its text (the time's had been, with a time that was right).
   */
  const instantIn = (line: number, cells: Cell[], field: string, timeKey: string) => {
    let timeCell = cellOf(cells, timeKey);
    if (clockColumn(timeKey)) {
      const fraction = dayFraction(timeCell, writesFractions(timeKey));
      if (fraction === 'outside') {
        problem(line, cells, timeKey, 'dayFraction');
        return undefined;
      }
      if (fraction !== null) timeCell = fraction;
    }
    const read = instantOf(cellOf(cells, 'date'), timeCell);
    const dayWrong =
      !read.ok &&
      dated &&
      field === timeKey &&
      !parseDateAndTimeInstant(cellOf(cells, 'date'), '12:00:00').ok;
    return take(line, cells, dayWrong ? 'date' : field, read);
  };
  const timeOf = (line: number, cells: Cell[], timeKey: string) => {
    const field = mapping[timeKey] !== undefined ? timeKey : 'date';
    if (clockColumn(timeKey)) countClock(clocks, cellOf(cells, timeKey));
    countDateOrder(dates, cellOf(cells, dated ? 'date' : field), line);
    const shift = zoneShift(cells, field);
    const ms = instantIn(line, cells, field, timeKey);
    return ms === undefined ? undefined : new Date(ms + shift).toISOString();
  };
  /** As `timeOf`, as Unix seconds. */
  const unixTimeOf = (line: number, cells: Cell[], timeKey: string) => {
    const field = mapping[timeKey] !== undefined ? timeKey : 'date';
    if (clockColumn(timeKey)) countClock(clocks, cellOf(cells, timeKey));
    countDateOrder(dates, cellOf(cells, dated ? 'date' : field), line);
    const ms = instantIn(line, cells, field, timeKey);
    if (ms === undefined) return undefined;
    // A 时区 column beside a roaming row's local time: that zone's, where the time names none.
    const zoneText = zoned ? textOf(cells, 'timeZone') : '';
    if (zoneText && !namesZone(cellOf(cells, field))) {
      const offset = zoneColumnOffset(zoneText);
      if (offset === null) {
        problem(line, cells, 'timeZone', 'dateTime');
        return undefined;
      }
      return Math.round((ms + (8 * 60 - offset) * 60_000) / 1000);
    }
    return Math.round((ms + zoneShift(cells, field)) / 1000);
  };
  /**
   * Numbers that are identifiers (cards, accounts, numbers) must come as text: a spreadsheet's
   * number cell keeps 15 significant digits, so a 19-digit card typed as a number is already
   * another card (6228480398271645312 reads back as 6228480398271646000).
   */
  const wholeDigits = (
    line: number,
    cells: Cell[],
    keys: readonly string[],
    /** Whether a figure written out in full is read as its digits (a call's two numbers). */
    readsWhole = false,
  ) => {
    for (const key of keys) {
      const cell = cellOf(cells, key);
      if (typeof cell === 'number' ? cutByExcel(cell) : scientific(cell, readsWhole))
        problem(
          line,
          cells,
          key,
          typeof cell === 'string' && figureDigits(cell) <= 15 ? 'scientific' : 'truncated',
        );
    }
  };
  /** Whether the row's time (as `timeOf` reads it) is a day alone, with no time of day. */
  const dayAloneOf = (cells: Cell[], timeKey: string) =>
    mapping['date'] !== undefined
      ? givesDayAlone(cellOf(cells, 'date'), cellOf(cells, timeKey))
      : givesDayAlone(cellOf(cells, timeKey), null);
  return { cellOf, textOf, problem, take, optional, timeOf, unixTimeOf, wholeDigits, dayAloneOf };
}

/** A call list's rows, checked one by one into columns; `take` says whether the row was valid. */
function callPlanner(
  mapping: Record<string, number>,
  options: PlanOptions,
  ownNumber: string | null,
  problems: RowProblem[],
  /** Call-type codes the lines above the header explain (1-主叫 2-被叫). */
  legend: CallLegend,
  headers: string[],
  clocks: ClockForms,
  dates: DateOrders,
  period: Period | null | undefined,
  /** The lines above the header call the list one of texts (短信详单). */
  texts?: boolean,
  /** A list of data sessions alone (上网详单): every row is one, none has another party. */
  dataList = false,
  /** The list's first data rows (those read with the header). */
  firstRows: readonly TableRow[] = [],
) {
  const { cellOf, textOf, problem, take, optional, unixTimeOf, wholeDigits, dayAloneOf } =
    rowReader(mapping, problems, headers, clocks, dates, period, firstRows);
  /** Seconds from the start to the end a row gives (结束时间), or the problem with its end. */
  const lengthToEnd = (line: number, cells: Cell[], startedUnix: number) => {
    const endText = optional(cells, 'endedAt');
    if (endText === null) return 0;
    // An end printed as a clock alone (00:00:40) is on the start's day, or the next.
    const clockAlone = /^\d{1,2}:\d{2}(?::\d{2})?$/.test(endText.trim());
    let ended: number | undefined;
    if (clockAlone) {
      const startDay = chinaDateOfUnix(startedUnix);
      const read = parseDateAndTimeInstant(startDay, endText.trim());
      ended = read.ok ? Math.round(read.value / 1000) : undefined;
      if (ended === undefined) problem(line, cells, 'endedAt', 'dateTime');
      else if (ended < startedUnix) ended += 86_400;
    } else ended = unixTimeOf(line, cells, 'endedAt');
    if (ended === undefined) return undefined;
    // An end before the start, or a day after it, is no call's.
    if (ended < startedUnix || ended - startedUnix > 86_400) {
      problem(line, cells, 'endedAt', 'duration');
      return undefined;
    }
    return ended - startedUnix;
  };
  // A billed length (计费时长, whole minutes) is not the call's where the list gives its end.
  const billedLength = /计费/.test(headers[mapping['duration'] ?? -1] ?? '');
  const records = callColumnsBuilder();
  const stationOf = stationReader(mapping, headers);
  // Where a row's cell is (基站经度, 基站纬度, 基站地址), read into these: no object per row.
  const placesCells = mapping['longitude'] !== undefined || mapping['latitude'] !== undefined;
  let [siteLongitude, siteLatitude] = [0, 0];
  /**
   * Whether the row places its cell: both coordinates read and in range, or none given (0, 0
   * included: what a list prints for a cell it cannot place). A bad one, or one without the
   * other, is the row's problem.
   */
  const readSite = (line: number, cells: Cell[]): boolean => {
    const longitude = readDegrees(cellOf(cells, 'longitude'), 'longitude');
    const latitude = readDegrees(cellOf(cells, 'latitude'), 'latitude');
    if (longitude === undefined || (longitude === null && latitude !== null))
      problem(line, cells, 'longitude', 'coordinate');
    if (latitude === undefined || (latitude === null && longitude !== null))
      problem(line, cells, 'latitude', 'coordinate');
    if (typeof longitude !== 'number' || typeof latitude !== 'number') return false;
    if (longitude === 0 && latitude === 0) return false;
    [siteLongitude, siteLatitude] = [longitude, latitude];
    return true;
  };
  // A list of many rows on one cell: its key made once, not per row.
  let [keyLongitude, keyLatitude, lastPositionKey] = [Number.NaN, Number.NaN, ''];
  /**
   * The cell of a row that places it: its key, or where the list gives no cell id, its
   * coordinates' (positionCell); its site kept at its first row.
   */
  const placedCell = (station: string | null, line: number, cells: Cell[]): string => {
    let cell = station;
    if (cell === null) {
      if (siteLongitude !== keyLongitude || siteLatitude !== keyLatitude) {
        [keyLongitude, keyLatitude] = [siteLongitude, siteLatitude];
        lastPositionKey = positionCell(siteLongitude, siteLatitude);
      }
      cell = lastPositionKey;
    }
    const at = records.unplaced(cell);
    if (at)
      records.place({
        cell: at,
        line,
        longitude: siteLongitude,
        latitude: siteLatitude,
        address: readAddress(cellOf(cells, 'cellAddress')),
      });
    return cell;
  };
  const durationOf = durationReader(headers[mapping['duration'] ?? -1] ?? '');
  const ownColumn = mapping['ownNumber'] !== undefined;
  const byOwn =
    (ownColumn || ownNumber !== null) && (mapping['counterpart'] !== undefined || dataList);
  const [nearKey, farKey] = byOwn ? ['ownNumber', 'counterpart'] : ['caller', 'callee'];
  // The own number the file gives once, above the header or as the user typed it.
  const fixedNear = byOwn && !ownColumn ? { value: ownNumber! } : null;
  const hasType = mapping['callType'] !== undefined;
  const hasService = mapping['service'] !== undefined;
  const incomingAll = options.direction === 'in';
  // Not the IMEI: only its first 14 digits are kept, which a number cell does not lose.
  const numberKeys = [nearKey, farKey].filter((key) => mapping[key] !== undefined);
  // Values repeat a handful of times a million times: each distinct one is read once.
  const serviceOf = remembered((text) => legend.service.get(text) ?? callServiceOf(text));
  // A target's IMEI and IMSI repeat on every row.
  const [imeiOf, imsiOf] = [remembered(imeiKey), remembered(imsiKey)];
  const callTypeIn = remembered((text) => legend.callType.get(text) ?? callTypeOf(text));
  // A code the legend calls 主叫 on a row of a text message is a message sent.
  const messageTypeIn = remembered((text) => {
    const type = legend.callType.get(text);
    return type === 'out' ? 'smsOut' : type === 'in' ? 'smsIn' : (type ?? callTypeOf(text, 'sms'));
  });
  const typeOf = (text: string, service: CallService | undefined) =>
    service === 'sms' ? messageTypeIn(text) : callTypeIn(text);
  // Numbers repeat (a target's contacts): each distinct text is parsed once.
  const numbers = new Map<string, ReturnType<typeof parseFarEnd>>();
  const farEnd = (text: string, areaCode: string | null) => {
    const cacheKey = areaCode ? `${text}|${areaCode}` : text;
    let parsed = numbers.get(cacheKey);
    // A number that went through a float on its way to the CSV (13577112233.0), a landline a
    // text cell lost its 0 in: read once per distinct text, as the rest of its parse.
    if (!parsed)
      numbers.set(
        cacheKey,
        (parsed = parseFarEnd(landlineLostZero(text.replace(/^(\d{5,})\.0+$/, '$1')), areaCode)),
      );
    return parsed;
  };
  const areas = new Map<string, string | null>();
  const areaOf = (text: string) => {
    let code = areas.get(text);
    if (code === undefined) areas.set(text, (code = areaCodeOf(text)));
    return code;
  };
  const hasFarArea = mapping['counterpartArea'] !== undefined;
  const farCountryOf = remembered(roamingCountryCode);
  const hasForwardedTo = mapping['forwardedTo'] !== undefined;
  const hasOriginalCalled = mapping['originalCalled'] !== undefined;
  const thirdNumber = (cells: Cell[], key: string, areaCode: string | null) => {
    // A spreadsheet's number cell lost a landline's 0, as under 对方号码.
    const cell = cellOf(cells, key);
    const text = typeof cell === 'number' ? landlineOfNumberCell(cell) : textOf(cells, key);
    if (!text) return null;
    const parsed = farEnd(text, areaCode);
    return parsed.ok ? parsed : null;
  };
  /** Where a forwarded row says the call went, when that is a third number. */
  const forwardTarget = (
    cells: Cell[],
    area: string | null,
    near: { value: string },
    far: { value: string },
  ) => {
    const to = thirdNumber(cells, 'forwardedTo', area);
    return to && to.value !== near.value && to.value !== far.value ? to : null;
  };
  /**
   * A forwarded call's third number as a leg of its own, a record of the row's line: where the
   * target's phone passed the call (呼转号码, 第三方号码 on a 呼转 row), or whose call reached
   * whoever took it (原被叫号码, on any row). A number that is no number is left out. The row's
   * cell and handset are counted once, with its own record.
   */
  const thirdLegs = (
    line: number,
    cells: Cell[],
    area: string | null,
    near: string,
    far: string,
    incoming: boolean,
    swapped: boolean,
    passedOn: { value: string; type: PhoneNumberType } | null,
    startedUnix: number,
    durationSeconds: number,
  ) => {
    const own = byOwn ? near : null;
    const leg = { line, kind: 'forwarded' as const, startedUnix, durationSeconds, own };
    const none = { baseStation: null, imei: null, imsi: null };
    // The phone that passed the call on: the target (本机号码), or in a list of 主叫/被叫 the
    // called number (the target under 主叫号码 of a row its type says came in).
    if (passedOn)
      records.add({
        ...leg,
        ...none,
        caller: byOwn || swapped ? near : far,
        callee: passedOn.value,
        farType: passedOn.type,
      });
    const original = hasOriginalCalled ? thirdNumber(cells, 'originalCalled', area) : null;
    if (original && original.value !== near && original.value !== far)
      records.add({
        ...leg,
        ...none,
        caller: original.value,
        callee: incoming ? near : far,
        farType: original.type,
      });
  };
  const unknownEnd = { value: null, type: 'unknown' as const };
  /**
   * Each number column's last number read, with what it was read as: a list gives one target's
   * rows together, its 本机号码 the same row after row (comparing two short texts is cheaper than
   * the map of every number).
   */
  const lastRead = new Map<
    string,
    {
      written: string;
      area: string | null;
      read: Extract<ReturnType<typeof parseFarEnd>, { ok: true }>;
    }
  >();
  // Defined once, not per row (a million rows made a million closures).
  const number = (
    line: number,
    cells: Cell[],
    key: string,
    areaCode: string | null,
    /**
     * The calling code of the country the phone was in (漫游地 缅甸), if abroad; '' abroad in a
     * country the row does not name (国际漫游 alone).
     */
    abroad: string | null = null,
  ) => {
    const cell = cellOf(cells, key);
    const written = typeof cell === 'number' ? landlineOfNumberCell(cell) : textOf(cells, key);
    let last = abroad === null ? lastRead.get(key) : undefined;
    if (last && last.written === written && last.area === areaCode) return last.read;
    // A number Excel wrote out in full as a figure (1.3987654321E+10): its digits.
    const text = (written.includes('E') && wholeOfScientific(written)) || written;
    if (!text) {
      problem(line, cells, key, 'required');
      return undefined;
    }
    const international = abroad ? dialledAbroad(text, abroad) : null;
    const asAbroad = international ? farEnd(international, null) : null;
    const parsed = asAbroad?.ok ? asAbroad : farEnd(text, areaCode);
    // Dialled abroad where, the row does not say: a number with a trunk 0 is that country's
    // own, no Chinese landline (缅北's 09… had become 陕西榆林's 0912).
    if (parsed.ok && abroad === '' && parsed.type === 'landline' && /^0[1-9]/.test(text.trim()))
      return { ok: true as const, value: text.replace(/[\s-]/g, ''), type: 'unknown' as const };
    if (!parsed.ok) {
      // A figure Excel cut (1.39877E+10) is refused once, as such (wholeDigits).
      if (!/e/i.test(text) || !excelScientific(text)) problem(line, cells, key, 'phone');
      return undefined;
    }
    if (abroad === null) {
      if (!last) lastRead.set(key, (last = { written, area: areaCode, read: parsed }));
      last.written = written;
      last.area = areaCode;
      last.read = parsed;
    }
    return parsed;
  };
  // A list its title or file name calls one of texts (短信详单).
  const textsList = !!texts || namesTexts(options.fileName ?? '');
  /** The last row's 本机号码, carried down to rows that leave it blank. */
  let lastOwn: { value: string } | null = null;
  // An end the carrier printed as unknown (隐藏号码, 未知, -, empty) in a column the list has:
  // the call or text is still the other end's, kept on its phone with no one at this end. (Made
  // once, not per row: a million rows made a million closures.)
  const withheld = (cells: Cell[], key: string) =>
    mapping[key] !== undefined && isWithheldNumber(cellOf(cells, key));
  const takeRow = ({ line, cells, otherOwner, sheet, extraCells }: TableRow): boolean => {
    if (otherOwner) {
      problems.push({ line, field: 'ownNumber', problem: 'otherOwner', value: otherOwner });
      return false;
    }
    if (extraCells) {
      problems.push({ line, field: 'row', problem: 'extraCells', value: extraCells });
      return false;
    }
    const service =
      (hasService ? serviceOf(textOf(cells, 'service')) : undefined) ??
      (textsList || namesTexts(sheet?.name ?? '') ? 'sms' : undefined);
    // A mobile-data session (its service, or a call type of 上网/GPRS, as a 客户详单's 通信方式
    // gives it): no far end and no direction, but the phone's cell, time and handset, kept as
    // such (data_sessions). Carriers' lists hold more of them than calls.
    const typeSaysData = hasType && callTypeSaysData(textOf(cells, 'callType'));
    // A phone's signalling (位置更新, 开机, 切换, 寻呼), a tower dump's rows of phones that placed
    // no call: no far end, the phone seen on the cell, kept as a data session is.
    const signal =
      service === 'signal' || (hasType && callTypeSaysSignal(textOf(cells, 'callType')));
    // In a list of sessions, a row its 业务类型 or 呼叫类型 calls a call or a text is one: it
    // needs its other party (a column the list did not have, or one to map).
    const saysCall =
      dataList &&
      ((service !== undefined && service !== 'data' && service !== 'signal') ||
        (hasType &&
          !typeSaysData &&
          !signal &&
          typeOf(textOf(cells, 'callType'), service) !== undefined));
    const dataSession = (dataList && !saysCall) || service === 'data' || typeSaysData || signal;
    const before = problems.length;
    // Where the phone was (漫游地) before its home (本机归属地), row by row: a local row leaves
    // 漫游地 empty. A phone roaming where no area code is known (abroad: 缅甸, 国际漫游) dialled
    // that place's numbers: none is given the home's code (a Myanmar number had become a
    // Kunming landline).
    const roamingPlace = textOf(cells, 'roamingArea');
    const roamed = !!roamingPlace && !homeMarks.test(roamingPlace);
    const roamingArea = roamed ? areaOf(roamingPlace) : null;
    const placeUnknown = (roamed && !roamingArea) || abroadMarks.test(textOf(cells, 'roamingType'));
    const area =
      printedAreaCode(textOf(cells, 'counterpartAreaCode')) ??
      areaOf(textOf(cells, 'counterpartArea')) ??
      (placeUnknown
        ? null
        : (roamingArea ?? areaOf(textOf(cells, 'ownArea')) ?? options.areaCode ?? null));
    wholeDigits(line, cells, numberKeys, true);
    const nearWithheld = !fixedNear && !byOwn && !dataSession && withheld(cells, nearKey);
    // The phone of a data session is the target (本机号码), or a tower dump's 主叫号码.
    // A list of several targets saved as CSV from a sheet whose 本机号码 cells were merged gives
    // the number on a target's first row only: the rows below it, blank there, are its.
    const rawOwn = lastOwn === null || !byOwn ? undefined : cellOf(cells, 'ownNumber');
    const ownCarried =
      ownColumn &&
      rawOwn !== undefined &&
      (rawOwn === null || (typeof rawOwn === 'string' && !rawOwn.trim()))
        ? lastOwn
        : null;
    const near: { value: string | null } | undefined =
      fixedNear ?? ownCarried ?? (nearWithheld ? unknownEnd : number(line, cells, nearKey, null));
    if (byOwn && ownColumn && near && near.value !== null) lastOwn = near as { value: string };
    const farRead: { value: string | null; type: PhoneNumberType } | undefined = dataSession
      ? near && { value: near.value, type: 'unknown' as const }
      : !nearWithheld && withheld(cells, farKey)
        ? unknownEnd
        : number(
            line,
            cells,
            farKey,
            area,
            placeUnknown ? (roamingCountryCode(roamingPlace) ?? '') : null,
          );
    // Digits no CN number has, which 对方归属地 places abroad (66812345678, 泰国): that country's.
    const farCountry =
      farRead?.type === 'unknown' && farRead.value && hasFarArea
        ? farCountryOf(textOf(cells, 'counterpartArea'))
        : null;
    const farAbroad = farCountry ? numberOfNamedCountry(farRead!.value!, farCountry) : null;
    const far = farAbroad ? { value: farAbroad, type: 'international' as const } : farRead;
    // Without a call-type column, 本机号码 is the caller (or the called) as the user said.
    let type: CallType =
      service === 'sms' ? (incomingAll ? 'smsIn' : 'smsOut') : incomingAll ? 'in' : 'out';
    // The way the row's 呼叫类型 names, where it names one.
    let typed: CallType | undefined;
    if (hasType && !dataSession) {
      // A row whose 呼叫类型 is empty may say its way in 业务类型 (短信接收, 主叫语音).
      typed =
        typeOf(textOf(cells, 'callType'), service) ??
        (hasService ? typeOf(textOf(cells, 'service'), service) : undefined);
      if (typed) type = typed;
      // In a list of 主叫号码/被叫号码 the columns give the way: a 呼叫类型 of the service alone
      // (语音, 短信, 本地通话, a code 01) says at most that it was a text.
      else if (!byOwn)
        type = /短信|彩信|信息|sms|mms/i.test(textOf(cells, 'callType')) ? 'smsOut' : 'out';
      else problem(line, cells, 'callType', 'callType');
    } else if (byOwn && !dataSession && !options.direction) {
      // A list whose first rows are data sessions was asked no direction: a call among its
      // later rows says its way in 业务类型, or is refused.
      const found = hasService ? typeOf(textOf(cells, 'service'), service) : undefined;
      if (found) type = found;
      else problem(line, cells, 'callType', 'callType');
    }
    // A 业务类型 of 呼转 beside a 呼叫类型 of 被叫 (or 主叫): a forwarded call, its way as the type says.
    if (service === 'forwarded' && type !== 'smsOut' && type !== 'smsIn') type = 'forwarded';
    const kind: CallKind = dataSession
      ? signal
        ? 'signal'
        : 'data'
      : type === 'smsOut' || type === 'smsIn'
        ? 'sms'
        : type === 'forwarded'
          ? 'forwarded'
          : 'call';
    let startedUnix = unixTimeOf(line, cells, 'startedAt');
    // A start at midnight China time that gives the day alone (2024-06-01): no call's time. Read
    // as midnight it had made night calls and phones together on a cell at 00:00.
    if (
      startedUnix !== undefined &&
      isChinaMidnight(startedUnix) &&
      dayAloneOf(cells, 'startedAt')
    ) {
      problem(line, cells, mapping['startedAt'] !== undefined ? 'startedAt' : 'date', 'dayAlone');
      startedUnix = undefined;
    }
    let durationSeconds: number | undefined = 0;
    if (dataSession) {
      // A session's length: to its end (结束时间) where the list gives no length, else the
      // length where it reads as one; its volume (流量) is no reason to refuse it.
      const ends = mapping['endedAt'] !== undefined && optional(cells, 'endedAt') !== null;
      const read = mapping['duration'] !== undefined && durationOf(cellOf(cells, 'duration'));
      durationSeconds =
        ends && !read && startedUnix !== undefined
          ? lengthToEnd(line, cells, startedUnix)
          : read && read.ok
            ? read.value
            : 0;
    } else if (kind !== 'sms') {
      // The end's time less the start's where the list gives its end (结束时间) and no length
      // (none written, or only billed minutes); else the length; none written (empty, -): a
      // call not answered, 0 s.
      const ends = mapping['endedAt'] !== undefined && optional(cells, 'endedAt') !== null;
      const written = mapping['duration'] !== undefined && optional(cells, 'duration') !== null;
      durationSeconds =
        ends && (!written || billedLength) && startedUnix !== undefined
          ? lengthToEnd(line, cells, startedUnix)
          : written
            ? take(line, cells, 'duration', durationOf(cellOf(cells, 'duration')))
            : 0;
      // No call lasts a day: a longer one is another column's figure (an IMEI mapped by hand
      // as the length had given calls of millions of years), refused as no length.
      if (durationSeconds !== undefined && durationSeconds > longestCallSeconds) {
        problem(line, cells, 'duration', 'duration');
        durationSeconds = undefined;
      }
    }
    const placed = placesCells && readSite(line, cells);
    if (near && far && near.value === far.value && !dataSession)
      problem(line, cells, farKey, 'sameEnds');
    if (
      problems.length > before ||
      !near ||
      !far ||
      startedUnix === undefined ||
      durationSeconds === undefined
    )
      return false;
    // A forwarded row naming where it went (thirdLegs): the 对方 is then who called. A list of
    // 主叫号码/被叫号码 (or a 被叫 row of 本机号码) whose 呼转号码 is filled names a forward
    // whatever its 呼叫类型 (empty, 主叫): the called phone passed the call on. The number had
    // been read and stored nowhere.
    const bothKnown = near.value !== null && far.value !== null;
    const passedOn =
      hasForwardedTo &&
      (type === 'forwarded' || (kind === 'call' && (!byOwn || type === 'in'))) &&
      bothKnown &&
      forwardTarget(cells, area, { value: near.value! }, { value: far.value! });
    // 本机号码 is the caller unless the row says the call came in: a forwarded call named as one
    // that came in (来话(前转), 被叫-呼转, 转接被叫) was the 对方's call to the target.
    const forwardedIn =
      type === 'forwarded' && hasType && /被叫|来话|呼入|来电/.test(textOf(cells, 'callType'));
    const incoming = byOwn && (type === 'in' || type === 'smsIn' || !!passedOn || forwardedIn);
    // The target's end: 本机号码, or in a list of 主叫号码/被叫号码 the one that is the number the
    // heading (or the user) names; its cell, IMEI and IMSI are the target's.
    // A 计费号码 column beside 主叫号码/被叫号码 (电信's lists) names each row's target.
    const billed = !byOwn && ownColumn ? farEnd(textOf(cells, 'ownNumber'), area) : null;
    const rowOwn = billed ? (billed.ok ? billed.value : null) : ownNumber;
    const ownEnd = byOwn
      ? near.value
      : rowOwn !== null && (near.value === rowOwn || far.value === rowOwn)
        ? rowOwn
        : null;
    // A list of 主叫号码/被叫号码 that prints the target first whatever the way (some 联通/电信
    // exports: the billed number under 主叫号码) and says 被叫 of a call that came in: the type
    // says who called, where the columns had made every incoming call outgoing. (A 主叫 row
    // with the target under 被叫号码 is a switch's record of the caller's side: the columns.)
    const swapped =
      !byOwn && ownEnd !== null && near.value === ownEnd && (typed === 'in' || typed === 'smsIn');
    // The target's handset; where the list names no target yet, kept for the one its rows may
    // show (call-owner), linked to no phone otherwise.
    const keepHandset = !!ownEnd || rowOwn === null;
    // A forwarded call in the forwarding target's list of 主叫号码/被叫号码: who dialled the
    // target (主叫) and where the target passed it on (被叫), the target in neither column but
    // under 原被叫 or in the heading. Two legs through the target, as a list of 本机号码 gives
    // them; it had been a call from the caller to the forward number, the target left out.
    if (!byOwn && kind === 'forwarded' && ownEnd === null && bothKnown) {
      const original = hasOriginalCalled ? thirdNumber(cells, 'originalCalled', area) : null;
      const through = original?.value ?? rowOwn;
      if (through !== null && through !== near.value && through !== far.value) {
        const leg = {
          line,
          kind,
          startedUnix,
          durationSeconds,
          own: through,
          baseStation: placed
            ? placedCell(stationOf(cells, optional, null), line, cells)
            : stationOf(cells, optional, null),
          imei: imeiOf(textOf(cells, 'imei')),
          imsi: imsiOf(textOf(cells, 'imsi')),
        };
        records.add({
          ...leg,
          caller: near.value,
          callee: through,
          farType: phoneNumberType(near.value!),
        });
        records.add({ ...leg, caller: through, callee: far.value, farType: far.type });
        return true;
      }
    }
    // A landline printed without its area code where the file names no area (65123456): one
    // in the target's city, which the list does not say; kept apart per target. Two cities'
    // lists had made it one phone, a common contact and a path between strangers' targets.
    const farValue =
      far.type === 'local' && ownEnd !== null && far.value !== ownEnd
        ? localNumberOf(far.value!, ownEnd)
        : far.value;
    const nearValue =
      !byOwn &&
      ownEnd !== null &&
      near.value !== null &&
      near.value !== ownEnd &&
      phoneNumberType(near.value) === 'local'
        ? localNumberOf(near.value, ownEnd)
        : near.value;
    const station = stationOf(
      cells,
      optional,
      ownEnd === null ? null : ownEnd === (incoming ? far.value : near.value) ? 'caller' : 'callee',
    );
    // The other party's type: in a list of 主叫号码/被叫号码, the caller's where the target was
    // called (a landline calling in had been shown as the target's mobile).
    const otherType =
      !byOwn && ownEnd !== null && near.value !== ownEnd && near.value !== null
        ? ((near as { type?: PhoneNumberType }).type ?? phoneNumberType(near.value))
        : far.type;
    records.add({
      line,
      caller: incoming !== swapped ? farValue : nearValue,
      callee: incoming !== swapped ? nearValue : farValue,
      kind: passedOn ? 'forwarded' : kind,
      startedUnix,
      durationSeconds,
      baseStation: placed ? placedCell(station, line, cells) : station,
      own: ownEnd,
      imei: keepHandset ? imeiOf(textOf(cells, 'imei')) : null,
      imsi: keepHandset ? imsiOf(textOf(cells, 'imsi')) : null,
      farType: otherType,
    });
    if ((passedOn || hasOriginalCalled) && !dataSession && bothKnown)
      thirdLegs(
        line,
        cells,
        area,
        near.value!,
        far.value!,
        incoming,
        swapped,
        passedOn || null,
        startedUnix,
        durationSeconds,
      );
    return true;
  };
  return { take: takeRow, records: records.columns };
}

/** Longer than any call a switch records in one row (they cut long calls into parts). */
const longestCallSeconds = 86_400;

/**
 * A call list's durations in seconds: a bare figure under a header naming another unit
 * (通话时长(毫秒) 65000, 通话时长(分钟) 1.5, 时长（单位：分）) is in that unit, rounded to the
 * second; a figure with its own units (1分5秒, 0:01:05) reads as written.
 */
function durationReader(header: string) {
  const key = headerKey(header);
  const scale = /毫秒|\bms\b/.test(key)
    ? 0.001
    : /分钟|[(:：]分\)|\bmin/.test(key)
      ? 60
      : /小时|[(:：]时\)|\(h\)/.test(key)
        ? 3_600
        : 1;
  if (scale === 1) return parseDuration;
  return (cell: Cell): ReturnType<typeof parseDuration> => {
    const text = typeof cell === 'number' ? String(cell) : cellText(cell).trim();
    if (!/^\d+(?:\.\d+)?$/.test(text)) return parseDuration(cell);
    return { ok: true, value: Math.round(Number(text) * scale) };
  };
}

/**
 * The base station of a call list's rows: a LAC beside a CI, a TAC beside an ECI (4G rows of a
 * list that has both), a 基站号 beside a 小区号 (CI, 移动's 调证 lists), or a TAC with the eNodeB
 * and its local cell (ECI = eNodeB × 256 + cell), as written, made keys once the whole file is
 * read (station-keys: whether the file writes them in hex is for its headers and all its values
 * to say); a base station column alone split when it holds both (LAC:22345 CI:23101, a CGI)
 * into its key at once, each part read as it says, else kept as it is.
 */
function stationReader(mapping: Record<string, number>, headers: string[]) {
  const radix = (key: string) => headerRadix(headers[mapping[key] ?? -1] ?? '');
  const marks = {
    lacCi: cellMark('lacCi', radix('lac'), radix('ci')),
    tacEci: cellMark('tacEci', radix('tac'), radix('eci')),
    nci: cellMark('tacEci', radix(mapping['tac'] === undefined ? 'lac' : 'tac'), radix('nci')),
    stationCi: cellMark('stationCi', radix('baseStation'), radix('ci')),
    caller: cellMark('lacCi', radix('callerLac'), radix('callerCi')),
    callee: cellMark('lacCi', radix('calleeLac'), radix('calleeCi')),
    // An ECI made from the eNodeB and its cell, in decimal.
    made: cellMark('tacEci', radix('lac'), 'decimal'),
    // A base station column holding both parts (基站(LAC-CI) 5749-2310), its header's radix.
    whole: cellMark('whole', radix('baseStation'), radix('baseStation')),
  };
  // A 基站 column beside a TAC and a small 小区 is the eNodeB, the 小区 its local cell.
  const lacIsTac = /tac|跟踪区/i.test(headers[mapping['lac'] ?? -1] ?? '');
  // A gNodeB (5G) and its cell make the NCI: the gNodeB ID of 24 bits the Chinese carriers
  // give it, the cell 12; an eNodeB (4G, at most 20 bits) and its cell (8) the ECI.
  const fiveG = /gnb|gnodeb|\bnr\b|5g/i.test(
    headers[mapping['eNodeB'] ?? (lacIsTac ? (mapping['baseStation'] ?? -1) : -1)] ?? '',
  );
  const cellOfNode = (node: string, cell: string): string | null => {
    if (!/^\d{1,8}$/.test(node) || !/^\d{1,4}$/.test(cell)) return null;
    const [id, local] = [Number(node), Number(cell)];
    if (fiveG || id > 0xfffff) return local < 4096 ? String(id * 4096 + local) : null;
    return local < 256 ? String(id * 256 + local) : null;
  };
  let [lastLac, lastCi, lastPair] = ['', '', ''];
  // What carriers write for a cell they do not know: 0 (0-0), or the reserved 65535 (FFFF).
  const known = (text: string | null) => {
    if (text === null) return null;
    // Nearly every cell: a figure from 1 to 9 that is no 65535, told without the pattern.
    const first = text.charCodeAt(0);
    if (first >= 49 && first <= 57 && !text.startsWith('65535')) return text;
    return /^(?:0+|65535|(?:0x)?ffff)$/i.test(text.trim()) ? null : text;
  };
  // A 基站 column its header names 5G (5G基站, 基站(gNB)): its pairs are gNodeB and cell.
  const stationFiveG = namesFiveG(headers[mapping['baseStation'] ?? -1] ?? '');
  const whole = remembered((text) => {
    // A 5G cell as its notation (gNB:567890 cell:1, NR 567890-1) or the header says: its NCI,
    // not an eNodeB's ECI or a LAC-CI pair.
    const nr = nrCell(text, stationFiveG);
    if (nr !== null) return nr;
    const parts = splitStation(text);
    if (!parts) {
      // One number: an ECI or NCI (over 16 bits) is a cell; a 2G/3G CI, a sector or a CDMA
      // BSID alone (4660) is shared by many sites. A name stays a name.
      const alone = cellAlone(text);
      if (alone === null) return known(text);
      return Number(alone) > 0xffff ? alone : null;
    }
    // Read with the whole file's pairs (settleStations): a hex column whose pair 5749-2310 shows
    // no letter had made it a decimal cell, another tower. A CGI in hex among decimal pairs
    // still says so itself.
    return known(parts[0]) && known(parts[1]) ? writtenCell(parts[0], parts[1], marks.whole) : null;
  });
  const sides = mapping['callerCi'] !== undefined || mapping['calleeCi'] !== undefined;
  const cellKey = (
    cells: Cell[],
    optional: (cells: Cell[], key: string) => string | null,
    /** Which end of the row the target is, where the list gives each end's cell. */
    side?: 'caller' | 'callee' | null,
  ): string | null => {
    if (sides && side) {
      const sideLac = known(optional(cells, `${side}Lac`));
      const sideCi = known(optional(cells, `${side}Ci`));
      if (sideLac && sideCi) return writtenCell(sideLac, sideCi, marks[side]);
    }
    const lac = known(optional(cells, 'lac'));
    const ci = known(optional(cells, 'ci'));
    const station = optional(cells, 'baseStation');
    const eNodeB = optional(cells, 'eNodeB') ?? (lacIsTac ? station : null);
    const made = lac && ci && eNodeB ? cellOfNode(eNodeB, ci) : null;
    if (lac && made) return writtenCell(lac, made, marks.made);
    if (lac && ci) {
      // A target stays on a cell for many rows: the same text for the same pair, not built anew.
      if (lac !== lastLac || ci !== lastCi) {
        [lastLac, lastCi] = [lac, ci];
        lastPair = writtenCell(lac, ci, marks.lacCi);
      }
      return lastPair;
    }
    const tac = known(optional(cells, 'tac'));
    const eci = known(optional(cells, 'eci'));
    if (tac && eci) return writtenCell(tac, eci, marks.tacEci);
    if (station && ci)
      return (
        (stationFiveG ? nrCell(`${station}-${ci}`, true) : null) ??
        writtenCell(station, ci, marks.stationCi)
      );
    if (station) return whole(station);
    // An eNodeB (gNodeB) and its local cell without a TAC: the cell's ECI (NCI) where the cell
    // is one, else the two as written.
    if (eNodeB && ci) return cellOfNode(eNodeB, ci) ?? `${eNodeB}-${ci}`;
    // A 5G row of a list that gives the 4G and the 5G cell apart (ECI, NCI): its NCI, which
    // had been dropped with the empty ECI.
    const nci = known(optional(cells, 'nci'));
    if (nci && !eci && !ci) {
      const area = tac ?? lac;
      return area ? writtenCell(area, nci, marks.nci) : /^\d{7,}$/.test(nci) ? nci : whole(nci);
    }
    // A cell named alone only where its number is one the network over (an ECI or NCI, seven
    // digits or more); a 2G/3G CI or a sector number alone is shared by many sites. A LAC or
    // TAC alone is an area of many cells, no place two phones shared: none, unless the column
    // holds the whole cell (34567-12345).
    const alone = eci ?? ci;
    // An ECGI or a hex ECI under a header read as the CI (小区标识(ECGI): 460-00-123456-12,
    // 460001E240C, 1E240C) is the whole cell, as it is in a 基站 column: it had been dropped.
    if (alone)
      return /^\d{7,}$/.test(alone)
        ? alone
        : /[-_/ ]|^[0-9a-f]*[a-f][0-9a-f]*$/i.test(alone) && alone.length >= 6
          ? whole(alone)
          : null;
    const area = lac ?? tac;
    return area && splitStation(area) ? whole(area) : null;
  };
  if (mapping['sid'] === undefined) return cellKey;
  // A CDMA list: the cell within its system and network (13824-1-6699), its BSID where given,
  // else its 基站号 and 扇区 as written (1A2-B; they are no LAC and CI to read in one radix);
  // two cities' 基站号 1A2 扇区 B had been one tower.
  const asWritten = (key: string | null) =>
    key && key.charCodeAt(0) < 32 ? key.slice(1).replace('\u0000', '-') : key;
  return (
    cells: Cell[],
    optional: (cells: Cell[], key: string) => string | null,
    side?: 'caller' | 'callee' | null,
  ): string | null => {
    const sid = known(optional(cells, 'sid'));
    const key = known(optional(cells, 'bsid')) ?? asWritten(cellKey(cells, optional, side));
    return sid && key ? `${sid}-${known(optional(cells, 'nid')) ?? '0'}-${key}` : null;
  };
}

/**
 * A payment state (or a note beside the amount) of money that went and came back whole (退款成功,
 * 已退还, 退汇), not of a payment that never went through (失败, 关闭, 未支付).
 */
const sentBack = /退款|退还|退回|退票|退汇|已撤回/;

/**
 * Payment states of money that did not move, or moved back whole: closed, failed, reversed,
 * refunded in full (Alipay 退款成功, WeChat 已全额退款, a transfer 已退还 by the friend), not
 * paid or never paid (等待买家付款, 待支付, 未付款, 已取消, 已过期: an order list's), declined (拒绝,
 * 余额不足), a transfer sent back (退款) or not yet taken (等待对方收款, 待接收: the payee may never
 * accept it, and it comes back). A partial refund (已退款(￥5.00)) leaves the payment, as
 * does 等待确认收货.
 */
const notCompleted =
  /关闭|失败|撤销|冲正|冲销|抹账|作废|无效|失效|撤单|退票|退汇|全额退款|退款成功|^已?退款$|已退还|退回|已撤回|被拒|未支付|待(?:买家)?付款|待支付|未付款|取消|过期|^(?:未成功|不成功)$|拒绝|拒付|余额不足|密码错|超时|处理中|待处理|未完成|等待对方收款|待(?:对方)?收款|待接收|未接收|未入账|挂起|trade_closed|wait_buyer_pay|^closed$|^fail|^pending$|^processing$/i;
/**
 * A payment partly refunded, its refund named in its status (WeChat's 已退款(￥10.00), a red
 * packet's unclaimed part) or in a column (Alipay's older 成功退款（元）): what stayed paid is the
 * payment's amount less the refund; the refund's own row (美团-退款, 已退款) is not counted, as
 * neither row of a payment refunded whole is.
 */
const partRefund =
  /^已?(?:部分)?退款\s*(?:[(（]部分[)）])?\s*[(（]?\s*[¥￥]?\s*(\d[\d,]*(?:\.\d+)?)\s*元?\s*[)）]?$/;

function refundedFen(status: string): number | null {
  const figure = partRefund.exec(status.trim())?.[1];
  if (!figure) return null;
  const read = parseSignedAmount(figure);
  return read.ok ? read.value : null;
}

/**
 * 工行's card statement: each row in the currency it was made in (交易金额(收入/支出), 交易币种)
 * and as posted to the account (记账金额(收入/支出), 记账币种). The posted columns, if both are there.
 */
interface PostingColumns {
  debit: number;
  credit: number;
  /** -1 where the statement has no 记账币种 column. */
  currency: number;
}

function postingColumns(headers: string[]): PostingColumns | null {
  const column = (pattern: RegExp) =>
    headers.findIndex((header) => pattern.test(headerKey(header)));
  const debit = column(/^记账金额[(（]?(?:支出|借方)[)）]?$/);
  const credit = column(/^记账金额[(（]?(?:收入|贷方)[)）]?$/);
  const currency = column(/^记账币种$/);
  return debit >= 0 && credit >= 0 ? { debit, credit, currency } : null;
}

/** A row's posted amounts, where they are in yuan (记账币种 人民币, or none said). */
function postedAmounts(
  cells: Cell[],
  posting: PostingColumns,
): { debit: string | null; credit: string | null } | null {
  const text = (at: number) => (at < 0 ? '' : cellText(cells[at] ?? null));
  if (namesForeignCurrency(text(posting.currency).replace(/\s+/g, ''))) return null;
  const [debit, credit] = [text(posting.debit), text(posting.credit)];
  return debit || credit ? { debit: debit || null, credit: credit || null } : null;
}

/** An amount with a note in brackets after it, in words: 128.50(已全额退款), 45.00（部分退款10.00）. */
const notedAmount = /^(.*\d)\s*[(（]([^()（）]*[\u3400-\u9fff][^()（）]*)[)）]$/;

/**
 * A status column of codes (UnionPay's and the acquirers' 应答码/响应码/返回码): 00 is settled, with
 * or without its words (00-交易成功); any other code (51 余额不足, 55 密码错) was declined.
 */
const codeStatusHeader = /应答码|响应码|返回码|代码|code/i;
/** A value that is a code (51, Y1, A0, 00-交易成功), not words (成功, 交易关闭). */
const codeValue = /^[0-9a-z]{1,6}(?![0-9a-z])/i;
/** Codes and words of success: 00 (UnionPay), 10000 (Alipay), SUCCESS (WeChat Pay), S, Y, OK. */
const settledCode = /^(?:0+(?![0-9a-z])|10000(?!\d)|success|s$|y$|t$|ok$|true$)|成功/i;
/**
 * A row of a card's statement that gives money back (a void, a refund, a reversal) goes the
 * other way from the purchases beside it, when that way is only the one the user said; a void
 * of a refund (退货撤销) undoes the undoing.
 */
const refundWords = /退货|退款|退回|冲退/;
/** A platform's own-money row: its balance paid out to, or topped up from, the holder's card. */
const platformOwnMove = /^(?:余额|零钱)?(?:提现|充值)$/;
/**
 * A 冲正标志 that marks the row reversing another (冲正, 是, 1, Y); the row it reversed says
 * 已冲正 or 被冲正, and stays the transfer it was (the pair is found as any reversal's is).
 */
const reversingFlag = /^(?:冲正|冲销|冲[账帐]|抹[账帐]|撤销|反交易|冲正交易|是|y|yes|true|1)$/i;
/** A bill's type of a refund's own row: 退款, 转账-退款, 微信红包-退款, 美团-退款. */
const refundRowType = /^(?:.*[-－—])?退款$/;
const voidWords = /撤销|冲正/;
/**
 * A hold on a card (预授权, 预授权撤销, 预授权追加) moves no money; its completion does (预授权完成,
 * 预授权扣款, 预授权转支付, 预授权结算).
 */
const holdWords = /预授权(?!完成|扣款|转支付|转消费|结算)/;
/**
 * The way a row's type names from the account's side (转入, 收款, 存款; 转出, 取现, 支出). 支付
 * and 付款 are not read: a customer's 支付 is money in on the merchant's own record.
 */
function accountWay(text: string): 'out' | 'in' | undefined {
  const into = /转入|收入|收款|入账|汇入|贷方|存款|存入|现金存|转存|^贷$|^收$|^入$/.test(text);
  const out = /转出|支出|出账|汇出|借方|取现|取款|支取|提现|^借$|^支$|^出$/.test(text);
  return into === out ? undefined : into ? 'in' : 'out';
}
/**
 * The way of a failed row (失败) on a statement whose ways are read from its balances: it moved
 * no balance, so the balance says none. Its sign (-300.00, 300.00DR) and its 摘要 or type
 * (网银转出, 跨行汇入) say it where they agree; undefined where none does, or they differ.
 */
function failedRowWay(amount: Cell, words: (string | null)[]): Way | undefined {
  const sign = writtenAmount(amount).sign;
  const said = [
    sign < 0 ? ('out' as const) : sign > 0 ? ('in' as const) : undefined,
    ...words.map((text) => (text ? accountWay(text) : undefined)),
  ].filter((way) => way !== undefined);
  return said.length && said.every((way) => way === said[0]) ? said[0] : undefined;
}

/**
 * Alipay's refunds (退款成功) matched to the payments they refund: a payment to the same party,
 * made before it and still paid (交易成功) for at least the refund; each payment takes refunds up
 * to its amount. A refund matched is money in from that party; one whose payment is not in the
 * file, or was closed (a refund before delivery closes it: 交易关闭, set aside) moved nothing
 * counted here, and is set aside. Records stay in the file's order.
 */
function refundsOfPayments(
  records: TransferRecord[],
  refunds: TransferRecord[],
  /** References and party|item keys of the payments set aside as closed (交易关闭). */
  closed: Set<string>,
  setAside: (line: number, reason: SetAsideReason) => void,
): void {
  if (!refunds.length) return;
  type Payment = {
    at: number;
    left: number;
    reference: string | null;
    item: string | null;
    /** Its line, for a payment to no one named that its refund undoes whole. */
    line?: number;
  };
  const unpaid = new Set<number>();
  const paid = new Map<string, Payment[]>();
  // WeChat gives a refund the 交易单号 of its payment (a 微信红包 not claimed and its 微信红包-退款,
  // no counterpart on either), or its own 交易单号 and the payment's 大单号 (the 调证's 红包退款):
  // that payment, whoever it went to.
  const byReference = new Map<string, Payment>();
  const byOrderGroup = new Map<string, Payment>();
  const note = (record: TransferRecord, payment: Payment) => {
    if (record.reference) byReference.set(record.reference, payment);
    if (record.orderGroup) byOrderGroup.set(record.orderGroup, payment);
  };
  for (const record of records)
    if (record.direction === 'out' && record.counterpart) {
      const payments = paid.get(record.counterpart) ?? [];
      const payment = {
        at: Date.parse(record.at),
        left: record.amountFen,
        reference: record.reference,
        item: record.summary,
      };
      payments.push(payment);
      paid.set(record.counterpart, payments);
      note(record, payment);
    }
  for (const record of records)
    if (
      record.direction === 'out' &&
      !record.counterpart &&
      (record.reference || record.orderGroup)
    )
      note(record, {
        at: Date.parse(record.at),
        left: record.amountFen,
        reference: record.reference,
        item: record.summary,
        line: record.line,
      });
  for (const refund of [...refunds].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    const at = Date.parse(refund.at);
    const sameOrder =
      (refund.reference ? byReference.get(refund.reference) : undefined) ??
      (refund.orderGroup ? byOrderGroup.get(refund.orderGroup) : undefined);
    if (sameOrder) {
      if (sameOrder.left >= refund.amountFen) {
        sameOrder.left -= refund.amountFen;
        // Refunded whole with no one named: nothing moved, both rows set aside.
        if (!refund.counterpart && sameOrder.line !== undefined && !sameOrder.left) {
          setAside(sameOrder.line, 'refunded');
          setAside(refund.line, 'refunded');
          unpaid.add(sameOrder.line);
        } else records.push({ ...refund, direction: 'in' });
      } else setAside(refund.line, 'refundUnpaired');
      continue;
    }
    const payments = paid.get(refund.counterpart ?? '') ?? [];
    // The payment the refund names: its order number (2026…0022 of 2026…0022_25), or its item
    // (商品A of 退款-商品A); else the first earlier one still paid for the refund.
    const base = refund.reference?.replace(/_[^_]+$/, '');
    const item = refund.summary?.replace(/^退款\s*[-－—:：]\s*/, '');
    const named =
      base && base !== refund.reference
        ? { key: base, of: (payment: Payment) => payment.reference === base }
        : item && item !== refund.summary
          ? {
              key: `${refund.counterpart}|${item}`,
              of: (payment: Payment) => payment.item === item,
            }
          : null;
    const payment =
      named && (closed.has(named.key) || payments.some(named.of))
        ? payments.find((each) => named.of(each) && each.left >= refund.amountFen)
        : payments.find((each) => each.at <= at && each.left >= refund.amountFen);
    if (!payment) {
      setAside(refund.line, 'refundUnpaired');
      continue;
    }
    payment.left -= refund.amountFen;
    records.push({ ...refund, direction: 'in' });
  }
  if (unpaid.size) records.splice(0, records.length, ...records.filter((r) => !unpaid.has(r.line)));
  records.sort((a, b) => a.line - b.line);
}

/** The way a row goes as the side of 付款账号/收款账号 its own account is on, if on one only. */
function sideOf(
  own: string | null | undefined,
  payer: string | null,
  payee: string | null,
): 'out' | 'in' | undefined {
  if (!own) return undefined;
  if (payer === own && payee !== own) return 'out';
  return payee === own && payer !== own ? 'in' : undefined;
}

/**
 * The way a card's row goes as its type says: spending (消费, 缴费) out, the account's words
 * (取现, 存入, 转入), a refund or a void of a purchase (退货, 撤销) back in.
 */
function cardTypeWay(type: string): 'out' | 'in' | undefined {
  const refund = refundWords.test(type);
  const undone = voidWords.test(type);
  if (refund && undone) return undefined;
  const way = /消费|缴费|扣款/.test(type) ? 'out' : accountWay(type);
  // A void undoes the way its type names (存入冲正 out, 取现冲正 back in, 消费撤销 in); a refund
  // goes the way it names (退款转入), else back in (退货).
  if (undone) return way === 'in' ? 'out' : 'in';
  if (refund) return way ?? 'in';
  return way;
}

/**
 * Whether a signed statement's positive rows are spending: of the rows whose type says which
 * way, more positive ones say out than say in, and than negative ones say out (a reversal
 * printed as its original 消费 with a minus sign is one such negative row).
 */
function spendsPositive(rows: [amount: string, type: string][]): boolean {
  let out = 0;
  let into = 0;
  let negativeOut = 0;
  for (const [amount, type] of rows) {
    if (!type || !amount) continue;
    const way = cardTypeWay(type);
    if (writtenAmount(amount).sign < 0) {
      if (way === 'out') negativeOut += 1;
    } else if (way === 'out') out += 1;
    else if (way === 'in') into += 1;
  }
  return out > into && out > negativeOut;
}

/** A no under a yes/no column (交易是否成功 N, 否, 0; 成功标志); elsewhere N may mean 正常. */
const answeredNo = /^(?:n|no|否|f|false|0)$/i;
/** A status of a transfer tried and refused: failed, declined, short of money, a wrong PIN. */
const declinedWords = /失败|被拒|拒绝|拒付|余额不足|密码错|^(?:未成功|不成功)$|^fail/i;

/**
 * A remark (备注, 附言) that says the transfer did not go through: a failure word at its start,
 * after at most the action it names (交易失败, 转账未成功, 失败, 余额不足, 退回：户名不符), or a
 * return of the row itself (已退票, 交易退回), and nothing after but its reason. A remark that
 * tells of a failure around a payment that went through (还款失败后补款, 上次失败重新转账) is just
 * a remark, and so is a return naming its transfer (汇款退回, 原路退回): the row of the money
 * coming back, which moved.
 */
const failureRemark =
  /^(?:(?:交易|转账|汇款|支付|付款|扣款|代付|代扣|划款|划转|提现|充值|还款|入账|汇划)?(?:失败|未成功|不成功|被拒绝?|拒绝|拒付|余额不足|密码错误?)|(?:交易)?(?:已|被)?(?:退回|退票|退汇))(?=$|[:：,，;；。、.\s(（【[\-—_]|原因)/;

/** The headers of a remark column (备注, 附言), as a 摘要 column's header may be one. */
const remarkHeaders = new Set(
  importFields.transactions.find((field) => field.key === 'note')!.aliases.map(headerKey),
);

/** A note that is the other party alone, a name and an account (招商银行's 交易备注: 李四 6228…). */
const partyNote =
  /^(?:[\u3400-\u9fff·（）()]{2,30}\s+\d{10,25}|\d{10,25}\s+[\u3400-\u9fff·（）()]{2,30})$/;

/** A note naming the other party with words around it: 转给王五6217…, 收款人:赵六 账号:6230…. */
const partyLabelled =
  /^(?:转给|转账给|转至|付给|汇给|汇入|收款人|付款人|收款方|付款方|对方户名|对方|户名)\s*[:：]?\s*([\u3400-\u9fff·]{2,30})[\s,，;；]*(?:账号|卡号|账户)?\s*[:：]?\s*(\d{10,25})$/;

/**
 * A row in a currency that is recognisably not renminbi (美元, 缅甸元, 泰国铢, USD, a three-letter
 * code, ISO 840, the PBOC's 14 also written 014 by 中国银行) is set aside, its amount is not in
 * yuan; anything else (人民币, 人民币(RMB), CNY, 156, 01, a code this does not know) is taken as
 * renminbi, the currency of every Chinese statement's own rows.
 */
const foreignCurrency =
  /美元|美金|港币|港幣|港元|欧元|歐元|日元|日圆|日圓|円|英镑|英鎊|澳元|澳大利亚元|加元|加拿大元|泰铢|泰国铢|铢|缅币|缅元|缅甸|越南|老挝|基普|卢比|韩元|韩币|新加坡元|瑞士法郎|瑞郎|台币|新台币|澳门元|澳门币|澳門|卢布|令吉|林吉特|比索|印尼盾|柬埔寨|瑞尔|克朗|新西兰元|纽元|外币|外汇|us\$|hk\$|nt\$|usd|hkd|eur|jpy|gbp|aud|cad|thb|mmk|vnd|lak|inr|krw|sgd|chf|twd|mop|rub|myr|php|idr|khr|nzd|^(?!cny$|rmb$)[a-z]{3}$|^0*(?:840|344|978|392|826|36|124|764|104|704|418|356|410|702|756|901|446|643|458|608|12|13|14|15|18|21|27|28|29|38)$/i;
const renminbiNamed = /人民币|rmb|cny|本币|本外币/i;
/** A figure with a mark before or after it (USD1234.56, HK$100.00, 100美元): the mark. */
const markedFigure = /^([^\d.,\s]+)\s*[\d.,\s]*\d[\d.,\s]*$|^[\d.,\s]*\d[\d.,\s]*?\s*([^\d.,\s]+)$/;
/** Currency signs no currency's name or code spells ($, A$, €). */
const currencySign = /^(?:[acs]?\$|€|£|₩|฿|₫)$/i;

/** An amount written with a foreign currency's sign, name or code before or after the figure. */
function foreignAmountMark(text: string): boolean {
  const found = markedFigure.exec(text);
  const mark = found?.[1] ?? found?.[2];
  return !!mark && (currencySign.test(mark) || namesForeignCurrency(mark));
}

/**
 * A statement's account as its balances are followed: with the currency where a row is in
 * another one (a card's 美元 rows between its 人民币 ones keep their own 余额).
 */
function withCurrency(account: string | null, currency: string | null): string | null {
  const written = currency?.replace(/\s+/g, '') ?? '';
  return written && namesForeignCurrency(written) ? `${account ?? ''}|${written}` : account;
}

/** Whether a currency as written (a column, a header's note, 币种：above it) is not renminbi. */
function namesForeignCurrency(text: string): boolean {
  return foreignCurrency.test(text) && !renminbiNamed.test(text);
}

/** Flags that say the money moved neither in nor out: Alipay's 不计收支, WeChat's "/". */
const neutralFlag = /^(?:不计收支|\/|其他|中性)$/;

/** An amount given in fen, read as yuan by parseSignedAmount: back to whole fen, or refused. */
function fenAmount(parsed: Parsed<number>): Parsed<number> {
  if (!parsed.ok) return parsed;
  return parsed.value % 100 === 0
    ? { ok: true, value: parsed.value / 100 }
    : { ok: false, problem: 'amount' };
}

/**
 * An account number as a key: without spaces, and without the dashes some systems group its
 * digits with (6217-0015-4000-9283-746 is 6217001540009283746).
 */
function accountNumber(text: string | null): string | null {
  if (!text) return null;
  // A number cell a spreadsheet wrote out as a float (6217…2002.0) is the number; full-width
  // digits (６２１７…, typed in a Chinese input method) are the same digits, and so is the
  // number after a NO. some systems print before it.
  const compact = text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^no[.:]?(?=\d{8,}$)/i, '')
    .replace(/^(\d{6,})\.0+$/, '$1');
  return /^\d[\d-]*\d$/.test(compact) ? compact.replace(/-/g, '') : compact;
}

/**
 * A name as Alipay's 买家信息/卖家信息 print it, the login after it (林某(13900001111),
 * 老鬼(gho***@163.com)): the name alone. The login is the account's, no part of a name.
 */
function withoutLogin(name: string | null): string | null {
  if (!name) return name;
  const bare = name.replace(/\s*[(（]\s*(?:[\w.*＊-]+@[\w.*＊-]+|[\d*＊]{5,})\s*[)）]$/, '');
  return bare || name;
}

/** A name, then a card masked in its middle (周某 6222****1111): the name and the card. */
const maskedCardAfterName = /^([^\d*＊]*[^\d\s*＊])\s*(\d{4,6}[*＊]{2,}\d{4})$/;

/**
 * Whether a counterpart key names no one account: a number masked with asterisks (138****5678),
 * a card named by its end alone (储蓄卡(尾号1234)), or the counterpart's name standing in for an
 * account (陈*, 老鬼, 美团), where no digits, e-mail or WeChat ID say whose.
 */
function namesNoAccount(key: string, name: string | null): boolean {
  if (/[*＊]/.test(key) || cardByItsEnd(key)) return true;
  return key === name?.replace(/\s+/g, '') && !/\d{5,}|@|^wxid_/i.test(key);
}

/**
 * A counterpart given in one cell, account and name together (建行's 对方账号与户名
 * 6222…/李四, 招行's 对手信息 李四 6222…): the longest run of 8 or more digits is the account,
 * what is left the name.
 */
function counterpartInfo(text: string | null): { account: string | null; name: string | null } {
  if (!text) return { account: null, name: null };
  // Digits grouped by spaces or dashes (6222 0200 1234 5678 901) are one number.
  const joined = text.replace(/(\d)[ -]+(?=\d)/g, '$1');
  const runs = joined.match(/\d{8,}/g) ?? [];
  const account = runs.reduce<string | null>(
    (longest, run) => (!longest || run.length > longest.length ? run : longest),
    null,
  );
  const rest = (account ? joined.replace(account, ' ') : text)
    // Brackets the account was in (李四（6222…）) are left empty.
    .replace(/[(（[【]\s*[)）\]】]/g, ' ')
    .replace(/[/|,，;；:：、]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // …and brackets round the name alone (6222…(张三)) go.
    .replace(/^[(（[【]\s*([^()（）[\]【】]+?)\s*[)）\]】]$/, '$1');
  return { account, name: rest || null };
}

/**
 * A counterpart name that names no party: cash over the counter or at an ATM, the holder
 * himself (本人), a placeholder. A bank row under such a name is a record on the account alone.
 */
const noPartyName =
  /^(?:现金|现金存入|现金支取|现金存款|现金取款|取现|存现|atm|atm取款|atm存款|自助设备|自助终端|柜台|柜面|本人|个人|无|空|null|none|n\/a|-+|—+|\/|\*+)$/i;

/**
 * A counterpart that stands for none (财付通's 对手方ID 0 on a 提现, a dash): no account, where it
 * had been one account shared by every user's withdrawals.
 */
function placeholderFree(account: string | null): string | null {
  return account && /^(?:0+|-+|—+|无|空|null|none|n\/a)$/i.test(account) ? null : account;
}

/** A compound flag (支出(已付), 转账-收入, 贷方发生) by the one direction its words name. */
function flagByWords(text: string): 'out' | 'in' | undefined {
  const out = /支出|转出|付款|借方|出账|汇出|流出/.test(text);
  const into = /收入|转入|收款|贷方|入账|汇入|流入/.test(text);
  return out === into ? undefined : out ? 'out' : 'in';
}

/** Transactions, persons and seizure-ledger rows, all read: records and problems. */
function planAll(
  template: Exclude<ImportTemplate, 'calls'>,
  dataRows: TableRow[],
  headers: string[],
  mapping: Record<string, number>,
  preamble: Preamble,
  ownAccount: string | null | undefined,
  /** Which way the money went when the file says it nowhere, as the user said. */
  givenDirection: 'out' | 'in' | null,
  problems: RowProblem[],
  clocks: ClockForms,
  dates: DateOrders,
  /** Rows that moved no money (failed, refunded whole, between the holder's own accounts). */
  still: SetAsideRow[],
): ImportRecords {
  const { period } = preamble;
  const { cellOf, textOf, problem, take, optional, timeOf, wholeDigits, dayAloneOf } = rowReader(
    mapping,
    problems,
    headers,
    clocks,
    dates,
    period,
    dataRows,
  );
  let data: ImportRecords;
  if (template === 'transactions') {
    const records: TransferRecord[] = [];
    const byPair =
      mapping['account'] === undefined &&
      mapping['fromAccount'] !== undefined &&
      mapping['toAccount'] !== undefined;
    const fromTo =
      !byPair && (mapping['fromAccount'] !== undefined || mapping['toAccount'] !== undefined);
    // 付款人名称 taken as the holder's, 收款人名称 as the other's: by role, not by side.
    const nameHeader = (field: string) => headers[mapping[field] ?? -1] ?? '';
    // Names by the party's role (付款户名/收款户名, Alipay's 买家信息/卖家信息), not by whose list.
    const namesByRole =
      /付款|转出|汇款|买家|买方/.test(nameHeader('accountName')) &&
      /收款|转入|卖家|卖方/.test(nameHeader('counterpartName'));
    const hasFlag = mapping['debitCredit'] !== undefined;
    const flagWords = aliasMatcher(debitCreditAliases);
    const split = mapping['debitAmount'] !== undefined || mapping['creditAmount'] !== undefined;
    // An amount in fen (财付通's 交易金额(分)) where no amount in yuan is given.
    const inFen = mapping['amount'] === undefined && mapping['amountInFen'] !== undefined;
    const amountKey = inFen ? 'amountInFen' : 'amount';
    // A flag of codes (借贷标志 0/1): their ways as a legend says, else as the balances show.
    const codeWays = new Map([
      ...(preamble.flagCodes ?? []),
      ...flagLegend('', headers[mapping['debitCredit'] ?? -1] ?? ''),
    ]);
    const flagOf = (text: string) =>
      codeWays.get(flagCode(text)) ?? flagWords(text) ?? flagByWords(text);
    const userLogins = alipayLogins();
    // An Alipay 转账明细's full login (lh1983@alipay.com) beside its user ID on some rows and
    // alone on others (the ID column left empty): the ID those rows name, where they name one
    // (the login alone had been a second account of the same user). A masked login
    // (138****5678) is many users' and ties nothing.
    const tiedLogins = alipayLogins();
    if (byPair)
      for (const { cells } of dataRows)
        for (const [loginKey, idKey] of [
          ['fromAccount', 'fromUserId'],
          ['toAccount', 'toUserId'],
        ] as const) {
          const id = alipayUserIdOf(optional(cells, idKey));
          if (id) tiedLogins.note(accountNumber(optional(cells, loginKey)), id, '');
        }
    const idOfLogin = new Map(tiedLogins.logins());
    const idByLogin = (login: string | null) => (login ? (idOfLogin.get(login) ?? null) : null);
    // Amounts, balances and fees in 万元 or 千元 (money-units), row by row.
    const units = moneyUnits(headers, mapping, amountKey, preamble.amountScale ?? 1, (cells) =>
      optional(cells, 'amountUnit'),
    );
    // With no status column a remark (备注, 附言) is the row's status where it says the transfer
    // failed (交易失败): one such row had been counted as money moved, or belied the balances
    // and the statement been refused. The 摘要's own column counts where it is the remark.
    const remarkKey =
      mapping['status'] !== undefined
        ? undefined
        : mapping['note'] !== undefined
          ? 'note'
          : mapping['summary'] !== undefined &&
              remarkHeaders.has(headerKey(headers[mapping['summary']] ?? ''))
            ? 'summary'
            : undefined;
    /** The row's status: its status column's, else its remark where it says the row failed. */
    const statusOf = (cells: Cell[]) => {
      if (remarkKey === undefined) return optional(cells, 'status');
      const remark = (optional(cells, remarkKey) ?? '').replace(/\s+/g, '');
      return failureRemark.test(remark) ? remark : null;
    };
    /** Whether the row's remark, with no status column, says it failed (read as 失败). */
    const remarkFailed = (cells: Cell[]) => {
      const status = remarkKey === undefined ? null : statusOf(cells);
      return !!status && !sentBack.test(status);
    };
    const yesNoStatus =
      mapping['status'] !== undefined &&
      /是否|成功标志|成功与否/.test(headers[mapping['status']] ?? '');
    const codeStatus =
      mapping['status'] !== undefined && codeStatusHeader.test(headers[mapping['status']] ?? '');
    /** Whether the row's status says a transfer tried and refused (失败, N, 应答码 51). */
    const failedStatus = (cells: Cell[]) => {
      const status = statusOf(cells);
      return (
        !!status &&
        (declinedWords.test(status) ||
          remarkFailed(cells) ||
          (yesNoStatus && answeredNo.test(status)) ||
          (codeStatus && codeValue.test(status.trim()) && !settledCode.test(status.trim())))
      );
    };
    /** The rows as the balances are read (flag-codes), each coded by the text under `codeKey`. */
    const balanceRows = (codeKey: string) =>
      dataRows.map(({ cells, otherOwner }) => {
        const fen = (key: string) => {
          const read = parseSignedAmount(cellOf(cells, key), units.of(key)(cells));
          return read.ok ? read.value : null;
        };
        // A failed transfer moved nothing: no move of the balance to weigh, its balance only
        // carried on (one 失败 row had belied the balances and the statement been refused).
        const amount = failedStatus(cells) ? null : fen(amountKey);
        return {
          // A later section's account (账号：… above its rows) is its rows' own: its first row
          // had been compared with the section above's last balance.
          // Rows in another currency (币种 美元) keep a balance of their own: followed apart.
          account: withCurrency(
            optional(cells, 'account') ?? optional(cells, 'accountOther') ?? otherOwner ?? null,
            optional(cells, 'currency'),
          ),
          code: flagCode(textOf(cells, codeKey)),
          amountFen: amount === null ? null : Math.abs(amount),
          balanceFen: fen('balance'),
          feeFen: Math.abs(fen('fee') ?? 0),
        };
      });
    if (hasFlag && mapping['balance'] !== undefined) {
      const rows = balanceRows('debitCredit');
      const known = new Set(rows.map((row) => row.code).filter((code) => flagOf(code)));
      if (rows.some((row) => row.code && !known.has(row.code)))
        for (const [code, way] of flagsFromBalances(rows, known)) codeWays.set(code, way);
    }
    /**
     * Each row's way as the balance moved (flag-codes), null where the moves do not say; worked
     * out once, when first asked (the signs' check and the rows' ways both read it).
     */
    let balanceMoves: ReturnType<typeof waysWithOpenings> | undefined;
    /** Why a row of a gap between balances is left undecided, by the row's index. */
    const gapDoubts = new Map<number, GapDoubt>();
    const waysByBalances = () =>
      (balanceMoves ??=
        mapping['balance'] === undefined
          ? null
          : waysWithOpenings(
              dataRows,
              preamble.openings ?? [],
              balanceRows(amountKey),
              (cells) => {
                const read = parseSignedAmount(
                  cellOf(cells, 'balance'),
                  units.of('balance')(cells),
                );
                return read.ok ? read.value : null;
              },
              // 期初余额：… above the header is in the file's unit (单位：万元) too.
              preamble.openingFen == null ? null : preamble.openingFen * units.of('balance')([]),
              gapDoubts,
            ));
    // Without a debit/credit column, signed amounts say the direction, if the file has any:
    // unless the balances belie them (a 冲正 of -200.00 among unsigned amounts, where the
    // balance falls under rows printed unsigned): the minus was no sign convention, and every
    // unsigned row had become money in.
    const signsBelied = () => {
      const ways = preamble.creditCard ? null : waysByBalances();
      if (!ways) return false;
      let [decided, belied] = [0, 0];
      ways.forEach((way, index) => {
        if (!way) return;
        decided += 1;
        const negative = writtenAmount(cellOf(dataRows[index]!.cells, amountKey)).sign < 0;
        if (negative !== (way === 'out')) belied += 1;
      });
      return belied * 10 > decided;
    };
    const signed =
      !hasFlag &&
      !split &&
      dataRows.some((row) => signedAmount(cellOf(row.cells, amountKey))) &&
      !signsBelied();
    if (!split && mapping[amountKey] === undefined)
      throw new AppError('import.missingColumns', 'No amount column', {
        template,
        fields: ['amount'],
      });
    // Money between an account and its counterpart goes one way or the other: a statement that
    // says it nowhere (no flag, no debit/credit columns, no signs) is not guessed at.
    // A statement of the own account beside 付款账号/收款账号: the side the own account is on says
    // the way (the way typed goes for a row where it is on neither).
    const sidesSay = fromTo && !hasFlag && !split;
    // Nothing said the way so far: no pair of columns, flag, debit/credit columns, signs or sides.
    const noWayYet = !byPair && !hasFlag && !split && !signed && !sidesSay;
    // With signs too, a negative row is a reversal (冲正) back the other way, unless the side
    // prints most of its rows negative (the sign then only repeats the way).
    const sideSigns = { out: [0, 0], in: [0, 0] };
    if (sidesSay && signed)
      for (const { cells } of dataRows) {
        const way = sideOf(
          accountNumber(optional(cells, 'account')) ?? ownAccount,
          accountNumber(optional(cells, 'fromAccount')),
          accountNumber(optional(cells, 'toAccount')),
        );
        if (!way) continue;
        sideSigns[way][0] += 1;
        if (writtenAmount(cellOf(cells, amountKey)).sign < 0) sideSigns[way][1] += 1;
      }
    const sideHabit = (way: 'out' | 'in') => sideSigns[way][1] * 2 > sideSigns[way][0];
    // A card's statement (not a merchant's list of the cards that paid it) whose every row's
    // type says its way (消费, 退货, 取现, 存入), where no way was typed.
    const cardStatement =
      /卡号/.test(headers[mapping['account'] ?? -1] ?? '') &&
      !headers.some((header) => /^商户(?:账号|帐号|结算账号)$/.test(headerKey(header))) &&
      // 卡号 alone beside the merchant's 商户号 is the paying cards' column.
      !(
        headerKey(headers[mapping['account'] ?? -1] ?? '') === '卡号' &&
        headers.some((header) => /^商户(?:号|编号)$/.test(headerKey(header)))
      );
    const typesSay =
      noWayYet &&
      cardStatement &&
      !givenDirection &&
      mapping['channel'] !== undefined &&
      dataRows.length > 0 &&
      dataRows.every(({ cells }) => cardTypeWay(textOf(cells, 'channel')) !== undefined);
    // A statement that says the way only in its 摘要 or 交易类型 (转账转入, 转账转出) beside a balance:
    // each such word's way as the balances bear it out (flag-codes), never a word's alone.
    const wordKey = mapping['summary'] !== undefined ? 'summary' : 'channel';
    const wordWays =
      noWayYet && !typesSay && mapping['balance'] !== undefined && mapping[wordKey] !== undefined
        ? flagsFromBalances(balanceRows(wordKey), new Set(), 1)
        : new Map<string, Way>();
    const wordsSay = wordWays.size > 0;
    // Amounts unsigned beside a balance, the way said nowhere else: each row's way is the move
    // of the balance it made (flag-codes), where nine in ten rows bear it out.
    const balanceWays =
      noWayYet && !typesSay && !wordsSay && !givenDirection ? waysByBalances() : null;
    // Each row's balance move by line: the rows' ways above, or under words the balances
    // taught, the way of a row whose word says none (转账 both ways).
    const wayOfLine = new Map(
      (balanceWays ?? (wordsSay ? waysByBalances() : null))?.map(
        (way, index) => [dataRows[index]!.line, way] as const,
      ) ?? [],
    );
    /** The problem of a row the balances leave undecided: why, where a gap says. */
    const doubtOfLine = new Map(
      [...gapDoubts].map(([index, doubt]) => [dataRows[index]!.line, gapProblems[doubt]] as const),
    );
    // A flag (借贷标志, or the 借方/贷方 column an amount is in) beside a balance: each row's
    // balance move, which the flag's way must bear out. A sign is then no reversal where the
    // balance moved the flag's way (10.00DR or -300.00 under 借 with the balance down by it),
    // and a row the balance moved against its flag is a reversal only where its sign or its
    // words say so; else the two disagree and the row is the user's to check.
    const flagMoves = new Map<number, Way>();
    if ((hasFlag || split) && mapping['balance'] !== undefined) {
      const rows = balanceRows(amountKey);
      if (split)
        dataRows.forEach(({ cells }, index) => {
          const debit = parseSignedAmount(
            cellOf(cells, 'debitAmount'),
            units.of('debitAmount')(cells),
          );
          const credit = parseSignedAmount(
            cellOf(cells, 'creditAmount'),
            units.of('creditAmount')(cells),
          );
          const fen = (debit.ok && debit.value) || (credit.ok && credit.value) || null;
          rows[index] = { ...rows[index]!, amountFen: fen === null ? null : Math.abs(fen) };
        });
      const moves = waysWithOpenings(
        dataRows,
        preamble.openings ?? [],
        rows,
        (cells) => {
          const read = parseSignedAmount(cellOf(cells, 'balance'), units.of('balance')(cells));
          return read.ok ? read.value : null;
        },
        preamble.openingFen == null ? null : preamble.openingFen * units.of('balance')([]),
      );
      moves?.forEach((way, index) => {
        if (way) flagMoves.set(dataRows[index]!.line, way);
      });
    }
    /**
     * The way of a row under a flag, and whether it is a reversal: the flag's, unless the balance
     * moved the other way and the sign (`signSays`) or the row's words call it a reversal; a
     * balance against the flag with nothing to say why is a problem (undefined).
     */
    const flagWay = (
      line: number,
      cells: Cell[],
      flag: Way,
      signSays: boolean,
    ): { direction: Way; reversed: boolean } | undefined => {
      const moved = flagMoves.get(line);
      const back: Way = flag === 'out' ? 'in' : 'out';
      if (!moved) return { direction: signSays ? back : flag, reversed: signSays };
      if (moved === flag) return { direction: flag, reversed: false };
      const named =
        namesReversal(
          optional(cells, 'channel'),
          optional(cells, 'summary'),
          optional(cells, 'transactionName'),
        ) || reversingFlag.test(optional(cells, 'reversalFlag') ?? '');
      return signSays || named ? { direction: back, reversed: true } : undefined;
    };
    const undirected = noWayYet && !typesSay && !wordsSay && !balanceWays;
    const typedDirection = undirected || sidesSay ? givenDirection : null;
    // Alipay's refund of a payment (退款成功, 不计收支 or no way): money back from the payee, when
    // the payment it refunds is in the file and stayed paid (refundsOfPayments).
    const refunds: TransferRecord[] = [];
    // Failed and declined transfers, kept apart until the refunds are paired (none pays for one).
    const attempts: TransferRecord[] = [];
    const closedPayments = new Set<string>();
    // So is a refund's own row of any bill, money in under a type that names it (云闪付's 退款
    // 退款成功, WeChat's 转账-退款 or 微信红包-退款 已存入零钱): counted alone, it was money from the
    // payee that never paid anything. One whose own status says it did not complete, or that
    // repeats its payment's 已全额退款, is set aside with that payment.
    // (A file that gives refunds in a column, 成功退款（元）, has them taken off its payments.)
    const refundOfPayment = (cells: Cell[]) => {
      if (!hasFlag || mapping['refunded'] !== undefined) return false;
      const status = (optional(cells, 'status') ?? '').trim();
      const flag = flagOf(textOf(cells, 'debitCredit'));
      if (preamble.platform === 'alipay' && status === '退款成功' && !flag) return true;
      return (
        flag === 'in' &&
        refundRowType.test((optional(cells, 'channel') ?? '').trim()) &&
        (status === '退款成功' || !notCompleted.test(status))
      );
    };
    // Signed amounts with the way typed: a positive amount goes the way typed, a negative one back.
    const typedSign = signed ? givenDirection : null;
    // A card's statement (交易卡号) whose positive rows are spending (消费, 取现) and negative ones
    // refunds or voids (退货, 撤销): its sign is a card's, as a credit card's is.
    // So is a card's statement that no 卡号 column or 信用卡 heading names (a 调证 export of a
    // credit card's rows: 交易日, 记账日, 交易摘要 消费/还款), by its rows alone; a merchant's list
    // of the cards that paid it (商户号) is the other way round, and is not read so.
    const merchantList = headers.some((header) =>
      /^商户(?:号|编号|账号|帐号|结算账号)$/.test(headerKey(header)),
    );
    const spendingPositive =
      signed && !preamble.creditCard && (cardStatement || !merchantList)
        ? spendsPositive(
            dataRows.map(({ cells }) => [
              textOf(cells, amountKey),
              textOf(cells, 'channel') || textOf(cells, 'summary'),
            ]),
          )
        : false;
    if (undirected && !typedDirection && dataRows.length)
      throw new AppError('import.missingColumns', 'Nothing says which way the money went', {
        template,
        fields: ['debitCredit'],
      });
    // A minus sign under a flag or in a debit/credit column: a statement that prints most of
    // those rows negative only repeats the direction (the sign is its habit); where few are, a
    // negative row goes back the other way (a reversal, 冲正).
    const negativeHabit = (rowsOf: (cells: Cell[]) => string | null) => {
      let rows = 0;
      let negative = 0;
      for (const { cells } of dataRows) {
        const text = rowsOf(cells);
        if (text === null) continue;
        rows += 1;
        if (writtenAmount(text).sign < 0) negative += 1;
      }
      return negative * 2 > rows;
    };
    const flagged = (way: 'out' | 'in') => (cells: Cell[]) => {
      const text = textOf(cells, 'debitCredit');
      return flagOf(text) === way ? textOf(cells, amountKey) : null;
    };
    const filled = (key: string) => (cells: Cell[]) => {
      const text = optional(cells, key);
      return text && !/^[0.,\s]*$/.test(text) ? text : null;
    };
    const signedAs = {
      out: hasFlag ? negativeHabit(flagged('out')) : false,
      in: hasFlag ? negativeHabit(flagged('in')) : false,
      debit: split ? negativeHabit(filled('debitAmount')) : false,
      credit: split ? negativeHabit(filled('creditAmount')) : false,
    };
    const amountScale = units.amount;
    const headerNote = headerNoteOf(
      headers[mapping[amountKey] ?? mapping['debitAmount'] ?? -1] ?? '',
    );
    // Amounts in fen: said by the header (交易金额(分)), a line above it (金额单位：分) or a 金额单位
    // column; a figure of 150000 there is 1,500.00 yuan, not 150,000.00.
    const fenRow = (cells: Cell[]) => {
      if (inFen) return true;
      const unit = optional(cells, 'amountUnit');
      return unit ? /^(?:人民币)?分$/.test(unit.trim()) : !!preamble.amountsInFen;
    };
    const amountOf = (text: Cell, cells: Cell[]): Parsed<number> => {
      const read = fenRow(cells)
        ? fenAmount(parseSignedAmount(text))
        : parseSignedAmount(text, amountScale(cells));
      // A figure marked in another currency (USD1,234.56, HK$100.00, 100美元) is not in yuan: said
      // as such, so no one "corrects" the figure into yuan.
      return !read.ok && typeof text === 'string' && foreignAmountMark(text.trim())
        ? { ok: false, problem: 'currency' }
        : read;
    };
    // A header naming a foreign currency (交易金额(美元)): no row of it is in yuan.
    const foreignHeader = namesForeignCurrency(headerNote);
    const accountKeys = [
      'account',
      'accountOther',
      'counterpartAccount',
      'fromAccount',
      'toAccount',
      'toCard',
      'ownCard',
    ];
    // Account columns an Excel "Save as CSV" cut to 15 digits and zeros (excel-cut-numbers).
    const cutColumns = excelCutColumns(dataRows, accountKeys, ({ cells }, key) =>
      textOf(cells, key),
    );
    // Each account's holder as first named: another person's name on it is refused.
    const holderNames = accountNamesSeen();
    /**
     * A holder's document when it checks; a number Excel cut or that fails its check is left
     * out (the transfer is still good, and a wrong number would tie the account to a stranger).
     */
    const holderNumber = (cells: Cell[], key: string) => {
      const text = optional(cells, key);
      if (!text || idNumberCut(cellOf(cells, key))) return null;
      return holderDocumentOf(text)?.number ?? null;
    };
    const posting = split ? postingColumns(headers) : null;
    // A platform's bill without a title naming it (京东, 美团 and the like): a 收/支 column and no
    // counterpart account; its counterparts are named (商户名称, 交易对方), as on Alipay's.
    const billColumns =
      mapping['counterpartAccount'] === undefined &&
      // A bank's statement (an account column, a balance) names no counterpart by name alone.
      mapping['account'] === undefined &&
      mapping['accountOther'] === undefined &&
      mapping['balance'] === undefined &&
      headers.some((header) => /^收\/?[支付]$/.test(header.replace(/\s+/g, '')));
    // A statement naming its other party in no column of its own may name it in the note.
    const noPartyColumn = [
      'counterpartAccount',
      'counterpartInfo',
      'counterpartName',
      'fromAccount',
      'toAccount',
    ].every((key) => mapping[key] === undefined);
    // A party known by a name alone is this statement's: 陈* of 6222…'s (6222…对方), or, on a
    // bill whose owner is known by a nickname alone, of that nickname in this file.
    const partyOf = (name: string, account: string) =>
      preamble.nameOnly && account === preamble.owner
        ? nameOnlyParty(name, preamble.nameOnly)
        : `${name}（${account}对方）`;
    const partyInNote = (cells: Cell[]) => {
      const note = noPartyColumn ? optional(cells, 'summary')?.trim() : null;
      if (!note) return null;
      if (partyNote.test(note)) return note;
      // The party with the words around it (转给王五6217…, 收款人:赵六 账号:6230…): the two alone.
      const labelled = partyLabelled.exec(note);
      return labelled ? `${labelled[1]} ${labelled[2]}` : null;
    };
    for (const { line, cells, otherOwner, otherHolder, extraCells, foreignSection } of dataRows) {
      if (extraCells) {
        problems.push({ line, field: 'row', problem: 'extraCells', value: extraCells });
        continue;
      }
      // A stray quote took the rows below into one cell: refused, naming the lines it took.
      const swallowed = swallowedRows(cells);
      if (swallowed) {
        const field =
          Object.keys(mapping).find((key) => mapping[key] === swallowed.column) ?? 'row';
        const value = `${line + 1}–${line + swallowed.lines}`;
        problems.push({ line, field, problem: 'swallowedRows', value });
        continue;
      }
      // Rows under a later account's title in the same file (查控 feedback of several accounts,
      // 账号：… above each) are that account's.
      const sectionAccount = otherOwner ?? null;
      const refund = refundOfPayment(cells);
      const before = problems.length;
      // Why the row moved no money, once something says it did not.
      let movedNothing: SetAsideReason | null = null;
      // A failed row whose way nothing says (its balance did not move): not kept as an attempt.
      let wayUnknown = false;
      wholeDigits(line, cells, accountKeys);
      for (const key of cutColumns)
        if (
          typeof cellOf(cells, key) === 'string' &&
          cutLikeExcel(compactNumber(textOf(cells, key)))
        )
          problem(line, cells, key, 'truncated');
      const compact = (key: string) => accountNumber(optional(cells, key));
      // An Alipay 转账明细 names each party by its login and its user ID (2088…): the ID is the
      // account, whichever side the user is on (as payer by 138****5678, as payee by
      // 张某（138****5678）, one user had been two accounts); a login naming one user is kept as
      // the account's other number.
      const payerId = byPair
        ? (alipayUserIdOf(optional(cells, 'fromUserId')) ?? idByLogin(compact('fromAccount')))
        : null;
      const payeeId = byPair
        ? (alipayUserIdOf(optional(cells, 'toUserId')) ?? idByLogin(compact('toAccount')))
        : null;
      // A card's statement names the account behind it too (交易卡号, 交易账号): a row without
      // the card (a company account's) goes by the account.
      const otherNumber = byPair ? null : compact('accountOther');
      // A card under a heading naming the account it is drawn on: that account's.
      const underHeading =
        byPair || otherNumber || sectionAccount
          ? null
          : cardUnderHeading(
              compact('account'),
              { account: preamble.headingOwner, holder: preamble.holder },
              optional(cells, 'accountName'),
            );
      const account = byPair
        ? (payerId ?? compact('fromAccount'))
        : (underHeading?.account ??
          compact('account') ??
          compact('accountOther') ??
          sectionAccount ??
          ownAccount);
      if (!account) problem(line, cells, byPair ? 'fromAccount' : 'account', 'required');
      const accountAlias =
        underHeading?.alias ??
        (otherNumber && otherNumber !== account && compact('account') ? otherNumber : null);
      // An account and a name in one 对方账号 cell (6222…张三, 6222…/张三, 张三(6222…)) are both.
      const accountText = optional(cells, 'counterpartAccount');
      // So in a bank's 对方户名 or 交易对方 with no account beside it (6217…/韩某, 韩某(6217…)):
      // the number had been lost, or the whole cell taken for a name. A mobile number there is a
      // platform's login, not an account.
      const nameText = optional(cells, 'counterpartName');
      const inName =
        nameText &&
        !accountText &&
        !byPair &&
        !fromTo &&
        !preamble.platform &&
        !preamble.paymentBill &&
        !billColumns
          ? accountWithName(nameText)
          : null;
      const nameWithAccount = inName && !/^1[3-9]\d{9}$/.test(inName.account) ? nameText : null;
      const info = counterpartInfo(
        optional(cells, 'counterpartInfo') ??
          (accountText && accountWithName(accountText) ? accountText : null) ??
          nameWithAccount ??
          partyInNote(cells),
      );
      // A statement of the own account beside 付款账号/收款账号 columns: the other of the two is
      // the counterpart, and where the own account is the payee the names are the other way.
      const payer = fromTo ? compact('fromAccount') : null;
      const payee = fromTo ? compact('toAccount') : null;
      const ownIsPayee = !!account && payee === account && payer !== account;
      let accountName =
        optional(cells, 'accountName') ??
        (account === ownAccount && !sectionAccount
          ? (preamble.holder ?? null)
          : account === sectionAccount
            ? (otherHolder ?? null)
            : null);
      let counterpartName =
        (nameWithAccount ? info.name : nameText) ?? info.name ?? optional(cells, 'thirdPartyName');
      if (ownIsPayee && namesByRole)
        [accountName, counterpartName] = [counterpartName, accountName];
      accountName = withoutLogin(accountName);
      counterpartName = withoutLogin(counterpartName);
      // 云闪付's 收款方 names the payee with its card masked after the name (周某 6222****1111):
      // the name, and the masked card, told apart by that name as a masked account column's.
      const cardAfterName = maskedCardAfterName.exec(counterpartName?.trim() ?? '');
      if (cardAfterName) counterpartName = cardAfterName[1]!;
      // 财付通's 提现 and 充值 name no counterpart (对手方ID 0): the money goes to or comes from
      // the user's own bank card (用户银行卡号), where it can be followed on. On other rows the
      // card is what paid (a 消费 by card), not where money went; a 提现退票 moved nothing.
      let counterpartColumn = placeholderFree(compact('counterpartAccount'));
      const walletMove = /提现|充值/.test(optional(cells, 'channel') ?? '');
      const ownCard =
        counterpartColumn || !walletMove || /退|失败/.test(optional(cells, 'channel') ?? '')
          ? null
          : compact('ownCard');
      if (ownCard && ownCard !== account) {
        counterpartColumn = ownCard;
        counterpartName ??= accountName;
      }
      // A bank's 对方户名 with no 对方账号 (工行's 明细 of 对方户名 alone): the party is named, and
      // kept as this statement's counterpart of that name (below), as a bill's is. A name taken
      // from a cell of account and name (财付通-微信转账 in 对手信息) or from a note is not.
      const namedColumn = nameText ? (counterpartName?.replace(/\s+/g, '') ?? null) : null;
      // Digits or an @ in it would make it an account of its own, shared with other statements.
      const nameAlone =
        namedColumn &&
        !noPartyName.test(namedColumn) &&
        namesNoAccount(namedColumn, counterpartName)
          ? namedColumn
          : null;
      // Alipay's 转账到银行卡: no payee account, the payee's bank card beside it.
      const named = byPair
        ? (payeeId ?? compact('toAccount') ?? compact('toCard'))
        : ((info.account && accountText ? info.account : counterpartColumn) ??
          info.account ??
          cardAfterName?.[2] ??
          // A bank's counterpart is its account; a name alone (张三) is many people's, so it is
          // this statement's 张三 only (below).
          (fromTo ? (ownIsPayee ? payer : payee !== account ? payee : payer) : null) ??
          (preamble.platform || preamble.paymentBill || billColumns
            ? (counterpartName?.replace(/\s+/g, '') ?? null)
            : nameAlone));
      // A bank card among a platform's counterparts (a 转账到银行卡's 收款银行卡号, a bill's
      // 储蓄卡(尾号1234)) is a bank account, not one of the platform's.
      const counterpartCard =
        namesBankCard(named) ||
        (byPair && !payeeId && !compact('toAccount') && !!compact('toCard'));
      // A masked account (Alipay's 139******21, a card's 储蓄卡(尾号1234)) is many people's: told
      // apart by their names.
      let counterpart =
        named &&
        (/[*＊]/.test(named) || cardByItsEnd(named)) &&
        counterpartName &&
        counterpartName !== named
          ? `${counterpartName.replace(/\s+/g, '')}（${named}）`
          : named;
      // A name alone (a bill's 交易对方 陈*, a nickname 老鬼) or a masked number without a name
      // names no one account: kept as this statement's counterpart, never another's (two bills
      // paying 陈* had made one 陈* between their holders, a money path between strangers).
      if (counterpart && account && counterpart === named && namesNoAccount(named, counterpartName))
        counterpart = partyOf(named, account);
      if (byPair && !counterpart) problem(line, cells, 'toAccount', 'required');
      const at = timeOf(line, cells, 'at');
      let direction: 'out' | 'in' = typedDirection ?? 'out';
      // The row undoes another, as its sign against the file's habit says (or its words, below).
      let reversed = false;
      let amountNote: string | null = null;
      let amountFen: number | undefined;
      // A row abroad in its own currency, posted in yuan beside it (记账金额, 记账币种): the yuan.
      const postedYuan =
        posting && namesForeignCurrency(textOf(cells, 'currency').replace(/\s+/g, ''))
          ? postedAmounts(cells, posting)
          : null;
      if (split) {
        const debit = postedYuan ? postedYuan.debit : optional(cells, 'debitAmount');
        const credit = postedYuan ? postedYuan.credit : optional(cells, 'creditAmount');
        const zero = (text: string | null) => !text || /^[0.,\s]*$/.test(text);
        // A negative figure in the debit column is money back in (a reversal, 冲正), and in the
        // credit column money going out; in a column printed negative throughout, the sign is
        // only the column's.
        // Both sides filled (月末,1000.00,8000.00): a totals line or a row the printing merged,
        // no transfer either way (the debit had been taken, the credit dropped).
        if (!zero(debit) && !zero(credit)) problem(line, cells, 'creditAmount', 'twoSides');
        else if (!zero(debit) || !zero(credit)) {
          const flag: Way = !zero(debit) ? 'out' : 'in';
          const key = flag === 'out' ? 'debitAmount' : 'creditAmount';
          // A number cell is read as the one amount column reads it, float noise aside
          // (0.30000000000000004 is 0.30), not as the text it prints.
          const cell = cellOf(cells, key);
          const figure =
            postedYuan || typeof cell !== 'number' ? (flag === 'out' ? debit : credit) : cell;
          amountFen = take(line, cells, key, amountOf(figure, cells));
          if (amountFen !== undefined) {
            const way = flagWay(
              line,
              cells,
              flag,
              amountFen < 0 !== signedAs[flag === 'out' ? 'debit' : 'credit'],
            );
            if (way) ({ direction, reversed } = way);
            else problem(line, cells, 'balance', 'flagBelied');
          }
        } else {
          // Named by a money column the file has (one side alone mapped by hand is the other).
          const field = mapping['debitAmount'] !== undefined ? 'debitAmount' : 'creditAmount';
          problem(line, cells, field, debit || credit ? 'noMoney' : 'amount');
        }
      } else {
        // A note after the figure (京东's 128.50(已全额退款)) says what became of the payment.
        const cell = cellOf(cells, amountKey);
        const noted = typeof cell === 'string' ? notedAmount.exec(cell.trim()) : null;
        if (noted) amountNote = noted[2]!.trim();
        const parsed = take(line, cells, amountKey, amountOf(noted ? noted[1]! : cell, cells));
        if (parsed !== undefined) {
          amountFen = Math.abs(parsed);
          if (hasFlag) {
            const text = textOf(cells, 'debitCredit');
            const flag = flagOf(text);
            // A negative amount under a flag undoes the flag's way (a reversal, 冲正), unless
            // the file signs every such row.
            // A positive one in a file that prints the flag's rows negative is one too.
            if (flag) {
              const way = flagWay(
                line,
                cells,
                flag,
                (parsed < 0 && !signedAs[flag]) || (parsed > 0 && signedAs[flag]),
              );
              if (way) ({ direction, reversed } = way);
              else problem(line, cells, 'balance', 'flagBelied');
            } else if (refund) direction = 'in';
            // Money between the holder's own accounts (不计收支, WeChat's "/": 零钱提现 to the
            // holder's card, 充值, 余额宝; Alipay's older export leaves 收/支 empty on them):
            // no one else's money, set aside as moving none, with nothing to fix.
            else if (neutralFlag.test(text) || (!text && preamble.platform === 'alipay'))
              movedNothing = 'ownAccounts';
            else problem(line, cells, 'debitCredit', 'debitCredit');
          } else if (signed && typedSign)
            direction = parsed > 0 ? typedSign : typedSign === 'out' ? 'in' : 'out';
          else if (signed)
            // A card's statement prints spending positive and repayments, refunds negative; CR
            // and DR say the way outright, on a card's statement too.
            direction =
              parsed > 0 ===
              (!(preamble.creditCard || spendingPositive) ||
                !!writtenAmount(cellOf(cells, amountKey)).stated)
                ? 'in'
                : 'out';
          // A minus where the balance says the row's way (消费冲正 -200.00, the balance up by
          // 200.00) only marks the reversal; on a failed row, which moved no balance, its way.
          else if (
            !signed &&
            parsed < 0 &&
            !wayOfLine.get(line) &&
            !((balanceWays || wordsSay) && failedStatus(cells))
          )
            problem(line, cells, amountKey, 'amount');
        }
      }
      if (amountFen !== undefined) amountFen = Math.abs(amountFen);
      const sideWay = sidesSay ? sideOf(account, payer, payee) : undefined;
      if (sideWay) {
        reversed =
          signed && writtenAmount(cellOf(cells, amountKey)).sign < 0 && !sideHabit(sideWay);
        direction = !reversed ? sideWay : sideWay === 'out' ? 'in' : 'out';
      }
      // On neither side (its card printed there, its account here): the sign says, where given.
      else if (sidesSay && !signed && !typedDirection)
        problem(line, cells, 'fromAccount', 'debitCredit');
      if (typesSay) direction = cardTypeWay(textOf(cells, 'channel'))!;
      // A failed row moved no balance: its way as the row itself says (set aside either way).
      const failedWay = () => {
        const way = failedRowWay(cellOf(cells, amountKey), [
          optional(cells, 'summary'),
          optional(cells, 'channel'),
        ]);
        wayUnknown = !way;
        return way;
      };
      if (balanceWays) {
        const way = wayOfLine.get(line) ?? (failedStatus(cells) ? failedWay() : undefined);
        if (way) direction = way;
        else if (!wayUnknown)
          problem(line, cells, 'balance', doubtOfLine.get(line) ?? 'debitCredit');
      }
      if (wordsSay) {
        // A word the balances did not reach (the first row's) is read where it names a way.
        const text = textOf(cells, wordKey);
        // The type beside a summary where it names a way (交易类型 转出 beside 摘要 转账: the
        // file's word, where a summary's word is learned from a few moves), else the word,
        // else the row's balance.
        const way =
          (wordKey === 'summary' ? flagOf(textOf(cells, 'channel')) : undefined) ??
          wordWays.get(flagCode(text)) ??
          flagOf(text) ??
          wayOfLine.get(line);
        if (way) direction = way;
        else if (givenDirection) direction = givenDirection;
        else {
          const said = failedStatus(cells) ? failedWay() : undefined;
          if (said) direction = said;
          else if (!wayUnknown) problem(line, cells, wordKey, 'debitCredit');
        }
      }
      if (typedDirection && !sideWay) {
        // Only the row's type (交易类型) is read, never a note or a summary a person wrote.
        const kind = optional(cells, 'channel') ?? '';
        // A hold moved no money: set aside, nothing to fix (it had failed the whole file).
        if (holdWords.test(kind)) movedNothing = 'preAuthorisation';
        // The way the type names (转入, 存款, 取现) is the file's word, over the one typed; a
        // void or a refund (not both: 退货撤销) goes back the other way.
        const said = kind ? accountWay(kind) : undefined;
        direction = said ?? typedDirection;
        // A void undoes that way (存款冲正 out, 取款冲正 back in); a refund naming no way goes
        // back the other way from the one typed.
        const undone = voidWords.test(kind);
        const refundKind = refundWords.test(kind);
        if (undone !== refundKind && (undone || !said))
          direction = direction === 'out' ? 'in' : 'out';
      }
      const status = statusOf(cells);
      // A note after the amount says it too (京东's 已全额退款 beside a 交易状态 of 交易成功).
      const noteUndone = amountNote !== null && notCompleted.test(amountNote);
      // Tried and refused (失败, N, a response code other than success): an attempt to keep. A
      // bill's closed or unpaid order (交易关闭, 待付款) was never sent: set aside only.
      const failed = failedStatus(cells);
      if (!refund && (noteUndone || (!!status && (notCompleted.test(status) || failed)))) {
        const reference = optional(cells, 'reference');
        const item = optional(cells, 'summary');
        if (reference) closedPayments.add(reference);
        if (item) closedPayments.add(`${counterpart}|${item}`);
        movedNothing ??= sentBack.test(`${noteUndone ? amountNote : ''}${status ?? ''}`)
          ? 'refunded'
          : 'notCompleted';
      }
      // Refunded as the status says, or as a column does (Alipay's older 成功退款（元）).
      const refundColumn = optional(cells, 'refunded');
      const refundRead = refundColumn ? amountOf(refundColumn, cells) : null;
      const refundNamed =
        (amountNote ? refundedFen(amountNote) : null) ?? (status ? refundedFen(status) : null);
      const refunded =
        refundNamed ?? (refundRead?.ok && refundRead.value > 0 ? refundRead.value : null);
      // A part refunded as a column says (Alipay's 交易明细: 交易金额 800, 退款金额 200) is the
      // payment whole and a refund of it, as the 账务明细 prints them (its +800 and its 200 back
      // under the same 交易号): netted to 600, the payment was no row of the other file's.
      let refundOfRow = 0;
      if (refunded !== null && amountFen !== undefined) {
        if (refunded >= amountFen) movedNothing ??= 'refunded';
        else if (refundNamed === null && !refund) refundOfRow = refunded;
        else amountFen -= refunded;
      }
      // A platform's 提现 (its balance paid out: Alipay and WeChat pay only to the holder's own
      // cards) or 充值 (topped up from one), the card named by its end alone (招商银行(1234)):
      // the holder's money between his own accounts, as WeChat's 零钱提现 is; a 提现 to a
      // card given in full stays a transfer to that card, for 资金穿透 to follow.
      if (
        !movedNothing &&
        preamble.platform &&
        platformOwnMove.test(textOf(cells, 'summary').replace(/\s+/g, '')) &&
        (!named || cardByItsEnd(named) || /[*＊]/.test(named))
      )
        movedNothing = 'ownAccounts';
      // A payment that failed, was closed or refunded whole moved no money (a failed 50,000
      // had been a row to fix, and a plain import of the bill refused): set aside, whatever
      // else its cells say. One that failed or was declined is kept as well, as an attempt,
      // where it reads whole (account, time, amount, way: never guessed): who tried to pay whom
      // is evidence (a 失败 row had left no trace of its payee).
      let attempt = false;
      // A failed row not set aside (a refund's own row) is a row to fix where no way is said.
      if (wayUnknown && !movedNothing) problem(line, cells, 'balance', 'debitCredit');
      if (movedNothing) {
        const whole =
          movedNothing === 'notCompleted' &&
          failed &&
          !wayUnknown &&
          problems.length === before &&
          !!account &&
          !!at &&
          amountFen !== undefined;
        problems.length = before;
        still.push({
          line,
          reason: wayUnknown && movedNothing === 'notCompleted' ? 'failedWayUnknown' : movedNothing,
        });
        if (!whole) continue;
        attempt = true;
      }
      const currency = postedYuan ? null : optional(cells, 'currency')?.replace(/\s+/g, '');
      if (currency && namesForeignCurrency(currency)) problem(line, cells, 'currency', 'currency');
      else if (foreignHeader || foreignSection || (!currency && preamble.foreignCurrency))
        problem(line, cells, amountKey, 'currency');
      // The own account printed otherwise in 付款/收款账号 than in 本方账号 (its card beside, its
      // account number in them): neither is it, and the row's way says which is the other party.
      if (
        fromTo &&
        account &&
        (payer || payee) &&
        payer !== account &&
        payee !== account &&
        !info.account &&
        !counterpartColumn
      ) {
        counterpart = (direction === 'in' ? payer : payee) ?? null;
        if (namesByRole && direction === 'in')
          [accountName, counterpartName] = [counterpartName, accountName];
      }
      // The holder's own card on both ends (定活互转, 本人账户互转 inside one card): no one
      // else's money, set aside as moving none (it had been a row to fix, failing the file).
      // A 定期 or 理财 sub-account, or a bank product bought or redeemed (own-account-moves).
      if (
        account &&
        ((counterpart && account === counterpart) ||
          (!preamble.platform &&
            !preamble.paymentBill &&
            !billColumns &&
            movesBetweenOwnAccounts({
              account,
              accountName,
              counterpart,
              counterpartName,
              words: `${optional(cells, 'summary') ?? ''} ${optional(cells, 'channel') ?? ''}`,
            })))
      ) {
        problems.length = before;
        if (!attempt) still.push({ line, reason: 'ownAccounts' });
        continue;
      }
      // Interest and fees: the bank's own account, no party to a transfer (bank-own-accounts).
      if (!byPair && counterpart && isBankOwnAccount(counterpartName)) counterpart = null;
      if (problems.length > before || !account || !at || amountFen === undefined) {
        // An attempt is only set aside, never a row to fix.
        if (attempt) problems.length = before;
        continue;
      }
      // Paid with a 亲属卡(老周) (WeChat) or 亲情卡 (Alipay): the card's giver paid from his own
      // money, the bill's owner only spent it; the giver is this bill's 老周 of his other rows.
      const giver = byPair
        ? null
        : cardGiver(optional(cells, 'paidWith') ?? optional(cells, 'channel'));
      const payingAccount = giver ? partyOf(giver, account) : account;
      const payingName = giver ?? accountName;
      const namedBefore = (
        [
          [payingAccount, payingName, byPair ? 'fromAccount' : 'account'],
          [counterpart, counterpartName, byPair ? 'toAccount' : 'counterpartAccount'],
        ] as const
      ).flatMap(([number, name, field]) => {
        const first = holderNames.other(number, name);
        return first ? [{ field, value: `${number} ${first}`.slice(0, 40) }] : [];
      });
      if (namedBefore.length) {
        if (attempt) continue;
        for (const { field, value } of namedBefore)
          problems.push({ line, field, problem: 'accountTwoNames', value });
        continue;
      }
      holderNames.note(payingAccount, payingName);
      holderNames.note(counterpart, counterpartName);
      if (payerId) userLogins.note(compact('fromAccount'), payerId, at);
      if (payeeId) userLogins.note(compact('toAccount'), payeeId, at);
      (refund ? refunds : attempt ? attempts : records).push({
        line,
        account: payingAccount,
        accountAlias: giver ? null : accountAlias,
        accountName: payingName,
        accountIdNumber: giver ? null : holderNumber(cells, 'accountIdNumber'),
        counterpart,
        counterpartName,
        counterpartIdNumber: counterpart ? holderNumber(cells, 'counterpartIdNumber') : null,
        counterpartBank: optional(cells, 'counterpartBank'),
        counterpartCard,
        direction,
        at,
        dayOnly: dayAloneOf(cells, 'at'),
        amountFen,
        channel: optional(cells, 'channel'),
        summary: optional(cells, 'summary'),
        reference: optional(cells, 'reference'),
        originalReference: optional(cells, 'originalReference'),
        orderGroup: optional(cells, 'orderGroup'),
        reversal:
          !refund &&
          !attempt &&
          (reversed ||
            namesReversal(
              optional(cells, 'channel'),
              optional(cells, 'summary'),
              optional(cells, 'transactionName'),
            ) ||
            reversingFlag.test(optional(cells, 'reversalFlag') ?? '')),
        offsetOf: attempt ? line : null,
        attempt,
        refundOnRow: false,
        trace: transferTrace((field) => optional(cells, field)),
      });
      // Its refund, the other way, on its row and at its time (the file gives no other).
      if (refundOfRow && !attempt) {
        const payment = records.at(-1)!;
        records.push({
          ...payment,
          direction: payment.direction === 'out' ? 'in' : 'out',
          amountFen: refundOfRow,
          refundOnRow: true,
        });
      }
    }
    const logins = userLogins.logins();
    if (logins.length) preamble.logins = [...(preamble.logins ?? []), ...logins];
    const masked = userLogins.masked();
    if (masked.length) preamble.maskedLogins = masked;
    // A refund and the payment it undoes whole: no money moved.
    refundsOfPayments(records, refunds, closedPayments, (line, reason) => {
      still.push({ line, reason });
    });
    records.push(...attempts);
    still.sort((a, b) => a.line - b.line);
    data = { template, records };
  } else if (template === 'seizures') {
    const records = planSeizureLedger({
      dataRows,
      headers,
      mapping,
      cellOf,
      optional,
      problem,
    });
    data = { template, records };
  } else {
    data = {
      template,
      records: planPersons(
        dataRows,
        problems,
        mapping['name'],
        headers[mapping['idNumber'] ?? -1] ?? '',
        cellOf,
        take,
        optional,
      ),
    };
  }
  return data;
}

/** An Alipay user ID (2088 and 12 digits) as a cell gives it, or null. */
function alipayUserIdOf(text: string | null): string | null {
  const id = text?.replace(/\s+/g, '') ?? '';
  return /^2088\d{12}$/.test(id) ? id : null;
}

/**
 * The logins an Alipay 转账明细 shows beside each user ID (付款支付宝账号 beside 付款支付宝用户ID):
 * `logins` as [login, user ID], each that names one user in full (the account's other number);
 * `masked` the masked ones (138****5678), per user. A masked login is many people's: as the
 * other number of an account, a later file's stranger printed the same way would be read as
 * this user; it is only what the user was shown by.
 */
function alipayLogins() {
  const usersOf = new Map<string, Set<string>>();
  const masked = new Map<string, MaskedLogin>();
  return {
    note(login: string | null, userId: string, at: string) {
      if (!login || login === userId) return;
      if (/[*＊]/.test(login)) {
        const key = `${userId} ${login}`;
        const seen = masked.get(key);
        if (!seen) masked.set(key, { login, userId, count: 1, first: at, last: at });
        else {
          seen.count += 1;
          if (at < seen.first) seen.first = at;
          if (at > seen.last) seen.last = at;
        }
        return;
      }
      let users = usersOf.get(login);
      if (!users) usersOf.set(login, (users = new Set()));
      users.add(userId);
    },
    logins: (): [string, string][] =>
      [...usersOf].flatMap(([login, users]) =>
        users.size === 1 ? [[login, [...users][0]!] as [string, string]] : [],
      ),
    masked: () => [...masked.values()],
  };
}

/** The giver named in a family card's payment: 亲属卡(老周), 亲情卡-老周, 亲密付（老周）. */
function cardGiver(paidWith: string | null): string | null {
  const giver = /^(?:亲属卡|亲情卡|亲密付)\s*[(（\-－:：]\s*([^()（）]+?)\s*[)）]?$/.exec(
    paidWith?.trim() ?? '',
  )?.[1];
  return giver ? giver.replace(/\s+/g, '') : null;
}

function planPersons(
  dataRows: TableRow[],
  problems: RowProblem[],
  nameColumn: number | undefined,
  /** The ID number column's header (身份证号码 never holds a company's code). */
  idHeader: string,
  cellOf: (cells: Cell[], key: string) => Cell,
  take: <T>(line: number, cells: Cell[], key: string, parsed: Parsed<T>) => T | undefined,
  optional: (cells: Cell[], key: string) => string | null,
): PersonRecord[] {
  const records: PersonRecord[] = [];
  // A form of one person written label beside value (姓名 张三 / 性别 男 / 身份证号 …) has its
  // labels where names would be: each would have become a person called 性别.
  const labels = aliasKeysOf('persons');
  // The person the row before made (null: its row was refused), while rows continue him.
  let last: PersonRecord | null | undefined;
  /** Each document's name as first listed: one number under two names is a mistake to see. */
  const nameOfDocument = new Map<string, string>();
  for (const { line, cells, mergedDown } of dataRows) {
    const before = last;
    const merged = nameColumn !== undefined && !!mergedDown?.includes(nameColumn);
    if (merged && before === null) {
      problems.push({ line, field: 'name', problem: 'mergedPerson', value: '' });
      last = null;
      continue;
    }
    // A Chinese name typed with spaces to line it up (欧阳 娜娜, or an ideographic space) is
    // written without them; a name in Latin letters keeps its own (Aung San).
    const typedName = cellText(cellOf(cells, 'name'));
    const nameText = /^[\u3400-\u9fff·\s\u3000]+$/.test(typedName)
      ? typedName.replace(/[\s\u3000]+/g, '')
      : typedName;
    const name = take(
      line,
      cells,
      'name',
      !nameText
        ? { ok: false, problem: 'required' }
        : labels.has(headerKey(nameText))
          ? { ok: false, problem: 'labelAsName' }
          : { ok: true, value: nameText },
    );
    // The number with the document's name typed before it (身份证：5301…).
    const idText =
      optional(cells, 'idNumber')?.replace(/^(?:居民)?(?:身份证|证件)(?:号码?)?\s*[:：]\s*/, '') ??
      null;
    let idNumber: string | null = null;
    let gender: Gender = 'unknown';
    let birthDate: string | null = null;
    let valid = name !== undefined;
    // A 证件类型 column says which document the number is (a foreign suspect's passport).
    const typeText = optional(cells, 'idType');
    // A number registered to a business (营业执照, 统一社会信用代码): the 机主 is a company.
    const creditCode = idText?.normalize('NFKC').replace(/\s+/g, '').toUpperCase() ?? '';
    // Without a type, a credit code only with a letter in it or under a business's name: one
    // in 31 mistyped ID numbers passes the code's check too.
    const organisation = typeText
      ? companyDocument.test(typeText)
      : isCreditCode(creditCode) &&
        // A letter other than a resident ID's X, or a business's name; never under 身份证.
        (/[A-HJ-NP-RTUWY]/.test(creditCode) || companyName.test(nameText)) &&
        !/身份|公民/.test(idHeader) &&
        !parseIdentityDocument('resident_id', creditCode).ok;
    // A type this does not know (其他, 军官证) over a number that is a valid 居民身份证 number
    // is that: lists put 其他 before a resident's ID; any other number under it is refused.
    const idType = !typeText
      ? 'resident_id'
      : (documentTypeOf(typeText) ??
        (idText && parseIdentityDocument('resident_id', idText).ok ? 'resident_id' : null));
    if (organisation) {
      if (idText && !isCreditCode(creditCode)) {
        problems.push({ line, field: 'idNumber', problem: 'idNumber', value: idText.slice(0, 40) });
        valid = false;
      } else idNumber = creditCode || null;
    } else if (idText) {
      const parsed = idType ? parseIdentityDocument(idType, idText) : null;
      const cut = idNumberCut(cellOf(cells, 'idNumber'));
      if (parsed?.ok && !cut) {
        idNumber = parsed.value.normalised;
        gender = parsed.value.gender ?? gender;
        birthDate = parsed.value.birthDate;
      } else {
        problems.push({
          line,
          field: idType ? 'idNumber' : 'idType',
          problem: cut ? 'truncated' : 'idNumber',
          value: (idType ? idText : (typeText ?? '')).slice(0, 40),
        });
        valid = false;
      }
    }
    const genderText = optional(cells, 'gender');
    // The column where the document gave no sex (a passport, no number at all); where it did,
    // a column saying otherwise means the number may be another person's.
    if (genderText) {
      const known = genders[genderText.normalize('NFKC').replace(/\s+/g, '').toLowerCase()];
      if (!known) {
        problems.push({ line, field: 'gender', problem: 'gender', value: genderText.slice(0, 40) });
        valid = false;
      } else if (known !== 'unknown' && gender !== 'unknown' && known !== gender) {
        problems.push({
          line,
          field: 'gender',
          problem: 'idGender',
          value: genderText.slice(0, 40),
        });
        valid = false;
      } else if (known !== 'unknown') gender = known;
    }
    if (cellText(cellOf(cells, 'birthDate'))) {
      const parsed = take(line, cells, 'birthDate', parseDate(cellOf(cells, 'birthDate')));
      if (parsed === undefined) valid = false;
      else if (birthDate && parsed !== birthDate) {
        problems.push({
          line,
          field: 'birthDate',
          problem: 'idBirthDate',
          value: cellText(cellOf(cells, 'birthDate')).slice(0, 40),
        });
        valid = false;
      } else birthDate = parsed;
    }
    const phonesOf = (field: 'phone' | 'ownedPhone') => {
      const text = optional(cells, field);
      if (!text) return [];
      // One number, spaces and all (138 0013 8000), else several apart by / , ; 、 or spaces.
      const whole = parsePhone(text);
      if (whole.ok) return [whole.value];
      const split = (separators: RegExp) => text.split(separators).filter(Boolean).map(parsePhone);
      let parts = split(/[/,，;；、]+/);
      if (!parts.every((part) => part.ok)) parts = split(/[/,，;；、\s]+/);
      if (parts.length > 1 && parts.every((part) => part.ok))
        return parts.map((part) => (part.ok ? part.value : ''));
      problems.push({ line, field, problem: 'phone', value: text.slice(0, 40) });
      valid = false;
      return [];
    };
    const phones = phonesOf('phone');
    const ownedPhones = phonesOf('ownedPhone');
    const aliases = [optional(cells, 'aliases'), optional(cells, 'formerName')]
      .join('、')
      .split(/[,，、;；/／]/)
      .map((alias) => alias.trim())
      .filter(Boolean);
    // A name merged down over several rows (one row per phone) is one person.
    // Two documents, two sexes or two birth dates are two people under one merged name.
    const differs = <T>(mine: T | null, theirs: T | null, unknown: T | null = null) =>
      mine !== unknown && theirs !== unknown && mine !== theirs;
    const continues =
      merged &&
      before &&
      !differs(idNumber, before.idNumber) &&
      !differs<Gender>(gender, before.gender, 'unknown') &&
      !differs(birthDate, before.birthDate);
    if (valid && continues) {
      const more = (list: string[], added: string[]) =>
        list.push(...added.filter((item) => !list.includes(item)));
      more(before.phones, phones);
      more(before.ownedPhones, ownedPhones);
      more(before.aliases, aliases);
      before.idNumber ??= idNumber;
      if (before.gender === 'unknown') before.gender = gender;
      before.birthDate ??= birthDate;
      // A second address on a continuing row is kept beside the first, not dropped.
      const also = (known: string | null, more: string | null) =>
        !more || known?.split('；').includes(more) ? known : known ? `${known}；${more}` : more;
      before.household = also(before.household, optional(cells, 'household'));
      before.address = also(before.address, optional(cells, 'address'));
      (before.continued ??= []).push(line);
      last = before;
    } else if (
      valid &&
      name &&
      idNumber &&
      nameOfDocument.has(idNumber) &&
      nameOfDocument.get(idNumber) !== name
    ) {
      problems.push({
        line,
        field: 'idNumber',
        problem: 'idTwoNames',
        value: `${idNumber.slice(0, 20)} ${nameOfDocument.get(idNumber)}`.slice(0, 40),
      });
      last = null;
    } else if (valid && name)
      records.push(
        (last = {
          line,
          name,
          idNumber,
          gender,
          birthDate,
          household: optional(cells, 'household'),
          address: optional(cells, 'address'),
          phones,
          idType: idNumber && idType !== 'resident_id' ? idType : null,
          ownedPhones,
          // 别名 老三/三哥, and a former name (曾用名) is one more name the person is known by.
          aliases,
          ...(organisation ? { organisation } : {}),
        }),
      );
    // A refused row refuses the rows that continue it; a refused continuation, itself alone.
    else last = merged && before ? before : null;
    if (last && last.idNumber && !nameOfDocument.has(last.idNumber))
      nameOfDocument.set(last.idNumber, last.name);
  }
  return records;
}
