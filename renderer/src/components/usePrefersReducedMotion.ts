import { useSyncExternalStore } from 'react';

const query = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia?.(query);
  media?.addEventListener('change', onChange);
  return () => media?.removeEventListener('change', onChange);
}

/** Whether the system asks for less motion (Windows: 设置 → 辅助功能 → 动画效果 off). */
export function prefersReducedMotion(): boolean {
  return window.matchMedia?.(query).matches ?? false;
}

/** `prefersReducedMotion`, re-rendering when the system setting changes. */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, prefersReducedMotion);
}
