import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { AppShell } from './pages/app-shell';
import { CasePage } from './pages/case-page';
import { CasesPage } from './pages/cases-page';
import { FirstRunPage } from './pages/first-run-page';
import { pickOption } from './pages/select-option';

describe('refusals in domain words, supplied drugs, linked owners — Chinese at 1366×768', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('names the dates of a refused status change, counts a supply by statement, links a 机主', async () => {
    const { page } = h;
    const shell = new AppShell(page);
    const cases = new CasesPage(page);
    const casePage = new CasePage(page);
    const firstRun = new FirstRunPage(page);

    await firstRun.waitUntilShown();
    await firstRun.createWorkspace({
      name: '禁毒大队',
      unit: '滨江市公安局禁毒大队',
      displayName: '陈建国',
      password: 'Jindu#2026pass',
    });
    await firstRun.noteRecoveryKeyAndContinue();
    await shell.waitUntilShown();
    await cases.createCase({ caseNo: 'A3301-2026-0150', title: '“12·01”贩卖毒品案' });
    await casePage.heading().waitFor();

    // 立案 → 侦查 dated before the filing date: the cause and both dates, no internal words.
    await casePage.openTab(/概况/);
    await page.getByTestId('case-transition').click();
    await pickOption(page, page.getByTestId('transition-to'), '侦查');
    const on = page.getByRole('dialog').getByPlaceholder('请选择日期');
    await on.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('2000-01-05');
    await page.keyboard.press('Enter');
    await page.getByTestId('transition-submit').click();
    const refusal = page.getByRole('dialog').locator('.ant-alert-error');
    await refusal.waitFor();
    const text = await refusal.innerText();
    expect(text).toMatch(
      /^侦查日期（2000-01-05）早于立案日期（\d{4}-\d{2}-\d{2}），请填写立案日期当天或之后的日期。$/,
    );
    expect(text).not.toMatch(/[A-Za-z]/);
    await h.screenshot('160-status-refusal-in-words');
    await page.getByRole('dialog').getByRole('button', { name: '取 消' }).click();
    await casePage.openTab(/人员/);

    // Two suspects; the upstream one supplied 30 g 冰毒 by the other's statement.
    await casePage.addSuspect({ name: '上线甲' });
    await casePage.saveSuspect();
    await casePage.addSuspect({ name: '下线乙' });
    await casePage.saveSuspect();
    await casePage.personRow('下线乙').waitFor();
    await casePage.openTab(/关系/);
    await page.getByTestId('relation-add').click();
    await pickOption(page, page.getByTestId('relation-from'), '上线甲');
    await pickOption(page, page.getByTestId('relation-to'), '下线乙');
    // Drug and quantity are offered on a supply relation only.
    await pickOption(page, page.getByTestId('relation-type'), '亲属', true);
    expect(await page.getByTestId('relation-drug').count()).toBe(0);
    await pickOption(page, page.getByTestId('relation-type'), '供货（上下线）', true);
    await pickOption(page, page.getByTestId('relation-drug'), '冰毒', true);
    await page.getByTestId('relation-quantity').fill('30');
    await h.screenshot('161-supply-drug-quantity');
    // The whole form, buttons included, fits the 1366×768 window.
    const submitBox = await page.getByTestId('relation-submit').boundingBox();
    expect(submitBox!.y + submitBox!.height).toBeLessThanOrEqual(768);
    await page.getByTestId('relation-submit').click();
    await page.getByTestId('relation-submit').waitFor({ state: 'detached' });
    const relationRows = page.getByRole('tabpanel').locator('tr.ant-table-row');
    await relationRows.filter({ hasText: '下线乙' }).waitFor();
    expect(await relationRows.allInnerTexts()).toEqual([
      expect.stringMatching(
        /上线甲\s+→ 供货（上下线）\s+人员\s+下线乙[\s\S]*甲基苯丙胺（冰毒） 30 克/,
      ),
    ]);

    // No seizure is attributed to 上线甲: the per-person figure says it is by statement.
    await casePage.openTab(/缴获/);
    const perPerson = page.getByTestId('person-drug-totals').locator('tr.ant-table-row');
    await perPerson.first().waitFor();
    expect(await perPerson.allInnerTexts()).toEqual([
      expect.stringMatching(
        /上线甲\s+甲基苯丙胺（冰毒）\s+30 克\s+数量较大\s+据供述\/交易记录（1 条供货关系）/,
      ),
    ]);
    await h.screenshot('162-per-person-by-statement');

    // A phone whose 机主 is picked from the case's people: linked, not typed.
    await casePage.openTab(/标识物/);
    await casePage.addIdentifier('电话', async () => {
      await page.getByTestId('entity-phone').fill('13912345678');
      await pickOption(page, page.getByTestId('entity-owner'), '上线甲');
      // With an owner picked, the free-text name is not asked for.
      expect(await page.getByLabel('未登记的机主/户名（仅作标注）').count()).toBe(0);
      await h.screenshot('163-owner-picked');
    });
    await page.getByTestId('entity-submit').waitFor({ state: 'detached' });
    await casePage.openTab(/关系/);
    await relationRows.filter({ hasText: '13912345678' }).waitFor();
    expect(await relationRows.filter({ hasText: '13912345678' }).innerText()).toMatch(
      /上线甲\s+→ 机主（登记所有人）\s+电话\s+13912345678/,
    );
  });
});
