import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RelationRow } from '../../electron/api/schemas/entity-schemas';
import { RelationRecordsModal } from '../../renderer/src/features/entities/RelationRecordsModal';
import { installFakeBridge, Providers } from './fake-bridge';

const relation: RelationRow = {
  id: 'rel-1',
  fromEntityId: 'a',
  fromLabel: '6217001540009283746',
  fromKind: 'account',
  toEntityId: 'b',
  toLabel: '6222021234567890123',
  toKind: 'account',
  type: 'finances',
  directed: true,
  startedOn: '2026-04-01',
  endedOn: '2026-04-02',
  amountFen: 30_000,
  eventCount: 1,
  durationSeconds: null,
  drugType: null,
  quantityValue: null,
  quantityUnit: null,
  quantityNormalised: null,
  normalisedUnit: null,
  source: '流水.csv',
  reliability: null,
  credibility: null,
  caseId: null,
  caseNo: null,
  notes: null,
};
const source = (line: number) => ({
  importId: 'imp-1',
  fileName: '流水.csv',
  sha256: 'ab',
  template: 'transactions',
  importedAt: '2026-04-10T00:00:00.000Z',
  importedBy: 'admin',
  line,
});
const row = (line: number, recordKind: string, amountFen: number, offsetLine: number | null) => ({
  at: `2026-04-0${line}T02:00:00.000Z`,
  recordKind,
  durationSeconds: null,
  amountFen,
  detail: null,
  copy: false,
  offsetLine,
  offsetFile: null,
  unmatchedReversal: false,
  attempt: false,
  trace: null,
  source: source(line),
});

describe('the drill-down of a money relation', () => {
  it('marks a reversal and the transfer it undoes with the line each cancels with', async () => {
    installFakeBridge({
      'import.records': () => ({
        ok: true,
        value: {
          kind: 'transfers',
          total: 3,
          counts: { calls: 0, messages: 0, copies: 0 },
          rows: [row(2, 'out', 100_000, 3), row(3, 'in', 100_000, 2), row(4, 'out', 30_000, null)],
        },
      }),
    });
    render(
      <Providers>
        <RelationRecordsModal relation={relation} onClose={() => undefined} />
      </Providers>,
    );
    const marks = await screen.findAllByTestId('record-offset');
    expect(marks.map((mark) => mark.textContent)).toEqual([
      '支出 · 冲正：与第 3 行相抵，均不计入金额',
      '收入 · 冲正：与第 2 行相抵，均不计入金额',
    ]);
    const table = screen.getByTestId('relation-records');
    expect(within(table).getAllByRole('row')).toHaveLength(4);
  });

  it("names the other statement's file where the pair is of two imports, a reversal alone and an attempt as no money", async () => {
    installFakeBridge({
      'import.records': () => ({
        ok: true,
        value: {
          kind: 'transfers',
          total: 4,
          counts: { calls: 0, messages: 0, copies: 0 },
          rows: [
            { ...row(2, 'out', 500_000, 2), offsetFile: 'apr.csv' },
            { ...row(3, 'in', 70_000, null), unmatchedReversal: true },
            row(4, 'out', 30_000, null),
            { ...row(5, 'out', 80_000, null), attempt: true },
          ],
        },
      }),
    });
    render(
      <Providers>
        <RelationRecordsModal relation={relation} onClose={() => undefined} />
      </Providers>,
    );
    const marks = await screen.findAllByTestId('record-offset');
    expect(marks.map((mark) => mark.textContent)).toEqual([
      '支出 · 冲正：与 apr.csv 第 2 行相抵，均不计入金额',
    ]);
    expect(screen.getByTestId('record-reversal-alone').textContent).toBe(
      '收入 · 冲正：原交易不在已导入的流水中，不计入金额',
    );
    // A failed transfer kept as the attempt: said as one, not as a payment.
    expect(screen.getByTestId('record-attempt').textContent).toBe(
      '支出 · 未成功（失败或被拒），不计入金额',
    );
  });
});

describe('where a transfer was made from, in the drill-down', () => {
  it('shows the branch, IP, MAC and device of each transfer that has them', async () => {
    const trace = {
      ip: '117.136.1.2',
      mac: '00:1A:2B:3C:4D:5E',
      device: null,
      branch: '手机银行',
      logNo: 'L0001',
      voucherNo: 'V9001',
    };
    installFakeBridge({
      'import.records': () => ({
        ok: true,
        value: {
          kind: 'transfers',
          total: 2,
          counts: { calls: 0, messages: 0, copies: 0 },
          rows: [
            { ...row(2, 'out', 100_000, null), trace },
            { ...row(3, 'out', 30_000, null), trace: null },
          ],
        },
      }),
    });
    render(
      <Providers>
        <RelationRecordsModal relation={relation} onClose={() => undefined} />
      </Providers>,
    );
    const traces = await screen.findAllByTestId('record-trace');
    expect(traces.map((cell) => cell.textContent)).toEqual([
      '手机银行 · IP 117.136.1.2 · MAC 00:1A:2B:3C:4D:5E',
    ]);
    expect(screen.getByRole('columnheader', { name: '交易终端' })).toBeTruthy();
  });
});
