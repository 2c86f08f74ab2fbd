import { expect, it } from 'vitest';
import type { Executor } from '../../../electron/core/db/database-types';
import { moveRecordRowsBack } from '../../../electron/core/entities/merge-record-rows';

it('an unmerge turns the call records its merge moved to the end of their relation that is the duplicate again', () => {
  // Before migration 0013 a merge gave the kept phone every call record naming the duplicate;
  // the record ids stand, and the relations are back at the duplicate when this runs.
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
    'kept',
  );
  expect(statements).toHaveLength(2);
  expect(statements[0]).toContain('UPDATE call_records SET own_end');
  expect(statements[0]).toContain('duplicate');
  expect(statements[1]).toContain('money_transfers');
  expect(statements[1]).toContain('account_id');
  // Only rows still on the kept entity go back: an ID of a run deleted since and given to
  // another account's row stays that account's.
  expect(statements[1]).toContain('kept');
});
