import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A tower dump (基站话单) lists every phone the cell saw: most of them by their signalling with
 * the network (位置更新, 开机, 关机, 切换, 寻呼), with no other party. Those rows had been refused,
 * and with them most of the phones on the tower. Each is now kept as the phone seen on the cell,
 * at its time, on its handset.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('a tower dump’s signalling rows', () => {
  it('place each phone on the cell: the dump imports whole, no call counted', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const summary = await c.ok('import.commit', {
      fileName: '基站话单.csv',
      contentBase64: base64(
        [
          '序号,用户号码,对方号码,开始时间,时长,业务类型,LAC,CI,IMEI,IMSI',
          '1,13812345678,13987654321,2026-04-01 08:12:33,83,主叫,22345,23101,861234567890123,460001234567890',
          '2,13900001111,,2026-04-01 08:13:00,0,位置更新,22345,23101,356789012345678,460001234567891',
          '3,13700002222,,2026-04-01 08:14:00,0,周期性位置更新,22345,23101,355555555555555,460001234567892',
          '4,18688889999,,2026-04-01 08:15:00,0,开机,22345,23101,352222222222222,460011234567893',
          '5,13312345678,,2026-04-01 08:16:00,0,关机,22345,23101,351111111111111,460031234567894',
          '6,13322223333,,2026-04-01 08:17:00,1200,上网,22345,23101,350000000000000,460031234567895',
          '7,13344445555,,2026-04-01 08:18:00,0,切换,22345,23101,359999999999999,460031234567896',
          '8,13366667777,,2026-04-01 08:19:00,0,寻呼,22345,23101,358888888888888,460031234567897',
        ].join('\n'),
      ),
      template: 'calls',
      importId: 'imp-tower',
    });
    expect(summary).toMatchObject({
      rows: 8,
      rejectedRows: 0,
      signals: 6,
      dataSessions: 1,
      withheldNumbers: 0,
      relationsCreated: 1,
    });
    const present = await c.ok('analytics.cellPresence', {
      cell: '22345-23101',
      from: '2026-04-01T00:00:00.000Z',
      to: '2026-04-01T01:00:00.000Z',
    });
    expect(present.rows.map((row) => row.number).sort()).toEqual([
      '13312345678',
      '13322223333',
      '13344445555',
      '13366667777',
      '13700002222',
      '13812345678',
      '13900001111',
      '18688889999',
    ]);
  });
});
