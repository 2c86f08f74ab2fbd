import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

interface BoundaryProps {
  children: ReactNode;
  fallback: ReactNode;
}

class Boundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * A page that fails to load its code or to render shows a notice in its place; the shell
 * (navigation, search, lock) stays usable. Another page resets it. The error itself is not
 * shown: its text may carry case data.
 */
export function PageErrorBoundary({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Boundary
      key={pathname}
      fallback={
        <Result
          status="error"
          title={t('app.pageFailed')}
          extra={
            <Button onClick={() => window.location.reload()} data-testid="page-reload">
              {t('app.reload')}
            </Button>
          }
        />
      }
    >
      {children}
    </Boundary>
  );
}
