import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { eventChannel, invokeChannel } from '../api/bridge';
import type { EventName, EventPayload } from '../api/events';
import { packResult, type WireResult } from '../api/wire-tables';
import type { Router } from '../core/router';

/**
 * Binds the one invoke channel. The procedure name it carries is checked against the contract
 * by the router; the sender must be the app's own top frame.
 */
export function bindInvokeChannel(
  ipcMain: IpcMain,
  router: Pick<Router, 'invoke'>,
  isAppUrl: (url: string | undefined) => boolean,
): void {
  ipcMain.handle(
    invokeChannel,
    async (
      event: IpcMainInvokeEvent,
      procedure: unknown,
      input: unknown,
    ): Promise<WireResult<unknown>> => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isAppUrl(frame.url)) {
        return {
          ok: false,
          error: { code: 'ipc.senderRejected', message: 'The sender is not the app' },
        };
      }
      return packResult(await router.invoke(procedure, input));
    },
  );
}

/** Sends a pushed event to every app window. */
export function broadcast<E extends EventName>(
  windows: () => BrowserWindow[],
  event: E,
  payload: EventPayload<E>,
): void {
  for (const window of windows()) {
    if (!window.isDestroyed()) window.webContents.send(eventChannel, event, payload);
  }
}
