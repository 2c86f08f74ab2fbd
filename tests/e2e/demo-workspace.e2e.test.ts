import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { AppShell } from './pages/app-shell';
import { CasesPage } from './pages/cases-page';
import { FirstRunPage } from './pages/first-run-page';
import { UnlockPage } from './pages/unlock-page';

describe('the demo workspace (1920×1080), in Chinese and English', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ width: 1920, height: 1080 }, { motion: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('opens with the password shown on screen and holds the three cases', async () => {
    const { page } = h;
    const firstRun = new FirstRunPage(page);
    const unlock = new UnlockPage(page);
    const shell = new AppShell(page);
    const cases = new CasesPage(page);

    await firstRun.waitUntilShown();
    await firstRun.openDemo();
    await unlock.demoCredentials().waitFor();
    expect(await unlock.demoCredentials().innerText()).toBe('演示账号：demo，密码：Quanlian@2026');
    await h.screenshot('10-demo-unlock');
    await unlock.unlock('Quanlian@2026');
    await shell.waitUntilShown();

    await cases.caseLink('A3301052026030015').waitFor();
    expect(await cases.rowOf('A3301052026030015').innerText()).toMatch(
      /“3·15”跨省贩卖、运输甲基苯丙胺案\s+破案\s+公安部目标案件\s+2026-03-16\s+15/,
    );
    expect(await cases.rowOf('A3301082026050003').innerText()).toMatch(/移送起诉\s+市督办案件/);
    await h.screenshot('11-demo-cases-1920');

    await cases.caseLink('A3301052026030015').click();
    await page.getByRole('tab', { name: '人员 (27)' }).waitFor();
    await page.locator('tr', { hasText: '李某华' }).getByText('逮捕').waitFor();
    await h.screenshot('12-demo-case-people');

    await shell.navigate('统计');
    await page.getByTestId('stat-cases').waitFor();
    expect(await page.getByTestId('stat-cases').innerText()).toContain('3');

    await page.getByTestId('language-switch').click();
    await page.getByTitle('English').click();
    await page.getByRole('menuitem', { name: 'Cases' }).waitFor();
    await shell.navigate('Cases');
    expect(await cases.rowOf('A3301052026030015').innerText()).toMatch(
      /Solved\s+Ministry target case/,
    );
    await h.screenshot('13-demo-cases-english');
    expect(h.pageErrors).toEqual([]);
  });
});
