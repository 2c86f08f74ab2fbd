import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { initialWizard } from '../../renderer/src/features/import/import-wizard';
import { RunStep } from '../../renderer/src/features/import/RunStep';
import { Providers } from './fake-bridge';

const running = (done: number) => (
  <Providers>
    <RunStep
      state={{ ...initialWizard, step: 3, importId: 'imp-1', progress: { done, total: 100_000 } }}
      dispatch={() => undefined}
    />
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
    const summary = {
      importId: 'imp-1',
      template: 'calls' as const,
      rows: 15,
      rejectedRows: 2,
      entitiesCreated: 3,
      entitiesMatched: 0,
      relationsCreated: 2,
      relationsUpdated: 0,
      copies: 0,
      reversals: 0,
      dataSessions: 0,
      withheldNumbers: 0,
      signals: 0,
      cellSites: 0,
      seizuresCreated: 0,
      seconds: 0.1,
      rejectedFile: {
        fileName: '话单.rejected.csv',
        contentBase64: Buffer.from('\ufeff本机号码,原行号,原因\r\n').toString('base64'),
      },
    };
    render(
      <Providers>
        <RunStep state={{ ...initialWizard, step: 3, summary }} dispatch={() => undefined} />
      </Providers>,
    );
    fireEvent.click(screen.getByTestId('import-rejected-download'));
    fireEvent.click(screen.getByTestId('import-rejected-download'));
    expect(saved).toEqual([
      { name: '话单.rejected.csv', bytes: 'blob:0' },
      { name: '话单.rejected.csv', bytes: 'blob:1' },
    ]);
    // Each time the whole file, as the commit gave it.
    const blobs = created.mock.calls.map(([blob]) => blob as Blob);
    const bytesOf = (blob: Blob) =>
      new Promise<Buffer>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(Buffer.from(reader.result as ArrayBuffer));
        reader.readAsArrayBuffer(blob);
      });
    expect(await Promise.all(blobs.map(bytesOf))).toEqual([
      Buffer.from(summary.rejectedFile.contentBase64, 'base64'),
      Buffer.from(summary.rejectedFile.contentBase64, 'base64'),
    ]);
    for (const spy of [created, revoked, click]) spy.mockRestore();
  });
});
