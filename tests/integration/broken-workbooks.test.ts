import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * A file named .xlsx whose bytes are no workbook (cut short, damaged, or another file renamed):
 * read as text, it had been called a table without data rows, or one with a stray quote.
 */

const { core } = previewsOnNewWorkspace();

/** Bytes that look random and are the same every run. */
function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 0x2545f491;
  for (let index = 0; index < length; index += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[index] = state & 0xff;
  }
  return bytes;
}

const preview = (fileName: string, bytes: Buffer, template: 'calls' | 'transactions') =>
  core().call('import.preview', { fileName, contentBase64: bytes.toString('base64'), template });

describe('a file named as a workbook that is none', () => {
  it('a broken zip and random bytes named .xlsx are refused as no workbook', async () => {
    for (const [name, bytes] of [
      ['流水.xlsx', Buffer.from('PK garbage\n')],
      ['话单.XLSX', noise(3000)],
      ['话单.ods', noise(3000)],
    ] as const)
      for (const template of ['calls', 'transactions'] as const)
        expect([name, template, await preview(name, bytes, template)]).toMatchObject([
          name,
          template,
          { ok: false, error: { code: 'import.notSpreadsheet' } },
        ]);
  });

  it('a workbook cut short (its zip directory lost) is refused as no workbook, not a stray quote', async () => {
    // A tester's trunc.xlsx: the first 3,734 bytes of a bank's .xlsx, had said 如引号未闭合.
    const cut = fs.readFileSync(
      path.join(import.meta.dirname, '../fixtures/records/bank-statement-cut-short.xlsx'),
    );
    for (const template of ['calls', 'transactions'] as const)
      expect(await preview('流水.xlsx', cut, template)).toMatchObject({
        ok: false,
        error: { code: 'import.notSpreadsheet' },
      });
  });

  it('the same bytes named .csv are refused as a CSV; a CSV named .xlsx that reads is read', async () => {
    expect(await preview('流水.csv', Buffer.from('PK garbage\n'), 'transactions')).toMatchObject({
      ok: false,
      error: { code: 'import.empty' },
    });
    const list = [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13800138000,13900139000,主叫,2026-04-01 10:00:00,60',
    ].join('\n');
    expect(await preview('话单.xlsx', Buffer.from(list), 'calls')).toMatchObject({
      ok: true,
      value: { rowCount: 1, problemCount: 0 },
    });
  });
});
