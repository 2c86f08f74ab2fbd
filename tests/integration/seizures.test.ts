import { afterEach, describe, expect, it } from 'vitest';
import type { SeizureInput } from '../../electron/api/schemas/seizure-schemas';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

async function withCase() {
  c = makeTestCore();
  await createTestWorkspace(c);
  return c.ok('cases.create', {
    caseNo: 'A3301-S01',
    title: '缴获测试案',
    offenceType: 'trafficking',
    openedOn: '2026-10-01',
  });
}

const seizure = (
  caseId: string,
  drugType: SeizureInput['drugType'],
  quantityValue: string,
  quantityUnit: SeizureInput['quantityUnit'],
  extra: Partial<SeizureInput> = {},
): SeizureInput => ({
  caseId,
  seizedAt: '2026-10-02T03:00:00.000Z',
  drugType,
  quantityValue,
  quantityUnit,
  ...extra,
});

async function totalsOf(caseId: string) {
  return (await c.ok('cases.get', { id: caseId })).drugTotals.map((total) => [
    total.drugType,
    total.unit,
    total.total,
    total.tier,
  ]);
}

describe('seizures', () => {
  it('add up exactly per drug across units: 25.619 kg + 381 g = 26 kg, 数量大', async () => {
    const caseRow = await withCase();
    await c.ok(
      'seizures.create',
      seizure(caseRow.id, 'methamphetamine', '25.619', 'kg', {
        purityPercent: '71.5',
        cashYuan: '386500',
        evidenceNo: 'WZ-1',
      }),
    );
    await c.ok('seizures.create', seizure(caseRow.id, 'methamphetamine', '381', 'g'));
    await c.ok('seizures.create', seizure(caseRow.id, 'heroin', '0.5', 'g'));
    await c.ok('seizures.create', seizure(caseRow.id, 'methadone', '30', 'ml'));
    // 30 ml of methadone without its content cannot be tiered (art. 1 para. 2): 需录入含量.
    expect(await totalsOf(caseRow.id)).toEqual([
      ['heroin', 'mg', 500, 'belowRelativelyLarge'],
      ['methadone', 'ml', 30, 'contentRequired'],
      ['methamphetamine', 'mg', 26_000_000, 'large'],
    ]);
    const detail = await c.ok('cases.get', { id: caseRow.id });
    expect(detail.cashTotalFen).toBe(38_650_000);
    expect(detail.drugTotals.find((t) => t.drugType === 'methamphetamine')?.thresholds).toEqual({
      large: 50_000,
      relativelyLarge: 10_000,
      source: '刑法第347条',
    });
    const rows = (await c.ok('seizures.list', { caseId: caseRow.id })).rows;
    expect(rows.find((row) => row.quantityValue === '25.619')).toMatchObject({
      purityBasisPoints: 7150,
      cashFen: 38_650_000,
      evidenceNo: 'WZ-1',
    });
  });

  it.each([
    ['9.999', 'belowRelativelyLarge'],
    ['10', 'relativelyLarge'],
    ['49.999', 'relativelyLarge'],
    ['50', 'large'],
  ])('heroin %s g is %s (10 g and 50 g boundaries inclusive)', async (grams, tier) => {
    const caseRow = await withCase();
    await c.ok('seizures.create', seizure(caseRow.id, 'heroin', grams, 'g'));
    expect((await totalsOf(caseRow.id))[0]?.[3]).toBe(tier);
  });

  it('crosses a boundary only through the sum: 6 g + 4 g of methamphetamine is 10 g, 数量较大', async () => {
    const caseRow = await withCase();
    await c.ok('seizures.create', seizure(caseRow.id, 'methamphetamine', '6', 'g'));
    expect((await totalsOf(caseRow.id))[0]?.[3]).toBe('belowRelativelyLarge');
    await c.ok('seizures.create', seizure(caseRow.id, 'methamphetamine', '4000', 'mg'));
    expect(await totalsOf(caseRow.id)).toEqual([
      ['methamphetamine', 'mg', 10_000, 'relativelyLarge'],
    ]);
  });

  it('gives no statutory tier to nitrous oxide or precursors', async () => {
    const caseRow = await withCase();
    await c.ok('seizures.create', seizure(caseRow.id, 'nitrous_oxide', '28', 't'));
    await c.ok('seizures.create', seizure(caseRow.id, 'hydroxylimine', '12.5', 'kg'));
    expect(await totalsOf(caseRow.id)).toEqual([
      ['hydroxylimine', 'mg', 12_500_000, 'notApplicable'],
      ['nitrous_oxide', 'mg', 28_000_000_000, 'notApplicable'],
    ]);
  });

  it.each([
    [{ quantityValue: '-5' }, 'seizures.invalidQuantity', { problem: 'format' }],
    [{ quantityValue: '0' }, 'seizures.invalidQuantity', { problem: 'notPositive' }],
    [
      { quantityValue: '0.0001', quantityUnit: 'g' },
      'seizures.invalidQuantity',
      { problem: 'tooPrecise' },
    ],
    [
      { quantityValue: '20000', quantityUnit: 't' },
      'seizures.invalidQuantity',
      { problem: 'tooLarge' },
    ],
    [{ purityPercent: '120' }, 'seizures.invalidPurity', undefined],
    [{ contentPerUnit: '50mg' }, 'seizures.invalidContent', undefined],
    [
      { quantityValue: '1000.001', quantityUnit: 'kg' },
      'seizures.implausibleQuantity',
      { reason: 'massOverOneTonne' },
    ],
    [{ cashYuan: '12.345' }, 'seizures.invalidCash', undefined],
    [{ caseId: 'no-such-case' }, 'cases.notFound', undefined],
  ] as [Partial<SeizureInput>, string, Record<string, unknown> | undefined][])(
    'refuses %o with %s and writes nothing',
    async (change, code, details) => {
      const caseRow = await withCase();
      const result = await c.call('seizures.create', {
        ...seizure(caseRow.id, 'heroin', '5', 'g'),
        ...change,
      });
      expect(result).toMatchObject({ ok: false, error: details ? { code, details } : { code } });
      expect((await c.ok('seizures.list', {})).total).toBe(0);
      expect((await c.ok('audit.list', { action: 'seizures.created' })).total).toBe(0);
    },
  );

  it('updates and deletes, keeping totals exact and every change in the case history', async () => {
    const caseRow = await withCase();
    const first = await c.ok('seizures.create', seizure(caseRow.id, 'ketamine', '80', 'g'));
    await c.ok('seizures.update', {
      id: first.id,
      seizure: seizure(caseRow.id, 'ketamine', '0.12', 'kg'),
    });
    expect(await totalsOf(caseRow.id)).toEqual([['ketamine', 'mg', 120_000, 'relativelyLarge']]);
    await c.ok('seizures.delete', { id: first.id });
    expect(await totalsOf(caseRow.id)).toEqual([]);
    const history = await c.ok('cases.auditHistory', { caseId: caseRow.id });
    expect(history.rows.map((row) => row.action)).toEqual([
      'seizures.deleted',
      'seizures.updated',
      'seizures.created',
      'cases.created',
    ]);
    expect(history.rows[1]?.details).toMatchObject({
      quantity: '0.12 kg',
      normalised: '120000 mg',
      before: { quantity: '80 g' },
    });
  });

  it('adds 8 g 冰毒 and 3 g 麻古 as 11 g 甲基苯丙胺 (数量较大), per form and per person', async () => {
    const caseRow = await withCase();
    const a = await c.ok('entities.create', {
      entity: { kind: 'person', name: '甲某' },
      caseId: caseRow.id,
    });
    const b = await c.ok('entities.create', {
      entity: { kind: 'person', name: '乙某' },
      caseId: caseRow.id,
    });
    await c.ok(
      'seizures.create',
      seizure(caseRow.id, 'methamphetamine', '8', 'g', { fromEntityId: a.id, weightBasis: 'net' }),
    );
    await c.ok(
      'seizures.create',
      seizure(caseRow.id, 'methamphetamine_tablets', '3', 'g', { fromEntityId: b.id }),
    );
    const detail = await c.ok('cases.get', { id: caseRow.id });
    expect(await totalsOf(caseRow.id)).toEqual([
      ['methamphetamine', 'mg', 8_000, 'relativelyLarge'],
      ['methamphetamine_tablets', 'mg', 3_000, 'relativelyLarge'],
    ]);
    expect(detail.substanceTotals.map((t) => [t.substance, t.forms, t.counted, t.tier])).toEqual([
      [
        'methamphetamine',
        ['methamphetamine', 'methamphetamine_tablets'],
        11_000,
        'relativelyLarge',
      ],
    ]);
    expect(detail.personDrugTotals.map((t) => [t.name, t.substance, t.counted, t.tier])).toEqual([
      ['甲某', 'methamphetamine', 8_000, 'belowRelativelyLarge'],
      ['乙某', 'methamphetamine', 3_000, 'belowRelativelyLarge'],
    ]);
    const rows = (await c.ok('seizures.list', { caseId: caseRow.id })).rows;
    expect(rows.find((row) => row.quantityValue === '8')?.weightBasis).toBe('net');
  });

  it("after 并案 the surviving case counts the merged cases' seizures: 40 g + 15 g is 55 g, 数量大", async () => {
    const survivor = await withCase();
    const merged = await c.ok('cases.create', {
      caseNo: 'A3301-S02',
      title: '被并案',
      offenceType: 'trafficking',
      openedOn: '2026-10-01',
    });
    // A third case merged into the merged one: its seizure reaches the survivor too.
    const mergedEarlier = await c.ok('cases.create', {
      caseNo: 'A3301-S03',
      title: '先并入被并案',
      offenceType: 'trafficking',
      openedOn: '2026-10-01',
    });
    const feng = await c.ok('cases.addPerson', {
      caseId: survivor.id,
      person: { name: '冯主' },
      roleInCase: 'suspect',
    });
    await c.ok('cases.addPerson', {
      caseId: merged.id,
      entityId: feng.entityId,
      roleInCase: 'suspect',
    });
    const from = { fromEntityId: feng.entityId, weightBasis: 'net' as const };
    await c.ok('seizures.create', seizure(survivor.id, 'methamphetamine', '40', 'g', { ...from, cashYuan: '100' })); // prettier-ignore
    await c.ok('seizures.create', seizure(merged.id, 'methamphetamine', '15', 'g', { ...from, cashYuan: '20' })); // prettier-ignore
    await c.ok('seizures.create', seizure(mergedEarlier.id, 'heroin', '12', 'g'));
    await c.ok('cases.transition', { id: mergedEarlier.id, to: 'merged', on: '2026-10-05', mergedIntoCaseId: merged.id }); // prettier-ignore
    await c.ok('cases.transition', { id: merged.id, to: 'merged', on: '2026-10-10', mergedIntoCaseId: survivor.id }); // prettier-ignore
    const detail = await c.ok('cases.get', { id: survivor.id });
    expect(detail.mergedCases.map((row) => row.caseNo)).toEqual(['A3301-S02', 'A3301-S03']);
    expect(detail.substanceTotals.map((t) => [t.substance, t.counted, t.tier])).toEqual([
      ['heroin', 12_000, 'relativelyLarge'],
      ['methamphetamine', 55_000, 'large'],
    ]);
    expect(detail.personDrugTotals.map((t) => [t.name, t.substance, t.counted, t.tier, t.sources])).toEqual([
      ['冯主', 'methamphetamine', 55_000, 'large', 2],
    ]); // prettier-ignore
    expect(detail.cashTotalFen).toBe(12_000);
    // The merged case keeps its own figures and names none merged into the survivor.
    const own = await c.ok('cases.get', { id: merged.id });
    expect([own.mergedCases.map((row) => row.caseNo), own.substanceTotals.map((t) => [t.substance, t.counted])]).toEqual([
      ['A3301-S03'],
      [['heroin', 12_000], ['methamphetamine', 15_000]],
    ]); // prettier-ignore
  });

  it('counts 1000 片 曲马多 by content: 50 mg/片 = 50 g, no tier; without content 需录入含量', async () => {
    const caseRow = await withCase();
    const tablets = await c.ok(
      'seizures.create',
      seizure(caseRow.id, 'tramadol_tablets', '1000', 'tablet'),
    );
    expect((await c.ok('cases.get', { id: caseRow.id })).substanceTotals).toMatchObject([
      { substance: 'tramadol', counted: 0, uncounted: 1, tier: 'contentRequired' },
    ]);
    await c.ok('seizures.update', {
      id: tablets.id,
      seizure: seizure(caseRow.id, 'tramadol_tablets', '1000', 'tablet', { contentPerUnit: '50' }),
    });
    const detail = await c.ok('cases.get', { id: caseRow.id });
    expect(detail.substanceTotals).toMatchObject([
      { substance: 'tramadol', counted: 50_000, uncounted: 0, tier: 'belowRelativelyLarge' },
    ]);
    expect(detail.drugTotals).toMatchObject([
      { drugType: 'tramadol_tablets', unit: 'count', countUnit: 'tablet', total: 1_000 },
    ]);
  });

  it('saves an implausible quantity once confirmed, and audits it', async () => {
    const caseRow = await withCase();
    await c.ok(
      'seizures.create',
      seizure(caseRow.id, 'heroin', '1.5', 't', { confirmedImplausible: true }),
    );
    expect(await totalsOf(caseRow.id)).toEqual([['heroin', 'mg', 1_500_000_000, 'large']]);
  });
});
