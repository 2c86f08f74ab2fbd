import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * Dates with the year's two digits last (01-04-26 for 1 April 2026), in a call list or a
 * statement whose other dates are in 2026: they had been read year first, 2001-04-26, a row
 * twenty-five years off. And a statement's date that could be read either way (03/04/2026) is
 * read by the file's other dates, as a call list's already was.
 */
let c: TestCore;
afterEach(() => c?.dispose());

async function commit(template: 'calls' | 'transactions', lines: string[]) {
  c = makeTestCore();
  await createTestWorkspace(c);
  return c.ok('import.commit', {
    importId: `imp-${template}`,
    fileName: `${template}.csv`,
    contentBase64: Buffer.from(lines.join('\r\n'), 'utf8').toString('base64'),
    template,
  });
}

function stored(sql: string): string[] {
  return c.router.sessions
    .current()!
    .sqlite.prepare(sql)
    .all()
    .map((row) => {
      const { line, at } = row as { line: number; at: number | string };
      return `${line} ${typeof at === 'number' ? new Date(at * 1000).toISOString() : at}`;
    });
}

const callTimes = () => stored('SELECT line, started_unix AS at FROM call_records ORDER BY line');
const transferTimes = () => stored('SELECT line, at FROM money_transfers ORDER BY line');

describe('a two-digit year written last', () => {
  it('in a call list of April 2026: day first, where the month-first reading falls outside the list', async () => {
    const summary = await commit('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13800138000,13900139000,主叫,2026-04-01 08:00:00,65',
      '13800138000,13900139000,被叫,01-04-26 08:10:00,30',
      '13800138000,13900139000,主叫,02-04-26 09:00:00,30',
      '13800138000,13900139000,主叫,2026-04-03 10:00:00,30',
    ]);
    expect(summary).toMatchObject({ rows: 4, rejectedRows: 0 });
    expect(callTimes()).toEqual([
      '2 2026-04-01T00:00:00.000Z',
      '3 2026-04-01T00:10:00.000Z',
      '4 2026-04-02T01:00:00.000Z',
      '5 2026-04-03T02:00:00.000Z',
    ]);
  });

  it('in a call list: month first, where only that reading falls among the other rows', async () => {
    await commit('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13800138000,13900139000,主叫,2026-04-01 08:00:00,65',
      '13800138000,13900139000,被叫,04-02-26 08:10:00,30',
      '13800138000,13900139000,主叫,2026-04-03 10:00:00,30',
    ]);
    expect(callTimes()).toEqual([
      '2 2026-04-01T00:00:00.000Z',
      '3 2026-04-02T00:10:00.000Z',
      '4 2026-04-03T02:00:00.000Z',
    ]);
  });

  it('a day past 12 in one row says day first for the rest; the year first where it is the file’s', async () => {
    await commit('calls', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13800138000,13900139000,主叫,2026-04-01 08:00:00,65',
      '13800138000,13900139000,被叫,13-04-26 08:10:00,30',
      '13800138000,13900139000,被叫,05-04-26 08:10:00,30',
      // Year first (26-04-20), as Chinese systems print it: read as it was.
      '13800138000,13900139000,主叫,26-04-20 10:00:00,30',
      '13800138000,13900139000,主叫,2026-05-30 10:00:00,30',
    ]);
    expect(callTimes()).toEqual([
      '2 2026-04-01T00:00:00.000Z',
      '3 2026-04-13T00:10:00.000Z',
      '4 2026-04-05T00:10:00.000Z',
      '5 2026-04-20T02:00:00.000Z',
      '6 2026-05-30T02:00:00.000Z',
    ]);
  });

  it('a statement’s year-last date that could be read either way is read by its other dates, as a call list’s', async () => {
    await commit('transactions', [
      '交易卡号,交易日期,交易时间,交易金额,借贷标志,对手账号',
      '6228480398271645312,2026-04-01,17:16:47,1200.00,借,6222020200112233445',
      // Slashes alone read month first: 4 March, a month before the rest of the statement.
      '6228480398271645312,03/04/2026,08:15:00,50.00,贷,6222020200112233445',
      '6228480398271645312,2026-04-05,09:00:00,80.00,借,6222020200112233445',
    ]);
    expect(transferTimes()).toEqual([
      '2 2026-04-01T09:16:47.000Z',
      '3 2026-04-03T00:15:00.000Z',
      '4 2026-04-05T01:00:00.000Z',
    ]);
  });

  it('in a bank statement, with a year-last date that could be read either way beside it', async () => {
    const summary = await commit('transactions', [
      '交易卡号,交易日期,交易时间,交易金额,借贷标志,对手账号',
      '6228480398271645312,2026-04-01,17:16:47,1200.00,借,6222020200112233445',
      '6228480398271645312,02-04-26,08:15:00,300.00,贷,6222020200112233445',
      // Slashes read month first alone (4 March): the file's April says 3 April.
      '6228480398271645312,03/04/2026,08:15:00,50.00,贷,6222020200112233445',
      '6228480398271645312,2026-04-05,09:00:00,80.00,借,6222020200112233445',
    ]);
    expect(summary).toMatchObject({ rows: 4, rejectedRows: 0 });
    expect(transferTimes()).toEqual([
      '2 2026-04-01T09:16:47.000Z',
      '3 2026-04-02T00:15:00.000Z',
      '4 2026-04-03T00:15:00.000Z',
      '5 2026-04-05T01:00:00.000Z',
    ]);
  });
});
