import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import 'antd/dist/antd.css';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrefersReducedMotion } from '../components/usePrefersReducedMotion';

/**
 * antd's styles come from its prebuilt stylesheet (zero runtime): no style generation while
 * the app renders, which on a large chart's first load was ~0.6 s of the window's time. Its
 * open, close and hover animations are off when the system asks for less motion.
 */
function appTheme(motion: boolean): ThemeConfig {
  return { zeroRuntime: true, token: { colorPrimary: '#1d4ed8', borderRadius: 4, motion } };
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Errors are shown by the screens; retrying a refused or invalid call only repeats it.
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
      mutations: { retry: false },
    },
  });
}

export function AppProviders({
  children,
  queryClient,
}: {
  children: ReactNode;
  queryClient?: QueryClient;
}) {
  const [client] = useState(() => queryClient ?? makeQueryClient());
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  const reducedMotion = usePrefersReducedMotion();
  const theme = useMemo(() => appTheme(!reducedMotion), [reducedMotion]);
  dayjs.locale(english ? 'en' : 'zh-cn');
  return (
    <QueryClientProvider client={client}>
      <ConfigProvider locale={english ? enUS : zhCN} theme={theme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
