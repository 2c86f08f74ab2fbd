import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../electron/api/schemas/session-schemas';
import { SessionProvider } from '../../renderer/src/app/SessionContext';
import { EntityPage } from '../../renderer/src/features/entities/EntityPage';
import { installFakeBridge, Providers } from './fake-bridge';

const session = (role: 'investigator' | 'lead'): SessionInfo => ({
  workspacePath: '/ws',
  workspaceName: '工作区',
  unitName: '禁毒支队',
  isDemo: false,
  user: { id: 'u', username: 'u', displayName: '用户', role },
  idleLockMinutes: 10,
  auditIntegrity: 'ok',
});

const tie = {
  nicknameAccountId: 'acc-nick',
  nickname: '阿龙',
  party: null as string | null,
  accountId: 'acc-wxid',
  accountNo: 'wxid_along01',
  shared: 4,
  opposite: 0,
};

/** The bill's 老周, named alone, and the 调证's counterpart account its 交易单号 all name. */
const partyTie = {
  ...tie,
  nicknameAccountId: 'acc-party',
  party: '老周',
  accountId: 'acc-laozhou',
  accountNo: 'wxid_laozhou',
  shared: 2,
};

/** 阿龙's nickname account's page, as `entities.get` gives it with the 调证 account it is. */
function renderPage(role: 'investigator' | 'lead', found = tie) {
  const calls = installFakeBridge({
    'entities.get': () => ({
      ok: true,
      value: {
        id: 'acc-nick',
        kind: 'account',
        label: '阿龙（微信昵称，文件23b75a442973）',
        identifier: null,
        notes: null,
        details: { accountType: 'wechat', accountNo: '阿龙（微信昵称，文件23b75a442973）' },
        mergedIntoId: null,
        deleted: false,
        cases: [],
        relations: [],
        owner: null,
        sameAccounts: { ties: [found], unsettled: [] },
        createdAt: '2026-05-02T01:00:00.000Z',
        updatedAt: '2026-05-02T01:00:00.000Z',
      },
    }),
    'entities.merge': () => ({ ok: true, value: { keptId: 'acc-wxid', auditSeq: 7 } }),
  });
  render(
    <Providers>
      <SessionProvider session={session(role)}>
        <MemoryRouter initialEntries={['/entities/acc-nick']}>
          <Routes>
            <Route path="/entities/:entityId" element={<EntityPage />} />
          </Routes>
        </MemoryRouter>
      </SessionProvider>
    </Providers>,
  );
  return calls;
}

describe("a nickname bill's account and the 财付通 account its 交易单号 show it is", () => {
  it('a lead merges the two with one action: the nickname account into the 调证 account', async () => {
    const calls = renderPage('lead');
    const alert = await screen.findByTestId('entity-same-account');
    expect(alert.textContent).toContain(
      '昵称 阿龙 的账单即 财付通账户 wxid_along01：共同交易单号 4 笔。',
    );
    fireEvent.click(screen.getByTestId('entity-same-account-merge'));
    await waitFor(() =>
      expect(calls.filter((call) => call.procedure === 'entities.merge')).toEqual([
        { procedure: 'entities.merge', input: { keepId: 'acc-wxid', mergeId: 'acc-nick' } },
      ]),
    );
  });

  it('an investigator reads it, and that a lead merges them; no button', async () => {
    renderPage('investigator');
    const alert = await screen.findByTestId('entity-same-account');
    expect(alert.textContent).toContain('共同交易单号 4 笔。由组长确认后合并。');
    expect(screen.queryByTestId('entity-same-account-merge')).toBeNull();
  });

  it("a lead merges a bill's counterpart named alone into the 调证 account it is", async () => {
    const calls = renderPage('lead', partyTie);
    const alert = await screen.findByTestId('entity-same-account');
    expect(alert.textContent).toContain(
      '昵称 阿龙 的账单中的交易对方 老周（仅有名称）即 财付通账户 wxid_laozhou：共同交易单号 2 笔，均与该账户往来。',
    );
    fireEvent.click(screen.getByTestId('entity-same-account-merge'));
    await waitFor(() =>
      expect(calls.filter((call) => call.procedure === 'entities.merge')).toEqual([
        { procedure: 'entities.merge', input: { keepId: 'acc-laozhou', mergeId: 'acc-party' } },
      ]),
    );
  });
});
