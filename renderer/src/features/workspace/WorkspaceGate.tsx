import { useQueryClient } from '@tanstack/react-query';
import { Layout, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../../electron/api/contract';
import { useProcedure } from '../../api/hooks';
import type { LockNotice } from '../../app/App';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { setSession } from '../../app/session-query';
import { FirstRunScreen } from './FirstRunScreen';
import { RecoverForm } from './RecoverForm';
import { RecoveryKeyNotice } from './RecoveryKeyNotice';
import { UnlockScreen } from './UnlockScreen';

type Created = ProcedureOutput<'workspace.create'>;
type View =
  | { name: 'auto' }
  | { name: 'first-run' }
  | { name: 'unlock'; path?: string }
  | { name: 'recover'; path: string }
  | { name: 'created'; created: Created };

/** Everything before a session: first run, unlock, recovery, and the one-time recovery key. */
export function WorkspaceGate({ lockNotice }: { lockNotice: LockNotice }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useProcedure('workspace.list', {});
  const [view, setView] = useState<View>({ name: 'auto' });

  if (list.isPending) return <Spin fullscreen />;
  const workspaces = list.data?.workspaces ?? [];
  const current: View =
    view.name === 'auto' ? (workspaces.length ? { name: 'unlock' } : { name: 'first-run' }) : view;

  let body;
  switch (current.name) {
    case 'first-run':
      body = (
        <FirstRunScreen
          workspaces={workspaces}
          defaultDirectory={list.data?.defaultDirectory ?? ''}
          onCreated={(created) => setView({ name: 'created', created })}
          onOpen={(path) => {
            void list.refetch();
            setView({ name: 'unlock', path });
          }}
        />
      );
      break;
    case 'unlock':
      body = (
        <UnlockScreen
          workspaces={workspaces}
          initialPath={current.path}
          lockNotice={lockNotice}
          onUnlocked={(session) => setSession(queryClient, session)}
          onRecover={(path) => setView({ name: 'recover', path })}
          onOther={() => setView({ name: 'first-run' })}
        />
      );
      break;
    case 'recover':
      body = (
        <RecoverForm
          path={current.path}
          onRecovered={(session) => setSession(queryClient, session)}
          onBack={() => setView({ name: 'unlock', path: current.path })}
        />
      );
      break;
    case 'created':
      body = (
        <RecoveryKeyNotice
          created={current.created}
          onContinue={() => setSession(queryClient, current.created.session)}
        />
      );
      break;
  }

  return (
    <Layout style={{ minHeight: '100vh', background: '#f0f2f5' }}>
      <Layout.Header
        style={{
          background: '#001529',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
        }}
      >
        <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
          {t('app.fullName')}
          <Typography.Text style={{ color: '#a3b1c6', marginLeft: 16, fontSize: 14 }}>
            {t('app.tagline')}
          </Typography.Text>
        </Typography.Title>
        <div style={{ background: '#fff', borderRadius: 4, lineHeight: 'normal' }}>
          <LanguageSwitch />
        </div>
      </Layout.Header>
      <Layout.Content style={{ padding: '32px 24px', display: 'flex', justifyContent: 'center' }}>
        {body}
      </Layout.Content>
    </Layout>
  );
}
