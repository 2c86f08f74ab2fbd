import { useQueryClient } from '@tanstack/react-query';
import { Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../api/bridge';
import { forgetChartReads } from '../features/graph/chart-reads';
import { WorkspaceGate } from '../features/workspace/WorkspaceGate';
import { AppShell } from './AppShell';
import { setSession, useCurrentSession } from './session-query';
import { useErrorText } from './useErrorText';

export type LockNotice = 'idle' | 'user' | null;

/**
 * Signed in: the application. Otherwise: first run, unlock or recovery. (A window that opens
 * signed in on a chart's address has asked for the chart already: `early-reads.ts`. One that
 * opens locked there has the chart's code by the unlock, and the chart page reads it at once.)
 */
export function App() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const session = useCurrentSession();
  const [lockNotice, setLockNotice] = useState<LockNotice>(null);

  useEffect(
    () =>
      getBridge().on('session.locked', ({ reason }) => {
        setSession(queryClient, null);
        forgetChartReads();
        setLockNotice(reason);
      }),
    [queryClient],
  );

  if (session.isPending) {
    return <Spin fullscreen tip={t('common.loading')} />;
  }
  if (session.isError) {
    return <Result status="error" title={errorText(session.error)} />;
  }
  if (!session.data.session) {
    return <WorkspaceGate lockNotice={lockNotice} />;
  }
  return <AppShell session={session.data.session} onLocked={() => setLockNotice('user')} />;
}
