import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { signInToDemo } from './pages/demo-session';
import { CasePage } from './pages/case-page';
import { CasesPage } from './pages/cases-page';
import { pickOption } from './pages/select-option';

declare const location: { hash: string };

/** A saved PDF's text with the whitespace pdftotext adds removed. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, '');
}

describe('document headers and document-style case numbers (1366×768)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the briefing names the case lead as 承办人 and the signed-in user as 制作人', async () => {
    const { page } = h;
    await signInToDemo(page);
    await new CasesPage(page).caseLink('A3301052026030015').click();
    await page.getByTestId('open-case-briefing').click();
    const preview = page.frameLocator('[data-testid="briefing-preview"]');
    await preview.getByRole('heading', { name: '案情简报' }).waitFor();
    const masthead = (await preview.locator('.masthead').innerText()).replace(/\s+/g, '');
    expect(masthead).toContain('承办人：陈建国');
    expect(masthead).toContain('制作人：演示管理员');
    await h.screenshot('90-briefing-header');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('briefing-pdf').click(),
    ]);
    const file = `${h.root}/briefing-header.pdf`;
    await download.saveAs(file);
    expect(pdfText(file)).toMatch(
      /案件编号：A3301052026030015日期：\d{4}年\d{1,2}月\d{1,2}日承办人：陈建国制作人：演示管理员/,
    );
    expect(h.pageErrors).toEqual([]);
  });

  it('the settings offer the time zone, Asia/Shanghai by default; choosing one is saved', async () => {
    const { page } = h;
    await page.getByRole('menuitem', { name: '设置' }).click();
    const zone = page.getByTestId('settings-time-zone');
    await zone.getByText('Asia/Shanghai').waitFor();
    await pickOption(page, zone, 'Asia/Urumqi', true);
    await page
      .getByRole('button', { name: '保 存' })
      .or(page.getByRole('button', { name: '保存' }))
      .first()
      .click();
    await page.getByText('已保存', { exact: true }).waitFor();
    await h.screenshot('94-settings-time-zone');
    const saved = await h.host.router.invoke('settings.get', {});
    expect(saved.ok && (saved.value as { timeZone: string }).timeZone).toBe('Asia/Urumqi');
    await pickOption(page, zone, 'Asia/Shanghai', true);
    await page
      .getByRole('button', { name: '保 存' })
      .or(page.getByRole('button', { name: '保存' }))
      .first()
      .click();
    await expect
      .poll(async () => {
        const now = await h.host.router.invoke('settings.get', {});
        return now.ok && (now.value as { timeZone: string }).timeZone;
      })
      .toBe('Asia/Shanghai');
    expect(h.pageErrors).toEqual([]);
  });

  it('the statistics PDF carries the marking, the unit, 制表人 and the date', async () => {
    const { page } = h;
    await page.evaluate(() => {
      location.hash = '#/statistics?from=2026-01-01&to=2026-12-31';
    });
    await page.getByTestId('stats-paragraph').getByText('2026年1月1日至2026年12月31日').waitFor();
    await pickOption(page, page.getByTestId('stats-classification'), '秘密');
    await h.screenshot('91-statistics-marking');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 PDF' }).click(),
    ]);
    const file = `${h.root}/statistics.pdf`;
    await download.saveAs(file);
    const text = pdfText(file);
    expect(text.startsWith('秘密禁毒工作统计全部单位·2026年1月1日–2026年12月31日')).toBe(true);
    expect(text).toMatch(/单位：[^制]+制表人：演示管理员制表日期：\d{4}年\d{1,2}月\d{1,2}日/);
    expect(h.pageErrors).toEqual([]);
  });

  it('creates a case numbered 滨公(禁)立字[2026]15号, stored as 滨公（禁）立字〔2026〕15号; another spelling is refused naming it', async () => {
    const { page } = h;
    await page.evaluate(() => {
      location.hash = '#/cases';
    });
    const cases = new CasesPage(page);
    await cases.createCase({ caseNo: '滨公(禁)立字[2026]15号', title: '“3·15”贩卖毒品案' });
    await new CasePage(page).heading().waitFor();
    await page.getByText('滨公（禁）立字〔2026〕15号').first().waitFor();
    await h.screenshot('92-document-number-case');

    await page.evaluate(() => {
      location.hash = '#/cases';
    });
    await cases.caseLink('滨公（禁）立字〔2026〕15号').waitFor();
    await cases.createCase({ caseNo: '滨公（禁）立字【2026】15 号', title: '重复编号案' });
    await page
      .getByText(
        '案件编号 滨公（禁）立字〔2026〕15号 已由案件““3·15”贩卖毒品案”使用（括号、空格写法不同视为同一编号）。',
      )
      .waitFor();
    await h.screenshot('93-document-number-duplicate');
    expect(h.pageErrors).toEqual([]);
  });
});
