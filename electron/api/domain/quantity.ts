/**
 * Exact quantities. What the user entered (a decimal string and a unit) is normalised to an
 * integer: milligrams for mass, millilitres for volume, a count for tablets. Integers add up
 * exactly, which totals per drug must (courts sentence by total weight).
 */
export const quantityUnits = [
  'mg',
  'g',
  'kg',
  't',
  'ml',
  'l',
  'tablet',
  'pill',
  'ampoule',
  'bottle',
  'plant',
  'mu',
] as const;
export type QuantityUnit = (typeof quantityUnits)[number];
/** Milligrams, millilitres, a count (片/粒/支/瓶/株), or thousandths of a 亩 (planted area). */
export const normalisedUnits = ['mg', 'ml', 'count', 'area'] as const;
export type NormalisedUnit = (typeof normalisedUnits)[number];
/** Units counted one by one: 片, 粒, 支, 瓶, 株. */
export const countUnits = ['tablet', 'pill', 'ampoule', 'bottle', 'plant'] as const;
export type CountUnit = (typeof countUnits)[number];
/** Whether a weighed quantity is net (净重, what courts count) or gross (毛重, with packaging). */
export const weightBases = ['net', 'gross'] as const;
export type WeightBasis = (typeof weightBases)[number];

/** Each unit as a power of ten of its normalised unit. */
const unitScale: Record<QuantityUnit, { base: NormalisedUnit; exponent: number }> = {
  mg: { base: 'mg', exponent: 0 },
  g: { base: 'mg', exponent: 3 },
  kg: { base: 'mg', exponent: 6 },
  t: { base: 'mg', exponent: 9 },
  ml: { base: 'ml', exponent: 0 },
  l: { base: 'ml', exponent: 3 },
  tablet: { base: 'count', exponent: 0 },
  pill: { base: 'count', exponent: 0 },
  ampoule: { base: 'count', exponent: 0 },
  bottle: { base: 'count', exponent: 0 },
  plant: { base: 'count', exponent: 0 },
  mu: { base: 'area', exponent: 3 },
};

type QuantityProblem = 'format' | 'notPositive' | 'tooPrecise' | 'tooLarge';

type NormalisedQuantity =
  { ok: true; value: number; unit: NormalisedUnit } | { ok: false; problem: QuantityProblem };

/**
 * 10,000 t (in mg), or 10,000 m³, or 10^13 tablets: above any real seizure (the largest seed
 * case is 178 t of nitrous oxide), and hundreds of such values still sum exactly below 2^53.
 */
const maximumNormalised = 10_000_000_000_000;

/** Parses "25.619" kg → 25 619 000 mg with integer arithmetic only (no floating point). */
export function normaliseQuantity(value: string, unit: QuantityUnit): NormalisedQuantity {
  const text = value.trim().normalize('NFKC').replace(/,/g, '');
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return { ok: false, problem: 'format' };
  const whole = match[1]!;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  const { base, exponent } = unitScale[unit];
  if (fraction.length > exponent) return { ok: false, problem: 'tooPrecise' };
  const digits = `${whole}${fraction.padEnd(exponent, '0')}`.replace(/^0+(?=\d)/, '');
  if (digits.length > 16 || Number(digits) > maximumNormalised)
    return { ok: false, problem: 'tooLarge' };
  const normalised = Number(digits);
  if (normalised <= 0) return { ok: false, problem: 'notPositive' };
  return { ok: true, value: normalised, unit: base };
}

/** Formats a normalised mass in grams or kilograms without rounding: 26000000 mg → "26 kg". */
export function formatMass(milligrams: number, unit: 'g' | 'kg'): string {
  const exponent = unit === 'kg' ? 6 : 3;
  return `${decimalOf(milligrams, exponent)} ${unit}`;
}

/** `integer / 10^exponent` as an exact decimal string, trailing zeros dropped. */
export function decimalOf(integer: number, exponent: number): string {
  const negative = integer < 0;
  const digits = String(Math.abs(integer)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Yuan as entered ("12.50") → fen (1250), exactly. */
export function yuanToFen(value: string): number | null {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim().replace(/,/g, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/**
 * A normalised total in the largest unit that keeps it exact and readable:
 * 26000000 mg → "26 kg", 118600 mg → "118.6 g", 1250 ml → "1.25 l".
 */
export function formatNormalised(
  total: number,
  unit: NormalisedUnit,
  countUnit?: CountUnit | null,
): { value: string; unit: QuantityUnit } {
  if (unit === 'count') return { value: String(total), unit: countUnit ?? 'tablet' };
  if (unit === 'area') return { value: decimalOf(total, 3), unit: 'mu' };
  if (unit === 'ml')
    return total >= 1_000
      ? { value: decimalOf(total, 3), unit: 'l' }
      : { value: String(total), unit: 'ml' };
  if (total >= 1_000_000_000) return { value: decimalOf(total, 9), unit: 't' };
  if (total >= 1_000_000) return { value: decimalOf(total, 6), unit: 'kg' };
  if (total >= 1_000) return { value: decimalOf(total, 3), unit: 'g' };
  return { value: String(total), unit: 'mg' };
}

/**
 * Content per unit as entered in milligrams ("50" mg/片, "0.4", "0.02" for 20 µg) → micrograms,
 * exactly; null when it is not a positive number with at most three decimals or above 100 g.
 */
export function contentToMicrograms(text: string): number | null {
  const match = /^(\d{1,6})(?:\.(\d{1,3}))?$/.exec(text.trim().normalize('NFKC'));
  if (!match) return null;
  const value = Number(match[1]) * 1_000 + Number((match[2] ?? '').padEnd(3, '0'));
  return value > 0 && value <= 100_000_000 ? value : null;
}

/** Purity as entered ("71.5", "71.5%") → basis points (7150), 0–100 % with at most two decimals. */
export function purityToBasisPoints(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?\s*%?$/.exec(text.trim());
  if (!match) return null;
  const value = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return value <= 10_000 ? value : null;
}
