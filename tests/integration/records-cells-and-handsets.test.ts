import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pick, importPreviews } from '../helpers/import-preview';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * Cells and handsets as carriers print them, from a tester's files: one 4G cell printed seven
 * ways had been three base stations (同基站伴随 found 5 pairs of 21); placeholder IMEIs
 * (000000…, FFFF…, 123456789012345) had linked strangers' phones as one handset's SIMs; a second
 * export printing minutes alone had put a phone on its cell twice.
 */
let c: TestCore;
beforeEach(async () => {
  c = makeTestCore();
  await createTestWorkspace(c);
});
afterEach(() => c.dispose());

const { planned } = importPreviews(() => c);
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function commit(importId: string, lines: string[]) {
  return c.ok('import.commit', {
    fileName: `${importId}.csv`,
    contentBase64: base64(lines.join('\n') + '\n'),
    template: 'calls',
    importId,
  });
}

const row = '主叫,2026-03-01 10:00:00,60';
// TAC 9763, eNodeB 482253, cell 137: ECI 482253 × 256 + 137 = 123456905.
const forms: [string, string][] = [
  ['TAC,ECI', '9763,123456905'],
  ['ECI', '123456905'],
  ['eNBID,CellID', '482253,137'],
  ['基站', '482253-137'],
  ['TAC,eNodeB,小区', '9763,482253,137'],
  ['ECGI', '460-00-482253-137'],
  ['基站号,小区号', '482253,137'],
  ['ECGI', '460-00-123456905'],
  ['ECGI', '460-00-75BCD89'],
  ['TAC,ECI', '0,123456905'],
  ['TAC(16进制),ECI(16进制)', '2623,75BCD89'],
];

/** The base station of each row of a call list with these cell columns. */
const cellsOf = async (columns: string, cells: string[]) =>
  pick(
    (
      await planned('calls', [
        `本机号码,对方号码,呼叫类型,开始时间,通话时长,${columns}`,
        ...cells.map((cell) => `13800000001,13911110000,${row},${cell}`),
      ])
    ).sample,
    ['baseStation'],
  ).map(([cell]) => cell);

describe('one key per cell', () => {
  it('a 4G cell printed as TAC+ECI, ECI, eNodeB and cell, ECGI, in hex: one base station', async () => {
    const keys: string[] = [];
    for (const [columns, cells] of forms) {
      const plan = await planned('calls', [
        `本机号码,对方号码,呼叫类型,开始时间,通话时长,${columns}`,
        `13800000001,13911110000,${row},${cells}`,
      ]);
      keys.push(`${columns}: ${String(pick(plan.sample, ['baseStation'])[0]![0])}`);
    }
    expect(keys).toEqual(forms.map(([columns]) => `${columns}: 123456905`));
  });

  it('5G: a gNodeB and its cell are the NCI (24-bit gNodeB), as a hex NCI column reads', async () => {
    expect(await cellsOf('TAC,gNodeB ID,小区ID', ['9763,1234567,1'])).toEqual(['5056786433']);
    // Hex NCIs (nine digits), one of them without a letter.
    expect(
      await cellsOf('TAC,NCI', ['00A1B2,13B4E5F01', '00A1B2,123456789', '00A1B2,12B4E5F02']),
    ).toEqual(['5289959169', '4886718345', '5021523714']);
  });

  it('5G in a 基站 column: a gNodeB-cell pair, NR/gNB notation, a 5G header, an NCI past 28 bits are NCIs', async () => {
    // gNodeB 567890, cell 1: NCI 567890 × 4096 + 1 = 2326077441; gNodeB 1234567 (past an
    // eNodeB's 20 bits), cell 1: 5056786433; gNodeB 567890, cell 300 (past an eNodeB cell's 8
    // bits): 2326077740.
    expect(
      await cellsOf('基站', [
        '1234567-1',
        '567890-300',
        'gNB:567890 cell:1',
        'NR 567890-1',
        '5G:567890-1',
        'gNB-cell 567890-1',
        'gNBID=567890;CellID=1',
      ]),
    ).toEqual([
      '5056786433',
      '2326077740',
      '2326077441',
      '2326077441',
      '2326077441',
      '2326077441',
      '2326077441',
    ]);
    expect(
      await cellsOf('基站', [
        'NCI:2326077441',
        'NR 6488123-2326077441',
        '2326077441',
        'NR:8AA52-1',
      ]),
    ).toEqual(['2326077441', '2326077441', '2326077441', '2326077441']);
    // A column its header names 5G: its pairs are gNodeB and cell, not eNodeB and cell.
    expect(await cellsOf('5G基站', ['567890-1', '1234567-2'])).toEqual([
      '2326077441',
      '5056786434',
    ]);
    expect(await cellsOf('基站号(gNB),小区号', ['567890,1', '567890,2'])).toEqual([
      '2326077441',
      '2326077442',
    ]);
    // gNodeB IDs past 20 bits beside 小区号: each pair the NCI, the smaller IDs' too.
    expect(await cellsOf('基站号,小区号', ['1234567,1', '567890,1'])).toEqual([
      '5056786433',
      '2326077441',
    ]);
    // 4G stays 4G: an eNodeB and its cell, and a column of both generations.
    expect(await cellsOf('基站', ['482253-137'])).toEqual(['123456905']);
    expect(await cellsOf('基站(4G/5G)', ['482253-137'])).toEqual(['123456905']);
  });

  it("a list giving the 4G and the 5G cell apart: a 5G row's cell is its NCI, which had been dropped", async () => {
    // gNodeB 567890, cell 1: NCI 567890 × 4096 + 1 = 2326077441 (a 24-bit 5G TAC beside it).
    expect(
      await cellsOf('网络制式,TAC,ECI,NCI', ['4G,25301,123456905,', '5G,6488123,,2326077441']),
    ).toEqual(['123456905', '2326077441']);
    expect(await cellsOf('4G小区,5G小区', ['123456905,', ',2326077441'])).toEqual([
      '123456905',
      '2326077441',
    ]);
    // A 5G-only list's NCI column is its cell, as before.
    expect(await cellsOf('TAC,NCI', ['6488123,2326077441'])).toEqual(['2326077441']);
  });

  it('a number alone short of 17 bits (a CDMA BSID, a CI) is no cell; 9763.0 and a full-width dash are read', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,基站',
      `13300000001,13911110000,${row},4660`,
      `13300000001,13911110000,${row},9763－41235`,
      `13300000001,13911110000,${row},昆明五华基站`,
    ]);
    expect(pick(plan.sample, ['baseStation'])).toEqual([[null], ['9763-41235'], ['昆明五华基站']]);
    const floats = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,LAC,CI',
      `13300000001,13911110000,${row},9763.0,41235.0`,
    ]);
    expect(pick(floats.sample, ['baseStation'])).toEqual([['9763-41235']]);
  });

  it('seven phones on one cell printed seven ways are together: 21 pairs, seven on the cell', async () => {
    const phones: string[] = [];
    for (const [index, [columns, cells]] of forms.slice(0, 7).entries()) {
      const phone = `1380000000${index + 1}`;
      phones.push(phone);
      await commit(`imp-${index}`, [
        `本机号码,对方号码,呼叫类型,开始时间,通话时长,${columns}`,
        `${phone},13911110000,主叫,2026-03-01 10:0${index}:00,60,${cells}`,
      ]);
    }
    const together = await c.ok('analytics.colocation', {
      phones,
      windowMinutes: 10,
      minOccasions: 1,
    });
    expect(together.pairs.length).toBe(21);
    for (const cell of ['9763-123456905', '460-00-482253-137', '482253-137', '123456905']) {
      const present = await c.ok('analytics.cellPresence', {
        cell,
        from: '2026-03-01T01:00:00Z',
        to: '2026-03-01T03:00:00Z',
      });
      expect([cell, present.total]).toEqual([cell, 7]);
    }
  });
});

describe('handsets', () => {
  it('placeholder IMEIs link no phones; a decimal MEID is the hex one; an IMSI with a label or spaces is read', async () => {
    const header = '本机号码,对方号码,呼叫类型,开始时间,通话时长,IMEI,IMSI';
    const placeholders = [
      '000000000000000',
      '00000000000000',
      'FFFFFFFFFFFFFF',
      '123456789012345',
      '8.61234567890123E+14',
      // A serial of zeros, a type code of two digits and zeros.
      '35-000000-000000-0',
      '350000001234561',
    ];
    // Each shown by two targets' lists (the whole IMEI Excel wrote as a figure by one).
    for (const [index, imei] of placeholders.entries())
      for (const target of imei.includes('E+') ? [1] : [1, 2])
        await commit(`imp-${index}-${target}`, [
          header,
          `137000${target}001${index},13911119999,${row},${imei},4600012345${target}781${index}`,
        ]);
    const links = c.router.sessions
      .current()!
      .sqlite.prepare("SELECT count(*) FROM relations WHERE type IN ('same_handset', 'other')")
      .pluck()
      .get();
    expect(links).toBe(0);
    const plan = await planned('calls', [
      header,
      `13300000031,13911119999,${row},270113177609952346,IMSI:460031234567833`,
      `13300000032,13911119999,${row},A100000097DC5A,460 03 1234567834`,
      // A hex MEID with an E between digits is no number in scientific notation.
      `13300000033,13911119999,${row},A0000E12345678,460031234567835`,
    ]);
    expect(pick(plan.sample, ['imei', 'imsi'])).toEqual([
      ['A100000097DC5A', '460031234567833'],
      ['A100000097DC5A', '460031234567834'],
      ['A0000E12345678', '460031234567835'],
    ]);
  });

  it('a second export printing minutes alone puts the phone on its cell once, at the second the first gives', async () => {
    const header = '本机号码,对方号码,呼叫类型,开始时间,通话时长,LAC,CI';
    await commit('imp-a', [
      header,
      '13512340001,13612340002,主叫,2026-03-03 23:58:30,150,9763,41235',
    ]);
    await commit('imp-b', [header, '13512340001,13612340002,主叫,2026/3/3 23:58,150,9763,41235']);
    await commit('imp-c', [
      header,
      '13612340002,13512340001,被叫,2026-03-03 23:58:30,150,9763,41235',
    ]);
    const present = await c.ok('analytics.cellPresence', {
      cell: '9763-41235',
      from: '2026-03-03T12:00:00Z',
      to: '2026-03-03T22:00:00Z',
    });
    expect(present.rows.map((item) => [item.number, item.sightings, item.firstAt])).toEqual([
      ['13512340001', 1, '2026-03-03T15:58:30.000Z'],
      ['13612340002', 1, '2026-03-03T15:58:30.000Z'],
    ]);
    const together = await c.ok('analytics.colocation', {
      phones: ['13512340001', '13612340002'],
      minOccasions: 1,
    });
    expect(together.pairs.map((pair) => pair.occasions.map((item) => item.gapSeconds))).toEqual([
      [0],
    ]);
  });

  it('a combined 基站 column in hex reads every pair as hex, those without a letter too', async () => {
    const cells = async (header: string) =>
      pick(
        (
          await planned('calls', [
            `本机号码,对方号码,呼叫类型,开始时间,通话时长,${header}`,
            '18687654321,13987654321,主叫,2026-04-01 08:00:01,10,5749-5A3D',
            '18687654321,13987654321,主叫,2026-04-01 08:10:02,10,5749-5A3E',
            '18687654321,13987654321,主叫,2026-04-01 08:20:03,10,574A-9C41',
            '18687654321,13987654321,主叫,2026-04-01 08:30:04,10,5749-2310',
          ])
        ).sample,
        ['baseStation'],
      ).flat();
    expect(await cells('基站(LAC-CI)')).toEqual([
      '22345-23101',
      '22345-23102',
      '22346-40001',
      '22345-8976',
    ]);
    expect(await cells('LAC-CI(16进制)')).toEqual([
      '22345-23101',
      '22345-23102',
      '22346-40001',
      '22345-8976',
    ]);
  });

  it('a 基站号 column of eNodeB IDs beside a 小区号 under 256: every pair is the ECI, small eNodeBs too', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,网络类型,基站号,小区号',
      '13311112222,13987654321,主叫,2026-04-01 08:00:00,10,4G,12345,1',
      '13311112222,13987654321,主叫,2026-04-01 09:00:00,10,4G,654321,2',
      '13311112222,13987654321,主叫,2026-04-01 10:00:00,10,4G,54321,3',
    ]);
    expect(pick(plan.sample, ['baseStation']).flat()).toEqual(['3160321', '167506178', '13906179']);
    // A 2G list's 基站号 (a LAC: none past 16 bits) beside its CI stays LAC-CI.
    const twoG = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,基站号,小区号',
      '13311112222,13987654321,主叫,2026-04-01 08:00:00,10,12345,1',
      '13311112222,13987654321,主叫,2026-04-01 09:00:00,10,54321,3',
    ]);
    expect(pick(twoG.sample, ['baseStation']).flat()).toEqual(['12345-1', '54321-3']);
  });
});
