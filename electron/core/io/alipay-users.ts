import { sheetOfLine } from '../../api/domain/file-lines';
import { holderDocumentOf } from './holder-document';
import type { ImportPlan, TransferRecord } from './import-plan';
import { cellText } from './import-values';
import type { TableRow } from './table-parse';

/**
 * An Alipay 调证 reply's 用户信息 sheet: each user's ID (2088…) and the logins the user signs in
 * with (登录邮箱, 登录手机). Its other sheets name the user by either: 交易明细 by the ID,
 * 转账明细 by the login (付款方支付宝账号 13812345678, 收款方支付宝账号 zhangsan@163.com). Read
 * apart, one user had been three accounts, the money in on one and out on another.
 */
interface AlipayUser {
  userId: string;
  logins: string[];
  name: string | null;
  /** The holder's document as the sheet gives it, where it checks. */
  idNumber: string | null;
}

const bare = (text: string) => text.replace(/[\s\u3000]+/g, '').toLowerCase();
const userIdHeader = /^(?:支付宝)?用户(?:id|编号|号)$/;
const loginHeader = /^登录(?:邮箱|手机|手机号|账号|帐号|名|号)$/;
const nameHeader = /^(?:账户名称|用户名称|真实姓名|姓名|户名)$/;
const documentHeader = /^(?:证件号|证件号码|身份证号|身份证号码)$/;
const alipayUserId = /^2088\d{12}$/;
/** Cells that give no login (a user without an e-mail). */
const noValue = /^(?:|-+|\/|—|null|无|空)$/i;

/** Whether a sheet's first row names a user's ID and a login: a 用户信息 sheet. */
function usersHeader(headers: string[]): boolean {
  const keys = headers.map((header) => bare(header));
  return keys.some((key) => userIdHeader.test(key)) && keys.some((key) => loginHeader.test(key));
}

/**
 * Takes a workbook's rows as they are read and keeps the 用户信息 sheets' apart: `take` says
 * whether the row is one (its sheet's first row of two cells or more names 用户Id and a login,
 * and every row after it). A title line above that row stays the planner's, as before.
 */
export function alipayUserSheets() {
  const users: AlipayUser[] = [];
  /** Per sheet: its header's columns, or null for a sheet of another kind. */
  const kinds = new Map<
    number,
    { userId: number; logins: number[]; name: number; id: number } | null
  >();
  const rowsOf = new Map<number, number>();
  return {
    /** Whether the row belongs to a 用户信息 sheet (read here, no row of records). */
    take(row: TableRow): boolean {
      const sheet = sheetOfLine(row.line).sheet;
      if (!row.sheet) return false;
      let kind = kinds.get(sheet);
      if (kind === undefined) {
        const headers = row.cells.map((cell) => cellText(cell));
        if (headers.filter((header) => header.trim()).length < 2) return false;
        kind = usersHeader(headers)
          ? {
              userId: headers.findIndex((header) => userIdHeader.test(bare(header))),
              logins: headers.flatMap((header, index) =>
                loginHeader.test(bare(header)) ? [index] : [],
              ),
              name: headers.findIndex((header) => nameHeader.test(bare(header))),
              id: headers.findIndex((header) => documentHeader.test(bare(header))),
            }
          : null;
        kinds.set(sheet, kind);
        if (kind) rowsOf.set(sheet, 0);
        return !!kind;
      }
      if (!kind) return false;
      const text = (column: number) =>
        column < 0 ? '' : cellText(row.cells[column] ?? null).trim();
      const userId = text(kind.userId);
      if (alipayUserId.test(userId)) {
        const logins = kind.logins
          .map((column) => text(column).replace(/\s+/g, ''))
          .filter((login) => !noValue.test(login) && login !== userId);
        const name = text(kind.name);
        users.push({
          userId,
          logins: [...new Set(logins)],
          name: noValue.test(name) ? null : name,
          idNumber: holderDocumentOf(text(kind.id))?.number ?? null,
        });
        rowsOf.set(sheet, rowsOf.get(sheet)! + 1);
      }
      return true;
    },
    users: () => users,
    /** The 用户信息 sheets (their index in the workbook) and the users each gave. */
    sheets: () => [...rowsOf],
  };
}

/**
 * The plan of an Alipay reply's records with its 用户信息 read: a login on a row (付款方支付宝账号
 * 13812345678) is the user's account (2088…), with the user's name and document where the row
 * gives none; the logins are kept as the account's other numbers (a later file naming the
 * login finds it), the accounts are Alipay's, and the sheet is said as used.
 */
export function withAlipayUsers(
  plan: ImportPlan,
  users: readonly AlipayUser[],
  sheets: readonly (readonly [number, number])[],
): ImportPlan {
  if (plan.data.template !== 'transactions') return plan;
  // 付款方支付宝账号, 收款方支付宝账号: the accounts are Alipay's, whatever their form.
  const namedAlipay = ['account', 'fromAccount', 'toAccount', 'counterpartAccount'].some((key) =>
    /支付宝/.test(plan.headers[plan.mapping[key] ?? -1] ?? ''),
  );
  if (!sheets.length)
    return namedAlipay && !plan.preamble.platform
      ? { ...plan, preamble: { ...plan.preamble, platform: 'alipay' } }
      : plan;
  const byNumber = new Map<string, AlipayUser>();
  for (const user of users) {
    byNumber.set(user.userId, user);
    for (const login of user.logins)
      if (!byNumber.has(bare(login))) byNumber.set(bare(login), user);
  }
  for (const record of plan.data.records) {
    const own = byNumber.get(bare(record.account));
    if (own) {
      record.account = own.userId;
      record.accountName ??= own.name;
      record.accountIdNumber ??= own.idNumber;
    }
    const other = record.counterpart ? byNumber.get(bare(record.counterpart)) : undefined;
    if (other) {
      // Money between two logins of one user stayed in the account.
      record.counterpart = other.userId === record.account ? null : other.userId;
      if (record.counterpart) {
        record.counterpartName ??= other.name;
        record.counterpartIdNumber ??= other.idNumber;
      }
    }
  }
  const preamble = { ...plan.preamble, platform: plan.preamble.platform ?? ('alipay' as const) };
  preamble.logins = [
    ...(plan.preamble.logins ?? []),
    ...users.flatMap((user) =>
      user.logins.map((login) => [login, user.userId] as [string, string]),
    ),
  ];
  const used = new Map(sheets);
  const uses = plan.sheets.filter((use) => !used.has(use.index));
  for (const [index, rows] of used) uses.push({ index, rows, read: false, unread: 'users' });
  uses.sort((a, b) => a.index - b.index);
  return { ...plan, preamble, sheets: uses };
}

/**
 * Adds an Alipay reply's logins to the other numbers of the accounts a file's records name
 * (account-aliases): the account is found by its login later, and its login's earlier entity
 * (a 转账明细 imported before) is the account's.
 */
export function addLoginAliases(
  aliases: Map<string, string[]>,
  records: readonly TransferRecord[],
  logins: readonly (readonly [string, string])[] | undefined,
): void {
  if (!logins?.length) return;
  const named = new Set<string>();
  for (const record of records) {
    named.add(record.account);
    if (record.counterpart) named.add(record.counterpart);
  }
  for (const [login, userId] of logins) {
    if (!named.has(userId) || named.has(login)) continue;
    const list = aliases.get(userId);
    if (!list) aliases.set(userId, [login]);
    else if (!list.includes(login)) list.push(login);
  }
}
