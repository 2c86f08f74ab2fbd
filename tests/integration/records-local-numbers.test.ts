import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A landline printed without its area code (65123456) where a list names no area is a number
 * of the target's city, and the list does not say which. Two targets' lists from two cities
 * had made it one phone: a common contact in 话单碰撞 and a path between unrelated targets.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const header = '本机号码,对方号码,呼叫类型,开始时间,通话时长';
const kunming = '13987650001';
const beijing = '13601010001';

async function commit(importId: string, lines: string[], areaCode?: string) {
  return c.ok('import.commit', {
    fileName: `${importId}.csv`,
    contentBase64: Buffer.from([header, ...lines].join('\n')).toString('base64'),
    template: 'calls',
    importId,
    ...(areaCode && { areaCode }),
  });
}

describe('a landline without its area code', () => {
  it('is kept apart per target: no common contact, no path; one target’s two lists share it', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await commit('imp-a', [`${kunming},65123456,主叫,2026-03-01 09:00:00,60`]);
    await commit('imp-b', [`${beijing},65123456,被叫,2026-03-02 09:00:00,30`]);
    // The Kunming target's second list: the same number of his city.
    await commit('imp-c', [`${kunming},65123456,被叫,2026-03-05 09:00:00,20`]);
    const common = await c.ok('analytics.commonContacts', { phones: [kunming, beijing] });
    expect(common.total).toBe(0);
    const idOf = async (number: string) =>
      (await c.ok('search.query', { text: number })).groups[0]!.hits[0]!.id;
    const paths = await c.ok('graph.paths', {
      fromId: await idOf(kunming),
      toId: await idOf(beijing),
    });
    expect(paths.paths).toEqual([]);
    const found = await c.ok('search.query', { text: '65123456' });
    const phones = found.groups.flatMap((group) => group.hits.map((hit) => hit.title)).sort();
    expect(phones).toEqual(['65123456（13601010001本地）', '65123456（13987650001本地）']);
    const profile = await c.ok('analytics.contactProfile', { phone: kunming });
    expect(
      profile.period.topByCount.map((contact) => [
        contact.number,
        contact.numberType,
        contact.calls,
      ]),
    ).toEqual([['65123456（13987650001本地）', 'local', 2]]);
  });

  it('with the area given, is that city’s landline', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await commit('imp-a', [`${kunming},65123456,主叫,2026-03-01 09:00:00,60`], '0871');
    const found = await c.ok('search.query', { text: '087165123456' });
    expect(found.groups.flatMap((group) => group.hits.map((hit) => hit.title))).toEqual([
      '087165123456',
    ]);
  });
});
