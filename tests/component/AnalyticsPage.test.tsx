import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../electron/api/schemas/session-schemas';
import { SessionProvider } from '../../renderer/src/app/SessionContext';
import { AnalyticsPage } from '../../renderer/src/features/analytics/AnalyticsPage';
import { installFakeBridge, Providers } from './fake-bridge';

const session: SessionInfo = {
  workspacePath: '/ws',
  workspaceName: '工作区',
  unitName: '禁毒支队',
  isDemo: false,
  user: { id: 'u', username: 'u', displayName: '用户', role: 'investigator' },
  idleLockMinutes: 10,
  auditIntegrity: 'ok',
};

const flags = { fastInFastOut: 0, structuring: 0, roundAmounts: 0 };
const trace = {
  direction: 'out',
  openingBalances: 'takenAsZero',
  starts: ['a'],
  accounts: [
    { id: 'a', accountNo: '6222000000000000001', holderName: '张某', hop: 0, reachedFen: 1_500_000, path: ['6222000000000000001'], inFen: 0, outFen: 1_500_000, netFen: -1_500_000, firstAt: '2026-04-01T02:00:00.000Z', lastAt: '2026-04-01T02:00:00.000Z', counterparties: 1, flags, alerts: [] },
    { id: 'b', accountNo: '6222000000000000002', holderName: null, hop: 1, reachedFen: 1_500_000, path: ['6222000000000000001', '6222000000000000002'], inFen: 2_000_000, outFen: 1_200_000, netFen: 800_000, firstAt: '2026-04-01T01:00:00.000Z', lastAt: '2026-04-01T05:00:00.000Z', counterparties: 4, flags: { ...flags, fastInFastOut: 2 }, alerts: ['fastInFastOut'] },
  ],
  flows: [{ fromId: 'a', toId: 'b', hop: 1, tracedFen: 1_500_000, transfers: 1, firstAt: '2026-04-01T02:00:00.000Z', lastAt: '2026-04-01T02:00:00.000Z' }],
  total: 2,
}; // prettier-ignore

function renderPage(tab: string, handlers: Parameters<typeof installFakeBridge>[0]) {
  const calls = installFakeBridge({
    'cases.list': () => ({ ok: true, value: { rows: [], total: 0 } }),
    ...handlers,
  });
  render(
    <Providers>
      <SessionProvider session={session}>
        <MemoryRouter initialEntries={[`/analytics?tab=${tab}`]}>
          <AnalyticsPage />
        </MemoryRouter>
      </SessionProvider>
    </Providers>,
  );
  return calls;
}

describe('AnalyticsPage', () => {
  // The first render loads the whole page with its tabs: 17 s were seen on a loaded machine.
  it('资金穿透: runs the trace, shows amounts in yuan, paths and alerts, sends all to the chart', async () => {
    const calls = renderPage('money', {
      'analytics.moneyTrace': () => ({ ok: true, value: trace }),
      'graph.views.save': () => ({ ok: true, value: { id: 'view-1' } }),
    });
    fireEvent.change(screen.getByTestId('money-account'), {
      target: { value: ' 6222000000000000001 ' },
    });
    fireEvent.click(screen.getByRole('button', { name: '分 析' }));
    const table = await screen.findByTestId('money-results');
    const row = within(table).getByText('6222000000000000002', { selector: 'td' }).closest('tr')!;
    expect(within(row).getByText('15,000.00')).toBeInTheDocument();
    expect(within(row).getByText('8,000.00')).toBeInTheDocument();
    expect(within(row).getByText('6222000000000000001 → 6222000000000000002')).toBeInTheDocument();
    expect(within(row).getByText('快进快出')).toBeInTheDocument();
    // The pools start at 0: said with the result, and what it means for the amounts.
    expect(screen.getByTestId('money-opening-zero').textContent).toBe(
      '按比例穿透时各账户期初余额按 0 计（未采用流水所列余额）：账户在调取期间前已有资金的，经其转出的涉案资金偏高，认定金额时须按余额核减。',
    );
    expect(calls.find((call) => call.procedure === 'analytics.moneyTrace')!.input).toEqual({
      account: '6222000000000000001',
      hops: 3,
      direction: 'out',
      structuringThresholdFen: 5_000_000,
    });

    fireEvent.click(screen.getByRole('button', { name: '全部发送到关系图（新视图）' }));
    await waitFor(() =>
      expect(calls.find((call) => call.procedure === 'graph.views.save')?.input).toEqual({
        name: '资金穿透 6222000000000000001',
        // The money flow layout: a column per hop, left to right.
        state: {
          nodeIds: ['a', 'b'],
          positions: { a: { x: 0, y: 0 }, b: { x: 280, y: 0 } },
          layout: 'manual',
        },
      }),
    );
  }, 60_000);

  it("话单碰撞 opened from a case: the case is chosen, its suspects' phones are the targets", async () => {
    const calls = renderPage('common&case=case-1', {
      'analytics.commonContacts': () => ({
        ok: true,
        value: { targets: [{ id: 't1', number: '13900000001' }], rows: [], total: 0 },
      }),
    });
    fireEvent.click(await screen.findByTestId('common-run'));
    await waitFor(() =>
      expect(calls.find((call) => call.procedure === 'analytics.commonContacts')?.input).toEqual({
        caseId: 'case-1',
        minTargets: 2,
        includeService: false,
        limit: 50,
        offset: 0,
      }),
    );
  }, 60_000);

  it('contact profile: the phone and its top contacts sent to the chart as a new view', async () => {
    const contact = (id: string, number: string) => ({
      id,
      number,
      numberType: 'mobile',
      calls: 1,
      messages: 0,
      durationSeconds: 60,
      outgoing: 1,
      incoming: 0,
      firstAt: '2026-04-01T00:00:00.000Z',
      lastAt: '2026-04-01T00:00:00.000Z',
    });
    const period = {
      from: null,
      to: null,
      calls: 2,
      messages: 0,
      durationSeconds: 120,
      contacts: 2,
      firstAt: '2026-04-01T00:00:00.000Z',
      lastAt: '2026-04-01T00:00:00.000Z',
      activeDays: 1,
      nightEvents: 0,
      topByCount: [contact('c1', '13800000001'), contact('c2', '13800000002')],
      topByDuration: [contact('c2', '13800000002')],
      newContacts: [],
      heatmap: Array.from({ length: 7 }, () => new Array<number>(24).fill(0)),
      daily: [{ day: '2026-04-01', calls: 2, messages: 0 }],
    };
    const calls = renderPage('profile', {
      'analytics.contactProfile': () => ({
        ok: true,
        value: { phone: { id: 'p1', number: '13900000001' }, period, compare: null },
      }),
      'graph.views.save': () => ({ ok: true, value: { id: 'view-2' } }),
    });
    fireEvent.change(screen.getAllByRole('textbox')[0]!, { target: { value: '13900000001' } });
    fireEvent.click(screen.getByRole('button', { name: '分 析' }));
    fireEvent.click(await screen.findByTestId('profile-to-chart'));
    await waitFor(() =>
      expect(calls.find((call) => call.procedure === 'graph.views.save')?.input).toEqual({
        name: '通联画像 13900000001',
        state: { nodeIds: ['p1', 'c1', 'c2'], positions: {}, layout: 'force' },
      }),
    );
  }, 60_000);

  it('an unknown account is named in the error', async () => {
    renderPage('money', {
      'analytics.moneyTrace': () => ({
        ok: false,
        error: {
          code: 'analytics.accountNotFound',
          message: 'x',
          details: { account: '6222999' },
        },
      }),
    });
    fireEvent.change(screen.getByTestId('money-account'), { target: { value: '6222999' } });
    fireEvent.click(screen.getByRole('button', { name: '分 析' }));
    expect(await screen.findByText('工作区中没有账户 6222999。')).toBeInTheDocument();
  });
});
