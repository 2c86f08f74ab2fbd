import { Card, Col, Form, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useCan } from '../../app/SessionContext';
import { PageHeader } from '../../components/PageHeader';
import { ChangePasswordForm } from './ChangePasswordForm';
import { WorkspaceSettingsForm } from './WorkspaceSettingsForm';
import { UsersPanel } from './UsersPanel';
import { BackupPanel } from './BackupPanel';
import { KeyRotationPanel } from './KeyRotationPanel';

export function SettingsPage() {
  const { t } = useTranslation();
  const isAdmin = useCan('admin');
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('settings.general')}>
            <Form layout="vertical">
              <Form.Item label={t('settings.language')}>
                <div
                  style={{ border: '1px solid #d9d9d9', borderRadius: 4, display: 'inline-block' }}
                >
                  <LanguageSwitch />
                </div>
              </Form.Item>
            </Form>
            <WorkspaceSettingsForm />
            {!isAdmin && (
              <Typography.Text type="secondary">{t('settings.onlyAdmin')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('settings.security')}>
            <ChangePasswordForm />
          </Card>
        </Col>
        {isAdmin && (
          <Col span={24}>
            <Card title={t('settings.users')}>
              <UsersPanel />
            </Card>
          </Col>
        )}
        {isAdmin && (
          <Col span={24}>
            <Card title={t('backup.title')}>
              <BackupPanel />
            </Card>
          </Col>
        )}
        {isAdmin && (
          <Col span={24}>
            <Card title={t('settings.keys')}>
              <KeyRotationPanel />
            </Card>
          </Col>
        )}
      </Row>
    </>
  );
}
