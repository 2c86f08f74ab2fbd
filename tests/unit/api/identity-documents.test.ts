import { describe, expect, it } from 'vitest';
import {
  parseIdentityDocument,
  upgradeFifteenDigitId,
} from '../../../electron/api/domain/identity-documents';
import { computeCheckCharacter } from '../../../electron/api/domain/resident-id';
import { regionName } from '../../../electron/core/entities/region-names';

const today = new Date('2026-12-02T00:00:00Z');
const withCheck = (first17: string) => `${first17}${computeCheckCharacter(first17)}`;

describe('identity documents, each by its own rule', () => {
  it('upgrades a 15-digit resident ID: 19 before the year, check digit computed', () => {
    // 330105 850614 285 → 330105 19850614 285 + check.
    expect(upgradeFifteenDigitId('330105850614285')).toBe(withCheck('33010519850614285'));
    const parsed = parseIdentityDocument('resident_id', '330105850614285', today);
    expect(parsed).toEqual({
      ok: true,
      value: {
        normalised: withCheck('33010519850614285'),
        regionCode: '330105',
        birthDate: '1985-06-14',
        gender: 'male',
        upgradedFrom: '330105850614285',
      },
    });
    expect(parseIdentityDocument('resident_id', '330105851314285', today)).toEqual({
      ok: false,
      problem: 'birthDate',
    });
  });

  it('checks an 18-digit resident ID by GB 11643 and refuses a 港澳台 number as one', () => {
    const good = withCheck('11010119900307451');
    expect(parseIdentityDocument('resident_id', good.toLowerCase(), today)).toMatchObject({
      ok: true,
      value: { normalised: good, birthDate: '1990-03-07', gender: 'male' },
    });
    const wrong = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    expect(parseIdentityDocument('resident_id', wrong, today)).toEqual({
      ok: false,
      problem: 'checkDigit',
      expectedCheck: good[17],
    });
    expect(parseIdentityDocument('resident_id', withCheck('81000019900307452'), today)).toEqual({
      ok: false,
      problem: 'region',
    });
  });

  it('外国人永久居留身份证 starts with 9 and carries birth date and check digit', () => {
    const card = withCheck('93115619850101002');
    expect(parseIdentityDocument('foreign_permanent_residence', card, today)).toMatchObject({
      ok: true,
      value: { normalised: card, birthDate: '1985-01-01', gender: 'female' },
    });
    expect(
      parseIdentityDocument('foreign_permanent_residence', withCheck('13115619850101002'), today),
    ).toEqual({ ok: false, problem: 'format' });
  });

  it('港澳台居民居住证 starts with 810000 / 820000 / 830000', () => {
    const hk = withCheck('81000019920815123');
    expect(parseIdentityDocument('hmt_residence_permit', hk, today)).toMatchObject({
      ok: true,
      value: { birthDate: '1992-08-15', gender: 'male' },
    });
    expect(
      parseIdentityDocument('hmt_residence_permit', withCheck('84000019920815123'), today),
    ).toEqual({ ok: false, problem: 'format' });
  });

  it.each([
    ['hk_macao_permit', 'H12345678', true],
    ['hk_macao_permit', 'm1234567890', true],
    ['hk_macao_permit', 'X12345678', false],
    ['taiwan_permit', '12345678', true],
    ['taiwan_permit', '1234567', false],
    ['passport', 'E12345678', true],
    ['passport', 'MA1234567', true],
    ['passport', 'ABCDEFG', false],
    ['passport', 'E1', false],
  ] as const)('%s %s → %s', (type, number, ok) => {
    expect(parseIdentityDocument(type, number, today).ok).toBe(ok);
  });

  it('derives 户籍地 from the region code with the division table', () => {
    expect(regionName('330105')).toBe('浙江省杭州市拱墅区');
    expect(regionName('110101')).toBe('北京市东城区');
    expect(regionName('999999')).toBeNull();
  });
});
