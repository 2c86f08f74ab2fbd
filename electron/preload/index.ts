import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventChannel, invokeChannel, type QuanlianBridge } from '../api/bridge';

/**
 * The whole surface the renderer gets: `invoke` and `on`. No ipcRenderer, no process, no Node.
 * Event names are checked in the listener so a page cannot subscribe to arbitrary channels.
 */
const bridge: QuanlianBridge = {
  invoke: (procedure, input) => ipcRenderer.invoke(invokeChannel, procedure, input),
  on: (event, listener) => {
    const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload as Parameters<typeof listener>[0]);
    };
    ipcRenderer.on(eventChannel, handler);
    return () => {
      ipcRenderer.removeListener(eventChannel, handler);
    };
  },
};

contextBridge.exposeInMainWorld('quanlian', bridge);
