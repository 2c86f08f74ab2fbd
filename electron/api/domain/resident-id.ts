/**
 * Resident identity card number (居民身份证号码), GB 11643-1999.
 * 17 digits (6 region, 8 birth date, 3 sequence) and a check character computed with
 * ISO 7064 MOD 11-2. The sequence's last digit is odd for men and even for women.
 */

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkCharacters = '10X98765432';

/** Province-level codes in use (GB/T 2260), plus 83 used on residence permits for Taiwan residents. */
const provinceCodes = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64',
  '65', '71', '81', '82', '83',
]); // prettier-ignore

export type ResidentIdProblem = 'length' | 'characters' | 'region' | 'birthDate' | 'checkDigit';

interface ResidentIdFacts {
  /** Upper-case, half-width form: what is stored. */
  normalised: string;
  regionCode: string;
  /** ISO date, YYYY-MM-DD. */
  birthDate: string;
  gender: 'male' | 'female';
}

type ResidentIdResult =
  | { ok: true; value: ResidentIdFacts }
  | { ok: false; problem: ResidentIdProblem; expectedCheck?: string };

/** Full-width digits and a lower-case x are what IMEs and scans produce; accept them. */
export function normaliseResidentId(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export function computeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * weights[i]!;
  return checkCharacters[sum % 11]!;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * A first-generation (15-digit) number in its 18-digit form, as GB 11643-1999 upgrades it: the
 * century 19 put before the 2-digit birth year and the check character added. Old records and
 * 吸毒人员 files still carry them; the same person must match the new card.
 */
function upgradedFirstGeneration(value: string): string {
  if (!/^\d{15}$/.test(value)) return value;
  const first17 = `${value.slice(0, 6)}19${value.slice(6)}`;
  return first17 + computeCheckCharacter(first17);
}

/**
 * Validates a resident ID number and reads birth date and sex from it; a 15-digit
 * first-generation number is taken in its 18-digit form.
 */
export function parseResidentId(raw: string, today: Date = new Date()): ResidentIdResult {
  const value = upgradedFirstGeneration(normaliseResidentId(raw));
  if (value.length !== 18) return { ok: false, problem: 'length' };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'characters' };
  if (!provinceCodes.has(value.slice(0, 2))) return { ok: false, problem: 'region' };

  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const todayIso = today.toISOString().slice(0, 10);
  if (year < 1900 || !isRealDate(year, month, day) || birthDate > todayIso) {
    return { ok: false, problem: 'birthDate' };
  }

  const expected = computeCheckCharacter(value.slice(0, 17));
  if (value[17] !== expected) return { ok: false, problem: 'checkDigit', expectedCheck: expected };

  return {
    ok: true,
    value: {
      normalised: value,
      regionCode: value.slice(0, 6),
      birthDate,
      gender: Number(value[16]) % 2 === 1 ? 'male' : 'female',
    },
  };
}

/** Masks the middle of an ID number for display in briefings: 1501**********1234. */
export function maskResidentId(value: string): string {
  if (value.length <= 8) return value;
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}
