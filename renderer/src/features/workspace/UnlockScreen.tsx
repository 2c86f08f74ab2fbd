import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../electron/api/schemas/session-schemas';
import type { WorkspaceSummary } from '../../../../electron/api/schemas/workspace-schemas';
import { isApiCallError, type ApiCallError } from '../../api/client';
import { useProcedure, useProcedureMutation } from '../../api/hooks';
import type { LockNotice } from '../../app/App';
import { useErrorText } from '../../app/useErrorText';
import { useCountdown } from './useCountdown';

interface Props {
  workspaces: WorkspaceSummary[];
  initialPath?: string;
  lockNotice: LockNotice;
  onUnlocked: (session: SessionInfo) => void;
  onRecover: (path: string) => void;
  onOther: () => void;
}

/**
 * Consecutive failures after a refused attempt: the count the refusal carries (the header's
 * re-read comes later and showed the count from before the attempt meanwhile).
 */
function failuresAfter(error: ApiCallError, info: { failedAttempts: number } | undefined): number {
  const failures = error.details['failures'];
  return typeof failures === 'number' ? failures : (info?.failedAttempts ?? 0);
}

export function UnlockScreen({
  workspaces,
  initialPath,
  lockNotice,
  onUnlocked,
  onRecover,
  onOther,
}: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [path, setPath] = useState(initialPath ?? workspaces.find((w) => w.available)?.path ?? '');
  const inspect = useProcedure(
    'workspace.inspect',
    { path },
    { enabled: Boolean(path), staleTime: 0 },
  );
  const info = inspect.data;
  // The header's lockout, as of when it was read; refetched after every failed attempt.
  const lockedUntil = info?.lockedForSeconds
    ? inspect.dataUpdatedAt + info.lockedForSeconds * 1000
    : null;
  const secondsLeft = useCountdown(lockedUntil);

  const unlock = useProcedureMutation('session.unlock', {
    onSuccess: onUnlocked,
    onError: () => {
      form.setFieldValue('password', '');
      void inspect.refetch();
    },
  });

  useEffect(() => {
    if (!info) return;
    if (!form.getFieldValue('username')) {
      form.setFieldValue('username', info.demoCredentials?.username ?? info.usernames[0] ?? '');
    }
  }, [info, form]);

  const lastError = unlock.error;
  const showLockout = secondsLeft > 0;

  return (
    <Card style={{ width: 460 }} title={t('workspace.unlockTitle')}>
      {lockNotice && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={lockNotice === 'idle' ? t('workspace.lockedIdle') : t('workspace.lockedByUser')}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => unlock.mutate({ path, ...values })}
      >
        <Form.Item label={t('workspace.workspace')}>
          <Select
            value={path || undefined}
            onChange={(value) => {
              setPath(value);
              form.resetFields();
              unlock.reset();
            }}
            options={workspaces.map((workspace) => ({
              value: workspace.path,
              label: `${workspace.name}${workspace.available ? '' : ` ${t('workspace.unavailable')}`}`,
              disabled: !workspace.available,
            }))}
            data-testid="unlock-workspace"
          />
          {path && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {path}
            </Typography.Text>
          )}
        </Form.Item>
        {info?.demoCredentials && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="demo-credentials"
            title={t('workspace.demoCredentials', info.demoCredentials)}
          />
        )}
        {inspect.isError && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={errorText(inspect.error)}
          />
        )}
        <Form.Item name="username" label={t('workspace.username')} rules={[{ required: true }]}>
          <AutoComplete
            options={(info?.usernames ?? []).map((name) => ({ value: name }))}
            data-testid="unlock-username"
          >
            <Input prefix={<UserOutlined />} autoComplete="username" />
          </AutoComplete>
        </Form.Item>
        <Form.Item name="password" label={t('workspace.password')} rules={[{ required: true }]}>
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            data-testid="unlock-password"
          />
        </Form.Item>
        {showLockout ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="unlock-error"
            title={t('workspace.lockedOut', { seconds: secondsLeft })}
          />
        ) : (
          lastError && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="unlock-error"
              title={errorText(lastError)}
              description={
                isApiCallError(lastError) && lastError.code === 'auth.invalidCredentials'
                  ? t('workspace.failedAttempts', { count: failuresAfter(lastError, info) })
                  : undefined
              }
            />
          )
        )}
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={unlock.isPending}
          disabled={!path || showLockout || !info}
          data-testid="unlock-submit"
        >
          {unlock.isPending ? t('workspace.unlocking') : t('workspace.unlock')}
        </Button>
      </Form>
      <Space orientation="vertical" style={{ marginTop: 16 }}>
        <Typography.Link onClick={() => path && onRecover(path)}>
          {t('workspace.forgotPassword')}
        </Typography.Link>
        <Typography.Link onClick={onOther}>{t('workspace.otherWorkspace')}</Typography.Link>
      </Space>
    </Card>
  );
}
