import { createContext, useContext, useState, type ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, useNavigate } from 'react-router';

const PageContext = createContext<ReactNode>(null);

function Page() {
  const navigate = useNavigate();
  return (
    <>
      {/* The app's menu navigates so (AppShell's Navigation). */}
      <button type="button" onClick={() => void navigate('/cases')} data-testid="menu-cases">
        案件
      </button>
      {useContext(PageContext)}
    </>
  );
}

/**
 * `children` as the page at /import in a data router, as the app shows its pages (one that
 * asks before it is left needs one), beside a menu entry to /cases; rendered again with other
 * children, the same router shows them.
 */
export function Routed({ children }: { children: ReactNode }) {
  const [router] = useState(() =>
    createMemoryRouter(
      [
        { path: '/import', element: <Page /> },
        { path: '/cases', element: <div data-testid="cases-page">案件列表</div> },
      ],
      { initialEntries: ['/import'] },
    ),
  );
  return (
    <PageContext.Provider value={children}>
      <RouterProvider router={router} />
    </PageContext.Provider>
  );
}
