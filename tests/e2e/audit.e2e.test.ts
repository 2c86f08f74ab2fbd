import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { signInToDemo } from './pages/demo-session';
import { pickOption } from './pages/select-option';

describe('audit log for auditors (1366×768)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ width: 1366, height: 768 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows actions in words, filters by kind of action on the server, exports the filtered log', async () => {
    const { page } = h;
    const shell = await signInToDemo(page);
    await shell.navigate('审计');
    const table = page.getByTestId('audit-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    // Words, not codes or JSON.
    const text = await table.innerText();
    expect(text).not.toMatch(/\b(session|cases|demo|entities)\.[a-zA-Z]+\b/);
    expect(text).not.toContain('{"');
    expect(text).toContain('生成演示数据');

    await pickOption(page, page.getByTestId('audit-filter-group'), '登录与会话');
    const sessionWords = ['登录', '登录失败', '锁定', '用恢复密钥登录', '修改密码', '修改密码失败'];
    const actionCells = table.locator('tbody tr.ant-table-row td:nth-child(4)');
    await expect
      .poll(
        async () =>
          (await actionCells.allInnerTexts()).every((cell) => sessionWords.includes(cell)),
        {
          timeout: 20_000,
        },
      )
      .toBe(true);
    const api = await h.host.router.invoke('audit.list', { group: 'session', pageSize: 500 });
    if (!api.ok) throw new Error(api.error.code);
    const listed = api.value as { total: number; rows: { action: string }[] };
    const shown = await table.locator('tbody tr.ant-table-row').count();
    expect(shown).toBe(Math.min(listed.total, 50));
    expect(listed.total).toBeGreaterThan(0);
    // Each record the session signed carries the green seal, named for screen readers; a failed
    // sign-in (no author) is said to be a system record.
    const actions = await actionCells.allInnerTexts();
    const authors = await table.locator('tbody tr.ant-table-row td:nth-child(8)').allInnerTexts();
    const seals = table.locator('[data-testid=audit-author-proven]');
    expect(await seals.count()).toBe(actions.filter((action) => action !== '登录失败').length);
    expect(await seals.first().getAttribute('aria-label')).toBe('作者签名有效');
    expect(
      authors.filter((_, at) => actions[at] === '登录失败').every((cell) => cell === '系统记录'),
    ).toBe(true);
    await h.screenshot('70-audit-1366');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('audit-export').click(),
    ]);
    const file = `${h.root}/audit.xlsx`;
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const rows = workbook
      .getWorksheet('审计日志')!
      .getSheetValues()
      .slice(1)
      .map((row) => (row as unknown[]).slice(1));
    expect(rows[0]).toEqual(['序号', '时间', '用户', '操作', '详情', '结果', '案件', '作者']);
    expect(rows.length - 1).toBe(listed.total);
    expect(rows.slice(1).every((row) => sessionWords.includes(String(row[3])))).toBe(true);
    // Every record of this workspace's sessions carries its author's signature; a failed
    // sign-in has no author to sign it.
    expect(
      rows
        .slice(1)
        .every((row) =>
          String(row[3]) === '登录失败' ? row[7] === '系统记录' : row[7] === '作者签名有效',
        ),
    ).toBe(true);
    expect(h.pageErrors).toEqual([]);
  });
});
