import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A 冲正 naming its transfer's serial (原交易流水号) undoes that transfer only where the two hold
 * to the same counterpart and lie within the window the pairing by amount gives: a serial
 * alone (serials repeat across a bank's systems) had cancelled a transfer to another party, or
 * one months before.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const account = '6217000000000510001';
const heading = [
  `账号：${account} 户名：闻人二`,
  '交易日期,交易时间,摘要,借贷标志,交易金额,余额,对方账号,对方户名,交易流水号,原交易流水号',
];
const transfer = (day: string) =>
  `${day},09:00:00,转账,借,"1,000.00","9,000.00",6217000000000510002,闻人X,S1,`;
const reversal = (day: string, counterpart: string, name: string) =>
  `${day},10:00:00,冲正,贷,"1,000.00","10,000.00",${counterpart},${name},S3,S1`;

async function importRows(fileName: string, rows: string[]) {
  return await c.ok('import.commit', {
    importId: fileName,
    fileName,
    contentBase64: Buffer.from([...heading, ...rows, ''].join('\r\n')).toString('base64'),
    template: 'transactions',
  });
}

/** The statement account's money relations, `from>to: transfers fen`. */
async function relationsOf() {
  const found = await c.ok('search.query', { text: account });
  const detail = await c.ok('entities.get', { id: found.groups[0]!.hits[0]!.id });
  return detail.relations
    .filter((relation) => relation.type === 'finances')
    .map(
      (relation) =>
        `${relation.fromLabel}>${relation.toLabel}: ${relation.eventCount} ${relation.amountFen}`,
    )
    .sort();
}

async function fresh() {
  c?.dispose();
  c = makeTestCore();
  await createTestWorkspace(c);
}

const counted = ['6217000000000510001>6217000000000510002: 1 100000'];
const undone = ['6217000000000510001>6217000000000510002: 0 0'];

describe('a 冲正 in a later import naming the serial of a transfer in an earlier one', () => {
  it('leaves a transfer to another counterpart counted, the reversal unmatched', async () => {
    await fresh();
    await importRows('transfers.csv', [transfer('2026-04-01')]);
    const summary = await importRows('reversal.csv', [
      reversal('2026-04-01', '6217000000000510003', '闻人Y'),
    ]);
    expect([summary.reversals, summary.unmatchedReversals]).toEqual([0, 1]);
    expect(await relationsOf()).toEqual(counted);
  });

  it('imported before that transfer, or after its import is deleted and made again, leaves it counted', async () => {
    await fresh();
    await importRows('reversal.csv', [reversal('2026-04-01', '6217000000000510003', '闻人Y')]);
    expect(await importRows('transfers.csv', [transfer('2026-04-01')])).toMatchObject({
      reversals: 0,
    });
    expect(await relationsOf()).toEqual(counted);
    await c.ok('import.delete', { importId: 'transfers.csv' });
    await importRows('transfers.csv', [transfer('2026-04-01')]);
    expect(await relationsOf()).toEqual(counted);
  });

  it('leaves a transfer five months before counted, the reversal unmatched', async () => {
    await fresh();
    await importRows('january.csv', [transfer('2026-01-05')]);
    const summary = await importRows('june.csv', [
      reversal('2026-06-01', '6217000000000510002', '闻人X'),
    ]);
    expect([summary.reversals, summary.unmatchedReversals]).toEqual([0, 1]);
    expect(await relationsOf()).toEqual(counted);
  });

  it('undoes it days later, to the same counterpart, masked or named alone', async () => {
    for (const [counterpart, name] of [
      ['6217000000000510002', '闻人X'],
      ['6217********0002', '闻人*'],
      ['', '闻人X'],
    ] as const) {
      await fresh();
      await importRows('transfers.csv', [transfer('2026-04-01')]);
      const summary = await importRows('reversal.csv', [reversal('2026-04-04', counterpart, name)]);
      expect({ counterpart, pairs: [summary.reversals, summary.unmatchedReversals] }).toEqual({
        counterpart,
        pairs: [1, 0],
      });
      expect(await relationsOf()).toEqual(undone);
    }
  });
});

describe('a 冲正 naming the serial of a transfer on its own statement', () => {
  it('leaves a transfer to another counterpart counted, the reversal unmatched', async () => {
    await fresh();
    const summary = await importRows('statement.csv', [
      transfer('2026-04-01'),
      reversal('2026-04-01', '6217000000000510003', '闻人Y'),
    ]);
    expect([summary.reversals, summary.unmatchedReversals]).toEqual([0, 1]);
    expect(await relationsOf()).toEqual(counted);
  });
});
