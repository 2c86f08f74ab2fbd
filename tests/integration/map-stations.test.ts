import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * The map places the base stations call lists give coordinates for (基站经度, 基站纬度) where the
 * case's phones were in the period, with the list's address and the phones seen there. Nothing
 * from a call list had reached the map.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const [target, other, stranger] = ['13987650001', '13812345678', '13600136000'];

async function commit(importId: string, rows: string[], caseId?: string) {
  return c.ok('import.commit', {
    fileName: `${importId}.csv`,
    contentBase64: base64(
      [
        '用户号码,对方号码,呼叫类型,开始时间,通话时长,LAC,CI,基站经度,基站纬度,基站地址',
        ...rows,
      ].join('\n'),
    ),
    template: 'calls',
    importId,
    ...(caseId ? { caseId } : {}),
  });
}

describe('base stations on the map', () => {
  it('are the placed cells the case’s phones were on in the period, with their address and phones', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const theCase = await c.ok('cases.create', {
      caseNo: 'A5301-J01',
      title: '基站定位测试案',
      offenceType: 'trafficking',
      openedOn: '2026-03-01',
    });
    await commit(
      'imp-target',
      [
        `${target},${other},主叫,2026-03-01 09:00:00,60,,,102.712251,25.040609,昆明市五华区`,
        `${target},${other},被叫,2026-03-01 10:00:00,60,,,102.712251,25.040609,昆明市五华区`,
        `${target},${other},主叫,2026-03-02 09:00:00,60,4123,12345,102.833,24.88,`,
        `${target},${other},主叫,2026-03-09 09:00:00,60,4123,12346,97.851,24.012,瑞丽市姐告`,
      ],
      theCase.id,
    );
    // A phone of no case, on the first cell too: on the map of every case only.
    await commit('imp-stranger', [
      `${stranger},${other},主叫,2026-03-01 11:00:00,60,,,102.712251,25.040609,五华区`,
    ]);
    const map = await c.ok('map.data', {
      caseId: theCase.id,
      from: '2026-03-01',
      to: '2026-03-05',
    });
    expect(map.stations).toEqual([
      {
        cell: '102.7123,25.0406',
        lng: 102.712251,
        lat: 25.040609,
        address: '昆明市五华区',
        phones: [{ number: target, sightings: 2 }],
        phoneCount: 1,
        sightings: 2,
      },
      {
        cell: '4123-12345',
        lng: 102.833,
        lat: 24.88,
        address: null,
        phones: [{ number: target, sightings: 1 }],
        phoneCount: 1,
        sightings: 1,
      },
    ]);
    const everyCase = await c.ok('map.data', {});
    expect(
      everyCase.stations.map((station) => [station.cell, station.address, station.phones]),
    ).toEqual([
      [
        '102.7123,25.0406',
        '昆明市五华区',
        [
          { number: target, sightings: 2 },
          { number: stranger, sightings: 1 },
        ],
      ],
      ['4123-12345', null, [{ number: target, sightings: 1 }]],
      ['4123-12346', '瑞丽市姐告', [{ number: target, sightings: 1 }]],
    ]);
    // Deleting the list takes its stations off the map; the other list's stays, where it put it.
    await c.ok('import.delete', { importId: 'imp-target' });
    expect(
      (await c.ok('map.data', {})).stations.map((station) => [
        station.cell,
        station.address,
        station.phones,
      ]),
    ).toEqual([['102.7123,25.0406', '五华区', [{ number: stranger, sightings: 1 }]]]);
  });
});
