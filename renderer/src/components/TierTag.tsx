import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DrugTotal } from '../../../electron/api/schemas/seizure-schemas';

const tierColours: Record<DrugTotal['tier'], string> = {
  large: 'red',
  relativelyLarge: 'orange',
  belowRelativelyLarge: 'blue',
  notApplicable: 'default',
  contentRequired: 'gold',
  netWeightRequired: 'gold',
};

/** The statutory tier of a drug total (数量大 / 数量较大 / …). */
export function TierTag({ tier }: { tier: DrugTotal['tier'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={tierColours[tier]} data-testid={`tier-${tier}`}>
      {t(`seizure.tiers.${tier}`)}
    </Tag>
  );
}
