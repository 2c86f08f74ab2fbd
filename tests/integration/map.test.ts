import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../helpers/test-core';

let c: TestCore;
let caseId: string;

beforeAll(async () => {
  c = makeTestCore();
  const demo = await c.ok('workspace.openDemo', {});
  await c.ok('session.unlock', {
    path: demo.path,
    username: demo.username,
    password: demo.password,
  });
  caseId = (await c.ok('cases.list', { text: 'A3301052026030015' })).rows[0]!.id;
}, 60_000);

afterAll(() => c?.dispose());

/** The demo's fictional 滨江市: the mean of its four located places (demo-coordinates.ts). */
const binjiang = { lng: 120.2023, lat: 30.284025 };
const kunming = { lng: 102.7431, lat: 25.0199 };

describe('map.data on the demo meth case', () => {
  it('draws Yunnan, Guangdong and Zhejiang, and the flow Yunnan → 滨江 with what was seized', async () => {
    const map = await c.ok('map.data', { caseId });
    expect(map.provinces).toEqual([
      { code: '330000', mapName: '浙江', places: 1, seizures: 3, households: 23, arrests: 5 },
      { code: '440000', mapName: '广东', places: 0, seizures: 0, households: 1, arrests: 0 },
      { code: '530000', mapName: '云南', places: 1, seizures: 0, households: 3, arrests: 2 },
    ]);
    expect(map.flows).toEqual([
      {
        fromKey: '530000/昆明市',
        toKey: '330000/滨江市',
        links: 2,
        buyers: 2,
        // 25.619 kg from 张某龙 and 381 g from 刘某, the two buyers of 李某华 in 滨江.
        seized: [{ drugType: 'methamphetamine', normalisedUnit: 'mg', amount: 26_000_000 }],
      },
      {
        fromKey: '530000/德宏傣族景颇族自治州',
        toKey: '530000/昆明市',
        links: 1,
        buyers: 1,
        seized: [],
      },
    ]);
    expect(map.localLinks).toBe(16);
    expect(map.unplacedLinks).toBe(0);
    const regions = Object.fromEntries(map.regions.map((region) => [region.key, region]));
    expect(Object.keys(regions)).toEqual([
      '330000/滨江市',
      '440000/揭阳市',
      '530000/德宏傣族景颇族自治州',
      '530000/昆明市',
    ]);
    expect(regions['330000/滨江市']).toEqual({
      key: '330000/滨江市',
      provinceCode: '330000',
      provinceName: '浙江',
      prefectureName: '滨江市',
      ...binjiang,
      locatedBy: 'places',
    });
    expect(regions['530000/昆明市']).toMatchObject({ ...kunming, locatedBy: 'places' });
    // 瑞丽市 is in 德宏州: at its prefecture's centre, not on Kunming (the province's capital).
    expect(regions['530000/德宏傣族景颇族自治州']).toMatchObject({
      lng: 98.1299,
      lat: 24.5874,
      locatedBy: 'prefecture',
    });
  });

  it('places seizures and arrests, and tells 户籍地 from the place of arrest', async () => {
    const map = await c.ok('map.data', { caseId });
    expect(map.places.map((place) => [place.name, place.region, place.seizures])).toEqual([
      ['城东物流园仓库', '330000/滨江市', 1],
      ['昆明官渡交易点', '530000/昆明市', 0],
    ]);
    // With the unit as entered and the case, for the tooltip (it had given a date and kg only).
    expect(
      map.seizures.map((s) => [s.place, s.amount, s.quantityUnit, s.caseNo, s.lng, s.lat]),
    ).toEqual([
      ['城东物流园仓库', 25_619_000, 'kg', 'A3301052026030015', 120.2986, 30.3012],
      ['滨江市江干区刘某住处', 381_000, 'g', 'A3301052026030015', binjiang.lng, binjiang.lat],
      ['滨江市余杭区吴某租住处', 118_600, 'g', 'A3301052026030015', binjiang.lng, binjiang.lat],
    ]);
    const person = (name: string) => map.people.find((p) => p.name === name)!;
    expect(person('李某华')).toMatchObject({
      householdKey: '530000/昆明市',
      arrestPlace: '云南省昆明市',
      arrestKey: '530000/昆明市',
      arrestLng: kunming.lng,
      arrestLat: kunming.lat,
    });
    expect(person('张某龙')).toMatchObject({
      householdKey: '330000/滨江市',
      arrestKey: '330000/滨江市',
      arrestLng: binjiang.lng,
    });
    // 外流: a Guangdong native in the Binjiang chain; 岩某 has no ID number, his household text decides.
    expect(person('赵某飞')).toMatchObject({ householdKey: '440000/揭阳市', arrestKey: null });
    expect(person('岩某').householdKey).toBe('530000/德宏傣族景颇族自治州');
  });

  it('filters by period: seizures by date, supply relations by the time they ran', async () => {
    const after = await c.ok('map.data', { caseId, from: '2026-07-01' });
    expect(after.seizures).toEqual([]);
    expect(after.people.filter((p) => p.arrestKey).map((p) => p.name)).toEqual([
      '李某华',
      '王某强',
    ]);
    // A supply with no end ran until a party was caught: 李某华's buyers in 滨江 were in June,
    // so July has only the source's supply to 李某华 (caught later).
    expect(after.flows.map((f) => [f.fromKey, f.toKey, f.seized])).toEqual([
      ['530000/德宏傣族景颇族自治州', '530000/昆明市', []],
    ]);
    // Years after the case, no supply runs.
    const later = await c.ok('map.data', { caseId, from: '2030-01-01', to: '2030-12-31' });
    expect([later.flows, later.localLinks]).toEqual([[], 0]);
    const before = await c.ok('map.data', { caseId, to: '2025-11-30' });
    expect(before.flows.map((f) => [f.fromKey, f.toKey, f.links])).toEqual([
      ['530000/德宏傣族景颇族自治州', '530000/昆明市', 1],
    ]);
    expect(before.localLinks).toBe(10);
    const bad = await c.call('map.data', { caseId, from: '2026-07-01', to: '2026-06-01' });
    expect(bad.ok).toBe(false);
  });

  it('locates a place picked on the map and records map exports, both audited', async () => {
    const all = await c.ok('map.data', {});
    const warehouse = all.places.find((place) => place.name === '恒泰公司仓库')!;
    await c.ok('map.locatePlace', { entityId: warehouse.entityId, lat: 30.32, lng: 120.36 });
    const moved = (await c.ok('map.data', {})).places.find(
      (p) => p.entityId === warehouse.entityId,
    );
    expect([moved?.lat, moved?.lng]).toEqual([30.32, 120.36]);
    await c.ok('map.recordExport', { caseId, format: 'png' });
    const audit = await c.ok('audit.list', { pageSize: 5 });
    expect(audit.rows.slice(0, 2).map((row) => row.action)).toEqual([
      'map.exported',
      'map.placeLocated',
    ]);
    const missing = await c.call('map.locatePlace', { entityId: caseId, lat: 1, lng: 1 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'entities.notFound' } });
  });
});

describe('map.data timing on the demo workspace', () => {
  it('answers the whole workspace in well under a second', async () => {
    const started = performance.now();
    for (let i = 0; i < 10; i += 1) await c.ok('map.data', {});
    const perCall = (performance.now() - started) / 10;
    expect(perCall).toBeLessThan(500);
  });
});

describe('map roles', () => {
  it('a viewer reads and exports the map but cannot move a place', async () => {
    const current = await c.ok('session.current', {});
    await c.ok('users.create', {
      username: 'mapviewer',
      displayName: '查看员',
      role: 'viewer',
      password: 'Role#Pass2026',
    });
    await c.ok('session.lock', {});
    await c.ok('session.unlock', {
      path: current.session!.workspacePath,
      username: 'mapviewer',
      password: 'Role#Pass2026',
    });
    const map = await c.ok('map.data', { caseId });
    expect(map.flows).toHaveLength(2);
    await c.ok('map.recordExport', { caseId, format: 'svg' });
    const place = map.places[0]!;
    expect(
      await c.call('map.locatePlace', { entityId: place.entityId, lat: 1, lng: 1 }),
    ).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
  });
});
