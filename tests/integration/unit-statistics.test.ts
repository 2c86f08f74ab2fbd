import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProcedureInput } from '../../electron/api/contract';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

type AddPerson = ProcedureInput<'cases.addPerson'>;
type Status = NonNullable<AddPerson['legalStatus']>;

/**
 * A unit's year (2026), counted by hand:
 * A 一大队 贩毒, opened 02-01, solved 03-10, 公安部目标案件:
 *   S1 caught 03-10, 刑拘 03-10 → 逮捕 04-02 (a month boundary); S2 caught 03-10, 刑拘 03-10;
 *   S3 在逃; S4 取保候审 03-12 with no 到案 date (said, not counted);
 *   gang G1 broken 03-10, gang G2 linked but not broken; factory F1 destroyed 03-10;
 *   冰毒 8 g and 麻古 3 g on 03-10 (11 g of methamphetamine), ¥12,345.67.
 * B 一大队 贩毒, opened 2025-11-01, solved 2026-01-06, 厅目标案件:
 *   S5 caught 2025-12-28, 刑拘 2025-12-28 → 逮捕 2026-01-05 (a year boundary: arrested in 2026,
 *   neither caught nor detained in 2026); heroin 50 g on 2025-12-28 (outside), 20 g on 2026-01-05.
 * C 一大队 笑气 非法经营, 市督办, opened 05-01, solved 06-01: S6 caught and 刑拘 06-01;
 *   笑气 5 t: reported apart, not a drug case, not a 市督办 drug case.
 * D 一大队 行政 吸毒, accepted 07-10: U1 (found 07-10, 强制隔离戒毒 07-11; already a user in
 *   E, 2025) and U2 (found 07-10, new).
 * E 一大队 行政 吸毒, 2025-05-01: U1 found 2025-05-01.
 * F 二大队 制毒物品, opened 08-01, solved 08-20: S7 caught and 刑拘 08-20, 移送起诉 10-09;
 *   羟亚胺 2.97 t; 曲马多片 1000 片 without content (said, not counted).
 */
async function fixture() {
  c = makeTestCore();
  await createTestWorkspace(c);
  const createCase = async (
    caseNo: string,
    unit: string,
    offenceType: 'trafficking' | 'illegal_business' | 'admin_drug_use' | 'precursor_trade',
    openedOn: string,
    supervisionLevel: 'ministry' | 'province' | 'city' | 'ordinary',
    solvedOn?: string,
  ) => {
    const row = await c.ok('cases.create', {
      caseNo,
      title: caseNo,
      offenceType,
      unit,
      openedOn,
      acceptedOn: openedOn,
      supervisionLevel,
    });
    if (solvedOn) {
      await c.ok('cases.transition', { id: row.id, to: 'investigating', on: openedOn });
      await c.ok('cases.transition', { id: row.id, to: 'solved', on: solvedOn });
    }
    return row.id;
  };
  const a = await createCase(
    'A-1',
    '一大队',
    'trafficking',
    '2026-02-01',
    'ministry',
    '2026-03-10',
  );
  const b = await createCase(
    'A-2',
    '一大队',
    'trafficking',
    '2025-11-01',
    'province',
    '2026-01-06',
  );
  const cc = await createCase(
    'A-3',
    '一大队',
    'illegal_business',
    '2026-05-01',
    'city',
    '2026-06-01',
  );
  const d = await createCase('X-1', '一大队', 'admin_drug_use', '2026-07-10', 'ordinary');
  const e = await createCase('X-0', '一大队', 'admin_drug_use', '2025-05-01', 'ordinary');
  const f = await createCase('A-4', '二大队', 'precursor_trade', '2026-08-01', 'ordinary', '2026-08-20'); // prettier-ignore
  const person = async (
    caseId: string,
    name: string,
    roleInCase: 'suspect' | 'drug_user',
    legalStatus: Status,
    legalStatusOn?: string,
    caughtOn?: string,
  ) =>
    c.ok('cases.addPerson', {
      caseId,
      person: { name },
      roleInCase,
      legalStatus,
      legalStatusOn,
      caughtOn,
    });
  const measure = (
    member: { caseEntityId: string; roleInCase: 'suspect' | 'drug_user' | string },
    legalStatus: Status,
    legalStatusOn: string,
  ) =>
    c.ok('cases.updateMember', {
      caseEntityId: member.caseEntityId,
      roleInCase: member.roleInCase as 'suspect',
      legalStatus,
      legalStatusOn,
    });
  const s1 = await person(a, 'S1', 'suspect', 'detained', '2026-03-10', '2026-03-10');
  await measure(s1, 'arrested', '2026-04-02');
  await person(a, 'S2', 'suspect', 'detained', '2026-03-10', '2026-03-10');
  await person(a, 'S3', 'suspect', 'at_large', '2026-03-10');
  await person(a, 'S4', 'suspect', 'bail', '2026-03-12');
  const s5 = await person(b, 'S5', 'suspect', 'detained', '2025-12-28', '2025-12-28');
  await measure(s5, 'arrested', '2026-01-05');
  await person(cc, 'S6', 'suspect', 'detained', '2026-06-01', '2026-06-01');
  const u1 = await person(e, 'U1', 'drug_user', 'none', undefined, '2025-05-01');
  const u1again = await c.ok('cases.addPerson', {
    caseId: d,
    entityId: u1.entityId,
    roleInCase: 'drug_user',
    caughtOn: '2026-07-10',
  });
  await measure(u1again, 'compulsory_isolation', '2026-07-11');
  const u2 = await person(d, 'U2', 'drug_user', 'none', undefined, '2026-07-10');
  const s7 = await person(f, 'S7', 'suspect', 'detained', '2026-08-20', '2026-08-20');
  await measure(s7, 'prosecuted', '2026-10-09');

  const entity = async (caseId: string, entity: ProcedureInput<'entities.create'>['entity']) =>
    (await c.ok('entities.create', { entity, caseId })).id;
  const g1 = await entity(a, { kind: 'organisation', name: '甲团伙', orgType: 'gang' });
  await entity(a, { kind: 'organisation', name: '乙团伙', orgType: 'gang' });
  const f1 = await entity(a, { kind: 'location', name: '丙工厂', locationType: 'factory' });
  await c.ok('cases.markOutcome', { entityId: g1, on: '2026-03-10' });
  await c.ok('cases.markOutcome', { entityId: f1, on: '2026-03-10' });

  const seize = (
    caseId: string,
    seizedAt: string,
    drugType: string,
    quantityValue: string,
    quantityUnit: 'g' | 'kg' | 't' | 'tablet',
    cashYuan?: string,
  ) =>
    c.ok('seizures.create', { caseId, seizedAt, drugType, quantityValue, quantityUnit, cashYuan });
  await seize(a, '2026-03-10T02:00:00.000Z', 'methamphetamine', '8', 'g', '12345.67');
  await seize(a, '2026-03-10T03:00:00.000Z', 'methamphetamine_tablets', '3', 'g');
  await seize(b, '2025-12-28T02:00:00.000Z', 'heroin', '50', 'g');
  await seize(b, '2026-01-05T02:00:00.000Z', 'heroin', '20', 'g');
  // Its money is the illegal business's, no 毒资.
  await seize(cc, '2026-06-01T02:00:00.000Z', 'nitrous_oxide', '5', 't', '120000');
  await seize(f, '2026-08-20T02:00:00.000Z', 'hydroxylimine', '2.97', 't');
  await seize(f, '2026-08-20T03:00:00.000Z', 'tramadol_tablets', '1000', 'tablet');
  return { a, s1: s1.entityId, u1: u1.entityId, u2: u2.entityId };
}

describe('unit statistics (成绩单) by stated rules', () => {
  it('a year, all units: every figure counted by hand, and the paragraph', async () => {
    await fixture();
    const stats = await c.ok('stats.unit', { from: '2026-01-01', to: '2026-12-31' });
    expect(stats).toMatchObject({
      unit: null,
      casesOpened: 3,
      administrativeCases: 1,
      casesSolved: 3,
      substituteCasesSolved: 1,
      suspectsArrested: 4,
      measures: { detained: 4, arrested: 2, prosecuted: 1, compulsoryIsolation: 1 },
      drugsMilligrams: 31_000,
      precursorsMilligrams: 2_970_000_000,
      gangsBroken: 1,
      factoriesDestroyed: 1,
      densDestroyed: 0,
      solvedBySupervision: { ministry: 1, province: 1, city: 0, notable: 0, ordinary: 1 },
      drugUsersFound: 2,
      newDrugUsers: 1,
      drugMoneyFen: 1_234_567,
      incomplete: [
        { kind: 'suspectsWithoutCaughtOn', count: 1 },
        { kind: 'seizuresWithoutContent', count: 1 },
      ],
      units: ['一大队', '二大队'],
    });
    // Drugs alone in their table; 笑气 and the precursor apart, not added to drugs.
    expect(stats.drugs.map((drug) => [drug.drugType, drug.total, drug.countUnit])).toEqual([
      ['heroin', 20_000, null],
      ['methamphetamine', 8_000, null],
      ['methamphetamine_tablets', 3_000, null],
      ['tramadol_tablets', 1_000, 'tablet'],
    ]);
    expect(stats.otherSeized.map((form) => [form.drugType, form.total, form.seizures])).toEqual([
      ['nitrous_oxide', 5_000_000_000, 1],
      ['hydroxylimine', 2_970_000_000, 1],
    ]);
    expect(
      stats.months.filter(
        (month) => month.casesSolved || month.suspectsArrested || month.drugsMilligrams,
      ),
    ).toEqual([
      { month: '2026-01', casesSolved: 1, suspectsArrested: 0, drugsMilligrams: 20_000 },
      { month: '2026-03', casesSolved: 1, suspectsArrested: 2, drugsMilligrams: 11_000 },
      { month: '2026-06', casesSolved: 0, suspectsArrested: 1, drugsMilligrams: 0 },
      { month: '2026-08', casesSolved: 1, suspectsArrested: 1, drugsMilligrams: 0 },
    ]);
    expect(stats.paragraph).toBe(
      '2026年1月1日至2026年12月31日，破获毒品刑事案件 3 起（另破获涉笑气等替代物案件 1 起），抓获犯罪嫌疑人 4 名（刑事拘留 4 名、逮捕 2 名、移送起诉 1 名），缴获毒品 0.031 千克，缴获易制毒化学品 2.97 吨，破获公安部目标案件 1 起、厅目标案件 1 起，打掉贩毒团伙 1 个，捣毁制毒工厂 1 个，查获吸毒人员 2 人次（新发现 1 名），强制隔离戒毒 1 名，缴获毒资 1.234567 万元。数据不完整：1 名嫌疑人缺少到案日期，未计入；1 条缴获需录入含量，未计入毒品数量。',
    );
  });

  it('a user found once and recorded in two cases (the 容留 case and his own 吸毒 case) is one 人次', async () => {
    const { u1, u2 } = await fixture();
    // The venue's case records the same raid of 07-10 for both users; U2 is found again on 07-20.
    const venue = await c.ok('cases.create', {
      caseNo: 'A-5',
      title: '容留吸毒',
      offenceType: 'harbouring_use',
      unit: '一大队',
      openedOn: '2026-07-10',
    });
    for (const entityId of [u1, u2])
      await c.ok('cases.addPerson', {
        caseId: venue.id,
        entityId,
        roleInCase: 'drug_user',
        caughtOn: '2026-07-10',
      });
    const again = await c.ok('cases.create', {
      caseNo: 'X-2',
      title: '吸毒',
      offenceType: 'admin_drug_use',
      unit: '一大队',
      openedOn: '2026-07-20',
    });
    await c.ok('cases.addPerson', {
      caseId: again.id,
      entityId: u2,
      roleInCase: 'drug_user',
      caughtOn: '2026-07-20',
    });
    const july = await c.ok('stats.unit', { from: '2026-07-01', to: '2026-07-31' });
    // U1 on 07-10, U2 on 07-10 and U2 on 07-20; U2 is the one new user.
    expect([july.drugUsersFound, july.newDrugUsers]).toEqual([3, 1]);
    expect(july.paragraph).toContain('查获吸毒人员 3 人次（新发现 1 名）');
  });

  it('counts the measure by its own date: 刑拘 in December, 逮捕 in January', async () => {
    await fixture();
    const december = await c.ok('stats.unit', { from: '2025-12-01', to: '2025-12-31' });
    const january = await c.ok('stats.unit', { from: '2026-01-01', to: '2026-01-31' });
    expect([december.suspectsArrested, december.measures.detained, december.measures.arrested]).toEqual([1, 1, 0]); // prettier-ignore
    expect([january.suspectsArrested, january.measures.detained, january.measures.arrested]).toEqual([0, 0, 1]); // prettier-ignore
    // S1: detained 03-10 and arrested 04-02, each in its own month; caught once, in March.
    const march = await c.ok('stats.unit', { from: '2026-03-01', to: '2026-03-31' });
    const april = await c.ok('stats.unit', { from: '2026-04-01', to: '2026-04-30' });
    expect([march.suspectsArrested, march.measures.detained, march.measures.arrested]).toEqual([2, 2, 0]); // prettier-ignore
    expect([april.suspectsArrested, april.measures.detained, april.measures.arrested]).toEqual([0, 0, 1]); // prettier-ignore
  });

  it('a person deleted counts in no figure: caught, measures and drug users are the ones the case lists show', async () => {
    const { s1, u1 } = await fixture();
    const march = async () => {
      const stats = await c.ok('stats.unit', { from: '2026-03-01', to: '2026-04-30' });
      return [stats.suspectsArrested, stats.measures.detained, stats.measures.arrested];
    };
    const year = async () =>
      (await c.ok('stats.unit', { from: '2026-01-01', to: '2026-12-31' })).drugUsersFound;
    expect(await march()).toEqual([2, 2, 1]);
    const usersBefore = await year();
    await c.ok('entities.delete', { id: s1 });
    await c.ok('entities.delete', { id: u1 });
    expect(await march()).toEqual([1, 1, 0]);
    expect(await year()).toBe(usersBefore - 1);
  });

  it('one unit: 二大队 holds the precursor case only', async () => {
    await fixture();
    const unit = await c.ok('stats.unit', { from: '2026-01-01', to: '2026-12-31', unit: '二大队' });
    expect([
      unit.casesSolved,
      unit.suspectsArrested,
      unit.measures.prosecuted,
      unit.drugsMilligrams,
      unit.precursorsMilligrams,
      unit.gangsBroken,
      unit.incomplete,
    ]).toEqual([1, 1, 1, 0, 2_970_000_000, 0, [{ kind: 'seizuresWithoutContent', count: 1 }]]);
  });

  it('a weight recorded only gross (毛重) is left out of the drug figure and said, on the page and in the briefing', async () => {
    const { a } = await fixture();
    await c.ok('seizures.create', {
      caseId: a,
      seizedAt: '2026-03-11T02:00:00.000Z',
      drugType: 'heroin',
      quantityValue: '12',
      quantityUnit: 'g',
      weightBasis: 'gross',
    });
    const march = await c.ok('stats.unit', {
      from: '2026-03-01',
      to: '2026-03-31',
      unit: '一大队',
    });
    expect([march.drugsMilligrams, march.incomplete]).toEqual([
      11_000,
      [
        { kind: 'suspectsWithoutCaughtOn', count: 1 },
        { kind: 'seizuresGrossWeight', count: 1 },
      ],
    ]);
    expect(march.paragraph).toContain('缴获毒品 0.011 千克，破获公安部目标案件 1 起');
    expect(march.paragraph).toMatch(
      /数据不完整：1 名嫌疑人缺少到案日期，未计入；1 条缴获仅有毛重，未计入毒品数量。$/,
    );
    const html = (await c.ok('reports.briefing', { caseId: a, format: 'html' })).content;
    // The briefing's drug total agrees with the statistics: 11 g; the gross 12 g named apart.
    expect(html).toContain(
      '缴获毒品 11 克（海洛因 12 克，含毛重，未计入合计，待录入净重后认定数量标准；甲基苯丙胺（冰毒）8 克、甲基苯丙胺片剂（麻古）3 克，合计甲基苯丙胺 11 克，达到数量较大标准）',
    );
  });

  it('the briefing of case A and the statistics of its month agree', async () => {
    const { a } = await fixture();
    const march = await c.ok('stats.unit', {
      from: '2026-03-01',
      to: '2026-03-31',
      unit: '一大队',
    });
    const html = (await c.ok('reports.briefing', { caseId: a, format: 'html' })).content;
    expect(march.suspectsArrested).toBe(2);
    expect(march.gangsBroken).toBe(1);
    expect(html).toContain(
      '抓获犯罪嫌疑人 2 名（另有 1 名已采取措施但缺少到案日期，未计入），在逃 1 名；缴获毒品 11 克（甲基苯丙胺（冰毒）8 克、甲基苯丙胺片剂（麻古）3 克，合计甲基苯丙胺 11 克，达到数量较大标准），毒资 1.234567 万元；打掉贩毒团伙 1 个，捣毁制毒工厂 1 个',
    );
  });

  it('the XLSX writes each rule next to its figure, and the export is audited', async () => {
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
    // The marking, the title, the period and who made the sheet head it.
    expect(
      summary
        .getSheetValues()
        .slice(1, 5)
        .map((row) => (row as unknown[])[1]),
    ).toEqual([
      '内部',
      '禁毒工作统计',
      '全部单位 · 2026年1月1日 – 2026年12月31日',
      '单位：滨江市公安局禁毒支队一大队    制表人：管理员    制表日期：2026年11月23日',
    ]);
    const rows = summary
      .getSheetValues()
      .slice(5, 27)
      .map((row) => (row as unknown[]).slice(1, 4));
    expect(rows.slice(0, 8)).toEqual([
      ['破获毒品刑事案件（起）', 3, '案由属刑法第六章第七节、破案日期在期内的刑事案件；撤案、并案不计；协查包接收的外单位案件（及其人员、缴获）均不计'],
      ['另破获涉笑气等替代物案件（起）', 1, '案由不属第六章第七节（如涉笑气非法经营）、破案日期在期内的刑事案件，单列'],
      ['抓获犯罪嫌疑人（名）', 4, '到案（抓获）日期在期内的犯罪嫌疑人，每人计一次；不按当前强制措施'],
      ['刑事拘留（名）', 4, '措施记录中刑事拘留日期在期内的人数'],
      ['逮捕（名）', 2, '措施记录中逮捕日期在期内的人数'],
      ['移送起诉（名）', 1, '措施记录中移送起诉日期在期内的人数'],
      ['缴获毒品（千克）', '0.031', '缴获日期在期内的毒品，按净重（仅有毛重的不计）；标准规格药品按含量；不含易制毒化学品、笑气'],
      ['缴获易制毒化学品（千克）', '2970', '缴获日期在期内的易制毒化学品，与毒品分列'],
    ]); // prettier-ignore
    const sheetRows = (name: string) =>
      workbook
        .getWorksheet(name)!
        .getSheetValues()
        .slice(1)
        .map((row) => (row as unknown[]).slice(1));
    // The sheet of drugs lists drugs only; 笑气 and the precursor are on a sheet of their own.
    expect(sheetRows('缴获毒品')).toEqual([
      ['毒品种类', '合计', '千克', '次数'],
      ['海洛因', '20 克', '0.02', 1],
      ['甲基苯丙胺（冰毒）', '8 克', '0.008', 1],
      ['甲基苯丙胺片剂（麻古）', '3 克', '0.003', 1],
      ['曲马多片（标准规格药品）', '1000 片', '', 1],
    ]);
    expect(sheetRows('其他缴获物品')).toEqual([
      ['易制毒化学品、笑气等（非毒品，不计入缴获毒品）'],
      ['物品', '合计', '千克', '次数'],
      ['笑气（一氧化二氮）', '5000 千克', '5000', 1],
      ['羟亚胺', '2970 千克', '2970', 1],
    ]);
    const values = summary.getSheetValues().map((row) => (row as unknown[] | undefined)?.[1]);
    expect(values).toContain(stats.paragraph);
    expect(values).toContain('1 名嫌疑人缺少到案日期，未计入');
    const html = await c.ok('stats.export', {
      from: '2026-01-01',
      to: '2026-12-31',
      format: 'html',
    });
    expect(html.content).toContain(stats.paragraph);
    expect(html.content).toContain('标记为打掉、打掉日期在期内的团伙');
    const audit = await c.ok('audit.list', { action: 'stats.exported' });
    expect(audit.rows.map((row) => row.details?.['format'])).toEqual(['html', 'xlsx']);
  });
});
