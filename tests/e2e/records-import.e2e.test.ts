import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { signInToDemo } from './pages/demo-session';

const fixture = path.join(import.meta.dirname, '../fixtures/records/carrier-cdr.csv');

describe('a carrier call list with a direction column (1366×768)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('recognises 呼叫类型, imports the valid rows, saves the rejected ones; calls point the right way', async () => {
    const { page } = h;
    const shell = await signInToDemo(page);
    await shell.navigate('导入');
    await page.locator('.ant-upload input[type=file]').setInputFiles({
      name: '13987654321话单.csv',
      mimeType: 'text/csv',
      buffer: fs.readFileSync(fixture),
    });
    await page.getByText('13987654321话单.csv').waitFor();
    await page.getByTestId('import-next').click();
    // The direction column and the number columns are found by their headers.
    expect(await page.getByTestId('map-callType').innerText()).toContain('呼叫类型');
    expect(await page.getByTestId('map-ownNumber').innerText()).toContain('本机号码');
    expect(await page.getByTestId('map-counterpart').innerText()).toContain('对方号码');
    await h.screenshot('55-records-columns');
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-problem-table').waitFor();
    expect(await page.getByTestId('import-problems').innerText()).toBe('2');
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    await page.getByText('只导入 16 行有效数据，2 行有误的另存为文件').click();
    expect(await page.getByTestId('import-run').isDisabled()).toBe(false);
    await h.screenshot('56-records-valid-only');
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-rejected').innerText()).toBe('另有 2 行有误，未导入。');
    // 未知 is no one's number: the call stays on the target's phone, said as such.
    expect(await page.getByTestId('import-withheld').innerText()).toContain(
      '其中 1 行的对方号码未显示',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-rejected-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('13987654321话单.rejected.csv');
    const rejectedFile = `${h.root}/rejected.csv`;
    await download.saveAs(rejectedFile);
    const saved = fs.readFileSync(rejectedFile, 'utf8');
    // Each row set aside names its line in the file and its problem, as the check listed them.
    expect(saved.split('\r\n').map((line) => line.split(',').slice(-2).join(','))).toEqual([
      '原行号,原因',
      '18,呼叫类型：呼叫类型无法识别（应为 主叫/被叫/呼转/短信发/短信收 等）；代码（01、02）请在表头上方加一行说明，如“呼叫类型：01-主叫，02-被叫”',
      '19,开始时间：时间无法识别或不存在',
      '',
    ]);
    await h.screenshot('57-records-done');

    // The contact's phone page: one call in from him, two out to him (a call and a forward).
    const found = await h.host.router.invoke('search.query', { text: '13812345678' });
    if (!found.ok) throw new Error(found.error.code);
    const phoneId = (found.value as { groups: { hits: { id: string }[] }[] }).groups[0]!.hits[0]!
      .id;
    const detail = await h.host.router.invoke('entities.get', { id: phoneId });
    if (!detail.ok) throw new Error(detail.error.code);
    const relations = (
      detail.value as {
        relations: { type: string; fromLabel: string; toLabel: string; eventCount: number }[];
      }
    ).relations
      .filter((relation) => relation.type === 'calls')
      .map((relation) => `${relation.fromLabel}>${relation.toLabel} ${relation.eventCount}`)
      .sort();
    expect(relations).toEqual(['13812345678>13987654321 1', '13987654321>13812345678 2']);
    await page.evaluate((id) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = `#/entities/${id}`;
    }, phoneId);
    await page.getByTestId('relation-drill').first().waitFor();
    await h.screenshot('58-records-phone');

    // One number's 详单 (电信 style): the number in its heading, 通信方式 holds the directions
    // beside 通信类型 (本地/长途), 业务类型 the service.
    await shell.navigate('导入');
    // The entity page has an upload of its own (attachments): the import page first.
    await page.getByTestId('import-next').waitFor();
    await page.locator('.ant-upload input[type=file]').setInputFiles({
      name: '电信详单.csv',
      mimeType: 'text/csv',
      buffer: fs.readFileSync(
        path.join(import.meta.dirname, '../fixtures/records/telecom-cdr.csv'),
      ),
    });
    await page.getByText('电信详单.csv').waitFor();
    await page.getByTestId('import-next').click();
    expect(await page.getByTestId('import-owner').innerText()).toContain('13987654321');
    expect(await page.getByTestId('map-callType').innerText()).toContain('通信方式');
    expect(await page.getByTestId('map-service').innerText()).toContain('业务类型');
    await h.screenshot('59-records-heading-owner');

    // A list without the own number anywhere: typed on the first step, the columns come.
    // The case list first: the import page at step 2 has no import-next to see leave.
    await shell.navigate('案件');
    await page.getByTestId('case-create').waitFor();
    await shell.navigate('导入');
    await page.getByTestId('import-next').waitFor();
    await page.locator('.ant-upload input[type=file]').setInputFiles({
      name: 'calls.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        '对方号码,呼叫类型,开始时间,时长\n13812345678,主叫,2026-04-02 08:00:00,10\n',
      ),
    });
    await page.getByText('calls.csv').waitFor();
    await page.getByTestId('import-own-number').fill('13987654321');
    await h.screenshot('60-records-own-number');
    await page.getByTestId('import-next').click();
    expect(await page.getByTestId('map-counterpart').innerText()).toContain('对方号码');

    // A statement that says nowhere which way its money went: refused naming the column, then
    // read when the user says every row went out.
    await shell.navigate('案件');
    await page.getByTestId('case-create').waitFor();
    await shell.navigate('导入');
    await page.getByTestId('import-next').waitFor();
    await page.getByText('资金流水', { exact: true }).click();
    await page.locator('.ant-upload input[type=file]').setInputFiles({
      name: 'transfers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        '账号,交易时间,交易金额,对方账号\n6228480398271645312,2026-04-01 10:00:00,100.00,6222020200112233445\n',
      ),
    });
    await page.getByText('transfers.csv').waitFor();
    await page.getByTestId('import-next').click();
    expect(await page.getByTestId('import-error').innerText()).toContain('借贷标志');
    await page.getByTestId('import-direction').click();
    await page.getByText('每笔均为本方支出（转出）').click();
    await h.screenshot('61-records-statement-direction');
    await page.getByTestId('import-next').click();
    expect(await page.getByTestId('map-amount').innerText()).toContain('交易金额');
    expect(h.pageErrors).toEqual([]);
  }, 120_000);
});

describe('one call in both lists (1366×768)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("the callee's list after the caller's: the summary counts the copies, the drill-down marks them", async () => {
    const { page } = h;
    const shell = await signInToDemo(page);
    const header = '本机号码,对方号码,呼叫类型,开始时间,通话时长';
    const importList = async (name: string, lines: string[]) => {
      await shell.navigate('案件');
      await page.getByTestId('case-create').waitFor();
      await shell.navigate('导入');
      await page.getByTestId('import-next').waitFor();
      await page.locator('.ant-upload input[type=file]').setInputFiles({
        name,
        mimeType: 'text/csv',
        buffer: Buffer.from(lines.join('\n')),
      });
      await page.getByText(name).waitFor();
      await page.getByTestId('import-next').click();
      await page.getByTestId('import-check').click();
      await page.getByTestId('import-run').click();
      await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    };
    await importList('13500000001.csv', [
      header,
      '13500000001,13500000002,主叫,2026-05-01 10:00:00,65',
      '13500000001,13500000002,主叫,2026-05-01 11:00:00,30',
    ]);
    // The other carrier's clock is two seconds ahead and it bills whole minutes.
    await importList('13500000002.csv', [
      header,
      '13500000002,13500000001,被叫,2026-05-01 10:00:02,120',
      '13500000002,13500000001,被叫,2026-05-01 11:00:02,31',
      '13500000002,13500000001,被叫,2026-05-02 09:00:00,12',
      // A mobile-data session: no call, kept as where the phone was.
      '13500000002,,上网,2026-05-02 10:00:00,600',
    ]);
    expect(await page.getByTestId('import-copies').innerText()).toBe(
      '其中 2 行是已计入的同一通话、同一条短信或同一笔交易（对方的话单或流水、重叠导出的文件），原始行已保留，不重复计数。',
    );
    expect(await page.getByTestId('import-data-sessions').innerText()).toBe(
      '其中 1 行是上网记录（无对方号码）：不计入通话，按本机的基站、时间和手机另存，用于同基站伴随和“谁在这个基站”。',
    );
    await h.screenshot('62-records-copies-done');
    const found = await h.host.router.invoke('search.query', { text: '13500000001' });
    if (!found.ok) throw new Error(found.error.code);
    const phoneId = (found.value as { groups: { hits: { id: string }[] }[] }).groups[0]!.hits[0]!
      .id;
    await page.evaluate((id) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = `#/entities/${id}`;
    }, phoneId);
    const drill = page.getByTestId('relation-drill');
    await drill.first().waitFor();
    // Three calls, 65 + 30 + 12 seconds: the seconds of the lists, the billed minutes not added.
    expect(await drill.first().innerText()).toBe('×3 共 107 秒');
    await h.screenshot('63-records-copies-relations');
    await drill.first().click();
    await page.getByTestId('relation-records').waitFor();
    await page.getByTestId('record-copy').first().waitFor();
    expect(await page.getByTestId('record-copy').count()).toBe(2);
    await h.screenshot('64-records-copies-drill');
    expect(h.pageErrors).toEqual([]);
  }, 120_000);
});

describe('a list of headers no template knows (1366×768)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a list whose headers no template knows opens the columns step: mapped by hand, it imports', async () => {
    const { page } = h;
    const shell = await signInToDemo(page);
    await shell.navigate('导入');
    await page.getByTestId('import-next').waitFor();
    await page.locator('.ant-upload input[type=file]').setInputFiles({
      name: '自编话单.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        ['主号,客号,类别,时刻,秒数', '13911112222,13833334444,主叫,2026-04-01 08:00:00,60'].join(
          '\n',
        ),
      ),
    });
    await page.getByText('自编话单.csv').waitFor();
    await page.getByTestId('import-next').click();
    // The missing columns are said, and the columns step is open to choose them.
    await page
      .getByTestId('import-error')
      .getByText(/缺少必需的列/)
      .waitFor();
    const map = async (field: string, column: string) => {
      await page.getByTestId(`map-${field}`).click();
      await page.keyboard.type(column);
      await page.locator('.ant-select-item-option').filter({ hasText: column }).first().click();
    };
    await map('ownNumber', '主号');
    await map('counterpart', '客号');
    await map('callType', '类别');
    await map('startedAt', '时刻');
    await map('duration', '秒数');
    await h.screenshot('58-records-columns-by-hand');
    await page.getByTestId('import-check').click();
    expect(await page.getByTestId('import-valid').innerText()).toBe('1');
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    expect(h.pageErrors).toEqual([]);
  });
});
