import { Alert, App, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProcedureMutation } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';

/**
 * 数据密钥: an administrator replaces the data key (re-encrypting the database and re-sealing
 * every slot), and, since older backups still open with the key they were made with, replaces
 * the backups in the folder with one under the new key.
 */
export function KeyRotationPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const rotate = useProcedureMutation('users.rotateKey', {
    onSuccess: () => void message.success(t('settings.keyRotated')),
  });
  const replace = useProcedureMutation('backup.replaceOld', {
    onSuccess: ({ removed }) =>
      void message.success(t('settings.oldBackupsReplaced', { count: removed.length })),
  });
  const failure = rotate.error ?? replace.error;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('settings.keysHint')} />
      {failure && <Alert type="error" showIcon title={errorText(failure)} />}
      <Space wrap>
        <Popconfirm
          title={t('settings.rotateKeyConfirm')}
          okButtonProps={{ 'data-testid': 'rotate-key-confirm' }}
          onConfirm={() => rotate.mutate({})}
        >
          <Button danger loading={rotate.isPending} data-testid="rotate-key">
            {t('settings.rotateKey')}
          </Button>
        </Popconfirm>
        <Popconfirm
          title={t('settings.replaceOldBackupsConfirm')}
          okButtonProps={{ 'data-testid': 'replace-old-backups-confirm' }}
          onConfirm={() => replace.mutate({})}
        >
          <Button loading={replace.isPending} data-testid="replace-old-backups">
            {t('settings.replaceOldBackups')}
          </Button>
        </Popconfirm>
      </Space>
    </Space>
  );
}
