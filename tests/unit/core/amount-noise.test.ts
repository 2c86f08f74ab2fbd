import { describe, expect, it } from 'vitest';
import { parseSignedAmount } from '../../../electron/core/io/import-values';

describe('an amount a program printed as a whole double', () => {
  it.each([
    ['0.30000000000000004', 30],
    ['1000.3000000000001', 100_030],
    ['0.7999999999999999', 80],
    ['100.08999999999999', 10_009],
    ['-3.3000000000000003', -330],
    // %.17g's print of 0.3.
    ['0.29999999999999999', 30],
  ])('%s is %d fen', (text, fen) => {
    expect(parseSignedAmount(text)).toEqual({ ok: true, value: fen });
  });

  it.each([
    // A fraction of a fen, with or without noise after it.
    '0.305',
    '0.3050000000000001',
    '1000.0049999999999',
    // Digits a double holds: no print of 1234567890123.46.
    '1234567890123.456',
    // Too few digits to be a double's whole print.
    '0.3000001',
  ])('%s is refused', (text) => {
    expect(parseSignedAmount(text)).toEqual({ ok: false, problem: 'amount' });
  });

  it('in 万元 too: 1.2345000000000001 万元 is 12,345.00 元', () => {
    expect(parseSignedAmount('1.2345000000000001', 10_000)).toEqual({
      ok: true,
      value: 1_234_500,
    });
    expect(parseSignedAmount('1.2345678000000001', 10_000)).toEqual({
      ok: false,
      problem: 'amount',
    });
  });
});
