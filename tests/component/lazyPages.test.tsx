import { act, render, screen } from '@testing-library/react';
import { Suspense, type ComponentType } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lazyPages } from '../../renderer/src/app/lazy-pages';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

const idle: (() => void)[] = [];

beforeEach(() => {
  idle.length = 0;
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
  vi.stubGlobal('cancelIdleCallback', () => undefined);
});
afterEach(() => vi.unstubAllGlobals());

function shown(Page: ComponentType) {
  return render(
    <Suspense fallback={<p>载入中</p>}>
      <Page />
    </Suspense>,
  );
}

describe('lazyPages', () => {
  it('renders a page whose chunk was preloaded at once, without suspending', async () => {
    const { pages, preloadPages } = lazyPages({
      CasesPage: () => Promise.resolve(() => <p>案件列表</p>),
      GraphPage: () => Promise.resolve(() => <p>关系图</p>),
    });
    preloadPages();
    // One chunk per idle period, in order.
    expect(idle).toHaveLength(1);
    await act(async () => idle.shift()!());
    expect(idle).toHaveLength(1);
    await act(async () => idle.shift()!());
    // The first commit already holds the page: React.lazy alone would show the fallback
    // here and, in React 19, reveal the page up to 300 ms later.
    shown(pages.GraphPage);
    expect(screen.getByText('关系图')).toBeInTheDocument();
    expect(screen.queryByText('载入中')).toBeNull();
  });

  it('suspends a page whose chunk has not come, then shows it', async () => {
    const chunk = deferred<() => React.ReactNode>();
    const { pages } = lazyPages({ MapPage: () => chunk.promise });
    shown(pages.MapPage);
    expect(screen.getByText('载入中')).toBeInTheDocument();
    await act(async () => chunk.resolve(() => <p>地图</p>));
    expect(await screen.findByText('地图')).toBeInTheDocument();
  });

  it('shows a page fetched ahead in its loading place while its chunk comes, without suspending', async () => {
    const chunk = deferred<() => React.ReactNode>();
    const loads: string[] = [];
    const { pages, preloadPage } = lazyPages(
      { GraphPage: () => (loads.push('GraphPage'), chunk.promise) },
      <p>页面载入中</p>,
    );
    void preloadPage('GraphPage');
    shown(pages.GraphPage);
    // Its own loading place, not the boundary's fallback: no suspended boundary for React 19
    // to hold back up to 300 ms once the chunk comes.
    expect(screen.getByText('页面载入中')).toBeInTheDocument();
    expect(screen.queryByText('载入中')).toBeNull();
    await act(async () => chunk.resolve(() => <p>关系图</p>));
    expect(screen.getByText('关系图')).toBeInTheDocument();
    expect(loads).toEqual(['GraphPage']);
  });

  it('asks again for a chunk fetched ahead that failed, when its page is shown', async () => {
    let tries = 0;
    const { pages, preloadPage } = lazyPages(
      {
        MapPage: () =>
          (tries += 1) === 1
            ? Promise.reject(new Error('network'))
            : Promise.resolve(() => <p>地图</p>),
      },
      <p>页面载入中</p>,
    );
    await act(async () => preloadPage('MapPage'));
    shown(pages.MapPage);
    expect(await screen.findByText('地图')).toBeInTheDocument();
    expect(tries).toBe(2);
  });

  it('stops preloading when cancelled and keeps going past a chunk that fails', async () => {
    const loads: string[] = [];
    const { preloadPages } = lazyPages({
      A: () => (loads.push('A'), Promise.reject(new Error('network'))),
      B: () => (loads.push('B'), Promise.resolve(() => null)),
      C: () => (loads.push('C'), Promise.resolve(() => null)),
    });
    const cancel = preloadPages();
    await act(async () => idle.shift()!());
    await act(async () => idle.shift()!());
    expect(loads).toEqual(['A', 'B']);
    cancel();
    await act(async () => idle.shift()?.());
    expect(loads).toEqual(['A', 'B']);
  });
});
