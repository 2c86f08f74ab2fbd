import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../electron/api/schemas/session-schemas';
import { SessionProvider } from '../../renderer/src/app/SessionContext';
import { AddToBriefingButton } from '../../renderer/src/features/analytics/AddToBriefingButton';
import { installFakeBridge, Providers } from './fake-bridge';

const session = (role: 'viewer' | 'investigator'): SessionInfo => ({
  workspacePath: '/ws',
  workspaceName: '工作区',
  unitName: '禁毒支队',
  isDemo: false,
  user: { id: 'u', username: 'u', displayName: '用户', role },
  idleLockMinutes: 10,
  auditIntegrity: 'ok',
});

function renderButton(role: 'viewer' | 'investigator') {
  const calls = installFakeBridge({
    'cases.list': () => ({
      ok: true,
      value: { rows: [{ id: 'case-1', caseNo: 'BR-01', title: '简报案' }], total: 1 },
    }),
    'reports.briefingItems.add': (input) => ({
      ok: true,
      value: { id: 'item-1', ...(input as object), position: 0, createdAt: '', createdBy: 'u' },
    }),
  });
  render(
    <Providers>
      <SessionProvider session={session(role)}>
        <MemoryRouter>
          <AddToBriefingButton
            caseId="case-1"
            source="commonContacts"
            title="话单碰撞：13900000001"
            table={() => ({
              kind: 'table',
              columns: ['号码', '联系目标数'],
              rows: [['13800000001', '3']],
            })}
          />
        </MemoryRouter>
      </SessionProvider>
    </Providers>,
  );
  return calls;
}

describe('加入简报', () => {
  it('keeps the table for the case under the title given', async () => {
    const calls = renderButton('investigator');
    fireEvent.click(screen.getByTestId('briefing-add-commonContacts'));
    fireEvent.change(await screen.findByTestId('briefing-item-title'), {
      target: { value: ' 三名目标的共同联系人 ' },
    });
    fireEvent.click(screen.getByRole('button', { name: '加 入' }));
    await waitFor(() =>
      expect(calls.find((call) => call.procedure === 'reports.briefingItems.add')?.input).toEqual({
        caseId: 'case-1',
        title: '三名目标的共同联系人',
        source: 'commonContacts',
        content: { kind: 'table', columns: ['号码', '联系目标数'], rows: [['13800000001', '3']] },
      }),
    );
    expect(await screen.findByText('已加入案情简报')).toBeInTheDocument();
  });

  it('is not offered to a viewer', () => {
    renderButton('viewer');
    expect(screen.queryByTestId('briefing-add-commonContacts')).toBeNull();
  });
});
