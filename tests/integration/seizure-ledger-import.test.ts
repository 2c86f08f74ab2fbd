import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { computeCheckCharacter } from '../../electron/api/domain/resident-id';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

const ledger = {
  fileName: '缴获登记表.csv',
  contentBase64: fs
    .readFileSync(path.join(import.meta.dirname, '../fixtures/records/seizure-ledger.csv'))
    .toString('base64'),
  template: 'seizures' as const,
};

async function setUp() {
  c = makeTestCore();
  await createTestWorkspace(c);
  const first = await c.ok('cases.create', {
    caseNo: 'A5301-L01',
    title: '官渡区贩卖毒品案',
    offenceType: 'trafficking',
    openedOn: '2026-10-01',
  });
  const second = await c.ok('cases.create', {
    caseNo: 'A5301-L02',
    title: '寻甸县非法种植毒品原植物案',
    offenceType: 'trafficking',
    openedOn: '2026-10-05',
  });
  const zhang = await c.ok('entities.create', {
    entity: { kind: 'person', name: '张某', idNumber: '530111199001011238' },
    caseId: first.id,
  });
  const li = await c.ok('entities.create', {
    entity: { kind: 'person', name: '李某' },
    caseId: first.id,
  });
  return { first, second, zhang, li };
}

/** A ledger's preview: its text (a CSV) or its bytes (a workbook). */
async function previewLedger(fileName: string, content: string | ArrayBuffer | Uint8Array) {
  const bytes =
    typeof content === 'string' ? Buffer.from(content) : Buffer.from(content as ArrayBuffer);
  return await c.ok('import.preview', {
    fileName,
    contentBase64: bytes.toString('base64'),
    template: 'seizures',
  });
}

const rejectedText =
  '\ufeff序号,案件编号,物品名称,数量,计量单位,规格/含量,毛重/净重,持有人,缴获日期,缴获时间,缴获地点,扣押清单号,纯度,原行号,原因\r\n' +
  '7,A5301-L01,冰du,5,克,,净重,张某,2026-10-06,10:00,,KY-006,,8,物品名称：物品名称无法识别（是否为：甲基苯丙胺（冰毒）？）\r\n' +
  '8,A5301-L01,海洛因,5,斤,,,,2026-10-06,10:05,,KY-007,,9,计量单位：计量单位无法识别（g、kg、mg、克、千克、毫克、片、粒、支、瓶、株）\r\n' +
  '9,A5301-L01,冰毒,2,g,,,王某,2026-10-06,10:10,,KY-008,,10,持有人：持有人不是该案涉案人员（请先把此人加入案件）\r\n' +
  '10,X-999,冰毒,2,g,,,,2026-10-06,10:15,,KY-009,,11,案件编号：案件编号不存在\r\n' +
  '11,A5301-L01,海洛因,2000,千克,,,,2026-10-06,10:20,,KY-010,,12,数量：数量异常（如单次缴获超过 1 吨海洛因），请在缴获表单中逐条核实录入\r\n' +
  '12,A5301-L01,摇头丸,10,粒,,,,2026-10-06,10:25,,KY-011,,13,"物品名称：该名称对应多种毒品，请写明具体种类（是否为：甲基苯丙胺片剂（麻古）、MDMA（3,4-亚甲二氧基甲基苯丙胺）？）"\r\n' +
  '13,A5301-L01,冰毒,1,g,,,,2026-02-30,10:30,,KY-012,,14,缴获时间：时间无法识别或不存在\r\n';

describe('seizure ledger import (缴获/扣押物品登记表)', () => {
  it('reads Chinese names, slang and units; names every bad row, with close matches for an unknown drug', async () => {
    await setUp();
    const preview = await c.ok('import.preview', ledger);
    expect(preview.mapping).toEqual({
      caseNo: 1,
      drug: 2,
      quantity: 3,
      unit: 4,
      content: 5,
      weightBasis: 6,
      holder: 7,
      date: 8,
      seizedAt: 9,
      place: 10,
      evidenceNo: 11,
      purity: 12,
    });
    expect([preview.rowCount, preview.validCount, preview.rejectedCount]).toEqual([13, 6, 7]);
    expect(preview.problems).toEqual([
      {
        line: 8,
        field: 'drug',
        problem: 'drug',
        value: '冰du',
        suggestions: ['甲基苯丙胺（冰毒）'],
      },
      { line: 9, field: 'unit', problem: 'unit', value: '斤' },
      { line: 10, field: 'holder', problem: 'holder', value: '王某' },
      { line: 11, field: 'caseNo', problem: 'caseNo', value: 'X-999' },
      { line: 12, field: 'quantity', problem: 'implausible', value: '2000' },
      {
        line: 13,
        field: 'drug',
        problem: 'drugAmbiguous',
        value: '摇头丸',
        suggestions: ['甲基苯丙胺片剂（麻古）', 'MDMA（3,4-亚甲二氧基甲基苯丙胺）'],
      },
      { line: 14, field: 'seizedAt', problem: 'dateTime', value: '10:30' },
    ]);
  });

  it('imports the valid rows into their cases with holders, totals and tiers; hands back the others; deleting the import removes exactly its seizures', async () => {
    const { first, second, zhang, li } = await setUp();
    const byHand = await c.ok('seizures.create', {
      caseId: first.id,
      seizedAt: '2026-10-01T02:00:00.000Z',
      drugType: 'heroin',
      quantityValue: '1',
      quantityUnit: 'g',
    });
    expect(await c.call('import.commit', { ...ledger, importId: 'imp-ledger-all' })).toMatchObject({
      ok: false,
      error: { code: 'import.invalidRows', details: { count: 7 } },
    });
    const summary = await c.ok('import.commit', {
      ...ledger,
      importId: 'imp-ledger',
      skipInvalid: true,
    });
    expect(summary).toMatchObject({
      template: 'seizures',
      rows: 6,
      rejectedRows: 7,
      seizuresCreated: 6,
      entitiesCreated: 0,
    });
    expect(summary.rejectedFile!.fileName).toBe('缴获登记表.rejected.csv');
    expect(Buffer.from(summary.rejectedFile!.contentBase64, 'base64').toString('utf8')).toBe(
      rejectedText,
    );

    const rows = (await c.ok('seizures.list', { caseId: first.id, pageSize: 50 })).rows
      .map((row) => [
        row.line,
        row.importId,
        row.drugType,
        `${row.quantityValue} ${row.quantityUnit}`,
        row.weightBasis,
        row.contentPerUnit,
        row.fromName,
        row.seizedAt,
        row.place,
        row.evidenceNo,
        row.purityBasisPoints,
      ])
      .sort((a, b) => String(a[7]).localeCompare(String(b[7])));
    expect(rows).toEqual([
      [null, null, 'heroin', '1 g', null, null, null, '2026-10-01T02:00:00.000Z', null, null, null],
      [2, 'imp-ledger', 'methamphetamine', '8 g', 'net', null, '张某', '2026-10-02T06:30:00.000Z', '官渡区某小区3栋', 'KY-001', 7150],
      [3, 'imp-ledger', 'methamphetamine_tablets', '3 g', 'net', null, '张某', '2026-10-02T06:35:00.000Z', '官渡区某小区3栋', 'KY-002', null],
      [4, 'imp-ledger', 'ketamine', '0.5 kg', 'gross', null, '李某', '2026-10-03T01:00:00.000Z', '盘龙区某酒店', 'KY-003', null],
      [5, 'imp-ledger', 'tramadol_tablets', '1000 tablet', null, '50', '李某', '2026-10-03T01:10:00.000Z', '盘龙区某酒店', 'KY-004', null],
      [6, 'imp-ledger', 'heroin', '12.5 g', null, null, null, '2026-10-04T12:15:00.000Z', null, 'KY-005', null],
    ]); // prettier-ignore

    const detail = await c.ok('cases.get', { id: first.id });
    // 1 g by hand + 12.5 g from the ledger; 冰毒 8 g + 麻古 3 g = 11 g 甲基苯丙胺 (≥ 10 g);
    // K粉 500 g 毛重: 数量大 (500 g) only with its packaging, so the tier waits for the net
    // weight (courts count net); 曲马多 1000 片 × 50 mg = 50 g content (below 400 g).
    expect(detail.substanceTotals.map((t) => [t.substance, t.counted, t.tier])).toEqual([
      ['heroin', 13_500, 'relativelyLarge'],
      ['ketamine', 500_000, 'netWeightRequired'],
      ['methamphetamine', 11_000, 'relativelyLarge'],
      ['tramadol', 50_000, 'belowRelativelyLarge'],
    ]);
    // Per holder: 张某 by name and by ID number, 李某 by name.
    expect(
      detail.personDrugTotals.map((t) => [t.entityId, t.name, t.substance, t.counted, t.tier]),
    ).toEqual([
      [li.id, '李某', 'ketamine', 500_000, 'netWeightRequired'],
      [li.id, '李某', 'tramadol', 50_000, 'belowRelativelyLarge'],
      [zhang.id, '张某', 'methamphetamine', 11_000, 'relativelyLarge'],
    ]);
    const poppies = await c.ok('cases.get', { id: second.id });
    // 600 株 罂粟: 500 株 and more (刑法第351条), below 3,000.
    expect(poppies.substanceTotals.map((t) => [t.substance, t.counted, t.tier])).toEqual([
      ['poppy_plant', 600, 'relativelyLarge'],
    ]);

    const removed = await c.ok('import.delete', { importId: 'imp-ledger' });
    expect(removed).toMatchObject({ seizures: 6, entitiesDeleted: 0 });
    expect((await c.ok('seizures.list', { caseId: first.id })).rows.map((row) => row.id)).toEqual([
      byHand.id,
    ]);
    expect((await c.ok('seizures.list', { caseId: second.id })).total).toBe(0);
    expect((await c.ok('entities.get', { id: zhang.id })).label).toBe('张某');
  });

  it('the same ledger imported again, one byte changed, counts nothing twice: each recorded row is said to be', async () => {
    const { first, second } = await setUp();
    await c.ok('import.commit', { ...ledger, importId: 'imp-ledger', skipInvalid: true });
    // Each case the rows named has them in its own history, whichever case the import is under.
    const imported = async (caseId: string) =>
      (await c.ok('cases.auditHistory', { caseId })).rows
        .filter((row) => row.action === 'seizures.imported')
        .map((row) => row.details as { count: number; seizures: { evidenceNo: string }[] });
    expect(
      (await imported(second.id)).map((d) => [d.count, d.seizures.map((s) => s.evidenceNo)]),
    ).toEqual([[1, ['KY-101']]]);
    expect((await imported(first.id)).map((d) => d.count)).toEqual([5]);
    const totals = async () =>
      (await c.ok('cases.get', { id: first.id })).substanceTotals.map((t) => [
        t.substance,
        t.counted,
      ]);
    const before = await totals();
    const again = {
      ...ledger,
      fileName: '缴获登记表(1).csv',
      contentBase64: Buffer.concat([
        Buffer.from(ledger.contentBase64, 'base64'),
        Buffer.from('\n'),
      ]).toString('base64'),
    };
    const preview = await c.ok('import.preview', again);
    expect(
      preview.problems
        .filter((problem) => problem.problem === 'seizureRecorded')
        .map((problem) => [problem.line, problem.value]),
    ).toEqual([
      [2, 'KY-001'],
      [3, 'KY-002'],
      [4, 'KY-003'],
      [5, 'KY-004'],
      [6, 'KY-005'],
      [7, 'KY-101'],
    ]);
    expect(preview.validCount).toBe(0);
    expect(await totals()).toEqual(before);
  });

  it('ledgers as officers fill them: a unit typed beside the figure against the 单位 column, names and figures with notes, crossed ID numbers, case numbers however typed', async () => {
    const { zhang, li } = await setUp();
    const liId = `53011119920202123${computeCheckCharacter('53011119920202123')}`;
    await c.ok('entities.update', {
      id: li.id,
      entity: { kind: 'person', name: '李某', idNumber: liId },
    });
    const csv = [
      '序号,案件编号,毒品种类,物品名称,数量,单位,持有人,身份证号,缴获日期',
      // 单位 filled in as 克 for every row; this officer typed 1.2kg.
      '1,A5301-L01,冰毒,白色晶体,1.2kg,克,张某,,2026-10-06',
      '2,ａ５３０１-ｌ０１,疑似冰毒,白色晶体,约50克,,张某,,2026年10月6日21时30分',
      '3,A5301-L01,海洛因（四号）,块状物,50克（净重）,,,,2026-10-06',
      // The two rows' ID numbers crossed.
      `4,A5301-L01,冰毒,白色晶体,10,克,张某,${liId},2026-10-06`,
      '5,A5301-L01,冰毒,白色晶体,10,克,李某,530111199001011238,2026-10-06',
      '6,A5301-L01,冰毒,白色晶体,10,克,张某,530111199001011238,2026-10-06',
    ].join('\r\n');
    const preview = await previewLedger('登记表.csv', csv);
    expect(preview.mapping['drug']).toBe(2);
    expect(
      preview.problems.map((problem) => [problem.line, problem.field, problem.problem]),
    ).toEqual([
      [2, 'unit', 'unit'],
      [5, 'holder', 'holderMismatch'],
      [6, 'holder', 'holderMismatch'],
    ]);
    expect(
      preview.sample.map((row) => [row['quantityValue'], row['quantityUnit'], row['seizedAt']]),
    ).toEqual([
      ['50', 'g', '2026-10-06T13:30:00.000Z'],
      ['50', 'g', '2026-10-05T16:00:00.000Z'],
      ['10', 'g', '2026-10-05T16:00:00.000Z'],
    ]);
    expect(zhang.id).toBeTruthy();
  });

  it('purity as ledgers write it: 含量 in percent or bare on a weight, a percent-formatted cell; a fraction is not guessed', async () => {
    await setUp();
    const csv = [
      '序号,案件编号,物品名称,数量,单位,含量,纯度,缴获日期',
      '1,A5301-L01,冰毒,25.619,千克,72.3%,,2026-10-06',
      '2,A5301-L01,冰毒,356.2,克,68.5,,2026-10-06',
      '3,A5301-L01,麻古,500,粒,18%,,2026-10-06',
      '4,A5301-L01,冰毒,10,克,,0.35,2026-10-06',
    ].join('\r\n');
    const preview = await previewLedger('登记表.csv', csv);
    expect(
      preview.problems.map((problem) => [problem.line, problem.field, problem.problem]),
    ).toEqual([[5, 'purity', 'purity']]);
    expect(
      preview.sample.map((row) => [row['purityBasisPoints'], row['contentMicrograms'] ?? null]),
    ).toEqual([
      ['7230', null],
      ['6850', null],
      ['1800', null],
    ]);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('登记表');
    sheet.addRow(['案件编号', '物品名称', '数量', '单位', '纯度', '缴获日期']);
    sheet.addRow(['A5301-L01', '冰毒', 10, '克', 0.72, '2026-10-06']);
    sheet.getCell('E2').numFmt = '0.0%';
    const fromExcel = await previewLedger('登记表.xlsx', await workbook.xlsx.writeBuffer());
    expect(fromExcel.sample.map((row) => row['purityBasisPoints'])).toEqual(['7200']);
  });

  it('a unit in the quantity’s header (净重(kg), 称量日期) is the unit of rows that give none', async () => {
    await setUp();
    const csv = [
      '案件编号,物品名称,净重(kg),称量日期',
      'A5301-L01,冰毒,1.25,2026-10-06',
      'A5301-L01,冰毒,300克,2026-10-06',
    ].join('\r\n');
    const preview = await previewLedger('称量记录.csv', csv);
    expect(preview.problems).toEqual([]);
    expect(
      preview.sample.map((row) => [row['quantityValue'], row['quantityUnit'], row['weightBasis']]),
    ).toEqual([
      ['1.25', 'kg', 'net'],
      ['300', 'g', 'net'],
    ]);
  });
});

describe('tablets counted and weighed on one line', () => {
  it('the weight (what 麻古 is counted by) is the quantity and the count a note; a weight without a unit, or a content per tablet, keeps the count and the weight is noted as written', async () => {
    await setUp();
    const csv = [
      '案件编号,物品名称,数量,单位,净重(克),规格/含量,缴获日期,备注',
      'A5301-L01,麻古,500,粒,50.2,,2026-10-06,红色',
      'A5301-L01,麻古,1200,粒,0.12kg,,2026-10-06,',
      // 曲马多 counted with a content per tablet: the count is what the content is of.
      'A5301-L01,曲马多,200,片,40,50mg/片,2026-10-06,',
      // A weight beside a weight: the quantity column's stays.
      'A5301-L01,冰毒,52,克,50,,2026-10-06,',
    ].join('\r\n');
    const preview = await previewLedger('登记表.csv', csv);
    expect(preview.problems).toEqual([]);
    expect(
      preview.sample.map((row) => [
        row['quantityValue'],
        row['quantityUnit'],
        row['weightBasis'] ?? null,
        row['notes'] ?? null,
      ]),
    ).toEqual([
      ['50.2', 'g', 'net', '数量：500粒；红色'],
      ['0.12', 'kg', 'net', '数量：1200粒'],
      ['200', 'tablet', null, '净重(克)：40'],
      ['52', 'g', null, '净重(克)：50'],
    ]);
    const headerless = [
      '案件编号,物品名称,数量,单位,重量,缴获日期',
      'A5301-L01,麻古,500,粒,50.2,2026-10-06',
    ].join('\r\n');
    const bare = await previewLedger('登记表2.csv', headerless);
    expect(
      bare.sample.map((row) => [row['quantityValue'], row['quantityUnit'], row['notes']]),
    ).toEqual([['500', 'pill', '重量：50.2']]);
  });

  it('packets, blocks and bags counted beside their weight are that weight; a count in words is refused', async () => {
    await setUp();
    const csv = [
      '案件编号,物品名称,数量,单位,净重,毛重,缴获日期',
      'A5301-L01,冰毒,3,包,15.6克,18.2克,2026-10-06',
      'A5301-L01,海洛因,1,块,356.2克,,2026-10-06',
      'A5301-L01,冰毒,三,包,15.6克,,2026-10-06',
      'A5301-L01,冰毒,2,袋,,,2026-10-06',
    ].join('\r\n');
    const preview = await previewLedger('登记表.csv', csv);
    expect(
      preview.problems.map((problem) => [problem.line, problem.field, problem.problem]),
    ).toEqual([
      [4, 'quantity', 'quantity'],
      [5, 'unit', 'unit'],
    ]);
    expect(
      preview.sample.map((row) => [
        row['quantityValue'],
        row['quantityUnit'],
        row['weightBasis'],
        row['notes'],
      ]),
    ).toEqual([
      ['15.6', 'g', 'net', '数量：3包'],
      ['356.2', 'g', 'net', '数量：1块'],
    ]);
  });
});

describe('a unit in the number format', () => {
  it('净重 cells formatted 0.00"克" are grams, as the sheet shows them', async () => {
    await setUp();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('称量');
    sheet.addRow(['案件编号', '物品名称', '净重', '缴获日期']);
    sheet.addRow(['A5301-L01', '冰毒', 356.2, '2026-10-06']);
    sheet.getCell('C2').numFmt = '0.00"克"';
    const preview = await previewLedger('称量.xlsx', await workbook.xlsx.writeBuffer());
    expect(preview.problems).toEqual([]);
    expect(preview.sample.map((row) => [row['quantityValue'], row['quantityUnit']])).toEqual([
      ['356.2', 'g'],
    ]);
  });
});

describe('names and times as 鉴定 and 称量 records write them', () => {
  it('甲基苯丙胺（麻古） is 麻古, not 冰毒; 盐酸氯胺酮 and 3,4-亚甲二氧基甲基苯丙胺 are known; 称量时间 is the time', async () => {
    await setUp();
    const csv = [
      '案件编号,物品名称,数量,单位,称量时间',
      'A5301-L01,甲基苯丙胺（麻古）,12.5,克,2026-10-06 10:00',
      'A5301-L01,盐酸氯胺酮,3.2,克,2026-10-06 10:05',
      'A5301-L01,"3,4-亚甲二氧基甲基苯丙胺",1.5,克,2026-10-06 10:10',
      '#共3笔记录',
    ].join('\r\n');
    const preview = await previewLedger('称量记录.csv', csv);
    expect(preview.problems).toEqual([]);
    expect(preview.sample.map((row) => row['drugType'])).toEqual([
      'methamphetamine_tablets',
      'ketamine',
      'mdma',
    ]);
  });
});

describe('a quantity merged over several items', () => {
  it('is the lot’s: the rows under its first are refused, not counted once each', async () => {
    await setUp();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('扣押物品清单');
    sheet.addRow(['案件编号', '物证编号', '物品名称', '数量', '单位', '缴获日期', '备注']);
    for (const evidence of ['KY-001', 'KY-002', 'KY-003'])
      sheet.addRow([
        'A5301-L01',
        evidence,
        '甲基苯丙胺',
        1500.2,
        '克',
        '2026-10-06',
        '三包合并称量',
      ]);
    sheet.mergeCells('D2:D4');
    const preview = await previewLedger('清单.xlsx', await workbook.xlsx.writeBuffer());
    expect(preview.problems.map((problem) => [problem.line, problem.problem])).toEqual([
      [3, 'mergedQuantity'],
      [4, 'mergedQuantity'],
    ]);
    expect(preview.sample.map((row) => [row['evidenceNo'], row['quantityValue']])).toEqual([
      ['KY-001', '1500.2'],
    ]);
    // The same sheet as .xls (LibreOffice's copy): the same reading.
    const xls = await previewLedger(
      '清单.xls',
      fs.readFileSync(path.join(import.meta.dirname, '../fixtures/records/merged-quantity.xls')),
    );
    expect(xls.problems.map((problem) => [problem.line, problem.problem])).toEqual([
      [3, 'mergedQuantity'],
      [4, 'mergedQuantity'],
    ]);
  });
});
