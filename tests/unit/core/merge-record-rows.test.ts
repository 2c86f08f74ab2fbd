import { expect, it } from 'vitest';
import type { Executor } from '../../../electron/core/db/database-types';
import { moveRecordRowsBack } from '../../../electron/core/entities/merge-record-rows';

it('an unmerge of a merge recorded before migration 0013 skips the call records it names', () => {
  // Then a merge moved the call records naming the duplicate; now they name an end of their
  // relation and come back with it, so only the transfers are moved back.
  const statements: string[] = [];
  const tx = {
    run: (query: { queryChunks: unknown[] }) => {
      statements.push(JSON.stringify(query.queryChunks));
      return { changes: 0, lastInsertRowid: 0 };
    },
  } as unknown as Executor;
  moveRecordRowsBack(
    tx,
    [
      { table: 'call_records', runs: [[1, 1_000]] },
      { table: 'money_transfers', runs: [[7, 9]] },
    ],
    'duplicate',
  );
  expect(statements).toHaveLength(1);
  expect(statements[0]).toContain('money_transfers');
  expect(statements[0]).toContain('account_id');
});
