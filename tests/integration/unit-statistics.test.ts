import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

/**
 * Four cases, counted by hand below:
 * A 一大队, opened 2026-02-01, solved 2026-03-10, 公安部目标案件: S1 detained 03-10, S2 arrested
 *   03-20, S3 at large; drug users U1 (also in D, 2025) and U2; a gang; meth 25.619 kg + 381 g on
 *   03-10 with ¥12,345.67.
 * B 一大队, opened 2025-11-01, solved 2026-04-20, 厅目标案件: S4 arrested 04-20, S1 arrested 04-21;
 *   a factory; heroin 50 g on 04-20.
 * C 二大队, opened 2026-05-01, not solved: S5 detained 05-02; ketamine 2 kg on 05-02.
 * D 一大队, opened 2025-01-01, solved 2025-06-01: U1; heroin 1 kg on 2025-06-01 (before the period).
 */
async function fixture() {
  c = makeTestCore();
  await createTestWorkspace(c);
  const createCase = async (
    caseNo: string,
    unit: string,
    openedOn: string,
    supervisionLevel: 'ministry' | 'province' | 'city' | 'ordinary',
    solvedOn?: string,
  ) => {
    const row = await c.ok('cases.create', {
      caseNo,
      title: caseNo,
      offenceType: 'trafficking',
      unit,
      openedOn,
      supervisionLevel,
    });
    if (solvedOn) {
      await c.ok('cases.transition', { id: row.id, to: 'investigating', on: openedOn });
      await c.ok('cases.transition', { id: row.id, to: 'solved', on: solvedOn });
    }
    return row.id;
  };
  const a = await createCase('A-1', '一大队', '2026-02-01', 'ministry', '2026-03-10');
  const b = await createCase('A-2', '一大队', '2025-11-01', 'province', '2026-04-20');
  const cc = await createCase('A-3', '二大队', '2026-05-01', 'city');
  const d = await createCase('A-4', '一大队', '2025-01-01', 'ordinary', '2025-06-01');
  const person = async (
    caseId: string,
    name: string,
    roleInCase: 'suspect' | 'drug_user',
    legalStatus: 'none' | 'at_large' | 'detained' | 'arrested',
    legalStatusOn?: string,
  ) =>
    (
      await c.ok('cases.addPerson', {
        caseId,
        person: { name },
        roleInCase,
        legalStatus,
        legalStatusOn,
      })
    ).entityId;
  const s1 = await person(a, 'S1', 'suspect', 'detained', '2026-03-10');
  await person(a, 'S2', 'suspect', 'arrested', '2026-03-20');
  await person(a, 'S3', 'suspect', 'at_large', '2026-03-10');
  const u1 = await person(a, 'U1', 'drug_user', 'none');
  await person(a, 'U2', 'drug_user', 'none');
  await person(b, 'S4', 'suspect', 'arrested', '2026-04-20');
  await c.ok('cases.addPerson', {
    caseId: b,
    entityId: s1,
    roleInCase: 'suspect',
    legalStatus: 'arrested',
    legalStatusOn: '2026-04-21',
  });
  await person(cc, 'S5', 'suspect', 'detained', '2026-05-02');
  await c.ok('cases.addPerson', {
    caseId: d,
    entityId: u1,
    roleInCase: 'drug_user',
    legalStatus: 'none',
  });
  await c.ok('entities.create', {
    entity: { kind: 'organisation', name: '甲团伙', orgType: 'gang' },
    caseId: a,
  });
  await c.ok('entities.create', {
    entity: { kind: 'location', name: '乙工厂', locationType: 'factory' },
    caseId: b,
  });
  const seize = (
    caseId: string,
    seizedAt: string,
    drugType: 'methamphetamine' | 'heroin' | 'ketamine' | 'nitrous_oxide',
    quantityValue: string,
    quantityUnit: 'g' | 'kg' | 't',
    cashYuan?: string,
  ) =>
    c.ok('seizures.create', { caseId, seizedAt, drugType, quantityValue, quantityUnit, cashYuan });
  await seize(a, '2026-03-10T02:00:00.000Z', 'methamphetamine', '25.619', 'kg', '12345.67');
  await seize(a, '2026-03-10T03:00:00.000Z', 'methamphetamine', '381', 'g');
  await seize(b, '2026-04-20T02:00:00.000Z', 'heroin', '50', 'g');
  await seize(cc, '2026-05-02T02:00:00.000Z', 'ketamine', '2', 'kg');
  // Nitrous oxide is listed but is not 毒品: it stays out of the drugs-seized total.
  await seize(cc, '2026-05-03T02:00:00.000Z', 'nitrous_oxide', '5', 't');
  await seize(d, '2025-06-01T02:00:00.000Z', 'heroin', '1', 'kg');
}

describe('unit statistics', () => {
  it('a year, all units: the hand-counted figures and the 成绩单 paragraph', async () => {
    await fixture();
    const stats = await c.ok('stats.unit', { from: '2026-01-01', to: '2026-12-31' });
    expect(stats).toMatchObject({
      unit: null,
      casesOpened: 2,
      casesSolved: 2,
      suspectsArrested: 4,
      drugsMilligrams: 28_050_000,
      gangsBroken: 1,
      factoriesDestroyed: 1,
      solvedBySupervision: { ministry: 1, province: 1, city: 0, notable: 0, ordinary: 0 },
      drugUsersFound: 2,
      newDrugUsers: 1,
      drugMoneyFen: 1_234_567,
      units: ['一大队', '二大队'],
    });
    expect(stats.drugs).toEqual([
      { drugType: 'nitrous_oxide', unit: 'mg', total: 5_000_000_000, seizures: 1 },
      { drugType: 'methamphetamine', unit: 'mg', total: 26_000_000, seizures: 2 },
      { drugType: 'ketamine', unit: 'mg', total: 2_000_000, seizures: 1 },
      { drugType: 'heroin', unit: 'mg', total: 50_000, seizures: 1 },
    ]);
    expect(
      stats.months.filter(
        (month) => month.casesSolved || month.suspectsArrested || month.drugsMilligrams,
      ),
    ).toEqual([
      { month: '2026-03', casesSolved: 1, suspectsArrested: 2, drugsMilligrams: 26_000_000 },
      { month: '2026-04', casesSolved: 1, suspectsArrested: 2, drugsMilligrams: 50_000 },
      { month: '2026-05', casesSolved: 0, suspectsArrested: 1, drugsMilligrams: 2_000_000 },
    ]);
    expect(stats.months).toHaveLength(12);
    expect(stats.paragraph).toBe(
      '2026年1月1日至2026年12月31日，破获毒品刑事案件 2 起，抓获犯罪嫌疑人 4 名，缴获毒品 28.05 千克，破获公安部目标案件 1 起、厅目标案件 1 起，打掉贩毒团伙 1 个，捣毁制毒工厂 1 个，查获吸毒人员 2 名（新发现 1 名），缴获毒资 1.234567 万元。',
    );
  });

  it('one unit and a shorter period', async () => {
    await fixture();
    const unit = await c.ok('stats.unit', { from: '2026-01-01', to: '2026-12-31', unit: '一大队' });
    expect([
      unit.casesOpened,
      unit.casesSolved,
      unit.suspectsArrested,
      unit.drugsMilligrams,
    ]).toEqual([1, 2, 3, 26_050_000]);
    const march = await c.ok('stats.unit', { from: '2026-03-01', to: '2026-03-31' });
    expect([
      march.casesSolved,
      march.suspectsArrested,
      march.drugsMilligrams,
      march.months.length,
    ]).toEqual([1, 2, 26_000_000, 1]);
  });

  it('the XLSX holds the same figures, and the export is audited', async () => {
    await fixture();
    const stats = await c.ok('stats.unit', { from: '2026-01-01', to: '2026-12-31' });
    const file = await c.ok('stats.export', {
      from: '2026-01-01',
      to: '2026-12-31',
      format: 'xlsx',
    });
    expect(file.fileName).toBe('禁毒工作统计-2026-01-01-2026-12-31.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet('成绩单')!;
    const figures = Object.fromEntries(
      summary
        .getSheetValues()
        .slice(3, 15)
        .map((row) => [(row as unknown[])[1], (row as unknown[])[2]]),
    );
    expect(figures).toEqual({
      '立案（起）': stats.casesOpened,
      '破获毒品刑事案件（起）': stats.casesSolved,
      '抓获犯罪嫌疑人（名）': stats.suspectsArrested,
      '缴获毒品（千克）': '28.05',
      '公安部目标案件（起）': 1,
      '厅目标案件（起）': 1,
      '市督办案件（起）': 0,
      '有影响案件（起）': 0,
      '打掉贩毒团伙（个）': 1,
      '捣毁制毒工厂（个）': 1,
      '查获吸毒人员（名）': 2,
      '其中新发现（名）': 1,
    });
    const drugs = workbook.getWorksheet('缴获毒品')!;
    expect(
      drugs
        .getSheetValues()
        .slice(2)
        .map((row) => (row as unknown[]).slice(1)),
    ).toEqual([
      ['笑气（一氧化二氮）', '5000 千克', '5000', 1],
      ['甲基苯丙胺（冰毒）', '26 千克', '26', 2],
      ['氯胺酮', '2 千克', '2', 1],
      ['海洛因', '50 克', '0.05', 1],
    ]);
    const html = await c.ok('stats.export', {
      from: '2026-01-01',
      to: '2026-12-31',
      format: 'html',
    });
    expect(html.content).toContain(stats.paragraph);
    const audit = await c.ok('audit.list', { action: 'stats.exported' });
    expect(audit.rows.map((row) => row.details?.['format'])).toEqual(['html', 'xlsx']);
  });
});
