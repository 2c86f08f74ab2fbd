import { useQueryClient } from '@tanstack/react-query';
import { Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../api/bridge';
import { chartSourceAt, forgetChartReads, startChartReads } from '../features/graph/chart-reads';
import { WorkspaceGate } from '../features/workspace/WorkspaceGate';
import { AppShell } from './AppShell';
import { setSession, useCurrentSession } from './session-query';
import { useErrorText } from './useErrorText';

export type LockNotice = 'idle' | 'user' | null;

/** Whether this window has been signed in once (a chart's address is read ahead only then). */
let signedInOnce = false;

/** Signed in: the application. Otherwise: first run, unlock or recovery. */
export function App() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const session = useCurrentSession();
  const [lockNotice, setLockNotice] = useState<LockNotice>(null);
  const signedIn = Boolean(session.data?.session);

  // A window that opens signed in on a chart's address reads the chart while the chart's code
  // loads and the shell renders. Only the first time: the chart page cannot have asked yet.
  useEffect(() => {
    if (!signedIn || signedInOnce) return;
    signedInOnce = true;
    const source = chartSourceAt(window.location.hash);
    if (source) startChartReads(source);
  }, [signedIn]);

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
