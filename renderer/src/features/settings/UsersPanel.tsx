import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../../../electron/api/domain/roles';
import type { UserRow } from '../../../../electron/api/schemas/user-schemas';
import { useProcedure, useProcedureMutation } from '../../api/hooks';
import { useSession } from '../../app/SessionContext';
import { useErrorText } from '../../app/useErrorText';
import { formatDateTime } from '../../components/format';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { RowActions } from '../../components/RowActions';

type PasswordTarget = { user: UserRow; mode: 'enable' | 'reset' } | null;

/** Administrators add accounts, change roles, disable and re-enable them, and reset passwords. */
export function UsersPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const session = useSession();
  const users = useProcedure('users.list', {});
  const [adding, setAdding] = useState(false);
  const [passwordTarget, setPasswordTarget] = useState<PasswordTarget>(null);
  const [addForm] = Form.useForm<{
    username: string;
    displayName: string;
    role: Role;
    password: string;
  }>();
  const [passwordForm] = Form.useForm<{ password: string }>();

  const create = useProcedureMutation('users.create', {
    onSuccess: () => {
      setAdding(false);
      addForm.resetFields();
      void message.success(t('settings.userCreated'));
    },
  });
  const setRole = useProcedureMutation('users.setRole');
  const disable = useProcedureMutation('users.disable');
  const enable = useProcedureMutation('users.enable', { onSuccess: () => setPasswordTarget(null) });
  const reset = useProcedureMutation('users.resetPassword', {
    onSuccess: () => {
      setPasswordTarget(null);
      void message.success(t('settings.passwordChanged'));
    },
  });
  const failure = setRole.error ?? disable.error;

  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('settings.addUser')}
        </Button>
      </Space>
      {failure && (
        <Alert type="error" showIcon title={errorText(failure)} style={{ marginBottom: 16 }} />
      )}
      <Table<UserRow>
        rowKey="id"
        size="small"
        pagination={false}
        loading={users.isFetching}
        dataSource={users.data}
        columns={[
          { title: t('settings.username'), dataIndex: 'username' },
          { title: t('settings.displayName'), dataIndex: 'displayName' },
          {
            title: t('settings.role'),
            dataIndex: 'role',
            render: (role: Role, user) => (
              <Select<Role>
                size="small"
                value={role}
                style={{ width: 120 }}
                disabled={user.id === session.user.id}
                options={roles.map((value) => ({ value, label: t(`enums.role.${value}`) }))}
                onChange={(next) => setRole.mutate({ userId: user.id, role: next })}
              />
            ),
          },
          {
            title: t('settings.status'),
            dataIndex: 'disabled',
            render: (disabled: boolean) =>
              disabled ? (
                <Tag>{t('settings.disabled')}</Tag>
              ) : (
                <Tag color="green">{t('settings.enabled')}</Tag>
              ),
          },
          { title: t('audit.at'), dataIndex: 'createdAt', render: formatDateTime },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_value, user) =>
              user.id === session.user.id ? null : (
                <RowActions>
                  {user.disabled ? (
                    <Button
                      size="small"
                      onClick={() => setPasswordTarget({ user, mode: 'enable' })}
                    >
                      {t('settings.enable')}
                    </Button>
                  ) : (
                    <>
                      <Button
                        size="small"
                        danger
                        onClick={() => disable.mutate({ userId: user.id })}
                      >
                        {t('settings.disable')}
                      </Button>
                      <Button
                        size="small"
                        onClick={() => setPasswordTarget({ user, mode: 'reset' })}
                      >
                        {t('settings.resetPassword')}
                      </Button>
                    </>
                  )}
                </RowActions>
              ),
          },
        ]}
      />
      <Modal
        open={adding}
        title={t('settings.addUser')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        onOk={() => addForm.submit()}
        onCancel={() => {
          create.reset();
          setAdding(false);
        }}
        destroyOnHidden
      >
        <Form
          form={addForm}
          layout="vertical"
          initialValues={{ role: 'investigator' }}
          onFinish={(values) => create.mutate(values)}
        >
          <Form.Item
            name="username"
            label={t('settings.username')}
            rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{2,32}$/ }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('settings.displayName')}
            rules={[{ required: true, whitespace: true, max: 40 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('settings.role')}>
            <Select options={roles.map((value) => ({ value, label: t(`enums.role.${value}`) }))} />
          </Form.Item>
          <NewPasswordFields name="password" label={t('settings.initialPassword')} />
        </Form>
        {create.isError && <Alert type="error" showIcon title={errorText(create.error)} />}
      </Modal>
      <Modal
        open={passwordTarget !== null}
        title={
          passwordTarget
            ? `${t(passwordTarget.mode === 'enable' ? 'settings.enable' : 'settings.resetPassword')} · ${passwordTarget.user.username}`
            : ''
        }
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={enable.isPending || reset.isPending}
        onOk={() => passwordForm.submit()}
        onCancel={() => setPasswordTarget(null)}
        destroyOnHidden
      >
        <Form
          form={passwordForm}
          layout="vertical"
          onFinish={({ password }) => {
            if (!passwordTarget) return;
            const input = { userId: passwordTarget.user.id, password };
            if (passwordTarget.mode === 'enable') enable.mutate(input);
            else reset.mutate(input);
          }}
        >
          <NewPasswordFields name="password" label={t('settings.newPassword')} />
        </Form>
        {(enable.isError || reset.isError) && (
          <Alert type="error" showIcon title={errorText(enable.error ?? reset.error)} />
        )}
      </Modal>
    </>
  );
}
