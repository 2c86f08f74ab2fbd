import { describe, expect, it } from 'vitest';
import {
  computeCheckCharacter,
  maskResidentId,
  normaliseResidentId,
  parseResidentId,
} from '../../../electron/api/domain/resident-id';

const today = new Date('2026-11-23T00:00:00Z');

describe('GB 11643 resident ID numbers', () => {
  it('computes the check character with the standard weights', () => {
    // The example in GB 11643-1999 appendix: 11010519491231002X.
    expect(computeCheckCharacter('11010519491231002')).toBe('X');
    expect(computeCheckCharacter('44052419800101001')).toBe('3');
    expect(computeCheckCharacter('53010219830927137')).toBe('7');
  });

  it('reads birth date and sex from a valid number', () => {
    expect(parseResidentId('11010519491231002X', today)).toEqual({
      ok: true,
      value: {
        normalised: '11010519491231002X',
        regionCode: '110105',
        birthDate: '1949-12-31',
        gender: 'female',
      },
    });
    expect(parseResidentId('440524198001010013', today)).toEqual({
      ok: true,
      value: {
        normalised: '440524198001010013',
        regionCode: '440524',
        birthDate: '1980-01-01',
        gender: 'male',
      },
    });
  });

  it('accepts what IMEs produce: full-width digits, a lower-case x, spaces', () => {
    expect(normaliseResidentId(' １１０１０５ １９４９１２３１００２ｘ ')).toBe(
      '11010519491231002X',
    );
    expect(parseResidentId('11010519491231002x', today).ok).toBe(true);
  });

  it('takes a first-generation 15-digit number in its 18-digit form', () => {
    expect(parseResidentId('110105491231002', today)).toEqual(
      parseResidentId('11010519491231002X', today),
    );
    expect(parseResidentId('440524800101001', today)).toMatchObject({
      ok: true,
      value: { normalised: '440524198001010013', birthDate: '1980-01-01', gender: 'male' },
    });
    // Its date is checked like any other: 30 February.
    expect(parseResidentId('110105490230002', today)).toMatchObject({
      ok: false,
      problem: 'birthDate',
    });
  });

  it.each([
    ['1101051949123100', 'length'],
    ['11010519491231', 'length'],
    ['11010549123100X', 'length'],
    ['11010519491231002XX', 'length'],
    ['11010519491231002Y', 'characters'],
    ['1101051949123X002X', 'characters'],
    ['00010519491231002X', 'region'],
    ['990105194912310025', 'region'],
    ['110105194902300023', 'birthDate'],
    ['110105189912310020', 'birthDate'],
    ['110105202701010010', 'birthDate'],
    ['110105194912310021', 'checkDigit'],
  ])('refuses %s (%s)', (value, problem) => {
    const result = parseResidentId(value, today);
    expect(result).toMatchObject({ ok: false, problem });
  });

  it('tells the right check digit when only it is wrong', () => {
    expect(parseResidentId('110105194912310021', today)).toEqual({
      ok: false,
      problem: 'checkDigit',
      expectedCheck: 'X',
    });
  });

  it('accepts a birth date of today but not tomorrow', () => {
    const first17Today = '11010520261123001';
    const todayId = `${first17Today}${computeCheckCharacter(first17Today)}`;
    expect(parseResidentId(todayId, today).ok).toBe(true);
    const first17Tomorrow = '11010520261124001';
    expect(
      parseResidentId(`${first17Tomorrow}${computeCheckCharacter(first17Tomorrow)}`, today),
    ).toMatchObject({
      problem: 'birthDate',
    });
  });

  it('masks all but the first and last four characters', () => {
    expect(maskResidentId('150102198001011234')).toBe('1501**********1234');
  });
});
