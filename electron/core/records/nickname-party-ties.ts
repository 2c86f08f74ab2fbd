import { sql } from 'drizzle-orm';
import type { SameAccount, SameAccounts } from '../../api/schemas/same-account-schemas';
import type { Executor } from '../db/database-types';
import { namedAloneOwner, nicknameWord } from '../../api/domain/owner-account-words';
import { standsIn } from './name-only-parties';
import { platformReference, referenceVariants } from './reference-copies';

/**
 * A nickname WeChat bill names its counterparts by name alone (老周（阿龙对方，文件…）); the
 * 财付通 调证 of the same person names them by their 用户ID (wxid_laozhou01). A 交易单号 names one
 * payment platform-wide, so where every payment the bill shares with a 调证 is, there, with one
 * and the same account, that name-only party is that account: a merge to suggest, as for the
 * bill's owner (`nickname-ties.ts`). Read from the rows each time, never stored.
 */

/** The bill's own account known by a nickname: its ID, the nickname, its account label. */
export interface NicknameBill {
  id: string;
  nickname: string;
  accountNo: string;
}

/** The file key of a nickname bill's own account (阿龙（微信昵称，文件3f2a1b9c0d4e）). */
const fileKeyOfOwner = /，文件([0-9a-f]{12})）$/;

/** Whether an account may be the one a name-only party is: a full ID, no name or mask alone. */
const fullAccount = (accountNo: string) =>
  !standsIn(accountNo) &&
  !namedAloneOwner(accountNo) &&
  !/对方，文件[0-9a-f]{12}）$/.test(accountNo);

/**
 * The name-only counterparts of a nickname bill that the 交易单号 tie to one 调证 account each:
 * every 交易单号 the party's bill rows share with another import's rows names that account as
 * the other side (the counterpart of a row going the bill's way, or the holder of a row going
 * the other way: the party's own 调证), and none names another or none. `nicknameAccountId` is
 * the party's account (the one to merge), `party` its name. Unsettled: a party whose shared
 * 交易单号 name two accounts or more (which one is he?), each with its count; no merge offered.
 */
export function partyTiesOf(tx: Executor, bill: NicknameBill): SameAccounts {
  const none: SameAccounts = { ties: [], unsettled: [] };
  const fileKey = fileKeyOfOwner.exec(bill.accountNo)?.[1];
  if (!fileKey) return none;
  const partySuffix = `（${bill.nickname}对方，文件${fileKey}）`;
  // The bill's rows with a party of its own named alone (its own account, or the account it
  // was merged into, holds them): 交易单号 → that party and the way.
  const parties = new Map(
    tx
      .all<{ id: string; account_no: string }>(
        sql`SELECT a.entity_id AS id, a.account_no FROM accounts a
          JOIN entities e ON e.id = a.entity_id AND e.deleted_at IS NULL AND e.merged_into_id IS NULL
          WHERE a.account_no LIKE ${`%${partySuffix}`}`,
      )
      .filter((row) => row.account_no.endsWith(partySuffix))
      .map((row) => [row.id, row.account_no.slice(0, -partySuffix.length)]),
  );
  if (!parties.size) return none;
  const partyIds = JSON.stringify([...parties.keys()]);
  const rows = tx.all<{ id: number; reference: string; direction: string; party_id: string }>(
    sql`SELECT id, reference, direction, payee_id AS party_id FROM money_transfers
        WHERE payee_id IN (SELECT value FROM json_each(${partyIds})) AND direction = 'out'
          AND reference IS NOT NULL AND offset_of IS NULL
      UNION ALL
      SELECT id, reference, direction, payer_id AS party_id FROM money_transfers
        WHERE payer_id IN (SELECT value FROM json_each(${partyIds})) AND direction = 'in'
          AND reference IS NOT NULL AND offset_of IS NULL`,
  );
  const billRows = new Map<string, { partyId: string; party: string; direction: string }>();
  for (const row of rows) {
    const reference = platformReference(row.reference);
    if (!reference) continue;
    billRows.set(reference, {
      partyId: row.party_id,
      party: parties.get(row.party_id)!,
      direction: row.direction,
    });
  }
  if (!billRows.size) return none;
  const held = tx.all<{
    reference: string;
    direction: string;
    holder_id: string;
    holder_no: string;
    other_id: string | null;
    other_no: string | null;
  }>(
    sql`SELECT t.reference, t.direction,
        COALESCE(e.merged_into_id, e.id) AS holder_id,
        COALESCE(k.account_no, a.account_no) AS holder_no,
        o.entity_id AS other_id, o.account_no AS other_no
      FROM money_transfers t
      JOIN entities e ON e.id = t.account_id AND e.deleted_at IS NULL
      JOIN accounts a ON a.entity_id = e.id
      LEFT JOIN accounts k ON k.entity_id = e.merged_into_id
      LEFT JOIN accounts o ON o.entity_id = CASE t.direction WHEN 'out' THEN t.payee_id ELSE t.payer_id END
      WHERE t.reference IN (SELECT value FROM json_each(${referenceVariants(billRows.keys())}))
        AND t.id NOT IN (SELECT value FROM json_each(${JSON.stringify(rows.map((row) => row.id))}))
        AND t.offset_of IS NULL`,
  );
  // Per party: the accounts its shared 交易单号 name, each with those numbers (null: a row
  // naming no full account).
  const named = new Map<string, { party: string; accounts: Map<string | null, Set<string>> }>();
  const accountNos = new Map<string, string>();
  for (const row of held) {
    // Another bill known by a name (老周's own nickname bill) says nothing of 用户IDs.
    if (!fullAccount(row.holder_no)) continue;
    const reference = platformReference(row.reference);
    const billRow = reference ? billRows.get(reference) : undefined;
    if (!reference || !billRow) continue;
    const [id, no] =
      row.direction === billRow.direction
        ? [row.other_id, row.other_no]
        : [row.holder_id, row.holder_no];
    const account = id && no && fullAccount(no) ? id : null;
    if (account && no) accountNos.set(account, no);
    const party = named.get(billRow.partyId) ?? { party: billRow.party, accounts: new Map() };
    named.set(billRow.partyId, party);
    const shared = party.accounts.get(account) ?? new Set<string>();
    party.accounts.set(account, shared.add(reference));
  }
  const found: SameAccounts = { ties: [], unsettled: [] };
  for (const [partyId, party] of named) {
    const holders: SameAccount[] = [...party.accounts]
      .flatMap(([account, shared]) =>
        account
          ? [
              {
                nicknameAccountId: partyId,
                nickname: bill.nickname,
                party: party.party,
                accountId: account,
                accountNo: accountNos.get(account)!,
                shared: shared.size,
                opposite: 0,
              },
            ]
          : [],
      )
      .sort((a, b) => b.shared - a.shared || a.accountNo.localeCompare(b.accountNo));
    if (holders.length === 1 && party.accounts.size === 1) found.ties.push(holders[0]!);
    else if (holders.length > 1) found.unsettled.push(holders);
  }
  found.ties.sort((a, b) => a.accountNo.localeCompare(b.accountNo));
  return found;
}

/** A bill's counterpart named alone, its bill's nickname and file key: 老周（阿龙对方，文件…）. */
const billParty = /（(.+)对方，文件([0-9a-f]{12})）$/;

/**
 * The nickname bills (their own accounts' IDs, merged or not) whose counterparts named alone
 * are the counterparts of rows holding these 交易单号 (as `referenceVariants` gives them): found
 * by the party, as the bill's rows move with its own account when a lead merges it.
 */
export function billsOfParties(tx: Executor, variants: string): string[] {
  const owners = new Set<string>();
  for (const row of tx.all<{ account_no: string }>(
    sql`SELECT DISTINCT p.account_no FROM money_transfers t
      JOIN accounts p ON p.entity_id = CASE t.direction WHEN 'out' THEN t.payee_id ELSE t.payer_id END
      WHERE t.reference IN (SELECT value FROM json_each(${variants}))
        AND p.account_no LIKE '%对方，文件%'`,
  )) {
    const [, nickname, fileKey] = billParty.exec(row.account_no) ?? [];
    if (nickname && fileKey) owners.add(`${nickname}（${nicknameWord}，文件${fileKey}）`);
  }
  if (!owners.size) return [];
  return tx
    .all<{ id: string }>(
      sql`SELECT entity_id AS id FROM accounts
        WHERE account_no IN (SELECT value FROM json_each(${JSON.stringify([...owners])}))`,
    )
    .map((row) => row.id);
}
