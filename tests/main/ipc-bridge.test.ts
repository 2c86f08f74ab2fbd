import type { IpcMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { invokeChannel } from '../../electron/api/bridge';
import { isAppUrl } from '../../electron/main/app-origin';
import { bindInvokeChannel } from '../../electron/main/ipc-bridge';

function bound() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain = { handle: (channel: string, handler: never) => handlers.set(channel, handler) };
  const router = { invoke: vi.fn(async () => ({ ok: true as const, value: 'done' })) };
  bindInvokeChannel(ipcMain as unknown as IpcMain, router, (url) => isAppUrl(url));
  return { handlers, router };
}

const topFrame = (url: string) => ({ senderFrame: { url, parent: null } });

describe('IPC sender check', () => {
  it('binds exactly one channel, the invoke channel', () => {
    expect([...bound().handlers.keys()]).toEqual([invokeChannel]);
  });

  it('passes calls from the app page to the router', async () => {
    const { handlers, router } = bound();
    const result = await handlers.get(invokeChannel)!(
      topFrame('app://quanlian/index.html#/cases'),
      'cases.list',
      { page: 1 },
    );
    expect(result).toEqual({ ok: true, packed: 'done' });
    expect(router.invoke).toHaveBeenCalledWith('cases.list', { page: 1 });
  });

  it.each([
    ['a remote page', topFrame('https://evil.example/')],
    ['a local file', topFrame('file:///tmp/x.html')],
    ['a look-alike host', topFrame('app://quanlian.evil/')],
    ['a sub-frame of the app', { senderFrame: { url: 'app://quanlian/index.html', parent: {} } }],
    ['a destroyed frame', { senderFrame: null }],
  ])('refuses %s without calling the router', async (_what, event) => {
    const { handlers, router } = bound();
    expect(await handlers.get(invokeChannel)!(event, 'session.unlock', {})).toEqual({
      ok: false,
      error: { code: 'ipc.senderRejected', message: 'The sender is not the app' },
    });
    expect(router.invoke).not.toHaveBeenCalled();
  });
});
