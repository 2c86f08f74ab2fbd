import { describe, expect, it } from 'vitest';
import { isCaseNo, normaliseCaseNo } from '../../../electron/api/domain/case-number';
import { caseNoSchema } from '../../../electron/api/schemas/case-schemas';

const stored = '滨公（禁）立字〔2026〕15号';

describe('case numbers: one stored form for every way they are typed', () => {
  it.each([
    '滨公(禁)立字〔2026〕15号',
    '滨公（禁）立字[2026]15号',
    '滨公(禁)立字[2026]15号',
    '滨公（禁）立字〔2026〕15号',
    '滨公（禁）立字【2026】15号',
    '滨公（禁）立字［2026］15号',
    '滨公（禁）立字﹝2026﹞15号',
    '滨公（禁）立字〖2026〗15号',
    '滨公(禁)立字(2026)15号',
    '滨公（禁）立字（2026）15号',
    ' 滨公 (禁) 立字 [2026] 15 号 ',
    '滨公\u3000（禁）立字〔２０２６〕１５号',
    '滨公（禁)立字[2026〕15号',
  ])('%s → 滨公（禁）立字〔2026〕15号', (typed) => {
    expect(normaliseCaseNo(typed)).toBe(stored);
    expect(isCaseNo(normaliseCaseNo(typed))).toBe(true);
  });

  it('keeps the system form: upper-case ASCII, dashes, no spaces', () => {
    expect(normaliseCaseNo('a3301052026030015')).toBe('A3301052026030015');
    expect(normaliseCaseNo(' A3301 0520 2603 0015 ')).toBe('A3301052026030015');
    expect(normaliseCaseNo('Ａ３３０１－Ｓ０１')).toBe('A3301-S01');
    expect(normaliseCaseNo('A3301—S01')).toBe('A3301-S01');
    const aNumber = `A${'3'.repeat(22)}`;
    expect(normaliseCaseNo(aNumber.toLowerCase())).toBe(aNumber);
    expect(isCaseNo(aNumber)).toBe(true);
  });

  it('leaves a non-year parenthesis a parenthesis, and other offices’ numbers intact', () => {
    expect(normaliseCaseNo('京公禁立字[2025]3号')).toBe('京公禁立字〔2025〕3号');
    expect(normaliseCaseNo('公(禁)刑立字(2026)120号')).toBe('公（禁）刑立字〔2026〕120号');
    expect(normaliseCaseNo('滨公(禁)(二)立字[2026]7号')).toBe('滨公（禁）（二）立字〔2026〕7号');
  });

  it.each([
    ['A1', 'too short'],
    ['A3301#001', 'a sign'],
    ['滨公（禁）立字2026第15号', 'no bracketed year'],
    ['滨公（禁）立字〔2026〕号', 'no serial number'],
    ['滨公（禁）立字〔2026〕15', 'no 号'],
    ['〔2026〕15号', 'no issuing office'],
    ['滨公（禁）立字〔1850〕15号', 'not a year'],
    ['滨公（禁）立字〔2026〕1234567号', 'serial too long'],
    ['', 'empty'],
  ])('refuses %s (%s)', (typed) => {
    expect(isCaseNo(normaliseCaseNo(typed))).toBe(false);
    expect(caseNoSchema.safeParse(typed).success).toBe(false);
  });

  it('the schema stores the normalised form', () => {
    expect(caseNoSchema.parse('滨公(禁)立字[2026]15号')).toBe(stored);
    expect(caseNoSchema.parse('a3301-s01')).toBe('A3301-S01');
  });
});
