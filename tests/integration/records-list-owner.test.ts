import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A list of 主叫号码/被叫号码 that names its target nowhere: where one number is an end of every
 * record it is the target, and each row's IMEI and IMSI are its handset's (they had been dropped
 * without a word). A list of many phones (a tower dump) has no target: its IMEIs stay on the
 * records as printed, linked to no phone.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const target = '13800138000';

async function importList(lines: string[]) {
  c?.dispose();
  c = makeTestCore();
  await createTestWorkspace(c);
  return await c.ok('import.commit', {
    importId: 'imp-list',
    fileName: '详单.csv',
    contentBase64: iconv.encode(lines.join('\r\n'), 'gb18030').toString('base64'),
    template: 'calls',
  });
}

async function identifiersOf(number: string) {
  const found = await c.ok('search.query', { text: number });
  const id = found.groups.flatMap((group) => group.hits)[0]!.id;
  const identifiers = await c.ok('import.phoneIdentifiers', { phoneId: id });
  return identifiers.map((item) => `${item.type} ${item.value} ×${item.seenCount}`);
}

describe('the target of a 主叫/被叫 list that names none', () => {
  it('is the number at one end of every record; the IMEI and IMSI are its own', async () => {
    expect(
      await importList([
        '主叫号码,被叫号码,通话时间,通话时长,IMEI,IMSI',
        `${target},13900139000,2026-04-01 10:00:00,65,861234567890123,460001234567890`,
        `13700137000,${target},2026-04-01 11:00:00,30,861234567890123,460001234567890`,
        `${target},13700137000,2026-04-02 09:00:00,12,861234567890123,460001234567890`,
      ]),
    ).toMatchObject({ rows: 3, rejectedRows: 0 });
    expect(await identifiersOf(target)).toEqual([
      'imei 86123456789012 ×3',
      'imsi 460001234567890 ×3',
    ]);
    expect(await identifiersOf('13900139000')).toEqual([]);
  });

  it('a list of many phones has none: no phone takes the IMEIs', async () => {
    await importList([
      '主叫号码,被叫号码,通话时间,通话时长,IMEI,IMSI',
      `${target},13900139000,2026-04-01 10:00:00,65,861234567890123,460001234567890`,
      `13700137000,13600136000,2026-04-01 11:00:00,30,869876543210987,460009876543210`,
    ]);
    for (const number of [target, '13900139000', '13700137000', '13600136000'])
      expect(await identifiersOf(number)).toEqual([]);
  });
});
