import type { LockoutState } from './workspace-header';

/** After this many consecutive failures the unlock form waits … */
const failuresBeforeDelay = 5;
/** … this long, doubling with every further failure. */
const firstDelaySeconds = 30;
const maximumDelaySeconds = 24 * 60 * 60;
const maximumPending = 200;

export function emptyLockout(): LockoutState {
  return { failures: 0, lockedUntil: null, pending: [] };
}

/** Seconds until the next attempt is allowed; 0 when it is allowed now. */
export function secondsLockedFor(state: LockoutState, now: Date): number {
  if (!state.lockedUntil) return 0;
  const remaining = Date.parse(state.lockedUntil) - now.getTime();
  return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
}

export function delayAfterFailures(failures: number): number {
  if (failures < failuresBeforeDelay) return 0;
  return Math.min(firstDelaySeconds * 2 ** (failures - failuresBeforeDelay), maximumDelaySeconds);
}

/** The state after one more failed attempt by `username`. */
export function recordFailure(state: LockoutState, username: string, now: Date): LockoutState {
  const failures = state.failures + 1;
  const delay = delayAfterFailures(failures);
  return {
    failures,
    lockedUntil: delay > 0 ? new Date(now.getTime() + delay * 1000).toISOString() : null,
    pending: [...state.pending, { at: now.toISOString(), username: username.slice(0, 64) }].slice(
      -maximumPending,
    ),
  };
}
