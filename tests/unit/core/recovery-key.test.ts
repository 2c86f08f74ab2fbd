import { describe, expect, it } from 'vitest';
import {
  generateRecoveryKey,
  isWellFormedRecoveryKey,
  normaliseRecoveryKey,
} from '../../../electron/core/vault/recovery-key';

describe('recovery keys', () => {
  it('are 8 groups of 4 Crockford base32 characters, different every time', () => {
    const keys = new Set(Array.from({ length: 200 }, generateRecoveryKey));
    expect(keys.size).toBe(200);
    for (const key of keys)
      expect(key).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('read back what people type: lower case, spaces, O for 0, I and L for 1', () => {
    expect(normaliseRecoveryKey('abcd efgh-ijkl mnop')).toBe('ABCDEFGH1JK1MN0P');
    expect(normaliseRecoveryKey('ｑｄｒｈ-y1mb')).toBe('QDRHY1MB');
    expect(isWellFormedRecoveryKey('qdrh y1mb xkva wnzx ffy5 qrz7 8zc2 p9p2')).toBe(true);
    expect(isWellFormedRecoveryKey('QDRH-Y1MB-XKVA')).toBe(false);
    expect(isWellFormedRecoveryKey('QDRH-Y1MB-XKVA-WNZX-FFY5-QRZ7-8ZC2-P9PU')).toBe(false);
  });
});
