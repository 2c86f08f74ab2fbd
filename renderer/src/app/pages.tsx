import { Spin } from 'antd';
import type { ComponentType } from 'react';
import { lazyPages } from './lazy-pages';

/**
 * Each page is its own chunk: the window evaluates the shell and the page it opens on, not
 * the whole application (the chart, map, import and documents code is most of the bundle).
 * A window opening on the chart fetches the chart's code with the app's (`preloadPage`); the
 * rest is fetched once the shell has drawn (`preloadPages`), so later navigation does not wait
 * for a file either (`lazy-pages.tsx`).
 */
const loaders = {
  CasesPage: () => import('../features/cases/CasesPage').then((m) => m.CasesPage),
  CaseDetailPage: () => import('../features/cases/CaseDetailPage').then((m) => m.CaseDetailPage),
  EntitiesPage: () => import('../features/entities/EntitiesPage').then((m) => m.EntitiesPage),
  EntityPage: () => import('../features/entities/EntityPage').then((m) => m.EntityPage),
  LinkedCasesReportPage: () =>
    import('../features/reports/LinkedCasesReportPage').then((m) => m.LinkedCasesReportPage),
  GraphPage: () => import('../features/graph/GraphPage').then((m) => m.GraphPage),
  MapPage: () => import('../features/map/MapPage').then((m) => m.MapPage),
  SeizuresPage: () => import('../features/seizures/SeizuresPage').then((m) => m.SeizuresPage),
  BriefingsPage: () => import('../features/briefings/BriefingsPage').then((m) => m.BriefingsPage),
  ImportPage: () => import('../features/import/ImportPage').then((m) => m.ImportPage),
  StatisticsPage: () =>
    import('../features/statistics/StatisticsPage').then((m) => m.StatisticsPage),
  AnalyticsPage: () => import('../features/analytics/AnalyticsPage').then((m) => m.AnalyticsPage),
  AuditPage: () => import('../features/audit/AuditPage').then((m) => m.AuditPage),
  SettingsPage: () => import('../features/settings/SettingsPage').then((m) => m.SettingsPage),
} satisfies Record<string, () => Promise<ComponentType>>;

/** Shown in a page's place while its code loads. */
export const pageLoading = <Spin style={{ display: 'block', marginTop: 64 }} />;

export const { pages, preloadPage, preloadPages } = lazyPages(loaders, pageLoading);
