import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../../electron/api/contract';
import { invoke } from '../../api/client';
import { useProcedure, useProcedureMutation } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';
import { usePasswordRules } from '../../components/password-rules';

interface Values {
  name: string;
  unitName: string;
  path?: string;
  adminUsername: string;
  adminDisplayName: string;
  password: string;
  passwordConfirm: string;
}

export function CreateWorkspaceForm({
  defaultDirectory,
  onCreated,
}: {
  defaultDirectory: string;
  onCreated: (created: ProcedureOutput<'workspace.create'>) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const passwordRules = usePasswordRules();
  const [form] = Form.useForm<Values>();
  const [pickError, setPickError] = useState<unknown>(null);
  const info = useProcedure('app.info', {});
  const create = useProcedureMutation('workspace.create', { onSuccess: onCreated });

  const pickFolder = async () => {
    try {
      const picked = await invoke('workspace.pickDirectory', {});
      if (picked.path) form.setFieldValue('path', picked.path);
    } catch (error) {
      setPickError(error);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      disabled={create.isPending}
      onFinish={({ passwordConfirm: _confirm, path, ...values }) =>
        create.mutate({ ...values, path: path?.trim() || undefined })
      }
    >
      <Space.Compact block>
        <Form.Item
          name="name"
          label={t('workspace.name')}
          rules={[{ required: true, whitespace: true, max: 60 }]}
          style={{ flex: 1, marginRight: 12 }}
        >
          <Input placeholder={t('workspace.namePlaceholder')} data-testid="create-name" />
        </Form.Item>
        <Form.Item
          name="unitName"
          label={t('workspace.unitName')}
          rules={[{ required: true, whitespace: true, max: 80 }]}
          style={{ flex: 1 }}
        >
          <Input placeholder={t('workspace.unitPlaceholder')} data-testid="create-unit" />
        </Form.Item>
      </Space.Compact>
      <Form.Item
        name="path"
        label={t('workspace.folder')}
        extra={t('workspace.folderDefault', { dir: defaultDirectory })}
      >
        <Input
          data-testid="create-path"
          addonAfter={
            info.data?.canPickDirectory ? (
              <Typography.Link onClick={() => void pickFolder()}>
                {t('workspace.chooseFolder')}
              </Typography.Link>
            ) : undefined
          }
        />
      </Form.Item>
      <Space.Compact block>
        <Form.Item
          name="adminUsername"
          label={t('workspace.adminUsername')}
          initialValue="admin"
          rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{2,32}$/ }]}
          style={{ flex: 1, marginRight: 12 }}
        >
          <Input autoComplete="username" data-testid="create-username" />
        </Form.Item>
        <Form.Item
          name="adminDisplayName"
          label={t('workspace.adminDisplayName')}
          rules={[{ required: true, whitespace: true, max: 40 }]}
          style={{ flex: 1 }}
        >
          <Input data-testid="create-display-name" />
        </Form.Item>
      </Space.Compact>
      <Space.Compact block>
        <Form.Item
          name="password"
          label={t('workspace.password')}
          extra={t('workspace.passwordHint')}
          rules={passwordRules.strong}
          style={{ flex: 1, marginRight: 12 }}
        >
          <Input.Password autoComplete="new-password" data-testid="create-password" />
        </Form.Item>
        <Form.Item
          name="passwordConfirm"
          label={t('workspace.passwordConfirm')}
          dependencies={['password']}
          rules={passwordRules.repeats('password')}
          style={{ flex: 1 }}
        >
          <Input.Password autoComplete="new-password" data-testid="create-password-confirm" />
        </Form.Item>
      </Space.Compact>
      {(create.isError || pickError !== null) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={errorText(create.error ?? pickError)}
        />
      )}
      <Button
        type="primary"
        htmlType="submit"
        loading={create.isPending}
        data-testid="create-submit"
      >
        {create.isPending ? t('workspace.creating') : t('workspace.createSubmit')}
      </Button>
    </Form>
  );
}
