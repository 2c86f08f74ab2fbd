import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { signInToDemo } from './pages/demo-session';
import { CasesPage } from './pages/cases-page';

describe('the case package from the case page to the import page (1366×768)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('seals the demo case with a passphrase; opening it here shows every entity as known and refuses the duplicate case', async () => {
    const { page } = h;
    const shell = await signInToDemo(page);
    await new CasesPage(page).caseLink('A3301052026030015').click();
    await page.getByTestId('case-export').click();
    await page.getByText('协查包（加密）…').click();
    await page.getByTestId('package-passphrase').fill('滨江-昆明-协查-2026');
    await page.getByTestId('package-passphrase-repeat').fill('滨江-昆明-协查-2026');
    await h.screenshot('70-package-seal');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '加密并导出' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^A3301052026030015-.*\.qlpkg$/);
    const file = `${h.root}/case.qlpkg`;
    await download.saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('QLPKG');

    await shell.navigate('导入');
    await page.getByRole('tab', { name: '协查包' }).click();
    // The tab is in the address now: its switch lands after a navigation, and the table tab's
    // upload input, still there until then, had taken the package.
    await page.getByRole('tab', { name: '协查包', selected: true }).waitFor();
    await page.locator('.ant-upload input[type=file]').setInputFiles(file);
    await page.getByText('case.qlpkg').waitFor();
    await page.getByTestId('package-open-passphrase').fill('wrong passphrase');
    await page.getByTestId('package-review').click();
    await page.getByText('口令不正确，无法打开该协查包。').waitFor();
    await page.getByTestId('package-open-passphrase').fill('滨江-昆明-协查-2026');
    await page.getByTestId('package-review').click();
    await page.getByTestId('package-entities').waitFor();
    await page.getByText('本工作区已有案件编号 A3301052026030015，未导入任何数据。').waitFor();
    expect(
      await page.getByTestId('package-entities').locator('tbody tr').first().innerText(),
    ).toContain('已有：');
    expect(await page.getByTestId('package-import').isDisabled()).toBe(true);
    await h.screenshot('71-package-review');
    expect(h.pageErrors).toEqual([]);
  }, 90_000);
});
