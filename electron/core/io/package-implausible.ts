import { implausibility } from '../../api/domain/drug-counting';
import {
  contentToMicrograms,
  normaliseQuantity,
  quantityUnits,
  type QuantityUnit,
} from '../../api/domain/quantity';
import type { CaseSnapshot } from './case-snapshot';

/** A seizure of the package whose quantity manual entry would ask to confirm. */
export interface ImplausibleSeizure {
  /** Counted from 1, as the refusal names it. */
  row: number;
  drugType: string;
  quantity: string;
  evidenceNo: string | null;
}

/**
 * The package's seizures over a plausible quantity (over a tonne of a drug, a million tablets,
 * more than a gram of drug per tablet), by the rule manual entry asks a confirmation by. A
 * quantity that is no quantity is not listed: the entry rules refuse it.
 */
export function implausibleSeizures(seizures: CaseSnapshot['seizures']): ImplausibleSeizure[] {
  const found: ImplausibleSeizure[] = [];
  for (const [index, seizure] of seizures.entries()) {
    const value = seizure['quantityValue'];
    const unit = seizure['quantityUnit'];
    const drugType = seizure['drugType'];
    if (
      typeof value !== 'string' ||
      !quantityUnits.includes(unit as QuantityUnit) ||
      typeof drugType !== 'string'
    )
      continue;
    const quantity = normaliseQuantity(value, unit as QuantityUnit);
    if (!quantity.ok) continue;
    const content = seizure['contentPerUnit'];
    const reason = implausibility({
      drugType,
      quantityNormalised: quantity.value,
      normalisedUnit: quantity.unit,
      quantityUnit: unit as QuantityUnit,
      contentMicrograms:
        typeof content === 'string' && content ? contentToMicrograms(content) : null,
    });
    if (reason)
      found.push({
        row: index + 1,
        drugType,
        quantity: `${value} ${unit}`,
        evidenceNo: typeof seizure['evidenceNo'] === 'string' ? seizure['evidenceNo'] : null,
      });
  }
  return found;
}
