import { describe, expect, it } from 'vitest';
import { accountAliasMap } from '../../electron/core/io/account-aliases';
import type { TransferRecord } from '../../electron/core/io/import-plan';

const row = (account: string, accountAlias: string | null) =>
  ({ account, accountAlias }) as TransferRecord;

describe("an account's other numbers", () => {
  it('follows a chain to its end, drops a number two accounts share and a loop', () => {
    expect([...accountAliasMap([row('X', 'Y'), row('Y', 'Z')])]).toEqual([
      ['Y', 'X'],
      ['Z', 'X'],
    ]);
    expect([...accountAliasMap([row('X', 'Y'), row('W', 'Y'), row('X', 'V')])]).toEqual([
      ['V', 'X'],
    ]);
    expect([...accountAliasMap([row('X', 'Y'), row('Y', 'X')])]).toEqual([['Y', 'X']]);
  });
});
