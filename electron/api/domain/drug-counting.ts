import { catalogueEntry, figuresOf, substanceOf, type StatutoryFigures } from './drug-catalog';
import type { NormalisedUnit, WeightBasis } from './quantity';

/**
 * How courts count a quantity (法释〔2016〕8号, 刑法第357条): by net weight, not converted by
 * purity; standard-specification medicines by their drug content; forms of one substance added
 * up as that substance; several acts cumulated per person.
 */

/**
 * 数量大 / 数量较大 / below / no figure set / content still to be entered / net weight still to
 * be entered (the tier reached only by a gross weight, packaging included: courts count net).
 */
export const statutoryTiers = [
  'large',
  'relativelyLarge',
  'belowRelativelyLarge',
  'notApplicable',
  'contentRequired',
  'netWeightRequired',
] as const;
type StatutoryTier = (typeof statutoryTiers)[number];

/** Figures in the normalised unit (milligrams, or plants for 株). */
interface Thresholds {
  large: number;
  relativelyLarge: number;
  source: string;
}

const figureScale: Record<StatutoryFigures['unit'], number> = {
  mg: 1,
  g: 1_000,
  kg: 1_000_000,
  plant: 1,
};

/** The statutory figures of a code's substance in milligrams (or plants), or null. */
export function thresholdsOf(code: string): Thresholds | null {
  const figures = figuresOf(code);
  if (!figures) return null;
  const scale = figureScale[figures.unit];
  return {
    large: figures.large * scale,
    relativelyLarge: figures.relativelyLarge * scale,
    source: figures.source,
  };
}

export interface CountableSeizure {
  drugType: string;
  quantityNormalised: number;
  normalisedUnit: NormalisedUnit;
  quantityUnit: string;
  /** Drug content per unit (片, 支, 瓶, ml), in micrograms, when entered. */
  contentMicrograms: number | null;
  /** 净重 or 毛重 for a weighed quantity; absent or null when not stated. */
  weightBasis?: WeightBasis | null;
}

/** Whether a seizure's counted quantity is a gross weight (毛重, packaging included). */
function isGross(seizure: CountableSeizure): boolean {
  return seizure.weightBasis === 'gross' && seizure.normalisedUnit === 'mg';
}

/**
 * The quantity a seizure counts for toward its substance's tier: milligrams of drug (plants for
 * 罂粟 in 株), or null when it cannot be counted yet (a medicine or a count without its content).
 * Content × count is rounded down to the milligram, in the suspect's favour.
 */
export function countedQuantity(seizure: CountableSeizure): number | null {
  const figures = figuresOf(seizure.drugType);
  if (figures?.unit === 'plant')
    return seizure.quantityUnit === 'plant' ? seizure.quantityNormalised : null;
  const entry = catalogueEntry(seizure.drugType);
  if (seizure.normalisedUnit === 'count' || seizure.normalisedUnit === 'ml') {
    if (seizure.contentMicrograms === null) return null;
    return Math.floor((seizure.quantityNormalised * seizure.contentMicrograms) / 1_000);
  }
  if (seizure.normalisedUnit === 'mg') return entry?.medicine ? null : seizure.quantityNormalised;
  return null;
}

/**
 * The tier of a substance's total. Quantities still uncounted (content missing) cannot lower a
 * tier already reached, so 数量大 stands; below it the tier waits for the content. `gross` is the
 * part of `counted` weighed gross (毛重): net is at most that, so a tier it alone reaches waits
 * for the net weight (需录入净重) rather than being claimed on packaging.
 */
export function tierOf(code: string, counted: number, uncounted: number, gross = 0): StatutoryTier {
  const thresholds = thresholdsOf(code);
  if (!thresholds) return 'notApplicable';
  const tierAt = (amount: number): StatutoryTier =>
    amount >= thresholds.large
      ? 'large'
      : amount >= thresholds.relativelyLarge
        ? 'relativelyLarge'
        : 'belowRelativelyLarge';
  const sure = tierAt(counted - gross);
  if (sure === 'large') return 'large';
  if (uncounted > 0) return 'contentRequired';
  return tierAt(counted) === sure ? sure : 'netWeightRequired';
}

interface SubstanceTotal {
  substance: string;
  /** The forms recorded (冰毒, 麻古 …), in catalogue order. */
  forms: string[];
  counted: number;
  /** Seizures that cannot be counted until their content is entered. */
  uncounted: number;
  /** The part of `counted` weighed gross (毛重). */
  grossWeighed: number;
  tier: StatutoryTier;
  thresholds: Thresholds | null;
}

/** Seizures added up by substance, each form still named, with the tier of the combined amount. */
export function substanceTotals(seizures: readonly CountableSeizure[]): SubstanceTotal[] {
  const totals = new Map<string, SubstanceTotal>();
  for (const seizure of seizures) {
    const substance = substanceOf(seizure.drugType);
    let total = totals.get(substance);
    if (!total) {
      total = {
        substance,
        forms: [],
        counted: 0,
        uncounted: 0,
        grossWeighed: 0,
        tier: 'notApplicable',
        thresholds: null,
      };
      totals.set(substance, total);
    }
    if (!total.forms.includes(seizure.drugType)) total.forms.push(seizure.drugType);
    const counted = countedQuantity(seizure);
    if (counted === null) total.uncounted += 1;
    else {
      total.counted += counted;
      if (isGross(seizure)) total.grossWeighed += counted;
    }
  }
  return [...totals.values()]
    .map((total) => ({
      ...total,
      forms: total.forms.sort(),
      tier: tierOf(total.substance, total.counted, total.uncounted, total.grossWeighed),
      thresholds: thresholdsOf(total.substance),
    }))
    .sort((a, b) => a.substance.localeCompare(b.substance));
}

type ImplausibleReason =
  'massOverOneTonne' | 'medicineOverTenKilograms' | 'countOverMillion' | 'contentOverOneGram';

/**
 * Entries a typing slip would produce (an extra zero, kg for g): over 1 t of a drug in one
 * seizure, over 10 kg of a medicine, over a million tablets, over 1 g of content per unit.
 * The form asks for confirmation; core refuses them unconfirmed.
 */
export function implausibility(seizure: CountableSeizure): ImplausibleReason | null {
  const entry = catalogueEntry(seizure.drugType);
  if (entry?.kind !== 'narcotic') return null;
  if (seizure.normalisedUnit === 'mg') {
    if (entry.medicine && seizure.quantityNormalised > 10_000_000)
      return 'medicineOverTenKilograms';
    if (seizure.quantityNormalised > 1_000_000_000) return 'massOverOneTonne';
  }
  if (seizure.normalisedUnit === 'count' && seizure.quantityNormalised > 1_000_000)
    return 'countOverMillion';
  if (seizure.contentMicrograms !== null && seizure.contentMicrograms > 1_000_000)
    return 'contentOverOneGram';
  return null;
}
