import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { AppShell } from './pages/app-shell';
import { CasePage } from './pages/case-page';
import { CasesPage } from './pages/cases-page';
import { FirstRunPage } from './pages/first-run-page';
import { UnlockPage } from './pages/unlock-page';

const password = 'Jindu#2026pass';

describe('first run to a case with a suspect, through lock and unlock (1366×768, Chinese)', () => {
  let h: Harness;
  beforeAll(async () => {
    // With animations, as most users see the app (the other files run without).
    h = await startHarness(undefined, { motion: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('walks the whole path', async () => {
    const { page } = h;
    const firstRun = new FirstRunPage(page);
    const unlock = new UnlockPage(page);
    const shell = new AppShell(page);
    const cases = new CasesPage(page);
    const casePage = new CasePage(page);

    await firstRun.waitUntilShown();
    await h.screenshot('01-first-run');
    await firstRun.createWorkspace({
      name: '禁毒支队2026',
      unit: '滨江市公安局禁毒支队',
      displayName: '陈建国',
      password,
    });
    await page.getByTestId('recovery-key').waitFor();
    await h.screenshot('02-recovery-key');
    const recoveryKey = await firstRun.noteRecoveryKeyAndContinue();
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);

    await shell.waitUntilShown();
    await page.getByText('尚无案件。点击“新建案件”开始录入。').waitFor();
    await cases.createCase({ caseNo: 'A3301052026110023', title: '“11·23”贩卖甲基苯丙胺案' });
    await casePage.heading().waitFor();
    expect(await casePage.heading().innerText()).toBe('“11·23”贩卖甲基苯丙胺案');

    await casePage.addSuspect({ name: '全某甲', idNumber: '110105194912310021' });
    await page.getByText('证件号码无效：校验码错误（应为 X）').waitFor();
    await h.screenshot('03-invalid-id-number');
    // Corrected in the same form: birth date and sex are read from the number.
    await page.getByTestId('person-id-number').fill('11010519491231002X');
    await page.getByText('有效：1949-12-31 出生，女').waitFor();
    await casePage.saveSuspect();
    await casePage.personRow('全某甲').waitFor();
    expect(await casePage.personRow('全某甲').innerText()).toMatch(
      /全某甲\s+犯罪嫌疑人[\s\S]*11010519491231002X\s+女\s+1949-12-31/,
    );
    await h.screenshot('04-case-with-suspect');

    await shell.lock();
    await unlock.waitUntilShown();
    await unlock.unlock('Wrong#pass2026');
    await unlock.error().waitFor();
    expect(await unlock.error().innerText()).toContain('用户名或密码错误。');
    expect(await unlock.error().innerText()).toContain('已连续失败 1 次');
    await h.screenshot('05-wrong-password');

    await unlock.unlock(password);
    await shell.waitUntilShown();
    // The app reopens where the user was (the case page); the list shows the case too.
    await casePage.personRow('全某甲').waitFor();
    await shell.navigate('案件');
    expect(await cases.rowOf('A3301052026110023').innerText()).toMatch(
      /“11·23”贩卖甲基苯丙胺案\s+立案/,
    );
    expect(await cases.rowOf('A3301052026110023').locator('td').nth(5).innerText()).toBe('1');
    await cases.caseLink('A3301052026110023').click();
    await casePage.personRow('全某甲').waitFor();
    await h.screenshot('06-after-unlock');
    expect(h.pageErrors).toEqual([]);
  });
});
