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
