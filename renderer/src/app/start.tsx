import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chartSourceAt } from '../features/graph/chart-reads';
import { initI18n } from '../i18n';
import { App } from './App';
import { AppProviders, makeQueryClient } from './AppProviders';
import { takeEarlySession } from './early-reads';
import { preloadPage } from './pages';
import { seedSessionQuery } from './session-query';
import './global.css';

/** Renders the application (loaded by `main.tsx` once it has asked for the session). */
export function startApp(): void {
  initI18n();
  const queryClient = makeQueryClient();
  const session = takeEarlySession();
  if (session) seedSessionQuery(queryClient, session);
  // Its chunk is on its way already (`main.tsx`): the chart page waits for it without suspending.
  if (chartSourceAt(window.location.hash)) preloadPage('GraphPage');
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        <App />
      </AppProviders>
    </StrictMode>,
  );
}
