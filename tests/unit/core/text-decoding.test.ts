import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from '../../../electron/core/io/text-decoding';

describe('decoding a CSV', () => {
  it('drops the BOM a file starts with, and keeps U+FEFF met in the middle of a file', () => {
    const utf8 = Buffer.from('\ufeff本机号码\n');
    const gb = Buffer.concat([
      Buffer.from([0x84, 0x31, 0x95, 0x33]),
      iconv.encode('本机号码\n', 'gb18030'),
    ]);
    expect(decodeText(utf8, 'utf8')).toBe('本机号码\n');
    expect(decodeText(gb, 'gb18030')).toBe('本机号码\n');
    expect(decodeText(utf8, 'utf8', false)).toBe('\ufeff本机号码\n');
    expect(decodeText(gb, 'gb18030', false)).toBe('\ufeff本机号码\n');
  });

  it('decodes a file cut after a line break as the whole file decodes', () => {
    const text = '序号,对方号码\r\n1,13800000001\n2,+959123456789\n3,长号\n';
    const bytes = iconv.encode(text, 'gb18030');
    const cut = bytes.indexOf(0x0a) + 1;
    expect(
      decodeText(bytes.subarray(0, cut), 'gb18030') +
        decodeText(bytes.subarray(cut), 'gb18030', false),
    ).toBe(text);
  });

  it('reads GB18030 as its 2022 edition: the characters the 2005 edition left in the private use area are the standard ones', () => {
    // FE59 is 龴 (U+9FB4) and A6D9 the vertical comma (U+FE10); the 2005 tables gave U+E81E
    // and U+E78D. A four-byte code past U+FFFF's range is no character.
    expect(decodeText(Buffer.from([0xfe, 0x59, 0xa6, 0xd9, 0xb1, 0xbe]), 'gb18030')).toBe(
      '\u9fb4\ufe10本',
    );
    expect(decodeText(Buffer.from([0x84, 0x31, 0xa5, 0x30]), 'gb18030')).toBe('\ufffd');
  });

  it('tells UTF-16 by its BOM, or by the zero bytes of its Latin characters without one', () => {
    const text = '本机号码\t对方号码\r\n13987654321\t10086\r\n';
    const le = Buffer.from(`\ufeff${text}`, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(detectEncoding(le)).toBe('utf16le');
    expect(detectEncoding(be)).toBe('utf16be');
    expect(decodeText(le, 'utf16le')).toBe(text);
    expect(decodeText(be, 'utf16be')).toBe(text);
    expect(detectEncoding(le.subarray(2))).toBe('utf16le');
    expect(detectEncoding(be.subarray(2))).toBe('utf16be');
    // Chinese with a zero low byte (一 U+4E00, 开 U+5F00, U+3000) on the other side still tells.
    const bank =
      '2026-04-01 10:00:00,100.00,62220200000000000,王一,中国银行开发区支行,转账\r\n'.repeat(40);
    expect(detectEncoding(Buffer.from(bank, 'utf16le'))).toBe('utf16le');
    expect(detectEncoding(Buffer.from(bank, 'utf16le').swap16())).toBe('utf16be');
    // All Chinese, no zero byte: not taken for UTF-16 without its BOM.
    expect(detectEncoding(Buffer.from('本机号码对方号码', 'utf16le'))).toBe('gb18030');
    expect(detectEncoding(Buffer.from(text))).toBe('utf8');
    expect(detectEncoding(iconv.encode(text, 'gb18030'))).toBe('gb18030');
  });
});
