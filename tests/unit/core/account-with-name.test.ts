import { describe, expect, it } from 'vitest';
import { accountWithName } from '../../../electron/core/io/account-with-name';

describe('an account and its holder in one cell', () => {
  it('splits a Chinese name either side of the number, apart or in brackets', () => {
    expect(
      [
        '6217000000000000601/韩某',
        '韩某/6217000000000000601',
        '韩某(6217 0000 0000 0000 601)',
        '6230000000000000602 尤某',
      ].map(accountWithName),
    ).toEqual([
      { account: '6217000000000000601', name: '韩某' },
      { account: '6217000000000000601', name: '韩某' },
      { account: '6217000000000000601', name: '韩某' },
      { account: '6230000000000000602', name: '尤某' },
    ]);
  });

  it('splits a name in Latin letters only where something sets it apart from the digits', () => {
    expect(
      [
        'AUNG KYAW/6217000000000000601',
        '6217000000000000601 / Somchai S.',
        '6217000000000000601（AUNG KYAW）',
        'JOHN SMITH 6217000000000000601',
        'FTN12345678',
        'POS 12345678',
        'ATM/6217000000000000601',
        'AUNG KYAW',
        '6217000000000000601',
      ].map(accountWithName),
    ).toEqual([
      { account: '6217000000000000601', name: 'AUNG KYAW' },
      { account: '6217000000000000601', name: 'Somchai S.' },
      { account: '6217000000000000601', name: 'AUNG KYAW' },
      { account: '6217000000000000601', name: 'JOHN SMITH' },
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
