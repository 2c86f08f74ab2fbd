import { afterEach, describe, expect, it } from 'vitest';
import { demoCaseNo, type TestCore } from '../helpers/test-core';
import { forged, importForged, packageAndReceiver, sealedForged } from '../helpers/forged-package';

// A seizure typed by hand over a plausible quantity (over a tonne of a drug) is saved only once
// the investigator confirms it. A package's seizure had no such step: it was refused whatever
// the user knew, with nothing in the review to say which. The review now names each one, and
// the receive call imports it once the user confirmed it (confirmedImplausible), as recorded.

const cores: TestCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.dispose();
});

/** The demo package with its second seizure 5 t of heroin. */
async function withFiveTonnes() {
  const received = await packageAndReceiver(cores);
  const seizure = received.snapshot.seizures[1]!;
  const changed = forged(received.snapshot, (copy) => {
    Object.assign(copy.seizures[1]!, {
      drugType: 'heroin',
      quantityValue: '5000',
      quantityUnit: 'kg',
      contentPerUnit: null,
      purityBasisPoints: null,
    });
  });
  return { ...received, changed, seizure };
}

describe('a package with 5 t of heroin in one seizure', () => {
  it('is named by the review, refused without a confirmation, and nothing is written', async () => {
    const { target, changed, seizure } = await withFiveTonnes();
    const review = await target.ok('package.review', await sealedForged(changed));
    expect(review.implausibleSeizures).toEqual([
      {
        row: 2,
        caseNo: demoCaseNo,
        drugType: 'heroin',
        quantity: '5000 kg',
        evidenceNo: seizure['evidenceNo'] ?? null,
      },
    ]);
    expect(await importForged(target, changed)).toEqual({
      ok: false,
      error: {
        code: 'package.implausibleQuantity',
        message: 'A seizure in the package needs checking',
        details: {
          row: 2,
          quantity: '5000 kg',
          evidenceNo: seizure['evidenceNo'] ?? null,
          count: 1,
        },
      },
    });
    expect((await target.ok('cases.list', {})).total).toBe(0);
    expect(
      (await target.ok('audit.list', { action: 'package.imported', pageSize: 10 })).total,
    ).toBe(0);
  });

  it('is imported once confirmed, and the audit names the seizure confirmed', async () => {
    const { target, changed, seizure } = await withFiveTonnes();
    const result = await importForged(target, changed, { confirmedImplausible: true });
    expect(result).toMatchObject({ ok: true, value: { seizures: 3 } });
    const caseId = result.ok ? result.value.caseId! : '';
    const rows = (await target.ok('seizures.list', { caseId })).rows;
    const row = rows.find((one) => one.id === seizure.id)!;
    expect([row.drugType, row.quantityValue, row.quantityUnit, row.quantityNormalised]).toEqual([
      'heroin',
      '5000',
      'kg',
      5_000_000_000,
    ]);
    const imported = (await target.ok('audit.list', { action: 'package.imported', pageSize: 10 }))
      .rows;
    expect(imported.map((record) => record.details?.['implausibleSeizures'])).toEqual([
      [
        {
          row: 2,
          caseNo: demoCaseNo,
          drugType: 'heroin',
          quantity: '5000 kg',
          evidenceNo: seizure['evidenceNo'] ?? null,
        },
      ],
    ]);
    const created = (await target.ok('audit.list', { action: 'seizures.created', pageSize: 10 }))
      .rows;
    expect(
      created
        .filter((record) => record.details?.['confirmedImplausible'] === true)
        .map((record) => [record.targetId, record.details?.['quantity']]),
    ).toEqual([[seizure.id, '5000 kg']]);
  });

  it('a plausible package reviews with no seizure to confirm', async () => {
    const { target, snapshot } = await packageAndReceiver(cores);
    expect(
      (await target.ok('package.review', await sealedForged(snapshot))).implausibleSeizures,
    ).toEqual([]);
  });
});
