import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../electron/main/app-origin';
import { denyAllPermissions, hardenWebContents } from '../../electron/main/harden';

class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  /** Emits an event and tells whether a listener prevented its default. */
  attempt(event: string, url?: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

function hardened(): FakeContents {
  const contents = new FakeContents();
  hardenWebContents(contents as unknown as WebContents, (url) => isAppUrl(url));
  return contents;
}

describe('web contents guards', () => {
  it('deny every new window, whatever the URL', () => {
    const contents = hardened();
    for (const url of ['https://example.com', 'app://quanlian/index.html', 'file:///etc/passwd']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it.each([
    ['https://example.com/', true],
    ['http://127.0.0.1:8080/', true],
    ['file:///C:/Windows/win.ini', true],
    ['app://quanlian.evil/index.html', true],
    ['app://evil/index.html', true],
    ['javascript:alert(1)', true],
    ['app://quanlian/index.html#/cases', false],
  ])('navigation to %s prevented: %s', (url, prevented) => {
    const contents = hardened();
    expect(contents.attempt('will-navigate', url)).toBe(prevented);
    expect(contents.attempt('will-redirect', url)).toBe(prevented);
  });

  it('refuse <webview>', () => {
    expect(hardened().attempt('will-attach-webview')).toBe(true);
  });

  it('deny every permission request and check', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (handler: (...args: never[]) => unknown) =>
        (handlers['request'] = handler),
      setPermissionCheckHandler: (handler: (...args: never[]) => unknown) =>
        (handlers['check'] = handler),
      setDevicePermissionHandler: (handler: (...args: never[]) => unknown) =>
        (handlers['device'] = handler),
    };
    denyAllPermissions(session as unknown as Session);
    const answers: boolean[] = [];
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      (handlers['request'] as (c: unknown, p: string, cb: (granted: boolean) => void) => void)(
        null,
        permission,
        (granted) => answers.push(granted),
      );
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect((handlers['check'] as () => boolean)()).toBe(false);
    expect((handlers['device'] as () => boolean)()).toBe(false);
  });
});

describe('app origin', () => {
  it.each([
    ['app://quanlian/index.html', undefined, true],
    ['app://quanlian', undefined, true],
    ['app://quanlian@evil.com/', undefined, false],
    ['app://quanlian.evil.com/', undefined, false],
    ['https://quanlian/', undefined, false],
    ['not a url', undefined, false],
    [undefined, undefined, false],
    ['http://localhost:5173/#/cases', 'http://localhost:5173/', true],
    ['http://localhost:5174/', 'http://localhost:5173/', false],
    ['http://localhost:5173.evil.com/', 'http://localhost:5173/', false],
  ] as const)('%s (dev server %s) → %s', (url, devServer, trusted) => {
    expect(isAppUrl(url, devServer)).toBe(trusted);
  });
});
