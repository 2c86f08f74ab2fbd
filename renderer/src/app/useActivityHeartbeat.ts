import { useEffect } from 'react';
import { invoke } from '../api/client';

const heartbeatIntervalMs = 60_000;

/**
 * Tells core the user is active (mouse, keyboard, wheel), at most once a minute, so that the
 * idle lock counts reading and scrolling, not only calls that fetch data.
 */
export function useActivityHeartbeat(): void {
  useEffect(() => {
    let last = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - last < heartbeatIntervalMs) return;
      last = now;
      void invoke('session.activity', {}).catch(() => undefined);
    };
    const events = ['pointerdown', 'keydown', 'wheel', 'mousemove'] as const;
    for (const name of events) window.addEventListener(name, onActivity, { passive: true });
    return () => {
      for (const name of events) window.removeEventListener(name, onActivity);
    };
  }, []);
}
