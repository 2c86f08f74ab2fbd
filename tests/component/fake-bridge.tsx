import type { ReactNode } from 'react';
import type { QuanlianBridge } from '../../electron/api/bridge';
import type { ProcedureName } from '../../electron/api/contract';
import type { ApiResult } from '../../electron/api/result';
import { AppProviders, makeQueryClient } from '../../renderer/src/app/AppProviders';

type Handler = (input: unknown) => ApiResult<unknown> | Promise<ApiResult<unknown>>;

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
    on: () => () => undefined,
  };
  window.quanlian = bridge;
  return calls;
}

export function Providers({ children }: { children: ReactNode }) {
  return <AppProviders queryClient={makeQueryClient()}>{children}</AppProviders>;
}
