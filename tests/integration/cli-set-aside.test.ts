import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copiedCliWorkspace, execCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/test-core';

const env = { QUANLIAN_PASSWORD: 'Admin#Pass2026' };

/** A bank statement of three transfers, the second one failed (交易状态 失败): it moved nothing. */
function statement(file: string): void {
  fs.writeFileSync(
    file,
    [
      ['交易卡号', '交易日期', '交易金额', '借贷标志', '对手账号', '对手户名', '交易状态'],
      [
        '6222020200112233445',
        '2026-04-01 08:00:00',
        '1000.00',
        '借',
        '6228480398271645312',
        '李某',
        '成功',
      ],
      [
        '6222020200112233445',
        '2026-04-02 09:00:00',
        '500.00',
        '借',
        '6228480398271645312',
        '李某',
        '失败',
      ],
      [
        '6222020200112233445',
        '2026-04-03 10:00:00',
        '200.00',
        '贷',
        '6228480398271645312',
        '李某',
        '成功',
      ],
    ]
      .map((cells) => cells.join(','))
      .join('\n'),
  );
}

describe('import: rows set aside as moving no money, said by line with why', () => {
  it('the dry run and the import list them (zh and en), and --json carries them', async () => {
    const dir = copiedCliWorkspace('admin', path.join(makeTempDir(), 'ws'));
    const file = path.join(makeTempDir(), '流水.csv');
    statement(file);
    const args = ['import', '--workspace', dir, '--template', 'transactions', '--file', file];

    const dry = await execCli([...args, '--dry-run'], env);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain(
      '看似交易、实未动资金的行（1 行，不计入金额，无需修正）\n  第 3 行 交易未成功（失败、关闭、撤销或未支付），资金未动',
    );
    const english = await execCli([...args, '--dry-run', '--lang', 'en'], env);
    expect(english.stdout).toContain(
      'Rows that read as transfers but moved no money (1; not counted, nothing to fix)\n  line 3: Not completed (failed, closed, cancelled or unpaid): no money moved',
    );
    const json = JSON.parse((await execCli([...args, '--dry-run', '--json'], env)).stdout);
    expect(json.setAside).toEqual([{ line: 3, reason: 'notCompleted' }]);

    const imported = await execCli(args, env);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('\n  第 3 行 交易未成功');
  });

  it("a card's pre-authorisation hold is no error (exit 0) and no rejected row; its declined row is an attempt", async () => {
    const dir = copiedCliWorkspace('admin', path.join(makeTempDir(), 'ws'));
    const file = path.join(import.meta.dirname, '../fixtures/records/card-acquiring-declined.csv');
    const rejected = path.join(makeTempDir(), 'rejected.csv');
    const args = ['import', '--workspace', dir, '--template', 'transactions', '--file', file];
    const dry = await execCli([...args, '--direction', 'out', '--dry-run'], env);
    // It had been "1 with errors", exit 1, the hold written to the rejected-rows file.
    expect([dry.status, dry.stdout.split('\n')[0]]).toEqual([
      0,
      "4 rows, 4 valid, 0 with errors, 2 more that moved no money (interest 0.00, a freeze; a failed, closed or refunded payment; a move between the holder's own accounts) not imported (dry run: nothing written)",
    ]);
    const imported = await execCli(
      [...args, '--direction', 'out', '--skip-invalid', '--rejected', rejected],
      env,
    );
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain(
      '\n1 attempted, not completed (失败, declined): kept with their counterpart account, not counted\n',
    );
    expect(imported.stdout).toContain(
      '\n  第 4 行 预授权冻结或预授权撤销，资金未划转；预授权完成才是付款',
    );
    expect(fs.existsSync(rejected)).toBe(false);
  });

  it('a file that is not there is said as the app says it, with no usage text, nothing written', async () => {
    const dir = copiedCliWorkspace('admin', path.join(makeTempDir(), 'ws'));
    const missing = path.join(makeTempDir(), '不存在.csv');
    const args = ['import', '--workspace', dir, '--template', 'calls', '--file', missing];
    const said = await execCli(args, env);
    expect([said.status, said.stdout, said.stderr]).toEqual([
      1,
      '',
      'error: 无法读取该文件（不存在或无权限）。\n',
    ]);
    const json = await execCli([...args, '--json'], env);
    expect(JSON.parse(json.stdout).error).toMatchObject({
      code: 'import.fileUnreadable',
      details: { path: missing },
    });
  });
});
