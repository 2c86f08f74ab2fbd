import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';
import type { TransferRow, transferCopyRule } from '../records/record-copies';

type TransferRule = ReturnType<typeof transferCopyRule>;

/**
 * The copies' rule, where a counted row whose event already has its row on the held row's
 * statement (a copy of it from there) is never that row's event: a statement gives one event
 * one row. The payee's credit that the payer's re-sent transfer already counts is not the
 * twin of the transfer its 冲正 undid (it had been made the reversed row's copy, with the
 * re-sent row, and the 1,000 received counted nowhere when the payee's statement came first).
 */
export function sparingTwinnedRows(
  tx: Executor,
  relationId: string,
  rule: TransferRule,
): TransferRule {
  const statementsOf = new Map<number, Set<string>>();
  for (const copy of tx.all<{ id: number; import_id: string; account_id: string }>(
    sql`SELECT copy_of AS id, import_id, account_id FROM money_transfers
      WHERE relation_id = ${relationId} AND copy_of IS NOT NULL`,
  )) {
    const statements = statementsOf.get(copy.id) ?? new Set<string>();
    statements.add(`${copy.import_id}\u0000${copy.account_id}`);
    statementsOf.set(copy.id, statements);
  }
  const free = (held: TransferRow, row: TransferRow) =>
    !statementsOf.get(row.id)?.has(`${held.importId}\u0000${held.accountId}`);
  return {
    ...rule,
    sameEvent: (held, row, nextDay) => free(held, row) && rule.sameEvent(held, row, nextDay),
    ...(rule.late && {
      late: {
        ...rule.late,
        sameEvent: (held: TransferRow, row: TransferRow) =>
          free(held, row) && rule.late!.sameEvent(held, row),
      },
    }),
  };
}
