import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A tester's statement (own_moves.csv): 购买理财 500,000, 理财赎回 505,000, 活期转定期 300,000 to
 * the card's own sub-account and back, 基金申购 100,000: the holder's money between his own
 * accounts, all had been counted as money out and in. Only 结息 12.34 is money in.
 */
let c: TestCore;
beforeEach(async () => {
  c = makeTestCore();
  await createTestWorkspace(c);
});
afterEach(() => c.dispose());

const holder = '6217000000000440001';
const original = fs.readFileSync(
  path.join(import.meta.dirname, '../fixtures/records/bank-statement-own-moves.csv'),
  'utf8',
);

async function imported(text: string) {
  const file = {
    fileName: 'own_moves.csv',
    contentBase64: Buffer.from(text).toString('base64'),
    template: 'transactions' as const,
  };
  const preview = await c.ok('import.preview', file);
  await c.ok('import.commit', { ...file, importId: 'imp-own' });
  const found = await c.ok('search.query', { text: holder });
  const detail = await c.ok('entities.get', { id: found.groups[0]!.hits[0]!.id });
  return {
    setAside: (preview.setAside ?? []).map((row) => `${row.line} ${row.reason}`),
    money: detail.relations
      .filter((relation) => relation.type === 'finances')
      .map(
        (relation) =>
          `${relation.fromLabel}>${relation.toLabel}: ${relation.eventCount} ${relation.amountFen}`,
      )
      .sort(),
  };
}

describe('moves between the holder’s own accounts on a bank statement', () => {
  it('理财, 定期 and 基金 with no one on the other side are set aside; 结息 stays', async () => {
    expect(await imported(original)).toEqual({
      setAside: [
        '3 ownAccounts',
        '4 ownAccounts',
        '5 ownAccounts',
        '6 ownAccounts',
        '8 ownAccounts',
      ],
      money: [],
    });
  });

  it('another person’s account is never the holder’s own, whatever the words', async () => {
    const other = original
      .replace(
        '2026-04-01,10:00:00,购买理财产品,借,"500,000.00","100,000.00",,',
        '2026-04-01,10:00:00,购买理财产品,借,"500,000.00","100,000.00",6222000000000000009,司马二',
      )
      .replace(
        '6217000000000440001001,皇甫一\r\n2026-04-12',
        '6217000000000440001001,司马二\r\n2026-04-12',
      );
    expect(await imported(other)).toEqual({
      setAside: ['4 ownAccounts', '6 ownAccounts', '8 ownAccounts'],
      money: [
        `${holder}>6217000000000440001001: 1 30000000`,
        `${holder}>6222000000000000009: 1 50000000`,
      ],
    });
  });
});
