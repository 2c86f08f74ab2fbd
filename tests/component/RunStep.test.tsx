import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { initialWizard } from '../../renderer/src/features/import/import-wizard';
import { RunStep } from '../../renderer/src/features/import/RunStep';
import type { ImportSummary } from '../../electron/api/schemas/import-schemas';
import { emitFakeEvent, installFakeBridge, Providers } from './fake-bridge';
import { callListImported, rejectedFileBytes } from './import-summaries';
import { Routed } from './routed';

beforeEach(() => installFakeBridge({}));

const running = (done: number) => (
  <Providers>
    <Routed>
      <RunStep
        state={{ ...initialWizard, step: 3, importId: 'imp-1', progress: { done, total: 100_000 } }}
        dispatch={() => undefined}
      />
    </Routed>
  </Providers>
);

describe('an import running', () => {
  it('can be cancelled while rows are written; once all are, it says it is committing and no longer offers to cancel', () => {
    const { rerender } = render(running(63_000));
    expect(screen.getByTestId('import-progress-text').textContent).toBe('已写入 63000 / 100000 行');
    expect(screen.getByTestId('import-cancel').hasAttribute('disabled')).toBe(false);
    rerender(running(100_000));
    expect(screen.getByTestId('import-progress-text').textContent).toBe(
      '100000 行已写入，正在建立索引并提交，已不能取消…',
    );
    expect(screen.getByTestId('import-cancel').hasAttribute('disabled')).toBe(true);
    // Not shown as finished (it had shown a green 100 % while it still ran).
    expect(screen.getByTestId('import-progress').textContent).toContain('99%');
  });
});

describe('an import done', () => {
  it('says how many reversals cancel with their transfers, how many undo one no statement holds, and how many transfers were attempts', () => {
    const summary: ImportSummary = {
      importId: 'imp-1',
      template: 'transactions',
      rows: 4,
      rejectedRows: 0,
      entitiesCreated: 2,
      entitiesMatched: 0,
      relationsCreated: 1,
      relationsUpdated: 0,
      copies: 0,
      reversals: 1,
      unmatchedReversals: 1,
      attempts: 2,
      dataSessions: 0,
      withheldNumbers: 0,
      signals: 0,
      cellSites: 0,
      seizuresCreated: 0,
      sameAccounts: { ties: [], unsettled: [] },
      seconds: 0.1,
      rejectedFile: null,
    };
    render(
      <Providers>
        <Routed>
          <RunStep state={{ ...initialWizard, step: 3, summary }} dispatch={() => undefined} />
        </Routed>
      </Providers>,
    );
    expect(screen.getByTestId('import-reversals').textContent).toBe(
      '其中 1 对是冲正（或撤销、退汇）与被冲正的原交易，两行相抵，原始行已保留，均不计入金额和分析。',
    );
    expect(screen.getByTestId('import-unmatched-reversals').textContent).toBe(
      '其中 1 行冲正（或撤销、退汇）的原交易不在已导入的流水中：原始行已保留，不计为资金往来；导入含原交易的流水后自动配对。',
    );
    expect(screen.getByTestId('import-attempts').textContent).toBe(
      '其中 2 笔交易未成功（失败或被拒）：作为未完成的交易保留，对方账户已记录，不计为资金往来。',
    );
  });
});

const summary = callListImported;
const fileBytes = rejectedFileBytes;

const done = (dispatch: (action: unknown) => void) => (
  <Providers>
    <Routed>
      <RunStep state={{ ...initialWizard, step: 3, summary }} dispatch={dispatch} />
    </Routed>
  </Providers>
);

describe('an import done with rows rejected', () => {
  it('keeps the rejected-rows file to save again: a save that failed (the file open in Excel) can be retried', async () => {
    const saved: { name: string; bytes: string }[] = [];
    const created = vi
      .spyOn(URL, 'createObjectURL')
      .mockImplementation(() => `blob:${saved.length}`);
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push({ name: this.download, bytes: this.href });
    });
    render(done(() => undefined));
    fireEvent.click(screen.getByTestId('import-rejected-download'));
    fireEvent.click(screen.getByTestId('import-rejected-download'));
    expect(saved).toEqual([
      { name: '话单.rejected.csv', bytes: 'blob:0' },
      { name: '话单.rejected.csv', bytes: 'blob:1' },
    ]);
    // Each time the whole file, as the commit gave it.
    const blobs = created.mock.calls.map(([blob]) => blob as Blob);
    const bytesOf = (blob: Blob) =>
      new Promise<number[]>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve([...new Uint8Array(reader.result as ArrayBuffer)]);
        reader.readAsArrayBuffer(blob);
      });
    expect(await Promise.all(blobs.map(bytesOf))).toEqual([[...fileBytes], [...fileBytes]]);
    for (const spy of [created, revoked, click]) spy.mockRestore();
  });

  it('asks before a new import drops the rejected rows unsaved', async () => {
    const dispatched: unknown[] = [];
    const created = vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:0');
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    render(done((action) => dispatched.push(action)));
    fireEvent.click(screen.getByTestId('import-another'));
    await waitFor(() =>
      expect(document.querySelector('.ant-modal-confirm-title')?.textContent).toBe(
        '2 行被拒数据尚未保存为文件，开始新的导入后将无法再保存。仍要开始新的导入吗？',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: '先保存被拒行' }));
    expect(dispatched).toEqual([]);
    // Saved once: a new import starts without asking.
    fireEvent.click(screen.getByTestId('import-rejected-download'));
    fireEvent.click(screen.getByTestId('import-another'));
    expect(dispatched).toEqual([{ type: 'restarted' }]);
    for (const spy of [created, click]) spy.mockRestore();
  });
});

describe('leaving the import page with rows rejected', () => {
  const question = '2 行被拒数据尚未保存为文件，离开导入页后将无法再保存。仍要离开吗？';
  const asked = () =>
    [...document.querySelectorAll('.ant-modal-confirm-title')].map((title) => title.textContent);

  it('asks first: cancelling keeps the user on the page, with the rows still to save', async () => {
    render(done(() => undefined));
    fireEvent.click(screen.getByTestId('menu-cases'));
    await waitFor(() => expect(asked()).toEqual([question]));
    fireEvent.click(screen.getByRole('button', { name: '先保存被拒行' }));
    await waitFor(() => expect(asked()).toEqual([]));
    expect(screen.queryByTestId('cases-page')).toBeNull();
    expect(screen.getByTestId('import-rejected-download')).toBeInTheDocument();
    // Asked again on the next try; leaving goes on only when the user says so.
    fireEvent.click(screen.getByTestId('menu-cases'));
    await waitFor(() => expect(asked()).toEqual([question]));
    // antd spaces a button's two characters (离 开).
    fireEvent.click(screen.getByRole('button', { name: /^离\s?开$/ }));
    await waitFor(() => expect(screen.getByTestId('cases-page')).toBeInTheDocument());
    expect(screen.queryByTestId('import-done')).toBeNull();
  });

  it('leaves without asking once the rows are saved', async () => {
    const created = vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:0');
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    render(done(() => undefined));
    fireEvent.click(screen.getByTestId('import-rejected-download'));
    fireEvent.click(screen.getByTestId('menu-cases'));
    await waitFor(() => expect(screen.getByTestId('cases-page')).toBeInTheDocument());
    expect(asked()).toEqual([]);
    for (const spy of [created, click]) spy.mockRestore();
  });
});

describe('saving the rejected rows in the desktop app', () => {
  it('says so when the file could not be written, and still asks before the rows are dropped', async () => {
    const dispatched: unknown[] = [];
    const created = vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:0');
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    const calls = installFakeBridge({
      'app.info': () => ({
        ok: true,
        value: { version: '1.0.0', host: 'electron', canPickDirectory: true, canPickFile: true },
      }),
    });
    render(done((action) => dispatched.push(action)));
    // The host known (Electron) before the button is pressed.
    await waitFor(() => expect(calls.map((call) => call.procedure)).toContain('app.info'));
    // React Query hands an answer to its components on a timer (its notifyManager), not in a
    // microtask: one resolved promise had left the host unknown in one run of two.
    await act(async () => await new Promise((resolve) => setTimeout(resolve, 20)));
    fireEvent.click(screen.getByTestId('import-rejected-download'));
    act(() =>
      emitFakeEvent('download.finished', { fileName: '话单.rejected.csv', state: 'interrupted' }),
    );
    expect(screen.getByTestId('import-rejected-save-failed').textContent).toBe(
      '有误的行未能保存为“话单.rejected.csv”：磁盘可能已满，或所选位置不能写入。请换一个位置再保存。',
    );
    fireEvent.click(screen.getByTestId('import-another'));
    await waitFor(() =>
      expect(document.querySelector('.ant-modal-confirm-title')?.textContent).toBe(
        '2 行被拒数据尚未保存为文件，开始新的导入后将无法再保存。仍要开始新的导入吗？',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: '先保存被拒行' }));
    expect(dispatched).toEqual([]);
    // Saved again, to a place that takes it: the message goes, and a new import asks no more.
    fireEvent.click(screen.getByTestId('import-rejected-download'));
    act(() =>
      emitFakeEvent('download.finished', { fileName: '话单.rejected.csv', state: 'completed' }),
    );
    expect(screen.queryByTestId('import-rejected-save-failed')).toBeNull();
    fireEvent.click(screen.getByTestId('import-another'));
    expect(dispatched).toEqual([{ type: 'restarted' }]);
    for (const spy of [created, click]) spy.mockRestore();
  });
});

describe("an import's summary of nickname bills and 财付通 accounts", () => {
  it('says the account a bill is, with a link to it for the merge, and a bill left unsettled', () => {
    const holder = (accountNo: string, shared: number, opposite: number) => ({
      nicknameAccountId: `nick-${accountNo}`,
      nickname: '阿龙',
      party: null as string | null,
      accountId: `acc-${accountNo}`,
      accountNo,
      shared,
      opposite,
    });
    render(
      <Providers>
        <Routed>
          <RunStep
            state={{
              ...initialWizard,
              step: 3,
              summary: {
                ...summary,
                rejectedRows: 0,
                rejectedFile: null,
                sameAccounts: {
                  ties: [
                    holder('wxid_along01', 4, 0),
                    { ...holder('wxid_laozhou01', 2, 0), party: '老周' },
                  ],
                  unsettled: [[holder('wxid_a', 3, 1), holder('wxid_b', 1, 0)]],
                },
              },
            }}
            dispatch={() => undefined}
          />
        </Routed>
      </Providers>,
    );
    const said = screen.getAllByTestId('import-same-account');
    expect(said.map((line) => line.textContent)).toEqual([
      '昵称 阿龙 的账单即 财付通账户 wxid_along01：共同交易单号 4 笔。建议合并：组长可在该账户页一键合并（记入审计，可撤销）。 打开',
      '昵称 阿龙 的账单中的交易对方 老周（仅有名称）即 财付通账户 wxid_laozhou01：共同交易单号 2 笔，均与该账户往来。建议合并：组长可在该账户页一键合并（记入审计，可撤销）。 打开',
      '昵称 阿龙 的账单无法判定属于哪个财付通账户：wxid_a 同向 3 笔、反向 1 笔；wxid_b 同向 1 笔（同向：交易单号在账单本方一侧；反向：该账户是交易对方）。不建议合并。',
    ]);
    expect(said[0]!.querySelector('a')?.getAttribute('href')).toBe('/entities/acc-wxid_along01');
    expect(said[1]!.querySelector('a')?.getAttribute('href')).toBe('/entities/acc-wxid_laozhou01');
    expect(said[2]!.querySelector('a')).toBeNull();
  });
});
