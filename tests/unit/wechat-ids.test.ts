import { describe, expect, it } from 'vitest';
import { isWeChatId } from '../../electron/api/domain/wechat-ids';

describe('a WeChat ID (微信号) as a WeChat bill’s own account', () => {
  it.each([
    // Chosen by the user: 6–20 characters, a letter first, letters, digits, _ and -.
    'laowang_1988',
    'Lw-2026',
    'abcdef',
    'a1234567890123456789',
    // Given by WeChat, of any length it gives.
    'wxid_laowang',
    'wxid_4k2j9x8p0q1w2e3r4t',
    // An older account's QQ number or mobile number.
    '10001',
    '12345678901',
    '13987650001',
    // Spaces typed in are no part of it.
    ' laowang_1988 ',
  ])('%s is one', (id) => {
    expect(isWeChatId(id)).toBe(true);
  });

  it.each([
    // A nickname or a name.
    '老王',
    '王芳（微信昵称，文件3f2a1b9c0d4e）',
    // Too short, too long, a digit first, other characters.
    'abcde',
    'a12345678901234567890',
    '1laowang',
    '_laowang',
    'lao.wang',
    'laowang@qq.com',
    // No QQ number starts with 0 or has fewer than 5 digits or more than 11.
    '01234567',
    '1234',
    '123456789012',
    'wxid_',
    '',
  ])('%s is none', (id) => {
    expect(isWeChatId(id)).toBe(false);
  });
});
