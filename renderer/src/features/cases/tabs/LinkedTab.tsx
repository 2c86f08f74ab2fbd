import { Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LinkedCase } from '../../../../../electron/api/schemas/case-schemas';
import { useProcedure } from '../../../api/hooks';
import { KindTag } from '../../../components/KindTag';
import { CaseStatusTag } from '../../../components/StatusTag';

export function SharedEntities({ shared }: { shared: LinkedCase['shared'] }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap>
      {shared.map((entity) => (
        <Link key={entity.entityId} to={`/entities/${entity.entityId}`}>
          <Tag>
            <KindTag kind={entity.kind} />
            {entity.label}
            <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
              {t(`cases2.sharedVia.${entity.via}`)}
            </Typography.Text>
          </Tag>
        </Link>
      ))}
    </Space>
  );
}

/** Other cases sharing a person or an identifier with this one (串并案 leads). */
export function LinkedTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const linked = useProcedure('cases.linked', { id: caseId });
  return (
    <List
      loading={linked.isFetching}
      dataSource={linked.data}
      locale={{ emptyText: <Empty description={t('cases2.noLinked')} /> }}
      data-testid="linked-cases"
      renderItem={(item) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Space>
                <Link to={`/cases/${item.caseId}`}>{item.caseNo}</Link>
                <span>{item.title}</span>
                <CaseStatusTag status={item.status} />
              </Space>
            }
            description={<SharedEntities shared={item.shared} />}
          />
        </List.Item>
      )}
    />
  );
}
