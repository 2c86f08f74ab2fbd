import { decimalOf } from '../domain/quantity';
import type { CountUnit, NormalisedUnit } from '../domain/quantity';
import { zonedDay } from '../domain/time-zone';

export type DocumentLanguage = 'zh-CN' | 'en';

/**
 * Figures as Chinese official documents write them: Arabic numerals, exact decimals (courts
 * sentence by total weight, so nothing is rounded), 千克/克, 万元 for large sums, and
 * dates as 2026年3月15日 (an instant on its calendar day in the workspace's zone).
 */
export function formatDate(iso: string | null, language: DocumentLanguage, zone: string): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(zonedDay(iso, zone));
  if (!match) return iso;
  const [, year, month, day] = match;
  return language === 'zh-CN'
    ? `${year}年${Number(month)}月${Number(day)}日`
    : `${year}-${month}-${day}`;
}

const unitNames = {
  'zh-CN': { t: '吨', kg: '千克', g: '克', mg: '毫克', l: '升', ml: '毫升', count: '粒', mu: '亩' },
  en: { t: 't', kg: 'kg', g: 'g', mg: 'mg', l: 'l', ml: 'ml', count: 'tablets', mu: 'mu' },
} as const;
const countNames: Record<DocumentLanguage, Record<CountUnit, string>> = {
  'zh-CN': { tablet: '片', pill: '粒', ampoule: '支', bottle: '瓶', plant: '株' },
  en: { tablet: 'tablets', pill: 'pills', ampoule: 'ampoules', bottle: 'bottles', plant: 'plants' },
};

/**
 * A normalised total in the unit a briefing uses: kilograms from one kilogram up (25619000 mg →
 * "25.619 千克"), grams below (118600 mg → "118.6 克"), litres or millilitres, tablets.
 */
export function formatQuantity(
  total: number,
  unit: NormalisedUnit,
  language: DocumentLanguage,
  countUnit?: CountUnit | null,
): string {
  const names = unitNames[language];
  if (unit === 'count')
    return `${total} ${countUnit ? countNames[language][countUnit] : names.count}`;
  if (unit === 'area') return `${decimalOf(total, 3)} ${names.mu}`;
  if (unit === 'ml')
    return total >= 1_000 ? `${decimalOf(total, 3)} ${names.l}` : `${total} ${names.ml}`;
  if (total >= 1_000_000) return `${decimalOf(total, 6)} ${names.kg}`;
  if (total >= 1_000) return `${decimalOf(total, 3)} ${names.g}`;
  return `${total} ${names.mg}`;
}

/** Money in fen: "12.35 万元" from ten thousand yuan up, else "8500 元"; exact, never rounded. */
export function formatMoney(fen: number, language: DocumentLanguage): string {
  if (language === 'en') return `¥${decimalOf(fen, 2)}`;
  return fen >= 1_000_000 ? `${decimalOf(fen, 6)} 万元` : `${decimalOf(fen, 2)} 元`;
}

/** Milligrams as kilograms, exactly, for statistics columns ("25.619"). */
export function kilograms(milligrams: number): string {
  return decimalOf(milligrams, 6);
}
