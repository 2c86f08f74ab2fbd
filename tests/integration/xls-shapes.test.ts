import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../electron/api/i18n/en';
import { previewsOnNewWorkspace } from '../helpers/import-preview';
import { copiedCliWorkspace, execCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/test-core';

/**
 * What banks and carriers send under an .xls name, decided by the bytes: an HTML table and
 * tab-separated text are read as tables (as Excel opens them); a PDF of the statement, a Word
 * letter (.doc or .docx), random bytes are refused as no workbook, nothing written; a zip of
 * statements is said to be an archive to unpack. The PDF, the letters and the random bytes had
 * been read as text or a broken workbook and refused as "no readable table" (a piece of text or
 * the wrong encoding) or as a broken CSV or Excel file.
 */

const { core } = previewsOnNewWorkspace();
const env = { QUANLIAN_PASSWORD: 'Admin#Pass2026' };
const fixture = (name: string) =>
  fs.readFileSync(path.join(import.meta.dirname, '../fixtures/records', name));

/** Bytes that look random and are the same every run. */
function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 0x1b873593;
  for (let index = 0; index < length; index += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[index] = state & 0xff;
  }
  return bytes;
}

/**
 * No workbook: a PDF print of the statement, the bank's Word cover letter (.doc and .docx),
 * random bytes.
 */
const impostors: [string, Buffer][] = [
  ['流水-打印.xls', fixture('bank-statement-printed.xls')],
  ['回执.xls', fixture('bank-statement-letter.xls')],
  ['回执-新版.xls', fixture('bank-statement-letter-docx.xls')],
  ['流水.xls', noise(4096)],
];

const preview = (fileName: string, bytes: Buffer, template: 'calls' | 'transactions') =>
  core().call('import.preview', { fileName, contentBase64: bytes.toString('base64'), template });

/** The statement's three rows as the preview samples them. */
const statementRows = [
  ['in', '2026-04-01T09:16:47.000Z', '1250000', '6217001540009283746'],
  ['out', '2026-04-02T01:05:01.000Z', '300000', '6217001540009283746'],
  ['out', '2026-04-02T04:00:00.000Z', '200000', null],
];

describe('a file named .xls, read by what it holds', () => {
  it('core: tab-separated text and an HTML table are read; a PDF, a Word file and random bytes are no workbook', async () => {
    const tabs = await preview('流水.xls', fixture('bank-statement-tabs.xls'), 'transactions');
    if (!tabs.ok) throw new Error(tabs.error.code);
    expect([
      tabs.value.format,
      tabs.value.encoding,
      tabs.value.rowCount,
      tabs.value.problemCount,
      tabs.value.sample.map((row) => [
        row['direction'],
        row['at'],
        row['amountFen'],
        row['counterpart'] ?? null,
      ]),
    ]).toEqual(['csv', 'gb18030', 3, 0, statementRows]);
    const html = await preview('流水.xls', fixture('bank-statement-web.xls'), 'transactions');
    if (!html.ok) throw new Error(html.error.code);
    expect([html.value.format, html.value.rowCount, html.value.problemCount]).toEqual([
      'html',
      4,
      1,
    ]);
    for (const [name, bytes] of impostors)
      for (const template of ['calls', 'transactions'] as const)
        expect([name, template, await preview(name, bytes, template)]).toMatchObject([
          name,
          template,
          { ok: false, error: { code: 'import.notSpreadsheet' } },
        ]);
    // A zip of statements renamed .xls: an archive to unpack, as under its own name.
    expect(
      await preview('流水.xls', fixture('bank-statements-zipped.xls'), 'transactions'),
    ).toMatchObject({ ok: false, error: { code: 'import.archive' } });
    // Committed, the same refusal, and nothing written.
    const [name, bytes] = impostors[0]!;
    expect(
      await core().call('import.commit', {
        fileName: name,
        contentBase64: bytes.toString('base64'),
        template: 'transactions',
        importId: 'imp-printed-xls',
        skipInvalid: true,
      }),
    ).toMatchObject({ ok: false, error: { code: 'import.notSpreadsheet' } });
    expect(await core().ok('import.list', {})).toEqual([]);
    // The same text under a text name stays a text's problem ("no readable table").
    expect(await preview('流水.csv', noise(4096), 'transactions')).toMatchObject({
      ok: false,
      error: { code: 'import.notTable' },
    });
  });

  it('CLI dry run: the text and the HTML table read, the others refused in the user’s words', async () => {
    const dir = copiedCliWorkspace('admin', path.join(makeTempDir(), 'ws'));
    const folder = makeTempDir();
    const dryRun = async (name: string, bytes: Buffer) => {
      const file = path.join(folder, name);
      fs.writeFileSync(file, bytes);
      const args = ['import', '--workspace', dir, '--template', 'transactions', '--file', file];
      return await execCli([...args, '--dry-run', '--lang', 'en'], env);
    };
    const tabs = await dryRun('流水.xls', fixture('bank-statement-tabs.xls'));
    expect([tabs.status, tabs.stdout.split('\n').slice(0, 4), tabs.stderr]).toEqual([
      0,
      [
        '3 rows, 3 valid, 0 with errors (dry run: nothing written)',
        "Valid rows (to check against the file's totals line): in 1, ¥12,500.00; out 2, ¥5,000.00; of which 0 cancel each other (冲正 pairs, no money)",
        "owner from the file's heading: 6228480398271645312",
        'columns: 交易卡号 → account, 交易户名 → accountName, 对手账号 → counterpartAccount, 对手户名 → counterpartName, 借贷标志 → debitCredit, 交易日期 → date, 交易时间 → at, 交易金额 → amount, 交易余额 → balance, 摘要 → summary',
      ],
      '',
    ]);
    const html = await dryRun('网银流水.xls', fixture('bank-statement-web.xls'));
    expect([html.status, html.stdout.split('\n')[0]]).toEqual([
      1,
      '4 rows, 3 valid, 1 with errors (dry run: nothing written)',
    ]);
    const refusal = `error: ${en.errors.import.notSpreadsheet}\n`;
    for (const [name, bytes] of impostors)
      expect([name, await dryRun(name, bytes)]).toEqual([
        name,
        { status: 1, stdout: '', stderr: refusal },
      ]);
    const listed = await execCli(['imports', 'list', '--workspace', dir], env);
    expect([listed.status, listed.stdout.trim()]).toEqual([0, 'No imports.']);
  });
});
