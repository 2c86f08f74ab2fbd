import { FileTextOutlined } from '@ant-design/icons';
import { Button, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';

export function BriefingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('briefings.title')} />
      <Empty
        image={<FileTextOutlined style={{ fontSize: 64, color: '#94a3b8' }} />}
        description={t('briefings.empty')}
      >
        <Button type="primary" onClick={() => navigate('/cases')}>
          {t('briefings.openCases')}
        </Button>
      </Empty>
    </>
  );
}
