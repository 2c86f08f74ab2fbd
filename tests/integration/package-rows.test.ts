import { afterEach, describe, expect, it } from 'vitest';
import { demoCaseNo, type TestCore } from '../helpers/test-core';
import type { CaseSnapshot } from '../../electron/core/io/case-snapshot';
import { forged, importForged, packageAndReceiver as receiverOf } from '../helpers/forged-package';

// A 协查 package is sealed with a passphrase its maker chooses: anyone with a case export (a
// viewer's cases.export) can write one. Its rows go through the rules of manual entry, and a
// received case is the sending unit's: it adds nothing to this unit's 成绩单.

const cores: TestCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.dispose();
});

const packageAndReceiver = () => receiverOf(cores);

describe("a package's rows go through the entry rules", () => {
  it("re-derives a seizure's normalised quantity from its value and unit, and audits each seizure and member", async () => {
    const { target, snapshot } = await packageAndReceiver();
    const seizure = snapshot.seizures[0]!;
    const result = await importForged(
      target,
      forged(snapshot, (copy) => {
        Object.assign(copy.seizures[0]!, {
          drugType: 'heroin',
          quantityValue: '1.2',
          quantityUnit: 'g',
          quantityNormalised: 50_000_000_000,
          normalisedUnit: 'mg',
          purityBasisPoints: null,
          contentPerUnit: null,
          contentMicrograms: null,
        });
      }),
    );
    expect(result.ok).toBe(true);
    const caseId = result.ok ? result.value.caseId! : '';
    const detail = await target.ok('cases.get', { id: caseId });
    const rows = await target.ok('seizures.list', { caseId });
    const row = rows.rows.find((one) => one.id === seizure.id)!;
    expect([
      row.quantityValue,
      row.quantityUnit,
      row.quantityNormalised,
      row.normalisedUnit,
    ]).toEqual(['1.2', 'g', 1200, 'mg']);
    expect(detail.drugTotals.find((total) => total.drugType === 'heroin')).toMatchObject({
      total: 1200,
      seizures: 1,
    });

    const history = (await target.ok('audit.list', { pageSize: 500 })).rows;
    const created = history.filter((record) => record.action === 'seizures.created');
    expect(created.map((record) => record.targetId).sort()).toEqual(
      snapshot.seizures.map((one) => one.id).sort(),
    );
    expect(created.find((record) => record.targetId === seizure.id)!.details).toMatchObject({
      caseId,
      drugType: 'heroin',
      quantity: '1.2 g',
      normalised: '1200 mg',
      fromPackage: true,
    });
    const added = history.filter((record) => record.action === 'cases.entityAdded');
    expect(added).toHaveLength(snapshot.caseEntities.length);
    const suspect = snapshot.caseEntities.find((member) => member['roleInCase'] === 'suspect')!;
    expect(
      added.find((record) => record.details?.['entityId'] === suspect.entityId)!.details,
    ).toEqual({
      caseId,
      entityId: suspect.entityId,
      roleInCase: 'suspect',
      legalStatus: suspect['legalStatus'],
      caughtOn: suspect['caughtOn'] ?? null,
      fromPackage: true,
    });
  });

  it("re-derives a supply relation's normalised quantity from its value and unit", async () => {
    const { target, snapshot } = await packageAndReceiver();
    const supply = snapshot.relations.find((relation) => relation['type'] === 'supplies')!;
    const result = await importForged(
      target,
      forged(snapshot, (copy) => {
        Object.assign(
          copy.relations.find((relation) => relation.id === supply.id)!,
          {
            drugType: 'heroin',
            quantityValue: '2.5',
            quantityUnit: 'g',
            quantityNormalised: 9_000_000_000,
            normalisedUnit: 'mg',
          },
        );
      }),
    );
    expect(result.ok).toBe(true);
    const rows = await target.ok('relations.list', { entityId: supply.fromEntityId });
    const row = rows.find((relation) => relation.id === supply.id)!;
    expect([
      row.quantityValue,
      row.quantityUnit,
      row.quantityNormalised,
      row.normalisedUnit,
    ]).toEqual(['2.5', 'g', 2500, 'mg']);
  });

  it.each([
    [
      'a drug on a relation that is no supply',
      (copy: CaseSnapshot) =>
        Object.assign(
          copy.relations.find((relation) => relation['type'] !== 'supplies')!,
          {
            drugType: 'heroin',
            quantityValue: '1',
            quantityUnit: 'kg',
          },
        ),
      {
        code: 'package.invalidRow',
        details: { list: 'relations', field: 'relations.drugOnlyOnSupply' },
      },
    ],
    [
      'a seizure over a tonne',
      (copy: CaseSnapshot) =>
        Object.assign(copy.seizures[1]!, { quantityValue: '50000', quantityUnit: 'kg' }),
      { code: 'package.implausibleQuantity', details: { row: 2, quantity: '50000 kg' } },
    ],
    [
      'a quantity that is no number',
      (copy: CaseSnapshot) => Object.assign(copy.seizures[0]!, { quantityValue: '1,2,3g' }),
      { code: 'package.invalidRow', details: { list: 'seizures', row: 1 } },
    ],
    [
      'a role no form offers',
      (copy: CaseSnapshot) => Object.assign(copy.caseEntities[0]!, { roleInCase: 'boss' }),
      {
        code: 'package.invalidRow',
        details: { list: 'caseEntities', row: 1, field: 'roleInCase' },
      },
    ],
    [
      'a caught date that is no date',
      (copy: CaseSnapshot) => Object.assign(copy.caseEntities[0]!, { caughtOn: '2026-13-45' }),
      { code: 'package.invalidRow', details: { list: 'caseEntities', row: 1, field: 'caughtOn' } },
    ],
    [
      'a solved case without its 破案 date',
      (copy: CaseSnapshot) => Object.assign(copy.case!, { status: 'solved', solvedOn: null }),
      { code: 'package.invalidRow', details: { list: 'case', row: 1, field: 'solvedOn' } },
    ],
    [
      'a case solved before it was opened',
      (copy: CaseSnapshot) =>
        Object.assign(copy.case!, {
          status: 'solved',
          openedOn: '2026-03-15',
          solvedOn: '2026-03-01',
        }),
      { code: 'package.invalidRow', details: { list: 'case', row: 1, field: 'solvedOn' } },
    ],
    [
      'an unknown supervision level',
      (copy: CaseSnapshot) => Object.assign(copy.case!, { supervisionLevel: 'un' }),
      { code: 'package.invalidRow', details: { list: 'case', row: 1, field: 'supervisionLevel' } },
    ],
  ])('refuses %s and writes nothing', async (_what, change, error) => {
    const { target, snapshot } = await packageAndReceiver();
    const before = (await target.ok('audit.list', { pageSize: 500 })).total;
    expect(await importForged(target, forged(snapshot, change))).toMatchObject({
      ok: false,
      error,
    });
    // The log first: reading the lists below records the reads.
    expect((await target.ok('audit.list', { pageSize: 500 })).total).toBe(before);
    expect((await target.ok('cases.list', {})).total).toBe(0);
    expect((await target.ok('entities.list', {})).total).toBe(0);
  });

  it('refuses a package made in this same workspace', async () => {
    const { target, snapshot, targetId } = await packageAndReceiver();
    const result = await importForged(
      target,
      forged(snapshot, (copy) => {
        copy.sourceWorkspaceId = targetId;
      }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'package.ownWorkspace' } });
    expect((await target.ok('cases.list', {})).total).toBe(0);
  });
});

describe("a received case is the sending unit's achievement", () => {
  it("adds nothing to the receiving unit's 成绩单, whatever status, suspects and seizures it says", async () => {
    const { source, target, snapshot } = await packageAndReceiver();
    const period = { from: '2026-01-01', to: '2026-12-31' } as const;
    const sent = await source.ok('stats.unit', period);
    // The sender's own figures count the case (the control).
    expect(sent.suspectsArrested).toBeGreaterThan(0);
    expect(sent.drugsMilligrams).toBeGreaterThan(0);
    const before = await target.ok('stats.unit', period);
    const result = await importForged(
      target,
      forged(snapshot, (copy) => {
        Object.assign(copy.case!, {
          status: 'solved',
          solvedOn: '2026-11-20',
          prosecutedOn: null,
          closedOn: null,
          supervisionLevel: 'ministry',
        });
        for (const member of copy.caseEntities)
          Object.assign(member, { roleInCase: 'suspect', caughtOn: '2026-11-20' });
        for (const seizure of copy.seizures) Object.assign(seizure, { cashFen: 9_900_000_000 });
      }),
    );
    expect(result.ok).toBe(true);
    const after = await target.ok('stats.unit', period);
    expect([
      after.casesSolved,
      after.suspectsArrested,
      after.drugsMilligrams,
      after.drugMoneyFen,
    ]).toEqual([0, 0, 0, 0]);
    expect(after.solvedBySupervision).toEqual(before.solvedBySupervision);
    expect(after).toEqual({ ...before, units: after.units });
    // The case is there as the sender reports it, for the assisting unit to read.
    const received = await target.ok('cases.list', { text: demoCaseNo });
    expect(received.rows.map((row) => [row.status, row.supervisionLevel])).toEqual([
      ['solved', 'ministry'],
    ]);
  });
});
