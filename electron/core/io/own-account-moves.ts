import { isBankOwnAccount } from './bank-own-accounts';

/**
 * A bank statement's row that moves the holder's money between his own accounts: a 定期 or
 * 理财 sub-account of the card (6217…0001 and 6217…0001001), or a bank product bought or
 * redeemed (购买理财, 赎回, 活期转定期, 通知存款, 结构性存款, 基金申购) with no one else on the
 * other side. Counted, a 500,000 理财 bought and redeemed read as 1,005,000 through the card.
 */
const bankProductWords =
  /理财|赎回|申购|认购|基金定投|(?:活期|定期)(?:互?转)(?:活期|定期)|定活(?:互转|两便)|活转定|定转活|整存整取|零存整取|存本取息|通知存款|结构性存款|大额存单|协定存款/;
/** A sub-account's suffix after the card's number (001, -01, _2). */
const subAccountSuffix = /^[-_]?\d{1,4}$/;
/** A bank itself, as a product's counterpart (中国工商银行, 招商银行理财专户, 农村信用合作联社). */
const bankName = /银行|信用社|信用合作联社|农商行|理财(?:专户|产品|资金)|基金(?:专户|公司)/;

interface OwnMoveRow {
  account: string;
  accountName: string | null;
  counterpart: string | null;
  counterpartName: string | null;
  /** The row's 摘要 and 交易类型, as written. */
  words: string;
}

/**
 * Whether the row moves money between the holder's own accounts. Another person's account is
 * never one: a sub-account named by someone else, or 理财 bought from a person, stays a transfer.
 */
export function movesBetweenOwnAccounts(row: OwnMoveRow): boolean {
  const holder = row.accountName?.replace(/\s+/g, '') || null;
  const name = row.counterpartName?.replace(/\s+/g, '') || null;
  const sameHolder = !!holder && name === holder;
  if (
    row.counterpart?.startsWith(row.account) &&
    subAccountSuffix.test(row.counterpart.slice(row.account.length)) &&
    (!name || sameHolder)
  )
    return true;
  if (!bankProductWords.test(row.words.replace(/\s+/g, ''))) return false;
  if (sameHolder) return true;
  // No one on the other side, or the bank itself (its product, its own account).
  return !row.counterpart
    ? !name || bankName.test(name) || isBankOwnAccount(name)
    : !!name && (bankName.test(name) || isBankOwnAccount(name));
}
