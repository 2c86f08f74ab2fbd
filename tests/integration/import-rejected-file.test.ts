import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * The rejected-rows file of "import the valid rows" comes back in the source's own shape: its
 * encoding (UTF-16 in its byte order, with its mark) and its separator, so it opens where the
 * source opened and can be corrected and imported again.
 */
let c: TestCore;
afterEach(() => c?.dispose());

/** A carrier's "Unicode text" 详单 (China Mobile's shape): a heading, tabs, one bad date. */
const lines = [
  '中国移动通信 客户详单',
  '手机号码：13987654321',
  '起始时间\t通信地点\t通信方式\t对方号码\t通信时长\t通信类型',
  '2026-04-01 08:00:00\t云南昆明\t主叫\t13812345678\t1分\t本地通话',
  '2026-04-31 08:00:00\t云南昆明,呈贡\t主叫\t13812345678\t1分\t本地通话',
  '2026-04-02 08:00:00\t云南昆明\t被叫\t13812345678\t2分\t本地通话',
];
const text = `${lines.join('\r\n')}\r\n`;

/** What the rejected file says, before it is encoded. */
const rejectedText =
  [
    '本机号码：13987654321',
    '起始时间\t通信地点\t通信方式\t对方号码\t通信时长\t通信类型\t原行号\t原因',
    // A comma is no separator here: the cell is written as it was, unquoted.
    '2026-04-31 08:00:00\t云南昆明,呈贡\t主叫\t13812345678\t1分\t本地通话\t5\t起始时间：时间无法识别或不存在',
  ].join('\r\n') + '\r\n';

async function importRejected(bytes: Buffer, fileName: string) {
  c = makeTestCore();
  await createTestWorkspace(c);
  const summary = await c.ok('import.commit', {
    fileName,
    contentBase64: bytes.toString('base64'),
    template: 'calls',
    importId: 'imp-utf16',
    skipInvalid: true,
  });
  expect([summary.rows, summary.rejectedRows]).toEqual([2, 1]);
  return summary.rejectedFile!;
}

describe('the rejected-rows file keeps the source’s encoding and separator', () => {
  it('UTF-16LE with tabs gives UTF-16LE with its mark and tabs', async () => {
    const source = Buffer.from(`\ufeff${text}`, 'utf16le');
    const rejected = await importRejected(source, '详单.txt');
    expect(rejected.fileName).toBe('详单.rejected.txt');
    expect(Buffer.from(rejected.contentBase64, 'base64')).toEqual(
      Buffer.from(`\ufeff${rejectedText}`, 'utf16le'),
    );
  });

  it('UTF-16BE with tabs gives UTF-16BE with its mark and tabs', async () => {
    const source = Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
    const rejected = await importRejected(source, '详单.txt');
    const bytes = Buffer.from(rejected.contentBase64, 'base64');
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xfe, 0xff]));
    expect(bytes).toEqual(Buffer.from(`\ufeff${rejectedText}`, 'utf16le').swap16());
  });

  it('UTF-8 with commas still gives a comma CSV with the mark Excel needs', async () => {
    const source = Buffer.from(text.replaceAll('云南昆明,呈贡', '呈贡').replaceAll('\t', ','));
    const rejected = await importRejected(source, '详单.csv');
    expect(rejected.fileName).toBe('详单.rejected.csv');
    expect(Buffer.from(rejected.contentBase64, 'base64')).toEqual(
      Buffer.from(
        `\ufeff${rejectedText.replaceAll('云南昆明,呈贡', '呈贡').replaceAll('\t', ',')}`,
        'utf8',
      ),
    );
  });
});

describe('the rejected-rows file asked of the check', () => {
  it('is the file the commit gives (the CLI writes it before the commit); only when asked', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const file = {
      fileName: '详单.txt',
      contentBase64: Buffer.from(`\ufeff${text}`, 'utf16le').toString('base64'),
      template: 'calls' as const,
    };
    const plain = await c.ok('import.preview', file);
    expect(plain.rejectedFile).toBeUndefined();
    const asked = await c.ok('import.preview', { ...file, withRejectedFile: true });
    expect(asked.rejectedFile).toEqual({
      fileName: '详单.rejected.txt',
      contentBase64: Buffer.from(`\ufeff${rejectedText}`, 'utf16le').toString('base64'),
    });
    const summary = await c.ok('import.commit', { ...file, importId: 'imp-1', skipInvalid: true });
    expect(summary.rejectedFile).toEqual(asked.rejectedFile);
    // A file without a rejected row gives none.
    const clean = await c.ok('import.preview', {
      ...file,
      fileName: '详单2.txt',
      contentBase64: Buffer.from(
        `\ufeff${text.replace('2026-04-31', '2026-04-03')}`,
        'utf16le',
      ).toString('base64'),
      withRejectedFile: true,
    });
    expect(clean.rejectedFile).toBeNull();
  });
});
