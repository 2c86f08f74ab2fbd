import type { BrowserWindow, Dialog } from 'electron';
import { en } from '../api/i18n/en';
import { zhCN } from '../api/i18n/zh-CN';

/**
 * Closing the window while its page holds something it asks about before it is left (the
 * import's rejected rows not yet saved: the page's beforeunload, useLeaveConfirm). Electron
 * stops such a close without a word; main asks here, in both languages as its other dialogs
 * (it does not know the page's), and the window closes only when the user says so. It had
 * closed at once, and the rows were gone.
 */
export function askBeforeClosing(
  window: BrowserWindow,
  dialog: Pick<Dialog, 'showMessageBoxSync'>,
): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      title: `${zhCN.app.name} ${en.app.name}`,
      message: zhCN.app.closeUnsaved,
      detail: en.app.closeUnsaved,
      buttons: [
        `${zhCN.app.closeAnyway} / ${en.app.closeAnyway}`,
        `${zhCN.app.stayOpen} / ${en.app.stayOpen}`,
      ],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    // Preventing the prevention lets the page unload: the window closes.
    if (choice === 0) event.preventDefault();
  });
}
