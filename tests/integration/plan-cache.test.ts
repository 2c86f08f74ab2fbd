import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlannedFile } from '../../electron/core/io/plan-cache';
import { forgetPlan, keepPlan, planKey, takePlan } from '../../electron/core/io/plan-cache';
import { planAhead } from '../../electron/core/io/import-service';
import { createTestWorkspace, makeTestCore } from '../helpers/test-core';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-cache-'));
const file = path.join(dir, 'calls.csv');
const planned = { sha256: 'ab'.repeat(32) } as PlannedFile;
const input = (extra: Record<string, unknown> = {}) => ({
  filePath: file,
  encoding: 'auto',
  template: 'calls',
  ...extra,
});

afterEach(() => forgetPlan());

describe('a preview plan kept for its commit', () => {
  it('is handed over once, to the same file with the same options', () => {
    fs.writeFileSync(file, '本机号码,对方号码\n');
    keepPlan(planKey(input()), planned);
    expect(takePlan(planKey(input({ template: 'transactions' })))).toBeNull();
    expect(takePlan(planKey(input({ areaCode: '0871' })))).toBeNull();
    expect(takePlan(planKey(input()))).toBe(planned);
    expect(takePlan(planKey(input()))).toBeNull();
  });

  it('is not used once the file changed, nor for bytes sent without a path', () => {
    fs.writeFileSync(file, '本机号码,对方号码\n');
    keepPlan(planKey(input()), planned);
    fs.appendFileSync(file, '13900000001,13800000001\n');
    expect(takePlan(planKey(input()))).toBeNull();
    expect(planKey({ contentBase64: 'AAAA', encoding: 'auto', template: 'calls' })).toBeNull();
    expect(planKey(input({ filePath: path.join(dir, 'missing.csv') }))).toBeNull();
  });

  it('is dropped when the session locks (the file’s rows do not outlive the session)', async () => {
    fs.writeFileSync(
      file,
      '本机号码,对方号码,呼叫类型,开始时间,通话时长\n13900000001,13800000001,主叫,2026-04-01 10:00:00,60\n',
    );
    const c = makeTestCore();
    await createTestWorkspace(c);
    const preview = await c.ok('import.preview', {
      fileName: 'calls.csv',
      filePath: file,
      encoding: 'auto',
      template: 'calls',
    });
    expect(preview.validCount).toBe(1);
    // Kept: the commit would take it (taken here and put back to look).
    const kept = takePlan(planKey(input()));
    expect(kept?.plan.rowCount).toBe(1);
    keepPlan(planKey(input()), kept!);
    await c.ok('session.lock', {});
    expect(takePlan(planKey(input()))).toBeNull();
  });
});

describe('a plan begun before sign-in (the CLI reads its file while Argon2id runs)', () => {
  const calls = (rows: number) =>
    [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      ...Array.from(
        { length: rows },
        (_, row) => `13900000001,1380000${String(1000 + row)},主叫,2026-04-01 10:00:00,60`,
      ),
    ].join('\n');
  const preview = {
    fileName: 'calls.csv',
    filePath: file,
    encoding: 'auto' as const,
    template: 'calls' as const,
  };

  it('is the preview of a signed-in user: the same rows and file hash as a read made then', async () => {
    fs.writeFileSync(file, calls(3));
    const drop = planAhead(preview);
    const c = makeTestCore();
    await createTestWorkspace(c);
    const early = await c.ok('import.preview', preview);
    drop();
    const fresh = await c.ok('import.preview', preview);
    expect(early.validCount).toBe(3);
    expect(early).toEqual(fresh);
    c.dispose();
  });

  it('is taken by the preview, not read again (same file, size and time)', async () => {
    fs.writeFileSync(file, calls(3));
    // A whole second: a time put back by utimes keeps no finer part.
    fs.utimesSync(file, 1_780_000_000, 1_780_000_000);
    planAhead(preview);
    // Other numbers in as many bytes, the time put back: what a second read would see.
    const c = makeTestCore();
    await createTestWorkspace(c);
    fs.writeFileSync(file, calls(3).replaceAll('13900000001', '13900000009'));
    fs.utimesSync(file, 1_780_000_000, 1_780_000_000);
    const taken = await c.ok('import.preview', preview);
    expect(taken.sample.map((row) => row['caller'])).toEqual([
      '13900000001',
      '13900000001',
      '13900000001',
    ]);
    expect((await c.ok('import.preview', preview)).sample[0]!['caller']).toBe('13900000009');
    const committed = await c.ok('import.commit', { ...preview, importId: 'imp-ahead' });
    expect(committed.rows).toBe(3);
    c.dispose();
  });

  it('is not used for a file changed since, nor for other options, nor once dropped', async () => {
    const c = makeTestCore();
    await createTestWorkspace(c);
    fs.writeFileSync(file, calls(3));
    planAhead(preview);
    fs.writeFileSync(file, calls(5));
    expect((await c.ok('import.preview', preview)).validCount).toBe(5);

    fs.writeFileSync(file, calls(2));
    planAhead(preview);
    expect((await c.ok('import.preview', { ...preview, areaCode: '0871' })).validCount).toBe(2);

    fs.writeFileSync(file, calls(4));
    const drop = planAhead(preview);
    drop();
    fs.writeFileSync(file, calls(6));
    expect((await c.ok('import.preview', preview)).validCount).toBe(6);
    c.dispose();
  });

  it('a seizure ledger is not read ahead: its holders are matched in the case when asked', () => {
    fs.writeFileSync(file, '案件编号,毒品种类,数量\n');
    const drop = planAhead({ ...preview, template: 'seizures' });
    expect(drop).toBeTypeOf('function');
    expect(takePlan(planKey({ ...input(), template: 'seizures' }))).toBeNull();
  });
});
