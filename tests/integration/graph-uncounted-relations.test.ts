import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A money relation an import made whose every transfer was undone (a transfer and its 冲正, on
 * one statement or two) counts nothing: it stays listed on the account with its rows, for the
 * drill-down, but is no line on the chart, where it had stood as 0 笔 beside the real ones.
 * Deleting the import of the 冲正 brings it back with the transfer.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const t = '6230000000000000055';
const j = '6222020200112230030';
const e = '6222021234567890125';
const header = '交易卡号,交易日期,交易时间,借贷标志,交易金额,对方账号,对方户名,摘要';
const names = new Map([
  [t, 'T'],
  [j, 'J'],
  [e, 'E'],
]);

const commit = (importId: string, lines: string[]) =>
  c.ok('import.commit', {
    importId,
    fileName: `${importId}.csv`,
    contentBase64: Buffer.from(lines.join('\r\n'), 'utf8').toString('base64'),
    template: 'transactions',
  });

async function idOf(account: string) {
  const found = await c.ok('search.query', { text: account });
  return found.groups.flatMap((group) => group.hits)[0]!.id;
}

/** T's chart (one hop) as `from>to: count fen`, and T's listed money relations the same way. */
async function chartAndListOfT() {
  const graph = await c.ok('graph.neighbourhood', { entityIds: [await idOf(t)] });
  const label = new Map(graph.nodes.map((node) => [node.id, names.get(node.label) ?? node.label]));
  const chart = graph.edges
    .map(
      (edge) =>
        `${label.get(edge.from)}>${label.get(edge.to)}: ${edge.eventCount} ${edge.amountFen}`,
    )
    .sort();
  const detail = await c.ok('entities.get', { id: await idOf(t) });
  const listed = detail.relations
    .filter((relation) => relation.type === 'finances')
    .map(
      (relation) =>
        `${names.get(relation.fromLabel)}>${names.get(relation.toLabel)}: ${relation.eventCount} ${relation.amountFen}`,
    )
    .sort();
  return { chart, listed };
}

describe('a money relation whose every transfer was undone', () => {
  it('is not drawn while the 冲正 of another statement undoes its transfer; drawn again once that statement is deleted', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await commit('imp-mar', [
      header,
      `${t},20260331,100000,借,"5,000.00",${j},蒋某,转账`,
      `${t},20260331,120000,借,"700.00",${e},王某,转账`,
    ]);
    await commit('imp-apr', [header, `${t},20260401,080000,贷,"5,000.00",${j},蒋某,冲正`]);
    expect(await chartAndListOfT()).toEqual({
      chart: ['T>E: 1 70000'],
      listed: ['T>E: 1 70000', 'T>J: 0 0'],
    });
    await c.ok('import.delete', { importId: 'imp-apr' });
    expect(await chartAndListOfT()).toEqual({
      chart: ['T>E: 1 70000', 'T>J: 1 500000'],
      listed: ['T>E: 1 70000', 'T>J: 1 500000'],
    });
  });

  it('is not drawn where the transfer and its 冲正 are on one statement; a relation entered by hand with 0 stays drawn', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await commit('imp-a', [
      header,
      `${t},20260331,100000,借,"5,000.00",${j},蒋某,转账`,
      `${t},20260401,090000,贷,"5,000.00",${j},蒋某,冲正`,
      `${t},20260402,100000,借,"700.00",${e},王某,转账`,
    ]);
    expect(await chartAndListOfT()).toEqual({
      chart: ['T>E: 1 70000'],
      listed: ['T>E: 1 70000', 'T>J: 0 0'],
    });
    // An investigator's own 资金往来 of no count is what they entered: drawn.
    await c.ok('relations.create', {
      fromEntityId: await idOf(j),
      toEntityId: await idOf(t),
      type: 'finances',
      eventCount: 0,
    });
    expect((await chartAndListOfT()).chart).toEqual(['J>T: 0 null', 'T>E: 1 70000']);
  });

  it('is not drawn where every row is a copy of a payment another relation counts (a WeChat bill before the 财付通 调证)', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const fixtures = path.resolve(__dirname, '../fixtures/records');
    for (const file of ['wechat-bill-along.csv', 'tenpay-along.csv'])
      await c.ok('import.commit', {
        importId: file,
        fileName: file,
        contentBase64: fs.readFileSync(path.join(fixtures, file)).toString('base64'),
        template: 'transactions',
      });
    const graph = await c.ok('graph.neighbourhood', { entityIds: [await idOf('wxid_along01')] });
    const label = new Map(graph.nodes.map((node) => [node.id, node.label]));
    expect(
      graph.edges.map(
        (edge) =>
          `${label.get(edge.from)}>${label.get(edge.to)}: ${edge.eventCount} ${edge.amountFen}`,
      ),
    ).toEqual(['wxid_along01>wxid_laozhou: 1 250000']);
  });
});
