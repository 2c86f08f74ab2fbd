import { Alert, Button, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SameNamePerson } from '../../../../electron/api/schemas/person-schemas';
import { personDistinction } from '../../components/person-distinction';

/**
 * People of the same name already recorded, each with what tells them apart: one may be used
 * instead (unless already in this case), or the new person created anyway.
 */
export function SameNameWarning({
  sameName,
  onUse,
  onCreateAnyway,
}: {
  sameName: SameNamePerson[];
  onUse: (entityId: string) => void;
  onCreateAnyway: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="same-name-warning"
      title={t('personForm.sameNameTitle', {
        count: sameName.length,
        name: sameName[0]?.name ?? '',
      })}
      description={
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('personForm.sameNameText')}
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={sameName}
            renderItem={(person) => (
              <List.Item
                data-testid="same-name-person"
                actions={[
                  person.roleInCase ? (
                    <Typography.Text key="in" type="secondary">
                      {t('personForm.inThisCase', {
                        role: t(`enums.caseRole.${person.roleInCase}`),
                      })}
                    </Typography.Text>
                  ) : (
                    <Button
                      key="use"
                      size="small"
                      type="primary"
                      onClick={() => onUse(person.entityId)}
                    >
                      {t('personForm.useThis')}
                    </Button>
                  ),
                ]}
              >
                <Space>
                  <Typography.Text strong>{person.name}</Typography.Text>
                  <Typography.Text>
                    {personDistinction({ ...person, roleInCase: null }, t)}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {t('personForm.cases', { count: person.caseCount })}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
          <Button
            size="small"
            style={{ marginTop: 8 }}
            data-testid="same-name-create"
            onClick={onCreateAnyway}
          >
            {t('personForm.createAnyway')}
          </Button>
        </>
      }
    />
  );
}
