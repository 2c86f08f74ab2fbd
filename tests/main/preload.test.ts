import { describe, expect, it, vi } from 'vitest';

const exposed = vi.hoisted(() => ({
  worlds: new Map<string, unknown>(),
  listeners: new Map<string, unknown[]>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.worlds.set(key, api) },
  ipcRenderer: {
    invoke: vi.fn(async (...args: unknown[]) => ({ ok: true, value: args })),
    on: (channel: string, listener: unknown) =>
      exposed.listeners.set(channel, [...(exposed.listeners.get(channel) ?? []), listener]),
    removeListener: (channel: string, listener: unknown) =>
      exposed.listeners.set(
        channel,
        (exposed.listeners.get(channel) ?? []).filter((l) => l !== listener),
      ),
  },
}));

describe('preload', () => {
  it('exposes window.quanlian with invoke and on, and nothing else', async () => {
    await import('../../electron/preload/index');
    expect([...exposed.worlds.keys()]).toEqual(['quanlian']);
    const bridge = exposed.worlds.get('quanlian') as Record<string, (...args: never[]) => unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);

    expect(
      await (bridge['invoke'] as (p: string, i: unknown) => Promise<unknown>)('cases.list', {
        page: 1,
      }),
    ).toEqual({
      ok: true,
      value: ['quanlian:invoke', 'cases.list', { page: 1 }],
    });

    const received: unknown[] = [];
    const off = (bridge['on'] as (e: string, cb: (p: unknown) => void) => () => void)(
      'session.locked',
      (payload) => received.push(payload),
    );
    const [listener] = exposed.listeners.get('quanlian:event') as ((...args: unknown[]) => void)[];
    listener!({}, 'session.locked', { reason: 'idle' });
    listener!({}, 'other.event', { secret: true });
    expect(received).toEqual([{ reason: 'idle' }]);
    off();
    expect(exposed.listeners.get('quanlian:event')).toEqual([]);
  });
});
