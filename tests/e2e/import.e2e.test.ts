import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { signInToDemo } from './pages/demo-session';

/** A carrier's call list in GB18030, `count` calls among 50 phones. */
function callList(count: number, badLine?: number): Buffer {
  const lines = ['主叫号码,被叫号码,通话时间,通话时长,基站'];
  for (let index = 0; index < count; index += 1) {
    const caller = `1391000${String(index % 50).padStart(4, '0')}`;
    const callee = `1382000${String((index * 13 + 7) % 50).padStart(4, '0')}`;
    const minute = String(index % 60).padStart(2, '0');
    const duration = lines.length + 1 === badLine ? '三分钟' : String(30 + (index % 200));
    lines.push(
      `${caller},${callee},2026-05-0${1 + (index % 9)} 10:${minute}:00,${duration},基站${index % 9}`,
    );
  }
  return iconv.encode(lines.join('\r\n'), 'gb18030');
}

// What the page functions use of the browser (the tests compile without the DOM library).
declare const document: {
  body: unknown;
  querySelector(selector: string): { textContent: string | null } | null;
};
declare const window: {
  progressSeen: string[];
  progressEvents: number[];
  quanlian: { on(event: string, listener: (payload: { done: number }) => void): () => void };
};
declare const location: { hash: string };
declare class MutationObserver {
  constructor(callback: () => void);
  observe(target: unknown, options: Record<string, boolean>): void;
}

describe('the import wizard (1366×768)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('names the bad row of a GB18030 call list, then imports 100,000 calls with the progress bar', async () => {
    const { page } = h;
    const shell = await signInToDemo(page);
    await shell.navigate('导入');
    const fileInput = page.locator('.ant-upload input[type=file]');

    await fileInput.setInputFiles({
      name: '话单-有误.csv',
      mimeType: 'text/csv',
      buffer: callList(20, 5),
    });
    await page.getByText('话单-有误.csv').waitFor();
    await page.getByTestId('import-next').click();
    await page.getByText('列对应（表头在第 1 行，文件 CSV · GB18030）').waitFor();
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-problem-table').waitFor();
    expect(await page.getByTestId('import-problems').innerText()).toBe('1');
    expect(await page.getByTestId('import-problem-table').locator('tbody tr').innerText()).toMatch(
      /^5\s+通话时长\s+时长格式不正确\s+三分钟$/,
    );
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    await h.screenshot('50-import-problems');

    await page.getByRole('button', { name: '上一步' }).click();
    await page.getByRole('button', { name: '上一步' }).click();
    await fileInput.setInputFiles({
      name: '话单.csv',
      mimeType: 'text/csv',
      buffer: callList(100_000),
    });
    await page.getByText('话单.csv', { exact: true }).waitFor();
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-check').click();
    expect(await page.getByTestId('import-valid').innerText()).toBe('100000');
    await h.screenshot('51-import-preview');
    // 100,000 rows go in within a second here: the page records every percentage it shows and
    // every progress event it is told.
    await page.evaluate(() => {
      window.progressSeen = [];
      // The progress the window is told (the bar may go from 0 % to done between two frames).
      window.progressEvents = [];
      window.quanlian.on('import.progressed', (event) => window.progressEvents.push(event.done));
      new MutationObserver(() => {
        const text = document.querySelector('.ant-progress-indicator')?.textContent;
        if (text && window.progressSeen.at(-1) !== text) window.progressSeen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-done').innerText()).toMatch(
      /已导入 100000 行\s+新建实体 100 个，匹配已有实体 0 个；新建关系 \d+ 条/,
    );
    await h.screenshot('53-import-done');
    // The drill-down: the calls behind one aggregated relation, from the phone's page.
    const found = await h.host.router.invoke('search.query', { text: '13910000000' });
    if (!found.ok) throw new Error(found.error.code);
    const phoneId = (found.value as { groups: { hits: { id: string }[] }[] }).groups[0]!.hits[0]!
      .id;
    await page.evaluate((id) => {
      location.hash = `#/entities/${id}`;
    }, phoneId);
    await page.getByTestId('relation-drill').first().click();
    // A data row: while the records load, the table's one row is its empty placeholder.
    const firstRecord = page
      .getByTestId('relation-records')
      .locator('tbody tr.ant-table-row')
      .first();
    await firstRecord.waitFor();
    expect(await firstRecord.innerText()).toMatch(
      /^2026-05-\d\d 10:\d\d:00\s+\d+\s+通话\s+基站\d\s+话单\.csv 第 \d+ 行$/,
    );
    await h.screenshot('54-import-drill-down');
    await page.keyboard.press('Escape');
    const seen = await page.evaluate(() => window.progressSeen);
    expect(seen[0]).toBe('0%');
    const told = await page.evaluate(() => window.progressEvents);
    expect(told.length).toBeGreaterThanOrEqual(2);
    expect(told.at(-1)).toBe(100_000);
    expect(told.every((done, index) => index === 0 || done >= told[index - 1]!)).toBe(true);
    expect(h.pageErrors).toEqual([]);
  }, 120_000);
});
