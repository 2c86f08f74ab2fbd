import { Alert, Button, Card, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../electron/api/schemas/session-schemas';
import { useProcedureMutation } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';
import { NewPasswordFields } from '../../components/NewPasswordFields';

interface Values {
  recoveryKey: string;
  username: string;
  newPassword: string;
  confirm: string;
}

export function RecoverForm({
  path,
  onRecovered,
  onBack,
}: {
  path: string;
  onRecovered: (session: SessionInfo) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const recover = useProcedureMutation('session.recover', { onSuccess: onRecovered });

  return (
    <Card style={{ width: 520 }} title={t('workspace.recoverTitle')}>
      <Form<Values>
        layout="vertical"
        requiredMark={false}
        onFinish={({ confirm: _confirm, ...values }) => recover.mutate({ path, ...values })}
      >
        <Form.Item
          name="recoveryKey"
          label={t('workspace.recoveryKey')}
          rules={[{ required: true }]}
        >
          <Input className="recovery-key" placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX" />
        </Form.Item>
        <Form.Item name="username" label={t('workspace.username')} rules={[{ required: true }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <NewPasswordFields
          name="newPassword"
          label={t('workspace.newPassword')}
          confirmName="confirm"
        />
        {recover.isError && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={errorText(recover.error)}
          />
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={recover.isPending}>
            {t('workspace.recoverSubmit')}
          </Button>
          <Button onClick={onBack}>{t('common.back')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
