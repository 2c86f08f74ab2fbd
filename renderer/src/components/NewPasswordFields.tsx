import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePasswordRules } from './password-rules';

/**
 * A new password under the policy core enforces, with its hint; and, when `confirmName` is
 * given, a second field that must repeat it.
 */
export function NewPasswordFields({
  name,
  label,
  confirmName,
}: {
  name: string;
  label: string;
  confirmName?: string;
}) {
  const { t } = useTranslation();
  const rules = usePasswordRules();
  return (
    <>
      <Form.Item name={name} label={label} extra={t('workspace.passwordHint')} rules={rules.strong}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {confirmName && (
        <Form.Item
          name={confirmName}
          label={t('workspace.passwordConfirm')}
          dependencies={[name]}
          rules={rules.repeats(name)}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
    </>
  );
}
