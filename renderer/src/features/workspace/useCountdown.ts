import { useCallback, useSyncExternalStore } from 'react';

function subscribeToSeconds(onTick: () => void): () => void {
  const timer = setInterval(onTick, 250);
  return () => clearInterval(timer);
}

/** Whole seconds left until `until` (epoch ms), re-rendering as it changes; 0 when passed or unset. */
export function useCountdown(until: number | null): number {
  const secondsLeft = useCallback(
    () => (until === null ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000))),
    [until],
  );
  return useSyncExternalStore(subscribeToSeconds, secondsLeft);
}
