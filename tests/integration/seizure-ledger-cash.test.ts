import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * A 缴获台账's 毒资 column had no field: dropped without a word, the seizures it brought in bulk
 * never reached the 成绩单's 缴获毒资 (stats counts seizures' cash only).
 */
let c: TestCore;
let caseId: string;
beforeEach(async () => {
  c = makeTestCore();
  await createTestWorkspace(c);
  caseId = (
    await c.ok('cases.create', {
      caseNo: 'A3301052026030015',
      title: '岩某贩卖毒品案',
      offenceType: 'trafficking',
      openedOn: '2026-03-01',
    })
  ).id;
});
afterEach(() => c.dispose());

async function importLedger(importId: string, lines: string[]) {
  return await c.ok('import.commit', {
    importId,
    fileName: `${importId}.csv`,
    contentBase64: Buffer.from(lines.join('\r\n')).toString('base64'),
    template: 'seizures',
  });
}

describe("a seizure ledger's drug money", () => {
  it('缴获毒资(元) and 毒资(万元) are the seizures’ cash, and the 成绩单 adds them up', async () => {
    const yuan = await c.ok('import.preview', {
      fileName: 'sz3.csv',
      contentBase64: Buffer.from(
        [
          '案件编号,缴获时间,缴获地点,持有人,毒品种类,数量,单位,缴获毒资(元),物证编号',
          'A3301052026030015,2026-03-05,昆明市某小区,,甲基苯丙胺,52.3,克,"52,000.00",WZ001',
          'A3301052026030015,2026-03-05,昆明市某小区,,海洛因,5,克,一万,WZ002',
        ].join('\r\n'),
      ).toString('base64'),
      template: 'seizures',
    });
    expect(yuan.headers[yuan.mapping['cash']!]).toBe('缴获毒资(元)');
    expect(
      yuan.problems.map(({ line, field, problem, value }) => [line, field, problem, value]),
    ).toEqual([[3, 'cash', 'amount', '一万']]);
    await importLedger('ledger-yuan', [
      '案件编号,缴获时间,缴获地点,毒品种类,数量,单位,缴获毒资(元),物证编号',
      'A3301052026030015,2026-03-05,昆明市某小区,甲基苯丙胺,52.3,克,"52,000.00",WZ001',
      'A3301052026030015,2026-03-06,昆明市某小区,海洛因,5,克,,WZ002',
    ]);
    await importLedger('ledger-wan', [
      '案件编号,缴获日期,毒品种类,数量,单位,毒资(万元)',
      'A3301052026030015,2026-03-07,甲基苯丙胺,10,克,1.25',
    ]);
    const seizures = await c.ok('seizures.list', { caseId, page: 1, pageSize: 50 });
    // Seized on 03-05, 03-06 and 03-07, China time.
    expect(
      seizures.rows.map((item) => [item.seizedAt, item.drugType, item.cashFen]).sort(),
    ).toEqual([
      ['2026-03-04T16:00:00.000Z', 'methamphetamine', 5_200_000],
      ['2026-03-05T16:00:00.000Z', 'heroin', null],
      ['2026-03-06T16:00:00.000Z', 'methamphetamine', 1_250_000],
    ]);
    const stats = await c.ok('stats.unit', { from: '2026-03-01', to: '2026-03-31' });
    expect(stats.drugMoneyFen).toBe(6_450_000);
  });
});
