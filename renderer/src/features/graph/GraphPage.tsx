import { DeploymentUnitOutlined } from '@ant-design/icons';
import { Button, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';

export function GraphPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('graph.title')} />
      <Empty
        image={<DeploymentUnitOutlined style={{ fontSize: 64, color: '#94a3b8' }} />}
        description={t('graph.empty')}
      >
        <Button type="primary" onClick={() => navigate('/cases')}>
          {t('graph.openCases')}
        </Button>
      </Empty>
    </>
  );
}
