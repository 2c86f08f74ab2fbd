import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copiedCliWorkspace, execCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/test-core';

const env = { QUANLIAN_PASSWORD: 'Admin#Pass2026' };
const fixtures = path.resolve(__dirname, '../fixtures/records');

/**
 * Before importing, an investigator holds the valid rows' totals against the file's own 合计
 * line: the dry run says them (it had given row counts alone).
 */
describe('import dry run: the valid rows added up', () => {
  /** A dry run of the file (a fixture's name, or a path) in a fresh workspace: `extra` its output form. */
  const dryRun = async (template: string, file: string, extra: string[]) => {
    const dir = copiedCliWorkspace('admin', path.join(makeTempDir(), 'ws'));
    const args = ['import', '--workspace', dir, '--template', template, '--file'];
    const where = path.isAbsolute(file) ? file : path.join(fixtures, file);
    return await execCli([...args, where, '--dry-run', ...extra], env);
  };
  const execCliJson = async (template: string, file: string) =>
    JSON.parse((await dryRun(template, file, ['--json'])).stdout) as {
      moneyTotals: unknown;
      callTotals: unknown;
    };

  it('a statement: rows and yuan in and out, the cancelling 冲正 rows apart', async () => {
    // Valid: 贷 12,500.00, 收 ５００．００元, 转入 1000 in; 借 3,000.00 and the ATM's ¥2,000.00 out.
    const zh = await dryRun('transactions', 'bank-statement.csv', ['--lang', 'zh']);
    expect(zh.stdout.split('\n').slice(0, 2)).toEqual([
      '7 rows, 5 valid, 2 with errors (dry run: nothing written)',
      '有效行合计（可与文件的合计行核对）：收入 3 笔 14,000.00 元，支出 2 笔 5,000.00 元；其中相互抵销的冲正 0 笔，不计金额',
    ]);
    const json = await execCliJson('transactions', 'bank-statement.csv');
    expect(json.moneyTotals).toEqual({
      inRows: 3,
      inFen: 1_400_000,
      outRows: 2,
      outFen: 500_000,
      cancellingRows: 0,
    });
    expect(json.callTotals).toBeNull();
  });

  it('a transfer and its 冲正 are in the totals as booked, and said to cancel', async () => {
    const file = path.join(makeTempDir(), 'reversal.csv');
    fs.writeFileSync(
      file,
      [
        '交易卡号,交易户名,交易日期,交易时间,交易金额,借贷标志,交易余额,对手账号,对手户名,摘要',
        '6228480398271645312,李某,20260401,100000,1000.00,借,9000.00,6217001540009283746,王某,转账',
        '6228480398271645312,李某,20260401,100100,1000.00,贷,10000.00,6217001540009283746,王某,冲正',
        '6228480398271645312,李某,20260401,100200,1000.00,借,9000.00,6217001540009283746,王某,转账',
      ].join('\n'),
    );
    const json = await execCliJson('transactions', file);
    expect(json.moneyTotals).toEqual({
      inRows: 1,
      inFen: 100_000,
      outRows: 2,
      outFen: 200_000,
      cancellingRows: 2,
    });
  });

  it('a failed transfer (kept as an attempt) is neither money out nor a cancelling row', async () => {
    const file = path.join(makeTempDir(), 'failed.csv');
    fs.writeFileSync(
      file,
      [
        '交易卡号,交易户名,交易时间,交易金额,借贷标志,对手账号,对手户名,摘要,交易状态',
        '6228480398271645312,李某,2026-04-01 10:00:00,1000.00,借,6217001540009283746,王某,转账,成功',
        '6228480398271645312,李某,2026-04-01 10:05:00,3000.00,借,6217001540009283746,王某,转账,失败',
        '6228480398271645312,李某,2026-04-01 11:00:00,500.00,贷,6217001540009283746,王某,转账,成功',
      ].join('\n'),
    );
    const json = await execCliJson('transactions', file);
    expect(json.moneyTotals).toEqual({
      inRows: 1,
      inFen: 50_000,
      outRows: 1,
      outFen: 100_000,
      cancellingRows: 0,
    });
  });

  it('a call list: calls by way, forwarded, texts, the rest, and the call time', async () => {
    // Out: 主叫 ×6 and MO; in: 被叫 ×5 (one from a number printed 未知); 呼转 1; 短信发 1;
    // SMS-MT and 短信收 2; 65+125+90+300+120+40+30+45+15+60+20+10+10 = 930 s.
    const en = await dryRun('calls', 'carrier-cdr.csv', ['--lang', 'en']);
    expect(en.stdout.split('\n').slice(0, 2)).toEqual([
      '18 rows, 16 valid, 2 with errors (dry run: nothing written)',
      "Valid rows (to check against the file's totals line): calls out 7, in 5, forwarded 1; texts sent 1, received 2; data and signalling 0; call time 0:15:30",
    ]);
    const json = await execCliJson('calls', 'carrier-cdr.csv');
    expect(json.callTotals).toEqual({
      callsOut: 7,
      callsIn: 5,
      forwarded: 1,
      messagesOut: 1,
      messagesIn: 2,
      other: 0,
      callSeconds: 930,
    });
  });
});
