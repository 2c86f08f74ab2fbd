import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';
import type { TransferRecord } from './import-plan';
import { maskFitter } from '../records/account-masks';

/**
 * A statement that masks its counterpart (网银's 6222****0011 张*) names, on a transfer already
 * counted from the other side, an account the workspace holds: the one account that has money
 * relations with this statement's account and whose number and holder the mask fits. Such a
 * counterpart is read as that account, so the transfer is found as the copy it is; it had been
 * an account of its own (张*（6222****0011）), the same 1,000 counted again both ways. A mask
 * that fits no such account, or several, stays apart as it was.
 */
export function unmaskKnownCounterparts(db: Executor, records: TransferRecord[]): void {
  const neighbours = new Map<string, { accountNo: string; holder: string | null }[]>();
  const neighboursOf = (account: string) => {
    let list = neighbours.get(account);
    if (!list) {
      list = db
        .all<{ account_no: string; holder_name: string | null }>(
          sql`SELECT DISTINCT other.account_no, other.holder_name
            FROM accounts own
            JOIN entities owned ON owned.id = own.entity_id AND owned.deleted_at IS NULL
            JOIN relations r ON r.type = 'finances' AND r.deleted_at IS NULL
              AND (r.from_entity_id = own.entity_id OR r.to_entity_id = own.entity_id)
            JOIN accounts other ON other.entity_id =
              CASE WHEN r.from_entity_id = own.entity_id THEN r.to_entity_id ELSE r.from_entity_id END
            JOIN entities e ON e.id = other.entity_id AND e.deleted_at IS NULL
            WHERE own.account_no = ${account}`,
        )
        .map((row) => ({ accountNo: row.account_no, holder: row.holder_name }));
      neighbours.set(account, list);
    }
    return list;
  };
  for (const record of records) {
    const fits = maskFitter(record.counterpart, record.counterpartName);
    if (!fits) continue;
    // Another masked account (this mask, kept apart before the full number was known) is none.
    const found = neighboursOf(record.account).filter(({ accountNo, holder }) =>
      fits(accountNo, holder),
    );
    if (found.length !== 1) continue;
    record.counterpart = found[0]!.accountNo;
    record.counterpartName = found[0]!.holder ?? record.counterpartName;
  }
}
