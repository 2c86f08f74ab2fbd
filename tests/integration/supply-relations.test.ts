import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { applyKey, openDatabase } from '../../electron/core/db/open-database';
import { migrationsUntil } from '../helpers/migrations-until';
import {
  createTestWorkspace,
  makeTempDir,
  makeTestCore,
  migrationsFolder,
  type TestCore,
} from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

async function caseWithPeople() {
  c = makeTestCore();
  await createTestWorkspace(c);
  const caseRow = await c.ok('cases.create', {
    caseNo: 'A3301-G01',
    title: '供货测试案',
    offenceType: 'trafficking',
    openedOn: '2026-10-01',
  });
  const person = async (name: string) =>
    c.ok('entities.create', { entity: { kind: 'person', name }, caseId: caseRow.id });
  return {
    caseRow,
    upstream: await person('上线甲'),
    dealer: await person('下线乙'),
    buyer: await person('买家丙'),
  };
}

describe('supply relations with drug and quantity', () => {
  it('keep the drug and the exact quantity, and feed the supplier’s total where nothing was seized from them', async () => {
    const { caseRow, upstream, dealer, buyer } = await caseWithPeople();
    const first = await c.ok('relations.create', {
      fromEntityId: upstream.id,
      toEntityId: dealer.id,
      type: 'supplies',
      startedOn: '2026-09-01',
      drugType: 'methamphetamine',
      quantityValue: '30',
      quantityUnit: 'g',
      source: '乙供述',
      caseId: caseRow.id,
    });
    expect(first).toMatchObject({
      drugType: 'methamphetamine',
      quantityValue: '30',
      quantityUnit: 'g',
      quantityNormalised: 30_000,
      normalisedUnit: 'mg',
    });
    // A second act, in another form of the same substance: cumulated as 甲基苯丙胺.
    await c.ok('relations.create', {
      fromEntityId: upstream.id,
      toEntityId: dealer.id,
      type: 'supplies',
      startedOn: '2026-09-20',
      drugType: 'methamphetamine_tablets',
      quantityValue: '0.025',
      quantityUnit: 'kg',
      caseId: caseRow.id,
    });
    // 乙 sold on to 丙 (ledger: 8 g), but 12 g were seized from 乙: the seizure counts, not the ledger.
    await c.ok('relations.create', {
      fromEntityId: dealer.id,
      toEntityId: buyer.id,
      type: 'supplies',
      drugType: 'methamphetamine',
      quantityValue: '8',
      quantityUnit: 'g',
      caseId: caseRow.id,
    });
    await c.ok('seizures.create', {
      caseId: caseRow.id,
      seizedAt: '2026-10-02T03:00:00.000Z',
      drugType: 'methamphetamine',
      quantityValue: '12',
      quantityUnit: 'g',
      fromEntityId: dealer.id,
    });
    // 乙 also admitted 2 g of heroin to 丙, of which nothing was seized.
    await c.ok('relations.create', {
      fromEntityId: dealer.id,
      toEntityId: buyer.id,
      type: 'supplies',
      drugType: 'heroin',
      quantityValue: '2',
      quantityUnit: 'g',
      caseId: caseRow.id,
    });
    const detail = await c.ok('cases.get', { id: caseRow.id });
    expect(
      detail.personDrugTotals.map((t) => [
        t.name,
        t.substance,
        t.counted,
        t.tier,
        t.basis,
        t.sources,
      ]),
    ).toEqual([
      ['上线甲', 'methamphetamine', 55_000, 'large', 'supplied', 2],
      ['下线乙', 'heroin', 2_000, 'belowRelativelyLarge', 'supplied', 1],
      ['下线乙', 'methamphetamine', 12_000, 'relativelyLarge', 'seized', 1],
    ]);
    // The case's seizure totals stay what was seized.
    expect(detail.substanceTotals.map((t) => [t.substance, t.counted])).toEqual([
      ['methamphetamine', 12_000],
    ]);

    // A deleted supply relation no longer counts.
    await c.ok('relations.delete', { id: first.id });
    const after = await c.ok('cases.get', { id: caseRow.id });
    expect(after.personDrugTotals[0]).toMatchObject({
      name: '上线甲',
      counted: 25_000,
      tier: 'relativelyLarge',
      basis: 'supplied',
      sources: 1,
    });
  });

  it('a supply relation without a drug is recorded as before (a unit alone is the form default)', async () => {
    const { caseRow, upstream, dealer } = await caseWithPeople();
    expect(
      await c.ok('relations.create', {
        fromEntityId: upstream.id,
        toEntityId: dealer.id,
        type: 'supplies',
        quantityUnit: 'g',
        amountYuan: '3000',
        caseId: caseRow.id,
      }),
    ).toMatchObject({ amountFen: 300_000, drugType: null, quantityUnit: null });
    expect((await c.ok('cases.get', { id: caseRow.id })).personDrugTotals).toEqual([]);
  });

  it('an edit can change the drug, and turning the relation into another type clears it', async () => {
    const { caseRow, upstream, dealer } = await caseWithPeople();
    const base = {
      fromEntityId: upstream.id,
      toEntityId: dealer.id,
      caseId: caseRow.id,
    };
    const row = await c.ok('relations.create', {
      ...base,
      type: 'supplies',
      drugType: 'heroin',
      quantityValue: '50',
      quantityUnit: 'g',
    });
    expect(
      await c.ok('relations.update', {
        id: row.id,
        relation: {
          ...base,
          type: 'supplies',
          drugType: 'ketamine',
          quantityValue: '1.5',
          quantityUnit: 'kg',
        },
      }),
    ).toMatchObject({ drugType: 'ketamine', quantityNormalised: 1_500_000 });
    expect(
      await c.ok('relations.update', { id: row.id, relation: { ...base, type: 'kin' } }),
    ).toMatchObject({
      type: 'kin',
      drugType: null,
      quantityValue: null,
      quantityUnit: null,
      quantityNormalised: null,
      normalisedUnit: null,
    });
    expect((await c.ok('cases.get', { id: caseRow.id })).personDrugTotals).toEqual([]);
  });

  it.each([
    [
      'a drug on a kin relation',
      { type: 'kin', drugType: 'heroin', quantityValue: '1', quantityUnit: 'g' },
      'relations.drugOnlyOnSupply',
      { type: 'kin' },
    ],
    [
      'a drug without its quantity',
      { type: 'supplies', drugType: 'heroin', quantityUnit: 'g' },
      'relations.drugIncomplete',
      { missing: 'quantity' },
    ],
    [
      'a quantity without its drug',
      { type: 'supplies', quantityValue: '3', quantityUnit: 'g' },
      'relations.drugIncomplete',
      { missing: 'drugType' },
    ],
    [
      'a quantity finer than a milligram',
      { type: 'supplies', drugType: 'heroin', quantityValue: '1.0005', quantityUnit: 'g' },
      'relations.invalidQuantity',
      { problem: 'tooPrecise' },
    ],
  ] as const)('refuses %s and writes nothing', async (_what, fields, code, details) => {
    const { caseRow, upstream, dealer } = await caseWithPeople();
    expect(
      await c.call('relations.create', {
        fromEntityId: upstream.id,
        toEntityId: dealer.id,
        caseId: caseRow.id,
        ...fields,
      }),
    ).toMatchObject({ ok: false, error: { code, details } });
    expect(await c.ok('relations.list', { caseId: caseRow.id })).toEqual([]);
  });

  it('relations recorded before the migration keep their fields and carry no drug', () => {
    const file = path.join(makeTempDir(), 'old.db');
    const key = crypto.randomBytes(32);
    const old = new Database(file);
    applyKey(old, key);
    migrate(drizzle({ client: old }), {
      migrationsFolder: migrationsUntil('0007_call_record_cells'),
    });
    const stamp = "'2026-01-01', '2026-01-01'";
    old.exec(`INSERT INTO entities (id, kind, label, created_at, updated_at) VALUES
      ('a', 'person', '甲', ${stamp}), ('b', 'person', '乙', ${stamp})`);
    old.exec(`INSERT INTO relations (id, from_entity_id, to_entity_id, type, amount_fen, source, created_at, updated_at)
      VALUES ('r1', 'a', 'b', 'supplies', 84500050, '通话记录', ${stamp})`);
    old.close();

    const opened = openDatabase({ file, key, migrationsFolder });
    if (!opened.ok) throw new Error(opened.failure);
    expect(
      opened.sqlite
        .prepare(
          'SELECT type, amount_fen, source, drug_type, quantity_value, quantity_unit, quantity_normalised, normalised_unit FROM relations',
        )
        .all(),
    ).toEqual([
      {
        type: 'supplies',
        amount_fen: 84_500_050,
        source: '通话记录',
        drug_type: null,
        quantity_value: null,
        quantity_unit: null,
        quantity_normalised: null,
        normalised_unit: null,
      },
    ]);
    opened.sqlite.close();
  });
});
