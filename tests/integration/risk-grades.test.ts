import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

describe('risk grades configured in settings', () => {
  it('keeps the national defaults until a unit names its own grades, audited', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    expect((await c.ok('settings.get', {})).riskGrades).toEqual({
      high: { label: '', colour: 'red' },
      medium: { label: '', colour: 'orange' },
      low: { label: '', colour: 'green' },
    });
    const local = {
      high: { label: 'A类', colour: 'red' },
      medium: { label: 'B类', colour: 'yellow' },
      low: { label: 'C类', colour: 'blue' },
    } as const;
    expect((await c.ok('settings.update', { riskGrades: local })).riskGrades).toEqual(local);
    expect((await c.ok('settings.get', {})).riskGrades).toEqual(local);
    const audit = await c.ok('audit.list', { action: 'settings.updated' });
    expect(audit.rows[0]?.details).toEqual({ riskGrades: local });
    expect(
      await c.call('settings.update', {
        riskGrades: { ...local, low: { label: 'C', colour: 'purple' as 'red' } },
      }),
    ).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
  });
});
