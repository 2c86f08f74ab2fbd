import { Form, type FormInstance } from 'antd';
import { catalogueEntry, mixtureGuidance } from '../../../../../electron/api/domain/drug-catalog';
import { countedQuantity } from '../../../../../electron/api/domain/drug-counting';
import {
  contentToMicrograms,
  normaliseQuantity,
} from '../../../../../electron/api/domain/quantity';
import type { SeizureFormValues } from './seizure-form-values';

/**
 * What the seizure form knows of the amount as it is typed: the exact normalised quantity, the
 * counted amount of pills or ampoules (when their content is given), whether to ask for that
 * content, and the drug's catalogue entry with its mixture guidance.
 */
export function useSeizureQuantity(form: FormInstance<SeizureFormValues>) {
  const value = Form.useWatch('quantityValue', form);
  const unit = Form.useWatch('quantityUnit', form);
  const drugType = Form.useWatch('drugType', form);
  const weightBasis = Form.useWatch('weightBasis', form);
  const contentText = Form.useWatch('contentPerUnit', form);
  const preview = value && unit ? normaliseQuantity(value, unit) : null;
  const entry = drugType ? catalogueEntry(drugType) : undefined;
  const contentMicrograms = contentText ? contentToMicrograms(contentText) : null;
  const countable =
    preview?.ok && drugType
      ? {
          drugType,
          quantityNormalised: preview.value,
          normalisedUnit: preview.unit,
          quantityUnit: unit,
          contentMicrograms,
        }
      : null;
  const counted = countable ? countedQuantity(countable) : null;
  const asksContent =
    preview?.ok && (preview.unit === 'count' || preview.unit === 'ml' || entry?.medicine === true);
  const substance = entry ? catalogueEntry(entry.substance ?? entry.code) : undefined;
  const mixture = drugType ? mixtureGuidance(drugType) : null;
  return { preview, unit, weightBasis, entry, countable, counted, asksContent, substance, mixture };
}

export type SeizureQuantity = ReturnType<typeof useSeizureQuantity>;
