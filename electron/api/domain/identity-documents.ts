import {
  computeCheckCharacter,
  normaliseResidentId,
  parseResidentId,
  type ResidentIdProblem,
} from './resident-id';

/**
 * Identity documents a person can be recorded with, each checked by its own rule:
 * - 居民身份证 (GB 11643): 18 characters with a check digit; a first-generation 15-digit number
 *   is upgraded (19 inserted before the two-digit year, the check digit computed);
 * - 外国人永久居留身份证 (2023 edition): 18 characters starting with 9, region, nationality code,
 *   birth date and a GB 11643 check digit;
 * - 港澳台居民居住证: 18 characters starting with 810000 (Hong Kong), 820000 (Macao) or 830000
 *   (Taiwan), birth date, GB 11643 check digit;
 * - 港澳居民来往内地通行证: H or M and 8 digits (10 in the older issue);
 * - 台湾居民来往大陆通行证: 8 digits (10 in the older issue);
 * - 护照: Chinese passports E/G + 8 characters; foreign passports 5–17 letters and digits;
 * - 境外身份证件: another country's identity card, as the cross-border upstream carry them
 *   (缅甸 国民登记证 12/OUKAMA(N)123456, 越南 CCCD of 12 digits, 老挝 and 泰国 cards): 5–30
 *   letters, digits and the marks they are written with (/ ( ) -), at least four digits.
 */
export const identityDocumentTypes = [
  'resident_id',
  'foreign_permanent_residence',
  'hmt_residence_permit',
  'hk_macao_permit',
  'taiwan_permit',
  'passport',
  'foreign_id',
] as const;
export type IdentityDocumentType = (typeof identityDocumentTypes)[number];

type IdentityProblem = ResidentIdProblem | 'format';

interface IdentityFacts {
  /** What is stored: upper-case, half-width; a 15-digit ID upgraded to 18. */
  normalised: string;
  /** The 6-digit region (residence) code, for a 居民身份证. */
  regionCode: string | null;
  birthDate: string | null;
  gender: 'male' | 'female' | null;
  /** The 15-digit number it was upgraded from. */
  upgradedFrom: string | null;
}

type IdentityResult =
  | { ok: true; value: IdentityFacts }
  | { ok: false; problem: IdentityProblem; expectedCheck?: string };

/** 15-digit first-generation number → 18 digits: 19 inserted before the year, check computed. */
export function upgradeFifteenDigitId(fifteen: string): string | null {
  if (!/^\d{15}$/.test(fifteen)) return null;
  const first17 = `${fifteen.slice(0, 6)}19${fifteen.slice(6)}`;
  return `${first17}${computeCheckCharacter(first17)}`;
}

const none = { regionCode: null, birthDate: null, gender: null, upgradedFrom: null };

/** An 18-character number built like a resident ID (birth date, sex, check digit). */
function gbStructured(value: string, prefix: RegExp, today: Date): IdentityResult {
  if (value.length !== 18) return { ok: false, problem: 'length' };
  if (!prefix.test(value)) return { ok: false, problem: 'format' };
  const facts = birthAndSex(value);
  const date = new Date(`${facts.birthDate}T00:00:00Z`);
  if (
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== facts.birthDate ||
    facts.birthDate < '1900-01-01' ||
    facts.birthDate > today.toISOString().slice(0, 10)
  )
    return { ok: false, problem: 'birthDate' };
  const expected = computeCheckCharacter(value.slice(0, 17));
  if (value[17] !== expected) return { ok: false, problem: 'checkDigit', expectedCheck: expected };
  return { ok: true, value: { ...none, normalised: value, ...facts } };
}

function birthAndSex(value: string): { birthDate: string; gender: 'male' | 'female' } {
  return {
    birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
    gender: Number(value[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** Validates a document number by the rule of its type and reads what it carries. */
export function parseIdentityDocument(
  type: IdentityDocumentType,
  raw: string,
  today: Date = new Date(),
): IdentityResult {
  const value = normaliseResidentId(raw);
  switch (type) {
    case 'resident_id': {
      let upgradedFrom: string | null = null;
      let number = value;
      if (/^\d{15}$/.test(value)) {
        upgradedFrom = value;
        number = upgradeFifteenDigitId(value)!;
      }
      if (value.startsWith('8')) return { ok: false, problem: 'region' };
      const parsed = parseResidentId(number, today);
      if (!parsed.ok) return parsed;
      return { ok: true, value: { ...parsed.value, upgradedFrom } };
    }
    case 'foreign_permanent_residence':
      return gbStructured(value, /^9\d{16}[\dX]$/, today);
    case 'hmt_residence_permit':
      return gbStructured(value, /^8[123]0000\d{11}[\dX]$/, today);
    case 'hk_macao_permit':
      return /^[HM](\d{8}|\d{10})$/.test(value)
        ? { ok: true, value: { ...none, normalised: value } }
        : { ok: false, problem: 'format' };
    case 'taiwan_permit':
      return /^(\d{8}|\d{10})$/.test(value)
        ? { ok: true, value: { ...none, normalised: value } }
        : { ok: false, problem: 'format' };
    case 'passport':
      return /^[A-Z0-9]{5,17}$/.test(value) && /\d/.test(value)
        ? { ok: true, value: { ...none, normalised: value } }
        : { ok: false, problem: 'format' };
    case 'foreign_id':
      return /^[A-Z0-9][A-Z0-9/()-]{4,29}$/.test(value) && (value.match(/\d/g)?.length ?? 0) >= 4
        ? { ok: true, value: { ...none, normalised: value } }
        : { ok: false, problem: 'format' };
  }
}
