import { afterEach, describe, expect, it } from 'vitest';
import type { CaseSnapshot } from '../../electron/core/io/case-snapshot';
import type { TestCore } from '../helpers/test-core';
import { forged, importForged, packageAndReceiver, sealedForged } from '../helpers/forged-package';

// A package carrying tens of thousands of rows (a tester's had 20,000 relations) was opened,
// checked and written on the main process in one go: every read of the window waited ~20 s
// behind it. It is now checked in its own thread and written with multi-row inserts.

const cores: TestCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.dispose();
});

/** The demo case's package with `count` more relations among its entities (IDs in order). */
function withRelations(snapshot: CaseSnapshot, count: number): CaseSnapshot {
  const ids = snapshot.entities.map((item) => item.entity.id);
  const base = snapshot.relations.find((relation) => relation['type'] === 'calls')!;
  return forged(snapshot, (copy) => {
    for (let index = 0; copy.relations.length < snapshot.relations.length + count; index += 1) {
      const from = ids[index % ids.length]!;
      const to = ids[(index * 7 + 1) % ids.length]!;
      if (from === to) continue;
      copy.relations.push({
        ...base,
        id: `0190a0b0-0000-7000-8000-${String(index).padStart(12, '0')}`,
        fromEntityId: from,
        toEntityId: to,
        eventCount: (index % 50) + 1,
      });
    }
  });
}

const sqliteOf = (core: TestCore) => core.router.sessions.current()!.sqlite;

describe('a package of 20,000 relations', () => {
  it('is received whole while a read issued with it goes ahead, reporting progress', async () => {
    const { target, snapshot } = await packageAndReceiver(cores);
    const big = withRelations(snapshot, 20_000);
    const importId = '0190a0b0-0000-7000-8000-00000000f100';
    const sealed = await sealedForged(big);
    const order: string[] = [];
    const importing = target.call('package.import', { ...sealed, importId }).then((result) => {
      order.push('import');
      return result;
    });
    const read = target.call('cases.list', {}).then((result) => {
      order.push('read');
      return result;
    });
    const [result, listed] = await Promise.all([importing, read]);
    // The read was not held behind the package's check (it had waited for the whole import).
    expect(order).toEqual(['read', 'import']);
    expect(listed).toMatchObject({ ok: true, value: { total: 0 } });
    expect(result).toMatchObject({
      ok: true,
      value: { entitiesCreated: 49, relations: snapshot.relations.length + 20_000, seizures: 3 },
    });
    const caseId = result.ok ? result.value.caseId : '';
    const sqlite = sqliteOf(target);
    expect(
      sqlite
        .prepare(
          `SELECT count(*), count(DISTINCT num), sum(event_count), min(case_id = ?), max(merged_away)
           FROM relations WHERE id LIKE '0190a0b0-0000-7000-8000-%'`,
        )
        .raw()
        .get(caseId),
    ).toEqual([
      20_000,
      20_000,
      big.relations.slice(snapshot.relations.length).reduce((sum, one) => sum + one.eventCount!, 0),
      1,
      0,
    ]);
    // Numbered after the relations the package's own came with, none twice.
    expect(
      sqlite.prepare('SELECT count(*), count(DISTINCT num), max(num) FROM relations').raw().get(),
    ).toEqual([20_058, 20_058, 20_058]);
    const progress = target.events
      .filter((event) => event.event === 'import.progressed')
      .map((event) => event.payload as { importId: string; done: number; total: number });
    const total = 49 + snapshot.caseEntities.length + 20_058 + snapshot.events.length;
    expect(progress.at(-1)).toEqual({ importId, done: total, total });
    expect(progress.length).toBe(Math.floor(total / 2_000) + 1);
  });

  it('is stopped by its cancel button while it is checked, and nothing is written', async () => {
    const { target, snapshot } = await packageAndReceiver(cores);
    const importId = '0190a0b0-0000-7000-8000-00000000f101';
    const importing = importForged(target, withRelations(snapshot, 20_000), { importId });
    while (!target.events.some((event) => event.event === 'import.progressed'))
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await target.call('package.cancel', { importId })).toEqual({
      ok: true,
      value: { ok: true },
    });
    expect(await importing).toMatchObject({ ok: false, error: { code: 'import.cancelled' } });
    expect(sqliteOf(target).prepare('SELECT count(*) FROM relations').pluck().get()).toBe(0);
    expect((await target.ok('cases.list', {})).total).toBe(0);
  });
});

describe('a package beyond what one case carries', () => {
  it('is refused before it is checked: 5,001 seizures, no row written', async () => {
    const { target, snapshot } = await packageAndReceiver(cores);
    const seizure = snapshot.seizures[0]!;
    const many = forged(snapshot, (copy) => {
      for (let index = copy.seizures.length; index <= 5_000; index += 1)
        copy.seizures.push({
          ...seizure,
          id: `0190a0b0-0000-7000-8000-${String(index).padStart(12, '0')}`,
        });
    });
    for (const procedure of ['package.review', 'package.import'] as const)
      expect(await target.call(procedure, await sealedForged(many))).toMatchObject({
        ok: false,
        error: {
          code: 'package.tooManyRows',
          details: { list: 'seizures', count: 5_001, limit: 5_000 },
        },
      });
    expect((await target.ok('cases.list', {})).total).toBe(0);
    expect((await target.ok('entities.list', {})).total).toBe(0);
  });
});
