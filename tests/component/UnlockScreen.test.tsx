import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UnlockScreen } from '../../renderer/src/features/workspace/UnlockScreen';
import { installFakeBridge, Providers } from './fake-bridge';

const workspaces = [
  { path: '/ws/demo', name: '演示工作区', isDemo: true, lastOpenedAt: null, available: true },
];

function inspectResult(overrides: Record<string, unknown> = {}) {
  return {
    ok: true as const,
    value: {
      path: '/ws/demo',
      name: '演示工作区',
      isDemo: true,
      usernames: ['demo'],
      lockedForSeconds: 0,
      failedAttempts: 0,
      demoCredentials: { username: 'demo', password: 'Quanlian@2026' },
      ...overrides,
    },
  };
}

function renderScreen() {
  render(
    <Providers>
      <UnlockScreen
        workspaces={workspaces}
        lockNotice="idle"
        onUnlocked={() => undefined}
        onRecover={() => undefined}
        onOther={() => undefined}
      />
    </Providers>,
  );
}

describe('UnlockScreen', () => {
  it('shows the demo credentials, the idle-lock notice and fills the user name', async () => {
    installFakeBridge({ 'workspace.inspect': () => inspectResult() });
    renderScreen();
    expect(await screen.findByText('演示账号：demo，密码：Quanlian@2026')).toBeInTheDocument();
    expect(screen.getByText('工作区因长时间无操作已自动锁定。')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByDisplayValue('demo')).toBeInTheDocument());
  });

  it('shows the error of a wrong password and how many attempts failed', async () => {
    let failures = 0;
    installFakeBridge({
      'workspace.inspect': () => inspectResult({ failedAttempts: failures }),
      'session.unlock': () => {
        failures += 1;
        return {
          ok: false,
          error: {
            code: 'auth.invalidCredentials',
            message: 'x',
            details: { failures, lockedForSeconds: 0 },
          },
        };
      },
    });
    renderScreen();
    await screen.findByText('演示账号：demo，密码：Quanlian@2026');
    fireEvent.change(screen.getByTestId('unlock-password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByTestId('unlock-submit'));
    expect(await screen.findByText('用户名或密码错误。')).toBeInTheDocument();
    expect(await screen.findByText('已连续失败 1 次，5 次后将延时。')).toBeInTheDocument();
  });

  it('shows the count the refusal gives at once, not the one read before it', async () => {
    // The header is read again after a failure; until that read comes back, the alert must
    // not show the count from before the attempt ("0 次").
    let reads = 0;
    installFakeBridge({
      'workspace.inspect': () => {
        reads += 1;
        return reads === 1 ? inspectResult({ failedAttempts: 2 }) : new Promise(() => undefined);
      },
      'session.unlock': () => ({
        ok: false,
        error: {
          code: 'auth.invalidCredentials',
          message: 'x',
          details: { failures: 3, lockedForSeconds: 0 },
        },
      }),
    });
    renderScreen();
    await screen.findByText('演示账号：demo，密码：Quanlian@2026');
    fireEvent.change(screen.getByTestId('unlock-password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByTestId('unlock-submit'));
    expect(await screen.findByText('用户名或密码错误。')).toBeInTheDocument();
    expect(screen.getByText('已连续失败 3 次，5 次后将延时。')).toBeInTheDocument();
  });

  it('counts down a lockout and keeps the button disabled', async () => {
    installFakeBridge({
      'workspace.inspect': () => inspectResult({ lockedForSeconds: 30, failedAttempts: 5 }),
    });
    renderScreen();
    expect(await screen.findByText(/连续失败次数过多，请 (30|29) 秒后再试。/)).toBeInTheDocument();
    expect(screen.getByTestId('unlock-submit')).toBeDisabled();
  });
});
