import { CloudDownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSchedule } from '../../../../electron/api/schemas/backup-schemas';
import { invoke } from '../../api/client';
import { useProcedure, useProcedureMutation } from '../../api/hooks';
import { setSession, useCurrentSession } from '../../app/session-query';
import { useErrorText } from '../../app/useErrorText';
import { suggestedBackupFolder } from './backup-folder';

/**
 * 备份与恢复: scheduled backups into a folder (one is suggested), a backup now (its button says
 * why it is disabled), restore with the password.
 */
export function BackupPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const status = useProcedure('backup.status', {});
  const info = useProcedure('app.info', {});
  const [form] = Form.useForm<BackupSchedule>();
  const session = useCurrentSession();
  const typedFolder = Form.useWatch('folder', form);
  const save = useProcedureMutation('backup.schedule', {
    onSuccess: () => void message.success(t('backup.saved')),
  });
  const now = useProcedureMutation('backup.create', {
    onSuccess: () => void message.success(t('backup.done')),
  });
  const [restoring, setRestoring] = useState<string>();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  const restore = async () => {
    if (!restoring) return;
    setBusy(true);
    try {
      const session = await invoke('backup.restore', { fileName: restoring, password });
      // Everything shown came from the workspace as it was: drop it, keep the session.
      setSession(queryClient, null);
      setSession(queryClient, session);
      setRestoring(undefined);
      void message.success(t('backup.restored'));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
      setPassword('');
    }
  };

  if (!status.data) return null;
  const suggested = session.data?.session
    ? suggestedBackupFolder(session.data.session.workspacePath)
    : null;
  const savedFolder = status.data.schedule.folder;
  const disabledReason = savedFolder
    ? null
    : typedFolder?.trim()
      ? t('backupHelp.needSave')
      : t('backupHelp.needFolder');
  return (
    <>
      <Form<BackupSchedule>
        form={form}
        layout="inline"
        initialValues={status.data.schedule}
        onFinish={(values) => save.mutate(values)}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="folder" label={t('backup.folder')} style={{ minWidth: 420 }}>
          <Input
            placeholder={t('backup.folderOff')}
            data-testid="backup-folder"
            addonAfter={
              info.data?.canPickDirectory ? (
                <Typography.Link
                  onClick={() =>
                    void invoke('workspace.pickDirectory', {}).then(
                      (picked) => picked.path && form.setFieldValue('folder', picked.path),
                    )
                  }
                >
                  {t('workspace.chooseFolder')}
                </Typography.Link>
              ) : undefined
            }
          />
        </Form.Item>
        {!typedFolder?.trim() && suggested && (
          <Form.Item style={{ width: '100%' }}>
            <Space direction="vertical" size={0} data-testid="backup-suggested">
              <Space>
                <Typography.Text type="secondary">
                  {t('backupHelp.suggested', { dir: suggested })}
                </Typography.Text>
                <Typography.Link
                  onClick={() => form.setFieldValue('folder', suggested)}
                  data-testid="backup-use-suggested"
                >
                  {t('backupHelp.useSuggested')}
                </Typography.Link>
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('backupHelp.suggestedNote')}
              </Typography.Text>
            </Space>
          </Form.Item>
        )}
        <Form.Item name="everyHours" label={t('backup.every')}>
          <InputNumber min={1} max={168} addonAfter={t('backup.hours')} />
        </Form.Item>
        <Form.Item name="keep" label={t('backup.keep')}>
          <InputNumber min={1} max={365} />
        </Form.Item>
        <Button
          htmlType="submit"
          type="primary"
          icon={<SaveOutlined />}
          loading={save.isPending}
          data-testid="backup-save"
        >
          {t('common.save')}
        </Button>
      </Form>
      <Space style={{ margin: '12px 0' }}>
        <Button
          icon={<CloudDownloadOutlined />}
          disabled={!savedFolder}
          loading={now.isPending}
          onClick={() => now.mutate({})}
          data-testid="backup-now"
        >
          {t('backup.now')}
        </Button>
        {disabledReason && (
          <Typography.Text type="warning" data-testid="backup-now-reason">
            {disabledReason}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">
          {status.data.lastBackupAt
            ? t('backup.last', { at: dayjs(status.data.lastBackupAt).format('YYYY-MM-DD HH:mm') })
            : t('backup.never')}
        </Typography.Text>
      </Space>
      <Table
        size="small"
        rowKey="fileName"
        pagination={false}
        dataSource={status.data.files}
        data-testid="backup-files"
        columns={[
          { key: 'file', dataIndex: 'fileName', title: t('backup.file') },
          {
            key: 'at',
            title: t('backup.createdAt'),
            render: (_, row) => dayjs(row.createdAt).format('YYYY-MM-DD HH:mm:ss'),
          },
          {
            key: 'size',
            title: t('backup.size'),
            align: 'right',
            render: (_, row) => `${(row.size / 2 ** 20).toFixed(1)} MiB`,
          },
          {
            key: 'restore',
            title: '',
            render: (_, row) => (
              <Button
                size="small"
                danger
                onClick={() => setRestoring(row.fileName)}
                data-testid="backup-restore"
              >
                {t('backup.restore')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!restoring}
        title={t('backup.restoreTitle', { name: restoring ?? '' })}
        okText={t('backup.restoreConfirm')}
        okButtonProps={{ danger: true, disabled: !password }}
        confirmLoading={busy}
        onOk={() => void restore()}
        onCancel={() => setRestoring(undefined)}
        destroyOnHidden
      >
        <Alert
          type="warning"
          showIcon
          title={t('backup.restoreWarning')}
          style={{ marginBottom: 12 }}
        />
        <Input.Password
          placeholder={t('backup.password')}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          data-testid="backup-restore-password"
        />
      </Modal>
    </>
  );
}
