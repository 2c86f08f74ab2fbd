import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from '../../../electron/core/io/text-decoding';

/** A Hong Kong bank's statement in Big5, as its system writes it. */
const statement = [
  '戶名：陳大文',
  '交易時間,交易金額,餘額,對方戶名,對方帳號,摘要',
  '2026-04-01 17:16:47,1200.00,8800.00,許功蓋,012345678901,轉帳',
  '2026-04-02 09:01:02,5000.00,13800.00,黃志強,023456789012,港幣存款',
].join('\r\n');

describe('Big5 text', () => {
  it('is told from GB18030 and decoded', () => {
    const bytes = iconv.encode(statement, 'big5');
    expect(detectEncoding(bytes)).toBe('big5');
    expect(decodeText(bytes, 'big5')).toBe(statement);
  });

  it('GB18030 text, simplified or traditional, stays GB18030', () => {
    expect(detectEncoding(iconv.encode(statement, 'gb18030'))).toBe('gb18030');
    const simplified = '户名：陈大文\r\n交易时间,交易金额,余额,对方户名,对方账号,摘要\r\n';
    expect(detectEncoding(iconv.encode(simplified, 'gb18030'))).toBe('gb18030');
    // Names in GBK's rarer characters (喆, 堃, 昇) and a four-byte code (𠮷).
    expect(detectEncoding(iconv.encode('姓名,备注\r\n王喆,堃\r\n李昇,𠮷\r\n', 'gb18030'))).toBe(
      'gb18030',
    );
  });

  it('a header alone in Big5 is Big5', () => {
    expect(detectEncoding(iconv.encode('交易時間,交易金額\r\n2026-04-01,1.00\r\n', 'big5'))).toBe(
      'big5',
    );
  });
});
