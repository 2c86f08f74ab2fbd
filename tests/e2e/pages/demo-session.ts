import type { Page } from 'playwright-core';
import { AppShell } from './app-shell';
import { FirstRunPage } from './first-run-page';
import { UnlockPage } from './unlock-page';

/** From the first-run screen into the demo workspace, signed in; the shell, ready. */
export async function signInToDemo(page: Page): Promise<AppShell> {
  await new FirstRunPage(page).openDemo();
  await new UnlockPage(page).unlock('Quanlian@2026');
  const shell = new AppShell(page);
  await shell.waitUntilShown();
  return shell;
}
