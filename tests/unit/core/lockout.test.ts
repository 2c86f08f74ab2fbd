import { describe, expect, it } from 'vitest';
import {
  delayAfterFailures,
  emptyLockout,
  recordFailure,
  secondsLockedFor,
} from '../../../electron/core/vault/lockout';

describe('lockout delay', () => {
  it('is none for 4 failures, 30 s at the 5th, then doubles', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(delayAfterFailures)).toEqual([
      0, 0, 0, 0, 30, 60, 120, 240,
    ]);
    expect(delayAfterFailures(40)).toBe(86_400);
  });

  it('counts down from the failure time and keeps who failed', () => {
    const start = new Date('2026-11-23T08:00:00Z');
    let state = emptyLockout();
    for (let n = 0; n < 5; n += 1) state = recordFailure(state, 'admin', start);
    expect(state.failures).toBe(5);
    expect(state.lockedUntil).toBe('2026-11-23T08:00:30.000Z');
    expect(state.pending).toHaveLength(5);
    expect(secondsLockedFor(state, start)).toBe(30);
    expect(secondsLockedFor(state, new Date('2026-11-23T08:00:29.001Z'))).toBe(1);
    expect(secondsLockedFor(state, new Date('2026-11-23T08:00:30.000Z'))).toBe(0);
  });

  it('keeps at most 200 pending attempts', () => {
    let state = emptyLockout();
    for (let n = 0; n < 250; n += 1) state = recordFailure(state, `u${n}`, new Date(0));
    expect(state.pending).toHaveLength(200);
    expect(state.pending[0]?.username).toBe('u50');
  });
});
