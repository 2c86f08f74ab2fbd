import { EventEmitter } from 'node:events';
import type { BrowserWindow, MessageBoxSyncOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { askBeforeClosing } from '../../electron/main/close-guard';

/** The window's page stopped its close (beforeunload): what main asked, and whether it closes. */
function closeHeld(answer: number) {
  const webContents = new EventEmitter();
  const window = { webContents } as unknown as BrowserWindow;
  const asked: MessageBoxSyncOptions[] = [];
  askBeforeClosing(window, {
    showMessageBoxSync: ((_window: BrowserWindow, options: MessageBoxSyncOptions) => {
      asked.push(options);
      return answer;
    }) as never,
  });
  let closes = false;
  webContents.emit('will-prevent-unload', { preventDefault: () => (closes = true) });
  return { asked, closes };
}

describe('closing the window while the import page holds rejected rows not yet saved', () => {
  it('asks in Chinese and English; staying, the default, keeps the window', () => {
    const { asked, closes } = closeHeld(1);
    expect(closes).toBe(false);
    expect(asked).toEqual([
      {
        type: 'question',
        title: '全链 Quanlian',
        message: '导入页有被拒的行尚未保存为文件，关闭窗口后将无法再保存。仍要关闭吗？',
        detail:
          'The import page holds rejected rows not yet saved to a file; once the window is closed they cannot be saved. Close anyway?',
        buttons: ['关闭 / Close', '先保存被拒行 / Save the rejected rows first'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      },
    ]);
  });

  it('closes when the user says so', () => {
    expect(closeHeld(0).closes).toBe(true);
  });
});
