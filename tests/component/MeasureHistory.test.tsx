import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../electron/api/schemas/session-schemas';
import { SessionProvider } from '../../renderer/src/app/SessionContext';
import { MeasureHistory } from '../../renderer/src/features/cases/tabs/MeasureHistory';
import { installFakeBridge, Providers } from './fake-bridge';

const session = (role: SessionInfo['user']['role']): SessionInfo => ({
  workspacePath: '/ws',
  workspaceName: '工作区',
  unitName: '禁毒支队',
  isDemo: false,
  user: { id: 'u', username: 'u', displayName: '用户', role },
  idleLockMinutes: 10,
  auditIntegrity: 'ok',
});

const measure = (id: string, value: string, takenOn: string | null) => ({
  id,
  measure: value,
  takenOn,
  notes: null,
  recordedAt: '2027-01-05T02:00:00.000Z',
  recordedBy: 'zhangwei',
});

function renderHistory(role: SessionInfo['user']['role']) {
  let history = [
    measure('m3', 'prosecuted', '2027-03-01'),
    measure('m2', 'arrested', '2027-01-05'),
    measure('m1', 'detained', null),
  ];
  const calls = installFakeBridge({
    'cases.measures': () => ({ ok: true, value: history }),
    'cases.stepBackMeasure': () => {
      history = history.slice(1);
      return { ok: true, value: { legalStatus: 'arrested', legalStatusOn: '2027-01-05' } };
    },
  });
  const steppedBack: [string, string | null][] = [];
  render(
    <Providers>
      <SessionProvider session={session(role)}>
        <MeasureHistory
          caseEntityId="ce1"
          onSteppedBack={(status, on) => steppedBack.push([status, on])}
        />
      </SessionProvider>
    </Providers>,
  );
  return { calls, steppedBack };
}

const items = () => screen.getAllByTestId('measure-item').map((item) => item.textContent);

describe('MeasureHistory', () => {
  it('lists the measures newest first with their dates, and takes back the latest with a reason', async () => {
    const { calls, steppedBack } = renderHistory('investigator');
    await waitFor(() =>
      expect(items()).toEqual([
        '2027-03-01 · 起诉  zhangwei 录入',
        '2027-01-05 · 逮捕  zhangwei 录入',
        '日期未填 · 刑事拘留  zhangwei 录入',
      ]),
    );
    fireEvent.click(screen.getByTestId('measure-step-back'));
    await waitFor(() => expect(steppedBack).toEqual([['arrested', '2027-01-05']]));
    expect(calls.find((call) => call.procedure === 'cases.stepBackMeasure')?.input).toEqual({
      caseEntityId: 'ce1',
      reason: 'correction',
      note: null,
    });
    await waitFor(() => expect(items()).toHaveLength(2));
    expect(screen.getByTestId('measure-step-back').textContent).toBe('撤回“逮捕”');
  });

  it('shows a viewer the history without the step-back control', async () => {
    renderHistory('viewer');
    await waitFor(() => expect(items()).toHaveLength(3));
    expect(screen.queryByTestId('measure-step-back')).toBeNull();
  });
});
