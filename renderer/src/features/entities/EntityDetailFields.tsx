import { Descriptions, Space, type DescriptionsProps } from 'antd';
import { Link } from 'react-router';
import { KindTag } from '../../components/KindTag';
import type { RiskGrade } from '../../../../electron/api/domain/person-vocabulary';
import { RiskGradeTag } from '../../components/RiskGrade';
import { useDynamicText } from '../../i18n/dynamic-text';
import type { EntityDetail } from '../../../../electron/api/schemas/entity-schemas';

/** Shows a kind's stored fields with their labels, skipping the empty ones. */
export function EntityDetailFields({
  detail,
  column = { xs: 1, lg: 2 },
}: {
  detail: EntityDetail;
  column?: DescriptionsProps['column'];
}) {
  const dynamicText = useDynamicText();
  const label = (key: string) => {
    const fromEntity = dynamicText(`entity.fields.${key}`, '');
    if (fromEntity) return fromEntity;
    return dynamicText(`persons.${key}`, key);
  };
  const show = (key: string, value: unknown) => {
    if (Array.isArray(value)) return value.join('、');
    if (key === 'riskGrade') return <RiskGradeTag grade={value as RiskGrade} />;
    const enumKey = {
      gender: 'gender',
      orgType: 'orgType',
      locationType: 'locationType',
      accountType: 'accountType',
      areaColour: 'areaColour',
    }[key];
    return enumKey ? dynamicText(`enums.${enumKey}.${String(value)}`) : String(value);
  };
  const items = Object.entries(detail.details)
    .filter(
      ([key, value]) =>
        value !== null &&
        value !== '' &&
        !(Array.isArray(value) && value.length === 0) &&
        key !== 'photoAttachmentId' &&
        key !== 'leaderEntityId' &&
        key !== 'ownerEntityId' &&
        // A recorded owner is shown as a link; its name in the text field is only its label.
        !(detail.owner && (key === 'registeredName' || key === 'holderName')),
    )
    .map(([key, value]) => ({ key, label: label(key), children: show(key, value) }));
  if (detail.owner)
    items.unshift({
      key: 'owner',
      label: label('owner'),
      children: (
        <Space size={4} data-testid="entity-owner-link">
          <KindTag kind={detail.owner.kind} />
          <Link to={`/entities/${detail.owner.id}`}>{detail.owner.label}</Link>
        </Space>
      ),
    });
  return (
    <Descriptions
      bordered
      size="small"
      column={column}
      items={items}
      styles={{ label: { whiteSpace: 'nowrap', width: 140 } }}
    />
  );
}
