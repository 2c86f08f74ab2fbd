import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * 调证 platforms and most 移动/联通 call lists for police print where each row's cell is
 * (基站经度, 基站纬度, 基站地址), often instead of its LAC and CI. Those columns had been read
 * nowhere: the positions never came in, and a list without LAC/CI placed its target nowhere.
 * Each cell is now kept once per import with its coordinates and address (cell_sites), under
 * the key its records carry; a list without a cell id keys the cell by its coordinates.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const [target, other, third] = ['13987650001', '13812345678', '13712345678'];

/** The tester's file (finding #4): coordinates and address, no LAC or CI. */
const coordinatesOnly = [
  '用户号码,对方号码,呼叫类型,开始时间,通话时长,基站经度,基站纬度,基站地址',
  `${target},${other},主叫,2026-03-01 09:00:00,60,102.712251,25.040609,昆明市五华区`,
  `${target},${other},被叫,2026-03-01 09:10:00,60,102.71,25.04,昆明市`,
  // The first cell again, printed as 度分秒 with its hemisphere: the same key, placed once.
  `${target},${third},主叫,2026-03-01 09:20:00,30,E102°42′44.12″,N25°2′26.19″,昆明市五华区（重复）`,
  // A row the platform could not place: no site, no cell.
  `${target},${third},被叫,2026-03-01 09:30:00,30,,,`,
].join('\n');

/** LAC and CI beside the coordinates: the site is the cell's. */
const withCells = [
  '本机号码,对方号码,呼叫类型,开始时间,通话时长,LAC,CI,经度,纬度,基站位置',
  `${target},${other},主叫,2026-03-02 09:00:00,60,4123,12345,102.833,24.88,"昆明市官渡区, 关上"`,
  `${target},${other},主叫,2026-03-02 09:05:00,60,4123,12345,102.834,24.881,另一个写法`,
  `${target},${third},被叫,2026-03-02 09:10:00,60,4123,12346,0,0,无`,
].join('\n');

function db() {
  return c.router.sessions.current()!.sqlite;
}
const sites = () =>
  db()
    .prepare(
      'SELECT cell, import_id AS importId, longitude, latitude, address, line FROM cell_sites ORDER BY import_id, line',
    )
    .all();
const cells = () =>
  db().prepare('SELECT base_station AS cell, line FROM call_records ORDER BY line').all();

async function commit(importId: string, text: string, extra: Record<string, unknown> = {}) {
  return c.ok('import.commit', {
    fileName: `${importId}.csv`,
    contentBase64: base64(text),
    template: 'calls',
    importId,
    ...extra,
  });
}

describe('base stations a call list places by their coordinates', () => {
  it('are kept once per cell with the exact coordinates and address, keyed by the coordinates where no cell id is given', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const preview = await c.ok('import.preview', {
      fileName: 'cell_coords.csv',
      contentBase64: base64(coordinatesOnly),
      template: 'calls',
    });
    expect(preview.mapping).toMatchObject({ longitude: 5, latitude: 6, cellAddress: 7 });
    expect([preview.validCount, preview.problems]).toEqual([4, []]);
    const summary = await commit('imp-coords', coordinatesOnly);
    expect(summary).toMatchObject({ rows: 4, cellSites: 2 });
    expect(sites()).toEqual([
      { cell: '102.7123,25.0406', importId: 'imp-coords', longitude: 102.712251, latitude: 25.040609, address: '昆明市五华区', line: 2 },
      { cell: '102.7100,25.0400', importId: 'imp-coords', longitude: 102.71, latitude: 25.04, address: '昆明市', line: 3 },
    ]); // prettier-ignore
    expect(cells()).toEqual([
      { cell: '102.7123,25.0406', line: 2 },
      { cell: '102.7100,25.0400', line: 3 },
      { cell: '102.7123,25.0406', line: 4 },
      { cell: null, line: 5 },
    ]);
    // Who was there: the cell typed as its coordinates, with or without the space.
    const present = await c.ok('analytics.cellPresence', {
      cell: '102.712251, 25.040609',
      from: '2026-03-01T00:00:00Z',
      to: '2026-03-02T00:00:00Z',
    });
    expect(present.rows.map((row) => [row.number, row.sightings])).toEqual([[target, 2]]);
    expect(present.site).toEqual({ address: '昆明市五华区', lng: 102.712251, lat: 25.040609 });
  });

  it('are the LAC-CI cell’s where the list gives one: its first row’s position, none for 0/0', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    expect(await commit('imp-cells', withCells)).toMatchObject({ rows: 3, cellSites: 1 });
    expect(sites()).toEqual([
      { cell: '4123-12345', importId: 'imp-cells', longitude: 102.833, latitude: 24.88, address: '昆明市官渡区, 关上', line: 2 },
    ]); // prettier-ignore
    expect(cells()).toEqual([
      { cell: '4123-12345', line: 2 },
      { cell: '4123-12345', line: 3 },
      { cell: '4123-12346', line: 4 },
    ]);
  });

  it('refuses a position out of range, unreadable or half given, by its line', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const text = [
      '用户号码,对方号码,呼叫类型,开始时间,通话时长,基站经度,基站纬度,基站地址',
      `${target},${other},主叫,2026-03-01 09:00:00,60,102.712251,25.040609,昆明市五华区`,
      // The two columns swapped: a latitude of 102.
      `${target},${other},主叫,2026-03-01 09:01:00,60,25.040609,102.712251,昆明市`,
      `${target},${other},主叫,2026-03-01 09:02:00,60,190.5,25.04,昆明市`,
      `${target},${other},主叫,2026-03-01 09:03:00,60,102°75'00",25.04,昆明市`,
      `${target},${other},主叫,2026-03-01 09:04:00,60,102.71,,昆明市`,
      // Metres of another projection.
      `${target},${other},主叫,2026-03-01 09:05:00,60,11433864.5,2880000.1,昆明市`,
    ].join('\n');
    const preview = await c.ok('import.preview', {
      fileName: 'bad.csv',
      contentBase64: base64(text),
      template: 'calls',
    });
    expect(preview.validCount).toBe(1);
    expect(
      preview.problems.map((problem) => [
        problem.line,
        problem.field,
        problem.problem,
        problem.value,
      ]),
    ).toEqual([
      [3, 'latitude', 'coordinate', '102.712251'],
      [4, 'longitude', 'coordinate', '190.5'],
      [5, 'longitude', 'coordinate', `102°75'00"`],
      [6, 'latitude', 'coordinate', ''],
      [7, 'longitude', 'coordinate', '11433864.5'],
      [7, 'latitude', 'coordinate', '2880000.1'],
    ]);
    await expect(commit('imp-bad', text)).rejects.toThrow('import.invalidRows');
    expect(await commit('imp-bad', text, { skipInvalid: true })).toMatchObject({
      rows: 1,
      rejectedRows: 5,
      cellSites: 1,
    });
    expect(sites()).toEqual([
      { cell: '102.7123,25.0406', importId: 'imp-bad', longitude: 102.712251, latitude: 25.040609, address: '昆明市五华区', line: 2 },
    ]); // prettier-ignore
  });

  it('go with their import, and only its own: another import’s site of the same cell stays', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await commit('imp-coords', coordinatesOnly);
    await commit('imp-cells', withCells);
    // Another list placing the same cell as the first.
    await commit(
      'imp-again',
      [
        '用户号码,对方号码,呼叫类型,开始时间,通话时长,基站经度,基站纬度,基站地址',
        `${third},${other},主叫,2026-03-05 10:00:00,60,102.7122509,25.0406091,五华区`,
      ].join('\n'),
    );
    expect(sites()).toHaveLength(4);
    expect(await c.ok('import.delete', { importId: 'imp-coords' })).toMatchObject({
      callRecords: 4,
      cellSites: 2,
    });
    expect(sites()).toEqual([
      { cell: '102.7123,25.0406', importId: 'imp-again', longitude: 102.7122509, latitude: 25.0406091, address: '五华区', line: 2 },
      { cell: '4123-12345', importId: 'imp-cells', longitude: 102.833, latitude: 24.88, address: '昆明市官渡区, 关上', line: 2 },
    ]); // prettier-ignore
    await c.ok('import.delete', { importId: 'imp-cells' });
    await c.ok('import.delete', { importId: 'imp-again' });
    expect(sites()).toEqual([]);
  });
});
