/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 0–9 and the capitals without I, O, S, V
 * and Z; the last is a check character over the first 17 (weights 3^i mod 31).
 */
const characters = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of a code's first 17 characters, or null when one is not allowed. */
export function creditCodeCheck(first17: string): string | null {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    const value = characters.indexOf(first17[index] ?? '');
    if (value < 0) return null;
    sum += value * weights[index]!;
  }
  return characters[(31 - (sum % 31)) % 31]!;
}

/** Whether a normalised value (upper case, no spaces) is a credit code with its check right. */
export function isCreditCode(value: string): boolean {
  return value.length === 18 && creditCodeCheck(value.slice(0, 17)) === value[17];
}
