import { isMasked } from './account-masks';

/**
 * A counterpart a bank's statement names by its holder's name alone, no number (对方户名 欧阳一,
 * 对方账号 empty), kept as an account of that statement's: 欧阳一（6217000000000340002对方）.
 */
const nameOnlyParty = /^(.+)（\d+对方）$/;

/**
 * Whether an account stands in for one the workspace may hold under its number: masked
 * (6222****0011) or named alone (欧阳一（6217…对方）).
 */
export const standsIn = (accountNo: string): boolean =>
  isMasked(accountNo) || nameOnlyParty.test(accountNo);

/**
 * A payment platform's company as a bank names it on its user's 提现 or 充值 (财付通支付科技有限公司,
 * 支付宝（中国）网络技术有限公司): the money came from, or went to, the user's own balance there.
 */
const platformCompany = /^(?:财付通|支付宝|微信)/;

/**
 * Whether a counterpart named alone is a payment platform's company (`platformCompany`): on a
 * card's statement, the holder's own balance on that platform, where a 提现 or 充值 is his.
 */
export const namesPlatform = (accountNo: string): boolean =>
  platformCompany.test(nameOnlyParty.exec(accountNo)?.[1] ?? '');

/**
 * Whether a counterpart named alone may be this account: a full number (neither masked nor
 * named alone) whose holder has that very name; for a platform's company, one whose holder is
 * `holderOfOther`, the holder of the statement that names it (his own balance there, as the
 * platform's 调证 gives it: 用户ID 1688…, 用户侧账号名称 王某某). Null where the counterpart is
 * not named alone.
 */
export function nameOnlyFitter(
  accountNo: string,
  holderOfOther: string | null,
): ((accountNo: string, holder: string | null) => boolean) | null {
  const name = nameOnlyParty.exec(accountNo)?.[1]?.replace(/\s+/g, '');
  if (!name) return null;
  const owner = namesPlatform(accountNo) ? holderOfOther?.replace(/\s+/g, '') : name;
  return (other, holder) => !!owner && !standsIn(other) && holder?.replace(/\s+/g, '') === owner;
}
