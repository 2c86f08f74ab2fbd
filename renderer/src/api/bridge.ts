import type { QuanlianBridge } from '../../../electron/api/bridge';

declare global {
  interface Window {
    /** Provided by the Electron preload, or by the browser host in tests. */
    quanlian?: QuanlianBridge;
  }
}

export function getBridge(): QuanlianBridge {
  if (!window.quanlian) throw new Error('window.quanlian is missing: the app must run in its host');
  return window.quanlian;
}
