import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { AppShell } from './pages/app-shell';
import { CasePage } from './pages/case-page';
import { CasesPage } from './pages/cases-page';
import { createWorkspaceAndEnter } from './pages/new-workspace';
import { pickOption } from './pages/select-option';

describe('forms that forgive, in Chinese at 1366×768', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('asks before dropping input, warns of a same-name person, takes typed dates, phones, grading in words, tables that fit, files with a type', async () => {
    const { page } = h;
    const shell = new AppShell(page);
    const cases = new CasesPage(page);
    const casePage = new CasePage(page);

    await createWorkspaceAndEnter(page, { name: '禁毒大队', unit: '滨江市公安局禁毒大队' });
    await cases.createCase({ caseNo: 'A3301-2026-0100', title: '“11·24”贩卖毒品案' });
    await casePage.heading().waitFor();

    // Esc on a dialog with input asks first; "continue editing" keeps what was typed.
    await casePage.addSuspect({ name: '刘某军' });
    await page.keyboard.press('Escape');
    await page.locator('.ant-modal-confirm-title', { hasText: '放弃未保存的内容？' }).waitFor();
    await h.screenshot('150-discard-question');
    await page.getByTestId('discard-cancel').click();
    expect(await page.getByTestId('person-name').inputValue()).toBe('刘某军');
    // 取消 asks too; agreeing closes without saving anything.
    await page.getByRole('dialog').getByRole('button', { name: '取 消' }).click();
    await page.getByTestId('discard-confirm').click();
    await page.getByTestId('person-name').waitFor({ state: 'detached' });
    expect(await page.getByText('刘某军').count()).toBe(0);
    // An untouched dialog closes at once: Esc once the dialog has the keyboard, as a user sees
    // it open (without animations it opens within a frame of the click; a key pressed in that
    // frame lands outside it).
    await page.getByTestId('add-suspect').click();
    await page.locator('.ant-modal:focus-within').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('person-name').waitFor({ state: 'detached' });

    // A typed birth date replaces the field's text; phones become 使用 relations.
    await casePage.addSuspect({ name: '刘某军' });
    const birth = page.getByRole('dialog').getByPlaceholder('请选择日期').first();
    await birth.click();
    await page.keyboard.type('1988-03-04');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByLabel('户籍地').fill('云南省临沧市');
    await page.getByTestId('person-phones').click();
    await page.keyboard.type('13912345678');
    await page.keyboard.press('Enter');
    await casePage.saveSuspect();
    await casePage.personRow('刘某军').waitFor();
    expect(await casePage.personRow('刘某军').innerText()).toContain('1988-03-04');

    // A second 刘某军 without an ID number: warned, shown what tells them apart.
    await casePage.addSuspect({ name: '刘某军' });
    await page.getByTestId('person-submit').click();
    await page.getByTestId('same-name-warning').waitFor();
    expect(await page.getByTestId('same-name-person').innerText()).toMatch(
      /刘某军\s+无身份证号 · 1988年生 · 云南省临沧市\s+涉及 1 案\s+已在本案（犯罪嫌疑人）/,
    );
    await h.screenshot('151-same-name-warning');
    await page.getByTestId('same-name-create').click();
    await page.getByTestId('person-submit').waitFor({ state: 'detached' });
    expect(await casePage.personRow('刘某军').count()).toBe(2);

    // Relations: the phone from the person form, grading chosen and shown in words.
    await casePage.openTab(/关系/);
    const relationRows = page.getByRole('tabpanel').locator('tr.ant-table-row');
    // Wait for the relation itself: right after the switch the suspects panel (rows
    // of its own) can still be the visible one.
    await relationRows.filter({ hasText: '13912345678' }).waitFor();
    expect(await relationRows.allInnerTexts()).toEqual([
      expect.stringMatching(/刘某军\s+→ 使用\s+电话\s+13912345678/),
    ]);
    await page.getByTestId('relation-add').click();
    await page.getByTestId('relation-from').click();
    const fromOptions = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await fromOptions.first().waitFor();
    const optionTexts = await fromOptions.allInnerTexts();
    expect(optionTexts.filter((text) => text.includes('刘某军'))).toEqual([
      expect.stringMatching(/刘某军\s*无身份证号 · 1988年生 · 云南省临沧市 · 犯罪嫌疑人/),
      expect.stringMatching(/刘某军\s*无身份证号 · 犯罪嫌疑人/),
    ]);
    await h.screenshot('152-picker-disambiguation');
    await fromOptions.filter({ hasText: '1988年生' }).click();
    await pickOption(page, page.getByTestId('relation-type'), '机主（登记所有人）', true);
    await pickOption(page, page.getByTestId('relation-to'), '13912345678');
    await pickOption(page, page.getByTestId('relation-reliability'), 'B 通常可靠');
    await pickOption(page, page.getByTestId('relation-credibility'), '2 很可能属实');
    await page.getByRole('dialog').getByTestId('grading-help').first().hover();
    await page
      .getByText(/情报评级（6×6 评估法）/)
      .first()
      .waitFor();
    await h.screenshot('153-grading-in-words');
    await page.getByTestId('relation-submit').click();
    await page.getByTestId('relation-submit').waitFor({ state: 'detached' });
    await relationRows.filter({ hasText: '机主' }).waitFor();
    expect(await relationRows.filter({ hasText: '机主' }).innerText()).toMatch(
      /→ 机主（登记所有人）[\s\S]*B 通常可靠 · 2 很可能属实/,
    );

    // A seizure time typed over the default is the one saved; the actions stay in view.
    await casePage.openTab(/缴获/);
    await page.getByTestId('seizure-add').click();
    await page.getByTestId('seizure-time').click();
    await page.keyboard.type('2026-11-24 03:15');
    await h.screenshot('154-seizure-time-typed');
    // Leaving the field with Tab, as a typing user does: no confirm click.
    await page.keyboard.press('Tab');
    await page.getByTestId('seizure-quantity').fill('12.5');
    await page.getByTestId('seizure-submit').click();
    await page.getByTestId('seizure-submit').waitFor({ state: 'detached' });
    const seizureRow = page.getByRole('tabpanel').locator('tr.ant-table-row').first();
    await seizureRow.waitFor();
    expect(await seizureRow.innerText()).toContain('2026-11-24 03:15');
    const edit = seizureRow.getByRole('button').first();
    const box = await edit.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
    expect(await edit.isVisible()).toBe(true);
    await h.screenshot('155-seizure-actions-visible');

    // Files: typed and linked to a person of the case.
    await casePage.openTab(/附件/);
    await pickOption(page, page.getByTestId('attachment-kind'), '鉴定意见');
    await pickOption(page, page.getByTestId('attachment-owner'), '人员/标识物：刘某军');
    const file = path.join(h.root, '理化检验鉴定书.txt');
    fs.writeFileSync(file, '理化检验鉴定书：检材为甲基苯丙胺');
    await page.locator('input[type="file"]').setInputFiles(file);
    const fileRow = page.getByRole('tabpanel').locator('tr.ant-table-row').first();
    await fileRow.waitFor();
    expect(await fileRow.innerText()).toMatch(
      /理化检验鉴定书\.txt\s+鉴定意见\s+人员\/标识物：刘某军/,
    );
    await h.screenshot('156-typed-attachment');

    // A click anywhere on a case row opens the case.
    await shell.navigate('案件');
    await cases.rowOf('A3301-2026-0100').getByText('“11·24”贩卖毒品案').click();
    await casePage.heading().waitFor();

    // Backup: a folder suggested, and why 立即备份 is disabled.
    await shell.navigate('设置');
    await page.getByTestId('backup-suggested').waitFor();
    expect(await page.getByTestId('backup-suggested').innerText()).toContain('禁毒大队-备份');
    expect(await page.getByTestId('backup-now-reason').innerText()).toBe(
      '需先设置备份文件夹并点击“保存”，才能立即备份。',
    );
    await page.getByTestId('backup-use-suggested').click();
    await page
      .getByTestId('backup-now-reason')
      .filter({ hasText: '备份文件夹已填写但尚未保存：请先点击“保存”。' })
      .waitFor({ timeout: 5000 });
    expect(await page.getByTestId('backup-folder').inputValue()).toMatch(/禁毒大队-备份$/);
    await h.screenshot('157-backup-suggested');
    await page.getByTestId('backup-save').click();
    await page.getByText('备份计划已保存').waitFor();
    expect(await page.getByTestId('backup-now-reason').count()).toBe(0);
    expect(await page.getByTestId('backup-now').isEnabled()).toBe(true);
    expect(h.pageErrors).toEqual([]);
  });
});
