import type { ProcedureInput, ProcedureName, ProcedureOutput } from './contract';
import type { EventName, EventPayload } from './events';
import type { WireResult } from './wire-tables';

/**
 * What preload exposes as `window.quanlian`, and the browser host imitates. Nothing else.
 * Results come packed (wire-tables.ts); the renderer's `invoke` unpacks them.
 */
export interface QuanlianBridge {
  invoke<P extends ProcedureName>(
    procedure: P,
    input: ProcedureInput<P>,
  ): Promise<WireResult<ProcedureOutput<P>>>;
  /** Subscribes to a pushed event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** IPC channel names: fixed strings, never built at run time. */
export const invokeChannel = 'quanlian:invoke';
export const eventChannel = 'quanlian:event';
