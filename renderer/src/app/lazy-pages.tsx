import { lazy, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';

type Loaders = Record<string, () => Promise<ComponentType>>;

/**
 * Page components that load their chunk on first use, `preloadPage`, which fetches one page's
 * chunk now (the page a window opens on), and `preloadPages`, which fetches the others while
 * the window is idle. A page whose chunk is already here renders at once, and one whose chunk
 * is on its way shows `loading` until it comes, without suspending: React.lazy suspends on the
 * first render even when the chunk was preloaded, and React 19 then holds the revealed page
 * back up to 300 ms (it throttles revealing a suspended boundary) — measured as the gap between
 * a click on 关系图 and the chart's first request.
 */
export function lazyPages<L extends Loaders>(loaders: L, loading: ReactNode = null) {
  type Name = keyof L & string;
  const arrived = new Map<Name, ComponentType>();
  const coming = new Map<Name, Promise<ComponentType>>();
  /** Pages fetched ahead (not by being shown) whose chunk has not come yet. */
  const ahead = new Set<Name>();
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };

  const load = (name: Name) => {
    const known = coming.get(name);
    if (known) return known;
    const loaded = loaders[name]!().then(
      (component) => {
        arrived.set(name, component);
        ahead.delete(name);
        for (const listener of listeners) listener();
        return component;
      },
      (error: unknown) => {
        // Asked again when the page is next shown (its error then reaches the page's boundary).
        coming.delete(name);
        ahead.delete(name);
        for (const listener of listeners) listener();
        throw error;
      },
    );
    coming.set(name, loaded);
    return loaded;
  };

  const page = (name: Name): ComponentType => {
    const Lazy = lazy(() => load(name).then((component) => ({ default: component })));
    // The lazy one only ever shows while suspended: once the chunk is here, this renders the
    // page itself, so the element type does not change under a mounted page.
    function Page() {
      const Arrived = useSyncExternalStore(subscribe, () => arrived.get(name));
      if (Arrived) return <Arrived />;
      return ahead.has(name) ? loading : <Lazy />;
    }
    Page.displayName = name;
    return Page;
  };

  /** Fetches a page's chunk ahead of its showing (a failure is reported when it is shown). */
  function preloadPage(name: Name): Promise<unknown> {
    if (!arrived.has(name)) ahead.add(name);
    return load(name).catch(() => undefined);
  }

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
      void preloadPage(name).finally(() => {
        if (!stopped) handle = window.requestIdleCallback(next);
      });
    };
    handle = window.requestIdleCallback(next);
    return () => {
      stopped = true;
      window.cancelIdleCallback(handle);
    };
  }

  return { pages, preloadPage, preloadPages };
}
