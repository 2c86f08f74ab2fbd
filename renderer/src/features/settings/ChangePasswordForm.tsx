import { Alert, App, Button, Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProcedureMutation } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';
import { NewPasswordFields } from '../../components/NewPasswordFields';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
  rotateKey: boolean;
}

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useProcedureMutation('session.changePassword', {
    onSuccess: () => {
      form.resetFields();
      void message.success(t('settings.passwordChanged'));
    },
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ rotateKey: false }}
      onFinish={({ confirm: _confirm, ...values }) => change.mutate(values)}
    >
      <Form.Item
        name="currentPassword"
        label={t('settings.currentPassword')}
        rules={[{ required: true }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <NewPasswordFields
        name="newPassword"
        label={t('settings.newPassword')}
        confirmName="confirm"
      />
      <Form.Item
        name="rotateKey"
        valuePropName="checked"
        extra={t('settings.rotateKeyOnChangeHint')}
      >
        <Checkbox data-testid="password-rotate-key">{t('settings.rotateKeyOnChange')}</Checkbox>
      </Form.Item>
      {change.isError && (
        <Alert type="error" showIcon title={errorText(change.error)} style={{ marginBottom: 16 }} />
      )}
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('settings.changePassword')}
      </Button>
    </Form>
  );
}
