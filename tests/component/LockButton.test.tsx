import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LeaveQuestionProvider } from '../../renderer/src/app/LeaveQuestionProvider';
import { LockButton } from '../../renderer/src/app/LockButton';
import { initialWizard } from '../../renderer/src/features/import/import-wizard';
import { RunStep } from '../../renderer/src/features/import/RunStep';
import type { ImportSummary } from '../../electron/api/schemas/import-schemas';
import { installFakeBridge, Providers } from './fake-bridge';
import { callListImported } from './import-summaries';
import { Routed } from './routed';

const summary = callListImported;

/** The shell's lock button beside the import page, its rows rejected and not yet saved. */
function shell(onLocked: () => void, done: ImportSummary = summary) {
  return (
    <Providers>
      <LeaveQuestionProvider>
        <LockButton onLocked={onLocked} />
        <Routed>
          <RunStep
            state={{ ...initialWizard, step: 3, summary: done }}
            dispatch={() => undefined}
          />
        </Routed>
      </LeaveQuestionProvider>
    </Providers>
  );
}

const question = '2 行被拒数据尚未保存为文件，离开导入页后将无法再保存。仍要离开吗？';
const asked = () =>
  [...document.querySelectorAll('.ant-modal-confirm-title')].map((title) => title.textContent);
const locks = (calls: { procedure: string }[]) =>
  calls.filter((call) => call.procedure === 'session.lock').length;

describe('locking while the import page holds rejected rows not yet saved', () => {
  it('asks the leave question first: cancelling keeps the page and the rows; locking goes on only when the user says so', async () => {
    const calls = installFakeBridge({ 'session.lock': () => ({ ok: true, value: null }) });
    const onLocked = vi.fn();
    render(shell(onLocked));
    fireEvent.click(screen.getByTestId('lock-button'));
    await waitFor(() => expect(asked()).toEqual([question]));
    expect(locks(calls)).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: '先保存被拒行' }));
    await waitFor(() => expect(asked()).toEqual([]));
    expect([locks(calls), onLocked.mock.calls.length]).toEqual([0, 0]);
    expect(screen.getByTestId('import-rejected-download')).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('lock-button'));
    await waitFor(() => expect(asked()).toEqual([question]));
    // antd spaces a button's two characters (锁 定).
    fireEvent.click(screen.getByRole('button', { name: /^锁\s?定$/ }));
    await waitFor(() => expect(onLocked).toHaveBeenCalledTimes(1));
    expect(locks(calls)).toBe(1);
  });

  it('holds the window closing while the rows are unsaved (main asks), and not once they are', () => {
    installFakeBridge({});
    const closing = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    const { unmount } = render(shell(() => undefined));
    expect(closing()).toBe(true);
    unmount();
    render(shell(() => undefined, { ...summary, rejectedRows: 0, rejectedFile: null }));
    expect(closing()).toBe(false);
  });

  it('locks at once where nothing is left unsaved', async () => {
    const calls = installFakeBridge({ 'session.lock': () => ({ ok: true, value: null }) });
    const onLocked = vi.fn();
    render(shell(onLocked, { ...summary, rejectedRows: 0, rejectedFile: null }));
    fireEvent.click(screen.getByTestId('lock-button'));
    await waitFor(() => expect(onLocked).toHaveBeenCalledTimes(1));
    expect([locks(calls), asked()]).toEqual([1, []]);
  });
});
