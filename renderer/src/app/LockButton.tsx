import { LockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client';
import { useLeaveQuestion } from './LeaveQuestionProvider';
import { setSession } from './session-query';

/**
 * 锁定: locks the workspace and shows the unlock screen. Locking leaves the page, so where the
 * page asks before it is left (LeaveQuestionProvider: the import's rejected rows not yet saved), the same
 * question is asked first, and cancelling keeps the page as it was; it had locked at once and
 * the rows were gone.
 */
export function LockButton({ onLocked }: { onLocked: () => void }) {
  const { t } = useTranslation();
  const { question } = useLeaveQuestion();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const lock = async () => {
    await invoke('session.lock', {}).catch(() => undefined);
    setSession(queryClient, null);
    onLocked();
  };
  const askThenLock = () => {
    if (!question) {
      void lock();
      return;
    }
    void modal.confirm({
      title: question.title,
      okText: t('common.lock'),
      cancelText: question.cancelText,
      onOk: () => lock(),
    });
  };
  return (
    <Tooltip title={t('common.lock')}>
      <Button icon={<LockOutlined />} onClick={askThenLock} data-testid="lock-button">
        {t('common.lock')}
      </Button>
    </Tooltip>
  );
}
