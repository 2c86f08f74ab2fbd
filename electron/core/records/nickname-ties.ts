import { sql } from 'drizzle-orm';
import type { SameAccount, SameAccounts } from '../../api/schemas/same-account-schemas';
import type { Executor } from '../db/database-types';
import {
  namedAloneOwner,
  nicknameOfOwner,
  nicknameWord,
} from '../../api/domain/owner-account-words';
import { standsIn } from './name-only-parties';
import { platformReference, referenceVariants } from './reference-copies';
import { billsOfParties, partyTiesOf, type NicknameBill } from './nickname-party-ties';

/**
 * A WeChat bill its owner exported names him by a nickname alone (阿龙（微信昵称，文件…）); the
 * 财付通 调证 of the same person names his account by 用户ID (wxid_along01). A 交易单号 names one
 * payment platform-wide, so the 调证 account holding the bill's payments with the money going
 * the same way (the owner's side) is the bill's account. Nothing of it is stored: it is read
 * from the rows each time, so deleting either import takes it away with the rows. The merge it
 * suggests is a lead's to make (`entities.merge`): the bill's own payments (the 88 to 老周 the
 * 调证 lacks) move with it, and a nickname had once made two suspects one.
 */

/** A nickname bill's own account, as SQL's LIKE finds it (`nicknameOfOwner` then reads it). */
const nicknameLike = `%（${nicknameWord}，文件%`;

/** The account a nickname bill is known by: 阿龙（微信昵称，文件…） → 阿龙. */
type NicknameAccount = NicknameBill;

/**
 * The nickname accounts among these entities, not deleted: live, or merged into the account
 * they were found to be (its bill's counterparts named alone are still to be tied then).
 */
function nicknameAccounts(
  tx: Executor,
  entityIds: string[],
): (NicknameAccount & { merged: boolean })[] {
  return tx
    .all<{ id: string; account_no: string; merged: 0 | 1 }>(
      sql`SELECT a.entity_id AS id, a.account_no, e.merged_into_id IS NOT NULL AS merged
        FROM accounts a JOIN entities e ON e.id = a.entity_id AND e.deleted_at IS NULL
        WHERE a.account_no LIKE ${nicknameLike}
          AND a.entity_id IN (SELECT value FROM json_each(${JSON.stringify(entityIds)}))
        ORDER BY a.entity_id`,
    )
    .flatMap((row) => {
      const nickname = nicknameOfOwner(row.account_no);
      return nickname
        ? [{ id: row.id, nickname, accountNo: row.account_no, merged: row.merged === 1 }]
        : [];
    });
}

/**
 * The accounts other imports hold a nickname account's payments under, each with the 交易单号
 * held the same way as the bill (shared) and those held the other way only (opposite). Only an
 * account a 调证 names by its ID counts: not another bill's nickname or name, a masked card or
 * a counterpart named alone. An account merged since is read as the one it was merged into.
 */
function holdersOf(tx: Executor, nickname: NicknameAccount): SameAccount[] {
  const own = new Map<string, Set<string>>();
  for (const row of tx.all<{ reference: string; direction: string }>(
    sql`SELECT reference, direction FROM money_transfers
      WHERE account_id = ${nickname.id} AND reference IS NOT NULL AND offset_of IS NULL`,
  )) {
    const reference = platformReference(row.reference);
    if (!reference) continue;
    own.set(reference, (own.get(reference) ?? new Set()).add(row.direction));
  }
  if (!own.size) return [];
  const held = tx.all<{
    account_id: string;
    account_no: string;
    reference: string;
    direction: string;
  }>(
    sql`SELECT COALESCE(e.merged_into_id, e.id) AS account_id,
        COALESCE(k.account_no, a.account_no) AS account_no, t.reference, t.direction
      FROM money_transfers t
      JOIN entities e ON e.id = t.account_id AND e.deleted_at IS NULL
      JOIN accounts a ON a.entity_id = e.id
      LEFT JOIN accounts k ON k.entity_id = e.merged_into_id
      WHERE t.reference IN (SELECT value FROM json_each(${referenceVariants(own.keys())}))
        AND t.account_id <> ${nickname.id} AND t.offset_of IS NULL`,
  );
  // Per account, per 交易单号: whether it holds it the bill's way.
  const byAccount = new Map<string, { accountNo: string; sameWay: Map<string, boolean> }>();
  for (const row of held) {
    if (standsIn(row.account_no) || namedAloneOwner(row.account_no)) continue;
    if (row.account_id === nickname.id) continue;
    const reference = platformReference(row.reference);
    const ways = reference ? own.get(reference) : undefined;
    if (!reference || !ways) continue;
    const account = byAccount.get(row.account_id) ?? {
      accountNo: row.account_no,
      sameWay: new Map<string, boolean>(),
    };
    byAccount.set(row.account_id, account);
    account.sameWay.set(
      reference,
      (account.sameWay.get(reference) ?? false) || ways.has(row.direction),
    );
  }
  return [...byAccount]
    .map(([accountId, account]) => {
      const ways = [...account.sameWay.values()];
      return {
        nicknameAccountId: nickname.id,
        nickname: nickname.nickname,
        party: null,
        accountId,
        accountNo: account.accountNo,
        shared: ways.filter(Boolean).length,
        opposite: ways.filter((same) => !same).length,
      };
    })
    .filter((account) => account.shared > 0 || account.opposite > 0)
    .sort((a, b) => b.shared - a.shared || a.accountNo.localeCompare(b.accountNo));
}

/**
 * What the 交易单号 say of these nickname accounts: a tie where one
 * account holds the bill's payments the same way and none the other way; unsettled where two
 * accounts hold them the same way (which one is his?) or one holds some the other way (there
 * it paid, or was paid by, the owner). An account holding them the other way alone is the
 * owner's counterpart, nothing to say. Each bill's counterparts named alone are tied as well,
 * where their shared 交易单号 all name one account, or said unsettled where they name two or more
 * (`partyTiesOf`).
 */
export function sameAccountsOf(tx: Executor, entityIds: string[]): SameAccounts {
  const result: SameAccounts = { ties: [], unsettled: [] };
  for (const nickname of nicknameAccounts(tx, entityIds)) {
    // The bill's counterparts named alone, each the 调证 account its 交易单号 name.
    const parties = partyTiesOf(tx, nickname);
    if (!nickname.merged) {
      const holders = holdersOf(tx, nickname);
      const sameWay = holders.filter((holder) => holder.shared > 0);
      if (sameWay.length === 1 && sameWay[0]!.opposite === 0) result.ties.push(sameWay[0]!);
      else if (sameWay.length) result.unsettled.push(sameWay);
    }
    result.ties.push(...parties.ties);
    result.unsettled.push(...parties.unsettled);
  }
  return result;
}

/**
 * The nickname accounts an import's rows bear on: its own bill's, and those holding a 交易单号
 * its rows hold. None, unread, where the workspace has no nickname account.
 */
export function nicknameAccountsTouched(tx: Executor, importId: string): string[] {
  const any = tx.get(sql`SELECT 1 FROM accounts WHERE account_no LIKE ${nicknameLike} LIMIT 1`);
  if (!any) return [];
  const references = new Set(
    tx
      .all<{ reference: string }>(
        sql`SELECT reference FROM money_transfers WHERE import_id = ${importId} AND reference IS NOT NULL`,
      )
      .flatMap((row) => platformReference(row.reference) ?? []),
  );
  return tx
    .all<{ id: string }>(
      sql`SELECT DISTINCT t.account_id AS id FROM money_transfers t
        JOIN accounts a ON a.entity_id = t.account_id AND a.account_no LIKE ${nicknameLike}
        WHERE t.import_id = ${importId}
          OR t.reference IN (SELECT value FROM json_each(${referenceVariants(references)}))`,
    )
    .map((row) => row.id);
}

/**
 * What the 交易单号 say of one account, as its page shows it: a nickname account's own tie or
 * unsettled holders; for a 调证's account, the nickname bills it is (or may be) and the bills'
 * counterparts named alone it is; for such a counterpart, the account it is. Empty for any
 * other entity.
 */
export function sameAccountsOfAccount(tx: Executor, entityId: string): SameAccounts {
  const none: SameAccounts = { ties: [], unsettled: [] };
  const account = tx.get<{ account_no: string }>(
    sql`SELECT account_no FROM accounts WHERE entity_id = ${entityId}`,
  );
  if (!account) return none;
  if (nicknameOfOwner(account.account_no)) {
    // Its own: the bill's counterparts have pages of their own.
    const found = sameAccountsOf(tx, [entityId]);
    return {
      ties: found.ties.filter((tie) => tie.nicknameAccountId === entityId),
      unsettled: found.unsettled.filter((list) => list[0]!.nicknameAccountId === entityId),
    };
  }
  if (standsIn(account.account_no) || namedAloneOwner(account.account_no)) return none;
  const any = tx.get(sql`SELECT 1 FROM accounts WHERE account_no LIKE ${nicknameLike} LIMIT 1`);
  if (!any) return none;
  // Its own rows, and those naming it the counterpart (a bill's party, a 调证's counterpart).
  const references = new Set(
    tx
      .all<{ reference: string }>(
        sql`SELECT reference FROM money_transfers WHERE account_id = ${entityId} AND reference IS NOT NULL
          UNION SELECT reference FROM money_transfers WHERE payer_id = ${entityId} AND reference IS NOT NULL
          UNION SELECT reference FROM money_transfers WHERE payee_id = ${entityId} AND reference IS NOT NULL`,
      )
      .flatMap((row) => platformReference(row.reference) ?? []),
  );
  if (!references.size) return none;
  const variants = referenceVariants(references);
  const nicknames = tx
    .all<{ id: string }>(
      sql`SELECT DISTINCT t.account_id AS id FROM money_transfers t
        JOIN accounts a ON a.entity_id = t.account_id AND a.account_no LIKE ${nicknameLike}
        WHERE t.reference IN (SELECT value FROM json_each(${variants}))`,
    )
    .map((row) => row.id);
  // A bill whose own account a lead merged: found by its counterparts named alone.
  const found = sameAccountsOf(tx, [...new Set([...nicknames, ...billsOfParties(tx, variants)])]);
  return {
    ties: found.ties.filter(
      (tie) => tie.accountId === entityId || tie.nicknameAccountId === entityId,
    ),
    unsettled: found.unsettled.filter((list) =>
      list.some((item) => item.accountId === entityId || item.nicknameAccountId === entityId),
    ),
  };
}
