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
 * Whether a counterpart named alone may be this account: a full number (neither masked nor
 * named alone) whose holder has that very name. Null where the counterpart is not named alone.
 */
export function nameOnlyFitter(
  accountNo: string,
): ((accountNo: string, holder: string | null) => boolean) | null {
  const name = nameOnlyParty.exec(accountNo)?.[1]?.replace(/\s+/g, '');
  if (!name) return null;
  return (other, holder) => !standsIn(other) && holder?.replace(/\s+/g, '') === name;
}
