import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../electron/api/schemas/session-schemas';
import { SessionProvider } from '../../renderer/src/app/SessionContext';
import { CasesPage } from '../../renderer/src/features/cases/CasesPage';
import { installFakeBridge, Providers } from './fake-bridge';

const rows = [
  {
    id: 'c1',
    caseNo: 'A3301052026030015',
    title: '“3·15”跨省贩卖、运输甲基苯丙胺案',
    offenceType: 'trafficking',
    status: 'solved',
    supervisionLevel: 'ministry',
    unit: '禁毒支队',
    leadInvestigator: '陈建国',
    openedOn: '2026-03-16',
    solvedOn: '2026-06-28',
    suspectCount: 15,
    updatedAt: '2026-11-23T08:00:00.000Z',
  },
];

function session(role: SessionInfo['user']['role']): SessionInfo {
  return {
    workspacePath: '/ws',
    workspaceName: '工作区',
    unitName: '禁毒支队',
    isDemo: false,
    user: { id: 'u', username: 'u', displayName: '用户', role },
    idleLockMinutes: 10,
    auditIntegrity: 'ok',
  };
}

function renderPage(role: SessionInfo['user']['role']) {
  const calls = installFakeBridge({
    'cases.list': () => ({ ok: true, value: { rows, total: 1 } }),
  });
  render(
    <Providers>
      <SessionProvider session={session(role)}>
        <MemoryRouter>
          <CasesPage />
        </MemoryRouter>
      </SessionProvider>
    </Providers>,
  );
  return calls;
}

describe('CasesPage', () => {
  it('lists cases from the server page with translated status and level', async () => {
    const calls = renderPage('investigator');
    const link = await screen.findByRole('link', { name: 'A3301052026030015' });
    const row = link.closest('tr')!;
    expect(within(row).getByText('破案')).toBeInTheDocument();
    expect(within(row).getByText('公安部目标案件')).toBeInTheDocument();
    expect(within(row).getByText('15')).toBeInTheDocument();
    expect(screen.getByText('共 1 条')).toBeInTheDocument();
    expect(calls[0]).toEqual({
      procedure: 'cases.list',
      input: { page: 1, pageSize: 50, sort: { field: 'updatedAt', order: 'desc' } },
    });
    expect(screen.getByTestId('case-create')).toBeInTheDocument();
  });

  it('offers no "new case" button to a viewer', async () => {
    renderPage('viewer');
    await screen.findByRole('link', { name: 'A3301052026030015' });
    expect(screen.queryByTestId('case-create')).toBeNull();
  });
});
