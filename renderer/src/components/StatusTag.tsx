import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../electron/api/domain/case-vocabulary';
import type { LegalStatus } from '../../../electron/api/domain/person-vocabulary';

const caseColours: Record<CaseStatus, string> = {
  filed: 'blue',
  investigating: 'processing',
  solved: 'green',
  prosecuted: 'purple',
  closed: 'default',
  withdrawn: 'red',
  merged: 'default',
};

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <Tag color={caseColours[status]}>{t(`enums.caseStatus.${status}`)}</Tag>;
}

/** At large stands out; custody measures are coloured by how strong they are. */
const legalColours: Partial<Record<LegalStatus, string>> = {
  at_large: 'red',
  detained: 'orange',
  arrested: 'volcano',
  bail: 'gold',
  residential_surveillance: 'gold',
  prosecuted: 'purple',
  sentenced: 'purple',
};

export function LegalStatusTag({ status }: { status: LegalStatus }) {
  const { t } = useTranslation();
  return <Tag color={legalColours[status] ?? 'default'}>{t(`enums.legalStatus.${status}`)}</Tag>;
}
