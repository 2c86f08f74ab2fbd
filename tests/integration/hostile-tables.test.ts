import { createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { readTableSource } from '../../electron/core/io/table-file';
import { tableLimits } from '../../electron/core/io/table-parse';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * Hostile table files are refused quickly, in the parser thread, with a translated code:
 * nothing is written and the app's own thread stays free.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

/** 200 rows with one cell each in column XFD (16,384): a 3 KB file that once took 75 s. */
async function xfdWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('话单');
  for (let row = 1; row <= 200; row += 1) sheet.getCell(row, 16_384).value = row;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** An XLSX whose sheet inflates to 800 MB of blanks from about 800 KB. */
async function zipBomb(): Promise<Uint8Array> {
  const deflater = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflater.on('end', resolve));
  const blank = Buffer.alloc(8 * 1024 * 1024, 0x20);
  for (let index = 0; index < 100; index += 1) deflater.write(blank);
  deflater.end();
  await done;
  const deflated = Buffer.concat(chunks);
  const inflated = 100 * blank.length;
  // One entry, stored as deflated with its true sizes in both headers.
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(inflated, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(inflated, 24);
  central.writeUInt16LE(name.length, 28);
  const directoryAt = local.length + name.length + deflated.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(directoryAt, 16);
  return new Uint8Array(Buffer.concat([local, name, deflated, central, name, end]));
}

/** Far below the minutes a hostile file's real work would take; far above a loaded machine's jitter. */
const hangGuardMs = 15_000;

async function timed<T>(task: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await task();
  return { ms: performance.now() - started, result };
}

describe('hostile table files', () => {
  it('one cell in column XFD on 200 rows: refused at its first row, translated', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const bytes = await xfdWorkbook();
    expect(bytes.length).toBeLessThan(8 * 1024);
    // A warm parser thread, as in the app after the first file.
    await c.call('import.preview', {
      fileName: 'a.csv',
      contentBase64: base64('a\n1'),
      template: 'persons',
    });
    const { ms, result } = await timed(() =>
      c.call('import.preview', {
        fileName: 'x.xlsx',
        contentBase64: base64(bytes),
        template: 'calls',
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'import.tooManyColumns', details: { limit: 500, line: 1 } },
    });
    // A guard against building 200 × 16,384 cells (minutes), not a speed claim: under a
    // loaded CI machine a fixed 2 s made this flaky.
    expect(ms).toBeLessThan(hangGuardMs);
  });

  it('a zip bomb: refused from its declared sizes before anything is inflated', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const bytes = await zipBomb();
    expect(bytes.length).toBeLessThan(1024 * 1024);
    await c.call('import.preview', {
      fileName: 'a.csv',
      contentBase64: base64('a\n1'),
      template: 'persons',
    });
    const { ms, result } = await timed(() =>
      c.call('import.commit', {
        fileName: 'bomb.xlsx',
        contentBase64: base64(bytes),
        template: 'calls',
        importId: 'imp-bomb',
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'import.tooLarge', details: { limitMiB: 512 } },
    });
    // Inflating the bomb would take minutes and gigabytes; this only guards against that.
    expect(ms).toBeLessThan(hangGuardMs);
    expect((await c.ok('import.list', {})).length).toBe(0);
  });

  it('a CSV row with more than 500 columns, a file past the row cap, an unreadable path', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const wide = `${Array.from({ length: 501 }, (_, index) => `c${index}`).join(',')}\n1\n`;
    expect(
      await c.call('import.preview', {
        fileName: 'w.csv',
        contentBase64: base64(wide),
        template: 'calls',
      }),
    ).toMatchObject({ ok: false, error: { code: 'import.tooManyColumns', details: { line: 1 } } });
    await expect(
      readTableSource({ bytes: Buffer.from('a\n1\n2\n3\n') }, 'auto', {
        limits: { ...tableLimits, maxRows: 3 },
      }),
    ).rejects.toMatchObject({ code: 'import.tooManyRows' });
    expect(
      await c.call('import.preview', {
        fileName: 'x.csv',
        filePath: '/nonexistent/x.csv',
        template: 'calls',
      }),
    ).toMatchObject({ ok: false, error: { code: 'import.fileUnreadable' } });
  });

  it('a parser that runs too long or out of memory is stopped, and the next file still reads', async () => {
    // A sheet of 60,000 rows, parsed with a 1 ms limit, then with a 16 MB heap.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    for (let row = 1; row <= 60_000; row += 1) sheet.addRow([`1390000${row}`, row, 'x'.repeat(40)]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    await expect(readTableSource({ bytes }, 'auto', { timeoutMs: 1 })).rejects.toMatchObject({
      code: 'import.timedOut',
    });
    await expect(readTableSource({ bytes }, 'auto', { maxHeapMb: 16 })).rejects.toMatchObject({
      code: 'import.tooLarge',
    });
    const after = await readTableSource({ bytes: Buffer.from('a,b\n1,2\n') });
    expect(after.table.rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
  }, 60_000);

  it('a password-protected workbook and a broken .xls: refused with their own messages', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    // An Office 2007+ workbook saved with a password: an OLE2 container of an encrypted package.
    const { CFB } = await import('@e965/xlsx');
    const container = CFB.utils.cfb_new();
    const agile =
      '<?xml version="1.0" encoding="UTF-8"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>';
    CFB.utils.cfb_add(
      container,
      '/EncryptionInfo',
      Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from(agile)]),
    );
    CFB.utils.cfb_add(container, '/EncryptedPackage', Buffer.alloc(64));
    const encrypted = CFB.write(container, { type: 'buffer' }) as Buffer;
    const input = (bytes: Uint8Array) => ({
      fileName: '流水.xls',
      contentBase64: base64(bytes),
      template: 'transactions' as const,
    });
    expect(await c.call('import.preview', input(encrypted))).toMatchObject({
      ok: false,
      error: { code: 'import.encryptedFile' },
    });
    // The OLE2 signature and then nothing that reads.
    const broken = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(600, 7),
    ]);
    expect(await c.call('import.preview', input(broken))).toMatchObject({
      ok: false,
      error: { code: 'import.malformedFile' },
    });
    // A broken zip inside: not a password.
    const zeros = Buffer.concat([broken.subarray(0, 8), Buffer.alloc(600)]);
    expect(await c.call('import.preview', input(zeros))).toMatchObject({
      ok: false,
      error: { code: 'import.malformedFile' },
    });
    expect(await c.ok('audit.list', { action: 'import.completed' })).toMatchObject({ rows: [] });
  });

  it('an HTML ".xls" of 401 tables is refused whole; a rowspan of a million is one row', async () => {
    const tables =
      '<table><tr><td>本机号码</td><td>对方号码</td></tr><tr><td>1</td><td>2</td></tr></table>';
    await expect(
      readTableSource({ bytes: Buffer.from(`<html><body>${tables.repeat(401)}</body></html>`) }),
    ).rejects.toMatchObject({ code: 'import.tooManySheets', details: { limit: 400 } });
    const { table } = await readTableSource({
      bytes: Buffer.from('<table><tr><td>主叫</td><td rowspan="1000000">x</td></tr></table>'),
    });
    expect(table.rows.map(({ line, cells }) => ({ line, cells }))).toEqual([
      { line: 1, cells: ['主叫', 'x'] },
    ]);
    // A long head (styles, an inline logo) before the table: still a table.
    const head = `<html><head><style>${'.x{color:red}'.repeat(8_000)}</style></head>`;
    const styled = await readTableSource({
      bytes: Buffer.from(`${head}<body><table><tr><td>a</td></tr></table></body></html>`),
    });
    expect([styled.table.format, styled.table.rows.map((row) => row.cells)]).toEqual([
      'html',
      [['a']],
    ]);
  });

  it('blank cells past column 500 are no columns; a filled one is refused at its line; a zip of files is said to be one', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    // "另存为 CSV" of a sheet whose used range was stretched: every line ends in 600 commas.
    const padding = ','.repeat(600);
    const lines = [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13987650001,13812345678,主叫,2026-03-01 09:00:00,60',
      '13987650001,13612345678,被叫,2026-03-01 10:00:00,30',
    ];
    const padded = await c.call('import.preview', {
      fileName: 'p.csv',
      contentBase64: base64(lines.map((line) => line + padding).join('\r\n')),
      template: 'calls',
    });
    expect(padded).toMatchObject({ ok: true, value: { rowCount: 2, problemCount: 0 } });
    // The same list as a workbook with one space typed in column 700.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('话单');
    for (const line of lines) sheet.addRow(line.split(','));
    sheet.getCell(3, 700).value = ' ';
    const wide = await c.call('import.preview', {
      fileName: 'w.xlsx',
      contentBase64: base64(Buffer.from(await workbook.xlsx.writeBuffer())),
      template: 'calls',
    });
    expect(wide).toMatchObject({ ok: true, value: { rowCount: 2, problemCount: 0 } });
    // A cell with text past the cap is refused, the line named.
    const filled = [...lines, `13987650001,13512345678,主叫,2026-03-01 11:00:00,5${padding}x`];
    expect(
      await c.call('import.preview', {
        fileName: 'f.csv',
        contentBase64: base64(filled.join('\n')),
        template: 'calls',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'import.tooManyColumns', details: { limit: 500, line: 4 } },
    });
    // 调证 platforms deliver zips of CSVs: not "an unclosed quote".
    const zip = zipSync({ 'a1.csv': new TextEncoder().encode(lines.join('\n')) });
    expect(
      await c.call('import.preview', {
        fileName: 'calls.zip',
        contentBase64: base64(zip),
        template: 'calls',
      }),
    ).toMatchObject({ ok: false, error: { code: 'import.archive' } });
  });
});
