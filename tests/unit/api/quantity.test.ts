import { describe, expect, it } from 'vitest';
import {
  decimalOf,
  formatMass,
  normaliseQuantity,
  yuanToFen,
} from '../../../electron/api/domain/quantity';

describe('exact quantities', () => {
  it.each([
    ['25.619', 'kg', 25_619_000, 'mg'],
    ['381', 'g', 381_000, 'mg'],
    ['0.5', 'g', 500, 'mg'],
    ['12', 'mg', 12, 'mg'],
    ['178', 't', 178_000_000_000, 'mg'],
    ['10000', 't', 10_000_000_000_000, 'mg'],
    ['1.250', 'l', 1_250, 'ml'],
    ['30', 'ml', 30, 'ml'],
    ['1200', 'tablet', 1_200, 'count'],
    ['1,200', 'tablet', 1_200, 'count'],
    ['００７.５', 'g', 7_500, 'mg'],
  ] as const)('%s %s → %i %s', (value, unit, normalised, base) => {
    expect(normaliseQuantity(value, unit)).toEqual({ ok: true, value: normalised, unit: base });
  });

  it('adds 25.619 kg and 381 g to exactly 26 kg', () => {
    const a = normaliseQuantity('25.619', 'kg');
    const b = normaliseQuantity('381', 'g');
    if (!a.ok || !b.ok) throw new Error('unexpected');
    expect(formatMass(a.value + b.value, 'kg')).toBe('26 kg');
  });

  it('adds a thousand 0.1 g packets to exactly 100 g (no floating point drift)', () => {
    const packet = normaliseQuantity('0.1', 'g');
    if (!packet.ok) throw new Error('unexpected');
    expect(formatMass(packet.value * 1000, 'g')).toBe('100 g');
  });

  it.each([
    ['-1', 'g', 'format'],
    ['abc', 'g', 'format'],
    ['1e3', 'g', 'format'],
    ['', 'g', 'format'],
    ['0', 'g', 'notPositive'],
    ['0.000', 'kg', 'notPositive'],
    ['0.0001', 'g', 'tooPrecise'],
    ['1.5', 'tablet', 'tooPrecise'],
    ['10000.001', 't', 'tooLarge'],
    ['10000000000001', 'mg', 'tooLarge'],
    ['99999999999999999999', 'mg', 'tooLarge'],
  ] as const)('refuses %s %s (%s)', (value, unit, problem) => {
    expect(normaliseQuantity(value, unit)).toEqual({ ok: false, problem });
  });

  it('writes exact decimals', () => {
    expect(decimalOf(25_619_000, 6)).toBe('25.619');
    expect(decimalOf(5, 3)).toBe('0.005');
    expect(decimalOf(1_000, 3)).toBe('1');
    expect(decimalOf(-1_050, 2)).toBe('-10.5');
  });

  it('converts yuan to fen exactly', () => {
    expect(yuanToFen('386500')).toBe(38_650_000);
    expect(yuanToFen('12.5')).toBe(1_250);
    expect(yuanToFen('0.01')).toBe(1);
    expect(yuanToFen('1,000.99')).toBe(100_099);
    expect(yuanToFen('1.001')).toBeNull();
    expect(yuanToFen('-3')).toBeNull();
  });
});
