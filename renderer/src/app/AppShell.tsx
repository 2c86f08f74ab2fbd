import {
  AuditOutlined,
  BarChartOutlined,
  DeploymentUnitOutlined,
  ExperimentOutlined,
  FileTextOutlined,
  ImportOutlined,
  FolderOpenOutlined,
  GlobalOutlined,
  RadarChartOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Alert, Layout, Menu, Space, Typography } from 'antd';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createHashRouter,
  Navigate,
  Route,
  RouterProvider,
  Routes,
  useLocation,
  useNavigate,
} from 'react-router';
import type { SessionInfo } from '../../../electron/api/schemas/session-schemas';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { LanguageSwitch } from './LanguageSwitch';
import { LeaveQuestionProvider } from './LeaveQuestionProvider';
import { LockButton } from './LockButton';
import { PageErrorBoundary } from './PageErrorBoundary';
import { pageLoading, pages, preloadPages } from './pages';
import { SessionProvider, useSession } from './SessionContext';
import { useActivityHeartbeat } from './useActivityHeartbeat';

const navItems = [
  { key: '/cases', icon: <FolderOpenOutlined />, label: 'nav.cases' },
  { key: '/entities', icon: <TeamOutlined />, label: 'nav.entities' },
  { key: '/graph', icon: <DeploymentUnitOutlined />, label: 'nav.graph' },
  { key: '/map', icon: <GlobalOutlined />, label: 'nav.map' },
  { key: '/analytics', icon: <RadarChartOutlined />, label: 'analytics.nav' },
  { key: '/seizures', icon: <ExperimentOutlined />, label: 'nav.seizures' },
  { key: '/import', icon: <ImportOutlined />, label: 'nav.import' },
  { key: '/briefings', icon: <FileTextOutlined />, label: 'nav.briefings' },
  { key: '/statistics', icon: <BarChartOutlined />, label: 'nav.statistics' },
  { key: '/audit', icon: <AuditOutlined />, label: 'nav.audit' },
  { key: '/settings', icon: <SettingOutlined />, label: 'nav.settings' },
] as const;

function Navigation() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const selected = navItems.find((item) => location.pathname.startsWith(item.key))?.key ?? '/cases';
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selected]}
      items={navItems.map((item) => ({ key: item.key, icon: item.icon, label: t(item.label) }))}
      onClick={({ key }) => navigate(key)}
    />
  );
}

let router: ReturnType<typeof createHashRouter> | null = null;

/**
 * One router for the window's life, listening to its address: made again at each unlock, the
 * earlier ones would go on listening. Its frame reads the session from its context, and
 * `onLocked` is the window's (App's), the same at every unlock.
 */
function shellRouter(onLocked: () => void) {
  router ??= createHashRouter([{ path: '*', element: <ShellFrame onLocked={onLocked} /> }]);
  return router;
}

/**
 * The signed-in application. A data router (not <HashRouter>), so that a page may ask before it
 * is left (useBlocker: the import's unsaved rejected rows); the addresses are as before (#/cases).
 */
export function AppShell({ session, onLocked }: { session: SessionInfo; onLocked: () => void }) {
  useActivityHeartbeat();
  // The other pages' code, fetched once the shell and the first page have drawn.
  useEffect(() => preloadPages(), []);
  return (
    <SessionProvider session={session}>
      <RouterProvider router={shellRouter(onLocked)} />
    </SessionProvider>
  );
}

/** The menu, the header and the page of the address. */
function ShellFrame({ onLocked }: { onLocked: () => void }) {
  const { t } = useTranslation();
  const session = useSession();

  // The question the page asks before it is left (useLeaveConfirm): locking asks it too.
  return (
    <LeaveQuestionProvider>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider width={180} breakpoint="lg" collapsedWidth={64}>
          <div style={{ color: '#fff', padding: '16px 20px', fontSize: 20, fontWeight: 600 }}>
            {t('app.name')}
          </div>
          <Navigation />
        </Layout.Sider>
        {/* The page scrolls inside the content area, so the header stays and the graph can fill the height. */}
        <Layout style={{ height: '100vh' }}>
          <Layout.Header
            style={{
              background: '#fff',
              padding: '0 24px',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'space-between',
              borderBottom: '1px solid #e5e7eb',
            }}
          >
            <Typography.Text strong ellipsis style={{ maxWidth: 520 }}>
              {session.workspaceName}
              {session.unitName ? ` · ${session.unitName}` : ''}
            </Typography.Text>
            <Space size="middle">
              <GlobalSearch />
              <Typography.Text type="secondary" data-testid="signed-in-user">
                {t('common.signedInAs', {
                  name: session.user.displayName,
                  role: t(`enums.role.${session.user.role}`),
                })}
              </Typography.Text>
              <LanguageSwitch />
              <LockButton onLocked={onLocked} />
            </Space>
          </Layout.Header>
          {session.isDemo && <Alert type="info" banner title={t('app.demoBanner')} />}
          {session.auditIntegrity === 'broken' && (
            <Alert type="error" banner title={t('app.auditBroken')} />
          )}
          <Layout.Content style={{ padding: 24, overflow: 'auto', minHeight: 0 }}>
            <PageErrorBoundary>
              <Suspense fallback={pageLoading}>
                <Routes>
                  <Route path="/" element={<Navigate to="/cases" replace />} />
                  <Route path="/cases" element={<pages.CasesPage />} />
                  <Route path="/cases/:caseId" element={<pages.CaseDetailPage />} />
                  <Route path="/entities" element={<pages.EntitiesPage />} />
                  <Route path="/entities/:entityId" element={<pages.EntityPage />} />
                  <Route path="/reports/linked-cases" element={<pages.LinkedCasesReportPage />} />
                  <Route path="/graph" element={<pages.GraphPage />} />
                  <Route path="/map" element={<pages.MapPage />} />
                  <Route path="/seizures" element={<pages.SeizuresPage />} />
                  <Route path="/briefings" element={<pages.BriefingsPage />} />
                  <Route path="/import" element={<pages.ImportPage />} />
                  <Route path="/statistics" element={<pages.StatisticsPage />} />
                  <Route path="/analytics" element={<pages.AnalyticsPage />} />
                  <Route path="/audit" element={<pages.AuditPage />} />
                  <Route path="/settings" element={<pages.SettingsPage />} />
                  <Route path="*" element={<Navigate to="/cases" replace />} />
                </Routes>
              </Suspense>
            </PageErrorBoundary>
          </Layout.Content>
        </Layout>
      </Layout>
    </LeaveQuestionProvider>
  );
}
