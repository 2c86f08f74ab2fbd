import type { ReactNode } from 'react';
import type { QuanlianBridge } from '../../electron/api/bridge';
import type { ProcedureName } from '../../electron/api/contract';
import type { EventName, EventPayload } from '../../electron/api/events';
import type { ApiResult } from '../../electron/api/result';
import { AppProviders, makeQueryClient } from '../../renderer/src/app/AppProviders';

type Handler = (input: unknown) => ApiResult<unknown> | Promise<ApiResult<unknown>>;

/** The listeners the page gave the fake bridge's `on`, by event. */
const listeners = new Map<string, Set<(payload: never) => void>>();

/** Pushes an event to the page, as main does (a download's end, an import's progress). */
export function emitFakeEvent<E extends EventName>(event: E, payload: EventPayload<E>): void {
  for (const listener of listeners.get(event) ?? [])
    (listener as (p: typeof payload) => void)(payload);
}

/** A window.quanlian that answers from a table of handlers and records every call. */
export function installFakeBridge(handlers: Partial<Record<ProcedureName, Handler>>) {
  const calls: { procedure: string; input: unknown }[] = [];
  const bridge: QuanlianBridge = {
    invoke: (async (procedure: ProcedureName, input: unknown) => {
      calls.push({ procedure, input });
      const handler = handlers[procedure];
      if (!handler) return { ok: false, error: { code: 'procedure.unknown', message: procedure } };
      return handler(input);
    }) as QuanlianBridge['invoke'],
    on: ((event: string, listener: (payload: never) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    }) as QuanlianBridge['on'],
  };
  window.quanlian = bridge;
  return calls;
}

export function Providers({ children }: { children: ReactNode }) {
  return <AppProviders queryClient={makeQueryClient()}>{children}</AppProviders>;
}
