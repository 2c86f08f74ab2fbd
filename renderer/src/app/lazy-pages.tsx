import { lazy, type ComponentType } from 'react';

type Loaders = Record<string, () => Promise<ComponentType>>;

/**
 * Page components that load their chunk on first use, and `preloadPages`, which fetches the
 * chunks while the window is idle. A page whose chunk is already here renders at once:
 * React.lazy alone suspends on the first render even when the chunk was preloaded, and
 * React 19 then holds the revealed page back up to 300 ms (it throttles revealing a
 * suspended boundary) — measured as the gap between a click on 关系图 and the chart's first
 * request.
 */
export function lazyPages<L extends Loaders>(loaders: L) {
  type Name = keyof L & string;
  const arrived = new Map<Name, ComponentType>();

  const load = (name: Name) =>
    loaders[name]!().then((component) => {
      arrived.set(name, component);
      return component;
    });

  const page = (name: Name): ComponentType => {
    const Lazy = lazy(() => load(name).then((component) => ({ default: component })));
    // The lazy one only ever shows while suspended: once the chunk is here, this renders the
    // page itself, so the element type does not change under a mounted page.
    function Page() {
      const Arrived = arrived.get(name);
      return Arrived ? <Arrived /> : <Lazy />;
    }
    Page.displayName = name;
    return Page;
  };

  const names = Object.keys(loaders) as Name[];
  const pages = Object.fromEntries(names.map((name) => [name, page(name)])) as Record<
    Name,
    ComponentType
  >;

  /** Fetches and evaluates the chunks one per idle period, so none delays the page in use. Returns a cancel. */
  function preloadPages(): () => void {
    const waiting = [...names];
    let handle = 0;
    let stopped = false;
    const next = () => {
      const name = waiting.shift();
      if (!name || stopped) return;
      // A chunk that fails here fails again when its page opens, and is reported there.
      void load(name)
        .catch(() => undefined)
        .finally(() => {
          if (!stopped) handle = window.requestIdleCallback(next);
        });
    };
    handle = window.requestIdleCallback(next);
    return () => {
      stopped = true;
      window.cancelIdleCallback(handle);
    };
  }

  return { pages, preloadPages };
}
