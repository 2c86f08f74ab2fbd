import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { AppShell } from './pages/app-shell';
import { CasePage } from './pages/case-page';
import { CasesPage } from './pages/cases-page';
import { createWorkspaceAndEnter } from './pages/new-workspace';

/** The page's focused field, as the search test reads it (the test tsconfig has no DOM library). */
declare const document: {
  activeElement: {
    getAttribute(name: string): string | null;
    value: string;
    selectionStart: number | null;
    selectionEnd: number | null;
  } | null;
};

describe('case management in Chinese at 1366×768', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('two suspects share a phone; seizures in kg and g add up to 26 千克, 数量大; pinyin search; the linked case', async () => {
    const { page } = h;
    const shell = new AppShell(page);
    const cases = new CasesPage(page);
    const casePage = new CasePage(page);

    await createWorkspaceAndEnter(page, { name: '禁毒支队', unit: '滨江市公安局禁毒支队' });

    // An earlier case in which the phone was already recorded.
    await cases.createCase({ caseNo: 'A3301-2026-0001', title: '“9·01”贩卖毒品案' });
    await casePage.heading().waitFor();
    await casePage.openTab(/标识物/);
    await casePage.addIdentifier('电话', () =>
      page.getByTestId('entity-phone').fill('139 1234 5678'),
    );
    await page.locator('tr', { hasText: '13912345678' }).waitFor();

    // The new case: two suspects and the phone they share.
    await shell.navigate('案件');
    await cases.createCase({ caseNo: 'A3301-2026-0002', title: '“11·23”贩卖甲基苯丙胺案' });
    await casePage.heading().waitFor();
    await casePage.addSuspect({ name: '全某甲', idNumber: '11010519491231002X' });
    await casePage.saveSuspect();
    await casePage.addSuspect({ name: '全某乙' });
    await casePage.saveSuspect();
    await casePage.personRow('全某乙').waitFor();

    await casePage.openTab(/标识物/);
    await casePage.addIdentifier('电话', () =>
      page.getByTestId('entity-phone').fill('13912345678'),
    );
    await page.getByText('该标识已登记为“13912345678”。').waitFor();
    await h.screenshot('20-duplicate-phone');
    await page.getByTestId('use-existing').click();
    await page.getByTestId('add-existing-submit').click();
    await page.getByTestId('add-existing-submit').waitFor({ state: 'detached' });
    await page.locator('tr', { hasText: '13912345678' }).waitFor();

    await casePage.openTab(/关系/);
    await casePage.addRelation('全某甲', '使用', '13912345678');
    await casePage.addRelation('全某乙', '使用', '13912345678');
    // Only the visible tab panel: antd keeps visited panels in the page.
    const relationRows = page.getByRole('tabpanel').locator('tr.ant-table-row');
    await relationRows.filter({ hasText: '全某乙' }).waitFor();
    expect(await relationRows.allInnerTexts()).toEqual([
      expect.stringMatching(/全某乙\s+→ 使用\s+电话\s+13912345678/),
      expect.stringMatching(/全某甲\s+→ 使用\s+电话\s+13912345678/),
    ]);
    await h.screenshot('21-shared-phone-relations');

    await casePage.openTab(/缴获/);
    expect(
      await casePage.addSeizure({
        drug: '甲基苯丙胺（冰毒）',
        quantity: '25.619',
        unitLabel: '千克',
      }),
    ).toBe('= 25.619 千克');
    expect(
      await casePage.addSeizure({ drug: '甲基苯丙胺（冰毒）', quantity: '381', unitLabel: '克' }),
    ).toBe('= 381 克');
    const total = page.getByTestId('total-methamphetamine');
    await total.getByText('26 千克', { exact: true }).waitFor();
    // The substance total, then each form with its number of seizures, then the tier.
    expect(await total.innerText()).toMatch(
      /甲基苯丙胺（冰毒） · 合计\s+26 千克\s+甲基苯丙胺（冰毒） 26 千克（2）\s+数量大/,
    );
    await h.screenshot('22-seizure-totals');

    await page.getByTestId('global-search-open').click();
    await page.getByTestId('global-search-input').fill('qmy');
    await page.getByTestId('global-search-hit').filter({ hasText: '全某乙' }).waitFor();
    expect(await page.getByTestId('global-search-hit').allInnerTexts()).toEqual([
      expect.stringMatching(/人员\s*全某乙[\s\S]*拼音匹配/),
    ]);
    await h.screenshot('23-search-pinyin-initials');
    // Closed and opened again with Ctrl+K, the last query is selected: typing replaces it.
    await page.keyboard.press('Escape');
    await page.getByTestId('global-search-input').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+k');
    // Type only once the reopened box has the focus with the old query selected (the modal
    // opens asynchronously; a key pressed before that lands nowhere).
    await page.waitForFunction(() => {
      const input = document.activeElement;
      return (
        input?.getAttribute('data-testid') === 'global-search-input' &&
        input.value === 'qmy' &&
        input.selectionStart === 0 &&
        input.selectionEnd === input.value.length
      );
    });
    await page.keyboard.type('qmy');
    expect(await page.getByTestId('global-search-input').inputValue()).toBe('qmy');
    await page.getByTestId('global-search-hit').filter({ hasText: '全某乙' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('entity-title').getByText('全某乙').waitFor();
    // The first table on the entity page lists its cases.
    const caseLink = page.getByRole('link', { name: 'A3301-2026-0002' }).first();
    await caseLink.waitFor();
    await h.screenshot('24-entity-page');
    await caseLink.click();
    await casePage.heading().waitFor();
    await casePage.openTab('串并案');
    const linked = page.getByTestId('linked-cases');
    await linked.getByText('A3301-2026-0001').waitFor();
    expect(await linked.innerText()).toMatch(
      /A3301-2026-0001\s+“9·01”贩卖毒品案[\s\S]*13912345678\s*同一实体/,
    );
    await h.screenshot('25-linked-case');
    await linked.getByRole('link', { name: 'A3301-2026-0001' }).click();
    await page.getByTestId('case-title-heading').getByText('“9·01”贩卖毒品案').waitFor();
    await h.screenshot('26-opened-linked-case');
    expect(h.pageErrors).toEqual([]);
  });
});
