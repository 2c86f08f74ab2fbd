/**
 * Identifier formats: mobile and landline numbers, vehicle plates. Each parser normalises what
 * people type (spaces, dashes, the plate's middle dot, full-width characters) and says why a
 * value is refused.
 */

export type PhoneProblem = 'format';
export type PhoneResult =
  { ok: true; value: string; type: 'mobile' | 'landline' } | { ok: false; problem: PhoneProblem };

/** Mobile `^1[3-9]\d{9}$` (a +86 / 0086 prefix is dropped) or a landline with area code. */
export function parsePhone(raw: string): PhoneResult {
  const compact = raw
    .normalize('NFKC')
    .replace(/[\s()-]/g, '')
    .replace(/^(\+86|0086)/, '');
  if (/^1[3-9]\d{9}$/.test(compact)) return { ok: true, value: compact, type: 'mobile' };
  const landline = raw
    .normalize('NFKC')
    .trim()
    .replace(/[\s()]/g, '');
  if (/^0\d{2,3}-?\d{7,8}$/.test(landline)) {
    return { ok: true, value: landline.replace('-', ''), type: 'landline' };
  }
  return { ok: false, problem: 'format' };
}

const provinces = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
/** Letters used on plates: no I or O. */
const letter = 'A-HJ-NP-Z';
const ordinaryPlate = new RegExp(
  `^[${provinces}][${letter}][${letter}0-9]{4}[${letter}0-9挂学警港澳]$`,
);
/** New-energy plates have 6 characters after the city letter, with D or F first (small) or last (large). */
const newEnergyPlate = new RegExp(
  `^[${provinces}][${letter}](?:[DF][${letter}0-9]\\d{4}|\\d{5}[DF])$`,
);

export type PlateResult =
  { ok: true; value: string; newEnergy: boolean } | { ok: false; problem: 'format' };

/** 浙A·7M2Q8 → 浙A7M2Q8; refuses I and O, wrong lengths and unknown province characters. */
export function parsePlate(raw: string): PlateResult {
  const value = raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s·•.-]/g, '');
  if (newEnergyPlate.test(value)) return { ok: true, value, newEnergy: true };
  if (ordinaryPlate.test(value)) return { ok: true, value, newEnergy: false };
  return { ok: false, problem: 'format' };
}
