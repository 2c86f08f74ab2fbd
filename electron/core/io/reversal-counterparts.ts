import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';
import { maskFitter } from '../records/account-masks';
import { nameOnlyFitter, standsIn } from '../records/name-only-parties';

interface Party {
  id: string;
  account_no: string;
  holder_name: string | null;
}

/** The account entities (an alias merged into one: that one) numbered so, with their holders. */
function partiesNumbered(tx: Executor, accountNo: string): Party[] {
  return tx.all<Party>(
    sql`SELECT coalesce(e.merged_into_id, e.id) AS id, a.account_no, a.holder_name
      FROM accounts a JOIN entities e ON e.id = a.entity_id WHERE a.account_no = ${accountNo}`,
  );
}

/** An account entity's number and holder (an alias merged into one: that one's ID). */
function partyOf(tx: Executor, entityId: string): Party | undefined {
  return tx.get<Party>(
    sql`SELECT coalesce(e.merged_into_id, e.id) AS id, a.account_no, a.holder_name
      FROM entities e JOIN accounts a ON a.entity_id = e.id WHERE e.id = ${entityId}`,
  );
}

/**
 * Whether a stored reversal's counterpart (as its statement printed it: `counterpartNo`) may be
 * the counterpart of a transfer of another import (`entityId`, the transfer's other end): the
 * same account, or a masked or name-only one that the other's number and holder fit
 * (`maskFitter`, `nameOnlyFitter`; a platform's company named alone stands for the holder of
 * `accountId`, the statement's own account). A serial (原交易流水号) alone does not make a
 * transfer to another party the one a 冲正 undid: serials repeat across banks and systems.
 */
export function reversalCounterpartFits(
  tx: Executor,
  counterpartNo: string,
  entityId: string,
  accountId: string,
): boolean {
  const named = partiesNumbered(tx, counterpartNo);
  const other = partyOf(tx, entityId);
  if (!other || named.some((party) => party.id === other.id)) return true;
  if (other.account_no === counterpartNo) return true;
  const holderOfAccount = partyOf(tx, accountId)?.holder_name ?? null;
  const fitOf = (accountNo: string, holder: string | null) =>
    maskFitter(accountNo, holder) ?? nameOnlyFitter(accountNo, holderOfAccount);
  if (standsIn(counterpartNo)) {
    const fits = fitOf(counterpartNo, named[0]?.holder_name ?? null);
    return !!fits && fits(other.account_no, other.holder_name);
  }
  if (standsIn(other.account_no)) {
    const fits = fitOf(other.account_no, other.holder_name);
    if (!fits) return false;
    return named.length
      ? named.some((party) => fits(party.account_no, party.holder_name))
      : fits(counterpartNo, null);
  }
  return false;
}
