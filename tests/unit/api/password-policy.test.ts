import { describe, expect, it } from 'vitest';
import { checkPasswordStrength } from '../../../electron/api/domain/password-policy';

describe('password policy', () => {
  it.each([
    ['Abc#1234', null],
    ['abcd1234!', null],
    ['ABCD1234a', null],
    ['禁毒abc123', null],
    ['Abc#123', 'tooShort'],
    ['abcdefgh', 'tooSimple'],
    ['abcd1234', 'tooSimple'],
    ['ABCDEFGH!', 'tooSimple'],
    [`Aa1!${'x'.repeat(253)}`, 'tooLong'],
  ])('%s → %s', (password, problem) => {
    expect(checkPasswordStrength(password)).toBe(problem);
  });
});
