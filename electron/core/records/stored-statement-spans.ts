import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database-types';
import type { StatementSpan } from './record-copies';
import { statementSpans, type StoredSpan } from './stored-copy-rows';

/**
 * The spans of stored statements (`statementSpans`), read in the caller's transaction: each
 * statement's first and last row, widened to the period its import's heading gave.
 */
export function storedStatementSpans(tx: Executor): StatementSpan {
  return statementSpans((importId, accountId) =>
    tx.get<StoredSpan>(
      sql`SELECT min(m.at) AS first, max(m.at) AS last,
          i.period_from AS periodFrom, i.period_to AS periodTo
        FROM money_transfers m JOIN imports i ON i.id = m.import_id
        WHERE m.import_id = ${importId} AND m.account_id = ${accountId}`,
    ),
  );
}
