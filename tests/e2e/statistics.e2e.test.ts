import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { signInToDemo } from './pages/demo-session';

declare const location: { hash: string };

describe('unit statistics of the demo workspace (1920×1080)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ width: 1920, height: 1080 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the 2026 figures; the Excel file holds the numbers on screen', async () => {
    const { page } = h;
    const shell = await signInToDemo(page);
    await shell.navigate('统计');
    await page.evaluate(() => {
      location.hash = '#/statistics?from=2026-01-01&to=2026-12-31';
    });
    await page.getByTestId('stats-paragraph').getByText('2026年1月1日至2026年12月31日').waitFor();
    await page.getByTestId('stats-monthly-chart').locator('svg').waitFor();
    const screen = async (key: string) =>
      (await page.getByTestId(`unit-${key}`).locator('.ant-statistic-content').innerText()).replace(
        /,/g,
        '',
      );
    const onScreen = {
      casesSolved: await screen('casesSolved'),
      suspectsArrested: await screen('suspectsArrested'),
      drugsKg: await screen('drugsKg'),
      gangsBroken: await screen('gangsBroken'),
      drugUsersFound: await screen('drugUsersFound'),
    };
    const api = await h.host.router.invoke('stats.unit', { from: '2026-01-01', to: '2026-12-31' });
    if (!api.ok) throw new Error(api.error.code);
    const stats = api.value as {
      casesSolved: number;
      suspectsArrested: number;
      gangsBroken: number;
      drugUsersFound: number;
    };
    expect(onScreen).toEqual({
      casesSolved: String(stats.casesSolved),
      suspectsArrested: String(stats.suspectsArrested),
      drugsKg: onScreen.drugsKg,
      gangsBroken: String(stats.gangsBroken),
      drugUsersFound: String(stats.drugUsersFound),
    });
    expect(Number(onScreen.casesSolved)).toBeGreaterThan(0);
    await h.screenshot('60-statistics-1920');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('stats-xlsx').click(),
    ]);
    const file = `${h.root}/stats.xlsx`;
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const cells = Object.fromEntries(
      workbook
        .getWorksheet('成绩单')!
        .getSheetValues()
        .slice(3)
        .filter((row) => Array.isArray(row) && row.length > 2)
        .map((row) => [String((row as unknown[])[1]), String((row as unknown[])[2])]),
    );
    expect([
      cells['破获毒品刑事案件（起）'],
      cells['抓获犯罪嫌疑人（名）'],
      cells['缴获毒品（千克）'],
      cells['打掉贩毒团伙（个）'],
      cells['查获吸毒人员（人次）'],
    ]).toEqual([
      onScreen.casesSolved,
      onScreen.suspectsArrested,
      onScreen.drugsKg,
      onScreen.gangsBroken,
      onScreen.drugUsersFound,
    ]);
    expect(h.pageErrors).toEqual([]);
  });
});
