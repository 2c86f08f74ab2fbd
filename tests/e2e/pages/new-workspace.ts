import type { Page } from 'playwright-core';
import { AppShell } from './app-shell';
import { FirstRunPage } from './first-run-page';

/** The password the e2e tests give the first administrator (陈建国). */
const e2eAdminPassword = 'Jindu#2026pass';

/**
 * From the first-run screen: creates a workspace with 陈建国 as its administrator, notes the
 * recovery key and waits for the signed-in shell. Returns the recovery key.
 */
export async function createWorkspaceAndEnter(
  page: Page,
  workspace: { name: string; unit: string },
): Promise<string> {
  const firstRun = new FirstRunPage(page);
  await firstRun.waitUntilShown();
  await firstRun.createWorkspace({
    ...workspace,
    displayName: '陈建国',
    password: e2eAdminPassword,
  });
  const key = await firstRun.noteRecoveryKeyAndContinue();
  await new AppShell(page).waitUntilShown();
  return key;
}
