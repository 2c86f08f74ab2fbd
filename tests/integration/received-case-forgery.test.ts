import { afterEach, describe, expect, it } from 'vitest';
import { openDirect } from '../helpers/direct-workspace';
import { makeTestCore, signInToDemo, type TestCore } from '../helpers/test-core';

/**
 * Whether a case was received from another unit (and so counts in none of this unit's 成绩单
 * figures) comes from what the package import wrote with the case, not from the audit log:
 * any account holder can append a chained `package.imported` record naming a case. Before, a
 * viewer's forged record took the demo's case out of the statistics: 1 case solved → 0,
 * 24 suspects → 11, 26.18 kg → 0.059 kg.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const period = { from: '2026-01-01', to: '2026-12-31' } as const;
const viewerPassword = 'Role#Pass2026';

describe('a forged package.imported record', () => {
  it("leaves a case of this unit's own in its 成绩单", async () => {
    c = makeTestCore();
    const caseId = await signInToDemo(c);
    const demo = await c.ok('workspace.openDemo', {});
    await c.ok('users.create', {
      username: 'guest',
      displayName: '查看员',
      role: 'viewer',
      password: viewerPassword,
    });
    const figures = async () => {
      const stats = await c.ok('stats.unit', period);
      return [stats.casesSolved, stats.suspectsArrested, stats.drugsMilligrams];
    };
    const before = await figures();
    expect(before).toEqual([1, 24, 26_177_700]);
    await c.ok('session.lock', {});

    // The viewer opens the database with the data key from their own slot and appends a
    // correctly chained record claiming the case came in a package.
    const workspace = await openDirect(demo.path, 'guest', viewerPassword);
    workspace.audit({
      action: 'package.imported',
      targetType: 'case',
      targetId: caseId,
      details: { caseNo: 'A3301052026030015' },
    });
    workspace.close('user');

    await c.ok('session.unlock', {
      path: demo.path,
      username: demo.username,
      password: demo.password,
    });
    expect((await c.ok('audit.verify', {})).ok).toBe(true);
    expect(await figures()).toEqual([1, 24, 26_177_700]);
  });
});
