import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { CasesPage } from './pages/cases-page';
import { signInToDemo } from './pages/demo-session';

/** 话单碰撞 in the browser: call lists imported, three targets, the common contact to the chart. */
describe('研判 page (1920×1080)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ width: 1920, height: 1080 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('finds the two common contacts of three targets and adds one to the chart', async () => {
    const { page } = h;
    const shell = await signInToDemo(page);
    const rows = [
      '13900000001,13800000001,主叫,2026-04-01 08:00:00,60',
      '13900000001,13800000002,主叫,2026-04-04 11:00:00,100',
      '13900000001,13700000001,主叫,2026-04-05 12:00:00,10',
      '13900000002,13800000001,被叫,2026-04-06 08:00:00,45',
      '13900000002,13800000002,被叫,2026-04-07 08:00:00,15',
      '13900000002,10086,主叫,2026-04-08 09:00:00,20',
      '13900000003,13800000001,主叫,2026-04-09 08:00:00,200',
      '13900000003,10086,主叫,2026-04-09 10:00:00,20',
    ];
    const imported = await h.host.router.invoke('import.commit', {
      fileName: '话单.csv',
      contentBase64: Buffer.from(
        ['本机号码,对方号码,呼叫类型,开始时间,通话时长', ...rows].join('\n'),
      ).toString('base64'),
      template: 'calls',
      importId: 'e2e-calls',
    });
    expect(imported.ok).toBe(true);

    await shell.navigate('研判');
    const phones = page.getByTestId('common-phones').locator('input');
    for (const number of ['13900000001', '13900000002', '13900000003']) {
      await phones.fill(number);
      await phones.press('Enter');
    }
    await page.getByTestId('common-run').click();
    const results = page.getByTestId('common-results');
    await results.getByText('13800000002').waitFor();
    const numbers = await results.locator('tbody tr.ant-table-row td:nth-child(2)').allInnerTexts();
    expect(numbers).toEqual(['13800000001', '13800000002']);
    const first = results.locator('tbody tr.ant-table-row').first();
    expect(await first.locator('td:nth-child(4)').innerText()).toBe('3');
    await h.screenshot('70-analytics-common-contacts');

    await first.getByTestId('add-to-chart').click();
    await page
      .getByTestId('graph-stats')
      .getByText(/^4 个实体/)
      .waitFor();
    await h.screenshot('71-analytics-contact-on-chart');
    expect(h.pageErrors).toEqual([]);
  });
});

/** The issue's path: from a case, 话单碰撞 on its suspects' phones, the found number to the chart. */
describe('话单碰撞 from a case (1366×768)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ width: 1366, height: 768 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("opens the meth case, runs 话单碰撞 on its suspects' phones, adds the planted contact to the chart", async () => {
    const { page } = h;
    await signInToDemo(page);
    await new CasesPage(page).caseLink('A3301052026030015').click();
    await page.getByTestId('open-case-common-contacts').click();
    const caseId = new URLSearchParams(page.url().split('?').at(-1)).get('case')!;

    // The suspects' phones, as the procedure finds them; a contact planted with three of them.
    const found = await h.host.router.invoke('analytics.commonContacts', { caseId });
    if (!found.ok) throw new Error(found.error.code);
    const targets = (found.value as { targets: { number: string }[] }).targets;
    expect(targets.length).toBeGreaterThanOrEqual(3);
    const planted = '13812340001';
    const rows = targets
      .slice(0, 3)
      .map((target, n) => `${target.number},${planted},主叫,2026-05-0${n + 1} 08:00:00,60`);
    const imported = await h.host.router.invoke('import.commit', {
      fileName: '话单.csv',
      contentBase64: Buffer.from(
        ['本机号码,对方号码,呼叫类型,开始时间,通话时长', ...rows].join('\n'),
      ).toString('base64'),
      template: 'calls',
      importId: 'e2e-case-calls',
    });
    expect(imported.ok).toBe(true);

    await page.getByTestId('common-run').click();
    const results = page.getByTestId('common-results');
    const row = results.locator('tbody tr.ant-table-row', { hasText: planted });
    await row.waitFor();
    expect(await row.locator('td:nth-child(4)').innerText()).toBe('3');
    await h.screenshot('72-analytics-common-contacts-of-case');
    await row.getByTestId('add-to-chart').click();
    await page
      .getByTestId('graph-stats')
      .getByText(/^4 个实体/)
      .waitFor();
    expect(h.pageErrors).toEqual([]);
  });
});
