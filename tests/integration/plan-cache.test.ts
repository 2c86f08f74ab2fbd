import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlannedFile } from '../../electron/core/io/plan-cache';
import { forgetPlan, keepPlan, planKey, takePlan } from '../../electron/core/io/plan-cache';
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
