import { useEffect, useState } from 'react';

/**
 * Measures the width of an element (the chart fills its card). A callback ref: the element may
 * mount after the first render (the timeline's box comes with its data), and a ref object read
 * once on mount had left the chart at its fallback width in any window.
 */
export function useElementWidth(fallback: number) {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    if (!element) return;
    const update = () => setWidth(element.clientWidth || fallback);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, fallback]);
  return { ref: setElement, width };
}
