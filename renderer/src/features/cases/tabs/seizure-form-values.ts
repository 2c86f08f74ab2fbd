import dayjs, { type Dayjs } from 'dayjs';
import type { DrugCode } from '../../../../../electron/api/domain/drug-catalog';
import {
  decimalOf,
  type QuantityUnit,
  type WeightBasis,
} from '../../../../../electron/api/domain/quantity';
import type { SeizureRow } from '../../../../../electron/api/schemas/seizure-schemas';

/** The seizure form's fields (amounts as typed text). */
export interface SeizureFormValues {
  seizedAt: Dayjs;
  drugType: DrugCode;
  form?: string;
  quantityValue: string;
  quantityUnit: QuantityUnit;
  weightBasis?: WeightBasis;
  contentPerUnit?: string;
  purityPercent?: string;
  cashYuan?: string;
  fromEntityId?: string;
  locationEntityId?: string;
  place?: string;
  evidenceNo?: string;
  tools?: string;
  notes?: string;
}

/** The form's first values: the seizure being edited, or a new one (now, methamphetamine, net grams). */
export function seizureFormInitialValues(
  editing: SeizureRow | undefined,
): Partial<SeizureFormValues> {
  return editing
    ? {
        seizedAt: dayjs(editing.seizedAt),
        drugType: editing.drugType as DrugCode,
        form: editing.form ?? undefined,
        quantityValue: editing.quantityValue,
        quantityUnit: editing.quantityUnit,
        weightBasis: editing.weightBasis ?? undefined,
        contentPerUnit: editing.contentPerUnit ?? undefined,
        purityPercent:
          editing.purityBasisPoints !== null ? decimalOf(editing.purityBasisPoints, 2) : undefined,
        cashYuan: editing.cashFen !== null ? decimalOf(editing.cashFen, 2) : undefined,
        fromEntityId: editing.fromEntityId ?? undefined,
        locationEntityId: editing.locationEntityId ?? undefined,
        place: editing.place ?? undefined,
        evidenceNo: editing.evidenceNo ?? undefined,
        tools: editing.tools ?? undefined,
        notes: editing.notes ?? undefined,
      }
    : {
        seizedAt: dayjs(),
        drugType: 'methamphetamine',
        quantityUnit: 'g',
        weightBasis: 'net',
      };
}
