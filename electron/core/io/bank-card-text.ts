/**
 * How a payment platform's file (an Alipay 转账明细 or bill) prints a bank card among its
 * counterparts: a 转账到银行卡's or 提现's payee card, in full or masked, or a bill's 对方账号 or
 * 交易对方 naming one by its kind, its bank and its last digits. Such a counterpart is a bank
 * account, as the bank's own statement has it, not an account of the platform.
 */

/** A card in full: 16 to 19 digits (an Alipay user ID, 2088 and 12 digits, is none). */
const fullCard = /^(?!2088\d{12}$)\d{16,19}$/;

/**
 * A card masked but for its ends (622848******5312, 6228****5312): four digits or more before
 * the stars, where a masked phone (138****5678) has three.
 */
const maskedCard = /^\d{4,}[*＊]{2,}\d{4}$/;

/** A card by its kind, or by its bank and last digits: 储蓄卡(尾号1234), 招商银行(尾号1234). */
const cardWords = /储蓄卡|借记卡|信用卡|贷记卡|银行卡|银行[(（](?:尾号)?\d{4}[)）]/;

/** Whether the counterpart as the file prints it is a bank card. */
export function namesBankCard(text: string | null): boolean {
  if (!text) return false;
  const compact = text.replace(/[\s-]+/g, '');
  return fullCard.test(compact) || maskedCard.test(compact) || cardWords.test(compact);
}

/**
 * A card named only by its kind, its bank or its last digits (储蓄卡(尾号5678), 招商银行储蓄卡):
 * many people's cards read so, so it is no one account; kept as a masked number is, by the
 * name beside it or as this statement's own counterpart.
 */
export function cardByItsEnd(text: string): boolean {
  return namesBankCard(text) && !/\d{5,}/.test(text);
}
