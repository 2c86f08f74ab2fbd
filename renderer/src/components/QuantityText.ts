import { useTranslation } from 'react-i18next';
import {
  formatNormalised,
  type CountUnit,
  type NormalisedUnit,
} from '../../../electron/api/domain/quantity';

/** Formats an exact normalised total in the reader's language: "26 千克" / "26 kg". */
export function useQuantityText(): (
  total: number,
  unit: NormalisedUnit,
  countUnit?: CountUnit | null,
) => string {
  const { t } = useTranslation();
  return (total, unit, countUnit) => {
    const formatted = formatNormalised(total, unit, countUnit);
    return `${formatted.value} ${t(`enums.quantityUnit.${formatted.unit}`)}`;
  };
}
