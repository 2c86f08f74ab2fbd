import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * Carriers' and payment platforms' database dumps give times as Unix seconds or milliseconds, or
 * with milliseconds after a colon: every such row had been refused as no time.
 */
const { planned, plannedWorkbook, core } = previewsOnNewWorkspace();

describe('times as epoch numbers and with milliseconds', () => {
  it('a call list: seconds, milliseconds, a colon’s or a dot’s milliseconds; ten digits that may be a date refused', async () => {
    const plan = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13800138000,13900139000,主叫,1775035007,65',
      '13800138000,13900139000,被叫,1775035107923,30',
      '13800138000,13900139000,主叫,2026-04-01 17:20:47:123,12',
      '13800138000,13900139000,主叫,2026-04-01 17:21:47.123,12',
      '13800138000,13900139000,主叫,2026040117,12',
    ]);
    expect(pick(plan.sample, ['startedAt'])).toEqual([
      ['2026-04-01T09:16:47.000Z'],
      ['2026-04-01T09:18:27.000Z'],
      ['2026-04-01T09:20:47.000Z'],
      ['2026-04-01T09:21:47.000Z'],
    ]);
    expect(plan.problems.map((problem) => [problem.line, problem.field, problem.problem])).toEqual([
      [6, 'startedAt', 'dateTime'],
    ]);
  });

  it('an epoch under a header naming a zone is UTC still; beside a date column it is read alone', async () => {
    const zoned = await planned('calls', [
      '本机号码,对方号码,呼叫类型,开始时间(GMT+7),通话时长',
      '13800138000,13900139000,主叫,1775035007,65',
      '13800138000,13900139000,主叫,2026-04-01 16:16:47:000,65',
    ]);
    expect(pick(zoned.sample, ['startedAt'])).toEqual([
      ['2026-04-01T09:16:47.000Z'],
      ['2026-04-01T09:16:47.000Z'],
    ]);
    const split = await planned('calls', [
      '本机号码,对方号码,呼叫类型,通话日期,开始时间,通话时长',
      '13800138000,13900139000,主叫,20260401,1775035007,65',
      '13800138000,13900139000,主叫,20260401,17:16:47:123,65',
    ]);
    expect(pick(split.sample, ['startedAt'])).toEqual([
      ['2026-04-01T09:16:47.000Z'],
      ['2026-04-01T09:16:47.000Z'],
    ]);
  });

  it('a statement’s epoch times as text and as number cells; the transfers stored at those instants', async () => {
    const plan = await planned('transactions', [
      '账号,交易时间,借贷标志,交易金额,对方账号',
      '6214620012345678,1764547200,借,100.00,6217001540009283746',
      '6214620012345678,1764547200000,贷,50.00,6217001540009283746',
      '6214620012345678,20251201,借,20.00,6217001540009283746',
    ]);
    expect(pick(plan.sample, ['at', 'direction', 'amountFen'])).toEqual([
      ['2025-12-01T00:00:00.000Z', 'out', '10000'],
      ['2025-12-01T00:00:00.000Z', 'in', '5000'],
      // Eight digits are the day (00:00 China time), not a second of 1970.
      ['2025-11-30T16:00:00.000Z', 'out', '2000'],
    ]);
    const cells = await plannedWorkbook('transactions', [
      {
        rows: [
          ['账号', '交易时间', '借贷标志', '交易金额', '对方账号'],
          ['6214620012345678', 1764547200, '借', 100, '6217001540009283746'],
          ['6214620012345678', 1764547200999, '贷', 50, '6217001540009283746'],
        ],
      },
    ]);
    expect(cells.problems).toEqual([]);
    expect(pick(cells.sample, ['at', 'direction'])).toEqual([
      ['2025-12-01T00:00:00.000Z', 'out'],
      ['2025-12-01T00:00:00.000Z', 'in'],
    ]);
    const c = core();
    await c.ok('import.commit', {
      importId: 'imp-epoch',
      fileName: 'dump.csv',
      contentBase64: Buffer.from(
        [
          '账号,交易时间,借贷标志,交易金额,对方账号',
          '6214620012345678,1775035007,借,100.00,6217001540009283746',
          '6214620012345678,2026-04-01 17:20:47:500,贷,50.00,6217001540009283746',
        ].join('\n'),
      ).toString('base64'),
      template: 'transactions',
    });
    expect(
      c.router.sessions
        .current()!
        .sqlite.prepare('SELECT at, direction, amount_fen FROM money_transfers ORDER BY line')
        .all(),
    ).toEqual([
      { at: '2026-04-01T09:16:47.000Z', direction: 'out', amount_fen: 10000 },
      { at: '2026-04-01T09:20:47.000Z', direction: 'in', amount_fen: 5000 },
    ]);
  });

  it('a call list committed: its started times in Unix seconds', async () => {
    const c = core();
    await c.ok('import.commit', {
      importId: 'imp-calls',
      fileName: 'calls.csv',
      contentBase64: Buffer.from(
        [
          '本机号码,对方号码,呼叫类型,开始时间,通话时长',
          '13800138000,13900139000,主叫,1775035007,65',
          '13800138000,13900139000,被叫,2026-04-01 17:20:47:999,30',
        ].join('\n'),
      ).toString('base64'),
      template: 'calls',
    });
    expect(
      c.router.sessions
        .current()!
        .sqlite.prepare('SELECT started_unix, duration_seconds FROM call_records ORDER BY id')
        .all(),
    ).toEqual([
      { started_unix: 1775035007, duration_seconds: 65 },
      { started_unix: 1775035247, duration_seconds: 30 },
    ]);
  });
});
