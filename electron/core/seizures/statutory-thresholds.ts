import type { DrugCode } from '../../api/domain/drug-catalog';

/**
 * Statutory quantity thresholds for drug offences, in milligrams.
 *
 * Sources:
 * - 《中华人民共和国刑法》第三百四十七条 (opium 1,000 g / 200 g; heroin and methamphetamine
 *   50 g / 10 g) and 第三百四十八条 (possession below 数量较大 is not a crime);
 * - 《最高人民法院关于审理毒品犯罪案件适用法律若干问题的解释》（法释〔2016〕8号）第一条
 *   (数量大) and 第二条 (数量较大), for the other drugs.
 * Quantities are not converted by purity (刑法第三百五十七条). Drugs without a figure here
 * (nitrous oxide, precursor chemicals, NPS without a listed figure) have no statutory tier:
 * 笑气 is a hazardous chemical, not a narcotic, and precursors fall under other provisions.
 *
 * `large` is 数量大 (≥), `relativelyLarge` is 数量较大 (≥); both inclusive.
 */
export interface Threshold {
  large: number;
  relativelyLarge: number;
  /** The clause the figures come from, for the briefing's footnote. */
  source: string;
}

const g = 1_000;
const kg = 1_000_000;
const interpretation = '法释〔2016〕8号';

export const statutoryThresholds: Partial<Record<DrugCode, Threshold>> = {
  opium: { large: 1_000 * g, relativelyLarge: 200 * g, source: '刑法第347条' },
  heroin: { large: 50 * g, relativelyLarge: 10 * g, source: '刑法第347条' },
  methamphetamine: { large: 50 * g, relativelyLarge: 10 * g, source: '刑法第347条' },
  // 麻古 are methamphetamine tablets: weighed and counted as methamphetamine.
  methamphetamine_tablets: { large: 50 * g, relativelyLarge: 10 * g, source: '刑法第347条' },
  cocaine: {
    large: 50 * g,
    relativelyLarge: 10 * g,
    source: `${interpretation} 第1条第1项、第2条第1项`,
  },
  mdma: {
    large: 100 * g,
    relativelyLarge: 20 * g,
    source: `${interpretation} 第1条第2项、第2条第2项`,
  },
  morphine: {
    large: 100 * g,
    relativelyLarge: 20 * g,
    source: `${interpretation} 第1条第2项、第2条第2项`,
  },
  fentanyl: {
    large: 125 * g,
    relativelyLarge: 25 * g,
    source: `${interpretation} 第1条第3项、第2条第3项`,
  },
  methcathinone: {
    large: 200 * g,
    relativelyLarge: 40 * g,
    source: `${interpretation} 第1条第4项、第2条第4项`,
  },
  ketamine: {
    large: 500 * g,
    relativelyLarge: 100 * g,
    source: `${interpretation} 第1条第7项、第2条第7项`,
  },
  methadone: {
    large: 1 * kg,
    relativelyLarge: 200 * g,
    source: `${interpretation} 第1条第8项、第2条第8项`,
  },
  tramadol: {
    large: 2 * kg,
    relativelyLarge: 400 * g,
    source: `${interpretation} 第1条第9项、第2条第9项`,
  },
  ghb: {
    large: 2 * kg,
    relativelyLarge: 400 * g,
    source: `${interpretation} 第1条第9项、第2条第9项`,
  },
  cannabis_oil: {
    large: 5 * kg,
    relativelyLarge: 1 * kg,
    source: `${interpretation} 第1条第10项、第2条第10项`,
  },
  cannabis_resin: {
    large: 10 * kg,
    relativelyLarge: 2 * kg,
    source: `${interpretation} 第1条第10项、第2条第10项`,
  },
  cannabis_leaf: {
    large: 150 * kg,
    relativelyLarge: 30 * kg,
    source: `${interpretation} 第1条第10项、第2条第10项`,
  },
  annaka: {
    large: 250 * kg,
    relativelyLarge: 50 * kg,
    source: `${interpretation} 第1条第15项、第2条第15项`,
  },
};

/** 数量大 / 数量较大 / below 数量较大 / no statutory figure (or not a mass). */
export type StatutoryTier = 'large' | 'relativelyLarge' | 'belowRelativelyLarge' | 'notApplicable';

export function statutoryTier(
  drug: string,
  total: number,
  unit: 'mg' | 'ml' | 'count',
): StatutoryTier {
  const threshold = statutoryThresholds[drug as DrugCode];
  if (!threshold || unit !== 'mg') return 'notApplicable';
  if (total >= threshold.large) return 'large';
  if (total >= threshold.relativelyLarge) return 'relativelyLarge';
  return 'belowRelativelyLarge';
}
