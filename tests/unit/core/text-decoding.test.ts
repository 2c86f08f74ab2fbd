import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../electron/core/io/text-decoding';

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
});
