import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../helpers/test-core';

let core: TestCore;
afterEach(() => core?.dispose());

describe('demo workspace', () => {
  it('seeds and unlocks', async () => {
    core = makeTestCore();
    const demo = await core.ok('workspace.openDemo', {});
    const session = await core.ok('session.unlock', { path: demo.path, username: demo.username, password: demo.password });
    expect(session.isDemo).toBe(true);
    const cases = await core.ok('cases.list', { sort: { field: 'caseNo', order: 'asc' } });
    expect(cases.rows.map((row) => row.caseNo)).toEqual(['A3301052026030015', 'A3301062026080021', 'A3301082026050003']);
    const stats = await core.ok('stats.summary', {});
    console.log(JSON.stringify(stats));
  });
});
