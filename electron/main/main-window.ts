import { BrowserWindow } from 'electron';
import { secureWebPreferences } from './web-preferences';

interface MainWindowOptions {
  preloadPath: string;
  url: string;
  devTools: boolean;
  iconPath?: string;
}

/** The one window factory: every window the app opens goes through here. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1280,
    minHeight: 720,
    show: false,
    title: '全链 Quanlian',
    backgroundColor: '#f5f7fa',
    icon: options.iconPath,
    webPreferences: secureWebPreferences(options.preloadPath, options.devTools),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url);
  return window;
}
