import { describe, expect, it } from 'vitest';
import { creditCodeCheck, isCreditCode } from '../../../electron/api/domain/credit-code';
import { computeCheckCharacter } from '../../../electron/api/domain/resident-id';
import { holderDocumentOf } from '../../../electron/core/io/holder-document';
import { planImport } from '../../../electron/core/io/import-plan';
import type { TableFile } from '../../../electron/core/io/table-file';

const today = new Date('2026-12-01T00:00:00Z');
const id = (first17: string) => `${first17}${computeCheckCharacter(first17)}`;

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each([
    // Published codes of well-known companies: check characters a digit and letters.
    ['914403001922038216', true],
    ['91330100716105852F', true],
    ['91440300708461136T', true],
    ['91350100M000100Y43', true],
    ['914403001922038217', false],
    // I, O, S, V and Z are not in the code's alphabet.
    ['91440300708461136I', false],
    ['9144030070846113', false],
  ])('%s → %s', (code, valid) => {
    expect(isCreditCode(code)).toBe(valid);
  });

  it('computes the check over the first 17 characters, null for a character outside the alphabet', () => {
    expect(creditCodeCheck('91440300708461136')).toBe('T');
    expect(creditCodeCheck('9144030070846113O')).toBeNull();
  });
});

describe('the document a bank names an account holder by', () => {
  it('a resident ID, full-width or with a lower-case x, and a 15-digit one upgraded', () => {
    const number = id('53010219900101123');
    expect(holderDocumentOf(` ${number.toLowerCase()} `, today)).toEqual({
      kind: 'person',
      type: 'resident_id',
      number,
      birthDate: '1990-01-01',
      gender: 'male',
      regionCode: '530102',
      fifteenDigits: false,
    });
    expect(holderDocumentOf('５３２９０１７５０６０７１０２', today)).toMatchObject({
      kind: 'person',
      number: id('53290119750607102'),
      gender: 'female',
      fifteenDigits: true,
    });
  });

  it('港澳台居民居住证 and the foreign permanent resident ID by their prefixes', () => {
    expect(holderDocumentOf(id('81000019900101123'), today)).toMatchObject({
      kind: 'person',
      type: 'hmt_residence_permit',
    });
    expect(holderDocumentOf(id('93315619900101123'), today)).toMatchObject({
      kind: 'person',
      type: 'foreign_permanent_residence',
    });
  });

  it('a company by its credit code', () => {
    expect(holderDocumentOf('91330100716105852f', today)).toEqual({
      kind: 'organisation',
      number: '91330100716105852F',
    });
  });

  it.each([
    ['a wrong check digit', `${id('53010219900101123').slice(0, 17)}0`],
    ['a birth date in the future', id('53010220300101123')],
    ['a passport number', 'E12345678'],
    ['a 港澳通行证 number', 'H12345678'],
    ['a credit code with a wrong check', '91330100716105852G'],
    ['a masked number', '530102********1234'],
    ['nothing like one', '—'],
  ])('%s is not taken', (_, text) => {
    expect(holderDocumentOf(text, today)).toBeNull();
  });
});

describe('holder numbers on statement rows', () => {
  const header = [
    '交易卡号',
    '交易方户名',
    '交易方证件号码',
    '交易时间',
    '交易金额',
    '借贷标志',
    '对手账号',
    '对手户名',
    '对手身份证号',
  ];
  const plan = (rows: unknown[][]) =>
    planImport(
      {
        rows: [header, ...rows].map((cells, index) => ({ line: index + 1, cells })),
      } as TableFile,
      'transactions',
    );

  it('kept when they check; a number Excel cut, a failed check or a cash row’s left out, the row still good', () => {
    const good = id('53010219900101123');
    const result = plan([
      [
        '6222000011112222',
        '王某',
        good,
        '2026-04-01 08:00:00',
        '1',
        '借',
        '6217000033334444',
        '李某',
        '91330100716105852F',
      ],
      // Excel stored the ID as a number: its last digits are gone.
      [
        '6222000011112222',
        '王某',
        530102199001011000,
        '2026-04-01 09:00:00',
        '1',
        '借',
        '6217000033334444',
        '李某',
        `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`,
      ],
      ['6222000011112222', '王某', '', '2026-04-01 10:00:00', '1', '借', '', '', good],
    ]);
    expect(result.problems).toEqual([]);
    if (result.data.template !== 'transactions') throw new Error('not a statement');
    expect(
      result.data.records.map((record) => [record.accountIdNumber, record.counterpartIdNumber]),
    ).toEqual([
      [good, '91330100716105852F'],
      [null, null],
      [null, null],
    ]);
  });
});
