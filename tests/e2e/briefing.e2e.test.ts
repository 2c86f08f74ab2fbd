import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { signInToDemo } from './pages/demo-session';
import { CasesPage } from './pages/cases-page';
import { pickOption } from './pages/select-option';

describe('the case briefing (1366×768)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('previews the briefing of the demo case, marks it 秘密 and saves the PDF', async () => {
    const { page } = h;
    await signInToDemo(page);
    await new CasesPage(page).caseLink('A3301052026030015').click();
    await page.getByTestId('open-case-briefing').click();

    const preview = page.frameLocator('[data-testid="briefing-preview"]');
    await preview.getByRole('heading', { name: '案情简报' }).waitFor();
    expect(await preview.locator('.marking').innerText()).toBe('内部');
    expect(await preview.locator('.summary-paragraph').innerText()).toContain(
      '抓获犯罪嫌疑人 13 名，在逃 2 名；缴获毒品 26.1186 千克',
    );
    expect(await preview.locator('tr', { hasText: '5301**********1377' }).innerText()).toMatch(
      /^李某华\s+男\s+1983年9月27日\s+5301\*{10}1377\s+云南省昆明市五华区\s+犯罪嫌疑人\s+毒源\/上线\s+逮捕 2026年7月20日$/,
    );
    await h.screenshot('40-briefing-preview');

    await pickOption(page, page.getByTestId('briefing-classification'), '秘密');
    await preview.locator('.marking', { hasText: '秘密' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('briefing-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^案情简报-A3301052026030015-.*\.pdf$/);
    const file = `${h.root}/briefing.pdf`;
    await download.saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, '');
    expect(text).toContain('秘密');
    expect(text).toContain('A3301052026030015');
    expect(text).toContain('5301**********1377');
    await h.screenshot('41-briefing-saved');
    expect(h.pageErrors).toEqual([]);
  });
});
