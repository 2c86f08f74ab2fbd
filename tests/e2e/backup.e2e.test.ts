import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { signInToDemo } from './pages/demo-session';

describe('backup and restore from the settings (1920×1080)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ width: 1920, height: 1080 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('sets a backup folder, backs up now, adds a case after it, restores the backup with the password', async () => {
    const { page } = h;
    const shell = await signInToDemo(page);
    await shell.navigate('设置');
    await page.getByTestId('backup-folder').fill(path.join(h.root, '备份'));
    await page.getByTestId('backup-save').click();
    await page.getByText('备份计划已保存').waitFor();
    await page.getByTestId('backup-now').click();
    await page.getByText('备份已完成').waitFor();
    expect(await page.getByTestId('backup-files').locator('tbody tr').count()).toBe(1);
    await h.screenshot('80-backup-settings');

    // A change after the backup: a new case.
    const created = await h.host.router.invoke('cases.create', {
      caseNo: 'A-AFTER-BACKUP',
      title: '备份之后登记的案件',
      offenceType: 'possession',
      openedOn: '2026-11-20',
    });
    expect(created.ok).toBe(true);

    await page.getByTestId('backup-restore').click();
    await page.getByTestId('backup-restore-password').fill('not the password');
    await page.getByRole('button', { name: '校验并恢复' }).click();
    await page.getByText('用户名或密码错误。').first().waitFor();
    await page.getByTestId('backup-restore-password').fill('Quanlian@2026');
    await page.getByRole('button', { name: '校验并恢复' }).click();
    await page.getByText('已从备份恢复').waitFor();
    await h.screenshot('81-backup-restored');
    const cases = await h.host.router.invoke('cases.list', { text: 'A-AFTER-BACKUP' });
    expect(cases.ok && (cases.value as { total: number }).total).toBe(0);
    expect(h.pageErrors).toEqual([]);
  });

  it('replaces the data key, then the old backups by one under the new key', async () => {
    const { page } = h;
    const folder = path.join(h.root, '备份');
    const before = fs.readdirSync(folder).filter((name) => name.endsWith('.qlbak'));
    expect(before).toHaveLength(1);
    await page.getByText('此前制作的备份仍用当时的密钥加密').waitFor();
    await page.getByTestId('rotate-key').click();
    await page.getByTestId('rotate-key-confirm').click();
    await page.getByText('数据密钥已更换').waitFor({ timeout: 60_000 });
    await page.getByTestId('replace-old-backups').click();
    await page.getByTestId('replace-old-backups-confirm').click();
    await page.getByText('已生成新备份，删除旧备份 1 份').waitFor();
    const after = fs.readdirSync(folder).filter((name) => name.endsWith('.qlbak'));
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before[0]);
    await h.screenshot('82-key-rotated');
    expect(h.pageErrors).toEqual([]);
  });
});
