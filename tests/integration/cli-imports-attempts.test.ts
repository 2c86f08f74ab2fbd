import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copiedCliWorkspace, execCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/test-core';

const env = { QUANLIAN_PASSWORD: 'Admin#Pass2026' };

/**
 * A statement's failed or declined transfers are kept as attempts (money_transfers.attempt):
 * `imports list` says how many each import holds (it had said rows and rejected rows alone).
 */
describe('imports list: the attempts each import keeps', () => {
  it('counts a statement’s failed and declined transfers, in the text and in --json', async () => {
    // Two transfers went through, two failed: the import's rows are the two, and the two attempts beside them.
    const dir = copiedCliWorkspace('admin', path.join(makeTempDir(), 'ws'));
    const folder = makeTempDir();
    const statement = path.join(folder, 'failed.csv');
    fs.writeFileSync(
      statement,
      [
        '交易卡号,交易户名,交易时间,交易金额,借贷标志,对手账号,对手户名,摘要,交易状态',
        '6228480398271645312,李某,2026-04-01 10:00:00,1000.00,借,6217001540009283746,王某,转账,成功',
        '6228480398271645312,李某,2026-04-01 10:05:00,3000.00,借,6217001540009283746,王某,转账,失败',
        '6228480398271645312,李某,2026-04-01 10:06:00,3000.00,借,6217001540009283746,王某,转账,失败',
        '6228480398271645312,李某,2026-04-01 11:00:00,500.00,贷,6217001540009283746,王某,转账,成功',
      ].join('\n'),
    );
    const calls = path.join(folder, 'calls.csv');
    fs.writeFileSync(
      calls,
      [
        '本机号码,对方号码,呼叫类型,开始时间,通话时长',
        '13800138000,13900139000,主叫,2026-04-01 08:00:00,65',
      ].join('\n'),
    );
    for (const [template, file] of [
      ['transactions', statement],
      ['calls', calls],
    ])
      expect(
        (
          await execCli(
            ['import', '--workspace', dir, '--template', template!, '--file', file!],
            env,
          )
        ).status,
      ).toBe(0);

    const listed = JSON.parse(
      (await execCli(['imports', 'list', '--workspace', dir, '--json'], env)).stdout,
    ) as { fileName: string; rowCount: number; rejectedCount: number; attemptCount: number }[];
    expect(
      listed.map(({ fileName, rowCount, rejectedCount, attemptCount }) => ({
        fileName,
        rowCount,
        rejectedCount,
        attemptCount,
      })),
    ).toEqual([
      { fileName: 'calls.csv', rowCount: 1, rejectedCount: 0, attemptCount: 0 },
      { fileName: 'failed.csv', rowCount: 2, rejectedCount: 0, attemptCount: 2 },
    ]);
    const lines = async (lang: string) =>
      (await execCli(['imports', 'list', '--workspace', dir, '--lang', lang], env)).stdout
        .trim()
        .split('\n')
        .map((line) => line.split('  ').slice(2).join('  '));
    expect(await lines('zh')).toEqual([
      'calls  1 rows (0 rejected)  calls.csv',
      'transactions  2 rows (0 rejected, 失败或被拒 2 笔（保留）)  failed.csv',
    ]);
    expect((await lines('en'))[1]).toBe(
      'transactions  2 rows (0 rejected, 2 failed or declined, kept)  failed.csv',
    );
  });

  it('an Alipay 交易明细’s closed trades are set aside, as the import says, and no attempts', async () => {
    // The list had said 未成功 0 笔 beside an import that said its 2 closed trades 交易未成功.
    const dir = copiedCliWorkspace('admin', path.join(makeTempDir(), 'ws'));
    const bill = path.resolve(__dirname, '../fixtures/records/alipay-trades-refunded.csv');
    const imported = await execCli(
      ['import', '--workspace', dir, '--template', 'transactions', '--file', bill, '--lang', 'zh'],
      env,
    );
    expect(imported.stdout).toContain('看似交易、实未动资金的行（2 行，不计入金额，无需修正）');
    expect(imported.stdout).not.toContain('失败或被拒');
    const listed = (
      await execCli(['imports', 'list', '--workspace', dir, '--lang', 'zh'], env)
    ).stdout.trim();
    expect(listed.split('  ').slice(2).join('  ')).toBe(
      'transactions  3 rows (0 rejected, 失败或被拒 0 笔（保留）)  alipay-trades-refunded.csv',
    );
  });
});
