import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntityKind } from '../../../electron/api/domain/entity-kinds';

const kindColours: Record<EntityKind, string> = {
  person: 'blue',
  organisation: 'purple',
  location: 'green',
  phone: 'cyan',
  vehicle: 'orange',
  account: 'gold',
  parcel: 'magenta',
};

export function KindTag({ kind }: { kind: EntityKind }) {
  const { t } = useTranslation();
  return <Tag color={kindColours[kind]}>{t(`enums.entityKind.${kind}`)}</Tag>;
}
