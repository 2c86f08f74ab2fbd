import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * B's statement names B's account by its card (交易卡号) and its account number (交易账号); X's
 * statement names B by the account number. Both numbers lead to one account, in either order of
 * import: the transfer on both statements is counted once, and the money trace follows it on
 * through B. Before, the card was an account of its own: the 5,000 counted twice (X→账号 and
 * X→卡号) and the trace from X stopped at the account number.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const x = '6228480398271645312';
const card = '6217001540009283746';
const number = '31001500000050012345';
const y = '6222021234567890125';

const statementX = [
  '交易卡号,交易时间,交易金额,借贷标志,对手账号',
  `${x},2026-04-01 10:00:00,5000.00,借,${number}`,
  `${x},2026-04-02 09:00:00,300.00,借,${number}`,
];
const statementB = [
  '交易卡号,交易账号,交易时间,交易金额,借贷标志,对手账号',
  `${card},${number},2026-04-01 10:01:00,5000.00,贷,${x}`,
  `${card},${number},2026-04-01 11:00:00,2000.00,借,${y}`,
];

async function importStatement(importId: string, lines: string[]) {
  return await c.ok('import.commit', {
    importId,
    fileName: `${importId}.csv`,
    contentBase64: iconv.encode(lines.join('\r\n'), 'gb18030').toString('base64'),
    template: 'transactions',
  });
}

/** The entities a search for each number finds (their labels). */
async function found(...numbers: string[]) {
  const labels: string[][] = [];
  for (const text of numbers) {
    const result = await c.ok('search.query', { text });
    labels.push(result.groups.flatMap((group) => group.hits.map((hit) => hit.title)));
  }
  return labels;
}

/** X's money relations as `to: count fen copies`, and the trace from X as paths. */
async function moneyFromX() {
  const [hit] = (await c.ok('search.query', { text: x })).groups[0]!.hits;
  const detail = await c.ok('entities.get', { id: hit!.id });
  const relations: string[] = [];
  for (const relation of detail.relations.filter((item) => item.type === 'finances')) {
    const records = await c.ok('import.records', { relationId: relation.id });
    relations.push(
      `${relation.toLabel}: ${relation.eventCount} ${relation.amountFen} copies ${records.counts.copies}`,
    );
  }
  const trace = await c.ok('analytics.moneyTrace', { account: x });
  return { relations, paths: trace.accounts.map((account) => account.path.join('>')) };
}

describe("an account's card and account number are one account", () => {
  it('the payer’s statement first: the card is read as the account number it names', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await importStatement('imp-x', statementX);
    expect(await importStatement('imp-b', statementB)).toMatchObject({ copies: 1 });
    expect(await moneyFromX()).toEqual({
      relations: [`${number}: 2 530000 copies 1`],
      paths: [x, `${x}>${number}`, `${x}>${number}>${y}`],
    });
    // Either number finds the one account.
    expect(await found(card, number)).toEqual([[number], [number]]);
    // Deleting both imports leaves nothing behind.
    await c.ok('import.delete', { importId: 'imp-b' });
    expect(await found(card, number)).toEqual([[], [number]]);
    await c.ok('import.delete', { importId: 'imp-x' });
    expect(await found(card, number, x, y)).toEqual([[], [], [], []]);
  });

  it('the statement with both numbers first: a later counterpart by account number is the card', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await importStatement('imp-b', statementB);
    expect(await importStatement('imp-x', statementX)).toMatchObject({ copies: 1 });
    expect(await moneyFromX()).toEqual({
      relations: [`${card}: 2 530000 copies 1`],
      paths: [x, `${x}>${card}`, `${x}>${card}>${y}`],
    });
    expect(await found(card, number)).toEqual([[card], [card]]);
    await c.ok('import.delete', { importId: 'imp-x' });
    await c.ok('import.delete', { importId: 'imp-b' });
    expect(await found(card, number, x, y)).toEqual([[], [], [], []]);
  });
});
