import { describe, expect, it } from 'vitest';
import { cardByItsEnd, namesBankCard } from '../../../electron/core/io/bank-card-text';

describe('a bank card as a payment platform prints it', () => {
  it('is a card in full, masked with four digits or more before the stars, or by its kind', () => {
    const said = [
      '6228480398271645312',
      '6228 4803 9827 1645',
      '622848******5312',
      '6228****5312',
      '储蓄卡(尾号1234)',
      '招商银行储蓄卡',
      '招商银行信用卡(1234)',
      '招商银行(尾号1234)',
      // Not cards: an Alipay user ID, a masked phone and e-mail, a login, a name, a bank alone.
      '2088012345678901',
      '138****5678',
      'zh***@163.com',
      '13812345678',
      '王某',
      '招商银行',
      null,
    ].map((text) => `${text} ${namesBankCard(text)}`);
    expect(said).toEqual([
      '6228480398271645312 true',
      '6228 4803 9827 1645 true',
      '622848******5312 true',
      '6228****5312 true',
      '储蓄卡(尾号1234) true',
      '招商银行储蓄卡 true',
      '招商银行信用卡(1234) true',
      '招商银行(尾号1234) true',
      '2088012345678901 false',
      '138****5678 false',
      'zh***@163.com false',
      '13812345678 false',
      '王某 false',
      '招商银行 false',
      'null false',
    ]);
  });

  it('names no one card where only its kind, bank or end is given', () => {
    expect(
      ['储蓄卡(尾号1234)', '招商银行储蓄卡', '6228****5312', '6228480398271645312', '王某'].map(
        cardByItsEnd,
      ),
    ).toEqual([true, true, true, false, false]);
  });
});
