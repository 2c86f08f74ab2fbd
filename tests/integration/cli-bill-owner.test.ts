import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copiedCliWorkspace, execCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/test-core';

const env = { QUANLIAN_PASSWORD: 'Admin#Pass2026' };

/** A WeChat bill of one transfer to 小李, its owner named by the nickname 老王 alone. */
function bill(file: string, reference: string): string {
  const text = [
    '微信支付账单明细',
    '微信昵称：[老王]',
    '----------------------微信支付账单明细列表--------------------',
    '交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注',
    `2026-04-12 10:00:00,转账,小李,/,支出,¥2000.00,零钱,对方已收钱,${reference},/,/`,
  ].join('\n');
  fs.writeFileSync(file, text);
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

describe('import of a bill whose owner is known by a WeChat nickname alone', () => {
  it('says so and how --own-account ties it to a real account; two such bills match nothing', async () => {
    const dir = copiedCliWorkspace('admin', path.join(makeTempDir(), 'ws'));
    const folder = makeTempDir();
    const [one, two] = [path.join(folder, 'wechat.csv'), path.join(folder, 'wechat2.csv')];
    const [keyOne, keyTwo] = [bill(one, '1000001'), bill(two, '1000002')];
    const run = async (file: string, extra: string[] = []) =>
      await execCli(
        ['import', '--workspace', dir, '--template', 'transactions', '--file', file, ...extra],
        env,
      );
    const first = await run(one);
    // The time it took said as "(… s)".
    const lines = first.stdout.replace(/\(\d+(?:\.\d+)? s\)/, '(… s)').split('\n');
    expect([first.status, lines.slice(0, 3)]).toEqual([
      0,
      [
        '1 rows imported: 2 entities created, 0 matched, 1 relations created, 0 updated (… s)',
        `owner from the file's heading: 老王（微信昵称，文件${keyOne}）`,
        `本方仅以微信昵称标识：昵称不是身份标识，记为本文件单独的账户“老王（微信昵称，文件${keyOne}）”，不与其他文件的账户合并。用 --own-account 写明真实账号或微信号，即可关联到该账户。`,
      ],
    ]);
    // The second person's bill: nothing matched (the one account had held both people's money).
    const second = await run(two, ['--json', '--lang', 'en']);
    const report = JSON.parse(second.stdout);
    expect([
      second.status,
      report.owner,
      report.ownerKnownBy,
      report.summary.entitiesCreated,
      report.summary.entitiesMatched,
    ]).toEqual([0, `老王（微信昵称，文件${keyTwo}）`, 'nickname', 2, 0]);
    // Tied to a real WeChat ID, the owner is said no more.
    const third = path.join(folder, 'wechat3.csv');
    bill(third, '1000003');
    const tied = await run(third, ['--own-account', 'wxid_laowang', '--dry-run', '--lang', 'en']);
    expect([tied.status, tied.stdout.includes('nickname'), tied.stdout.includes('昵称')]).toEqual([
      0,
      false,
      false,
    ]);
  });
});

describe('--own-account for a WeChat bill', () => {
  it('takes a WeChat ID the user chose, and refuses a nickname as one, in either language', async () => {
    const dir = copiedCliWorkspace('admin', path.join(makeTempDir(), 'ws'));
    const file = path.join(makeTempDir(), 'wechat.csv');
    bill(file, '1000001');
    const run = async (...extra: string[]) =>
      await execCli(
        ['import', '--workspace', dir, '--template', 'transactions', '--file', file, ...extra],
        env,
      );
    const nickname = await run('--own-account', '老王');
    expect([nickname.status, nickname.stdout, nickname.stderr.trim()]).toEqual([
      1,
      '',
      'error: 本方账户“老王”不是微信号，未导入：微信账单的本方账户应填微信号（6–20 位，字母开头，可含字母、数字、下划线和减号；或 wxid_ 开头），老账号也可以是 QQ 号或手机号。昵称和姓名不是微信号，不知道微信号时请留空。',
    ]);
    const english = await run('--own-account', 'lao', '--lang', 'en');
    expect([english.status, english.stderr.trim()]).toEqual([
      1,
      'error: The own account “lao” is not a WeChat ID; nothing imported. On a WeChat bill it must be one: 6–20 characters starting with a letter, then letters, digits, _ or - (or starting with wxid_); an older account’s may be its QQ or mobile number. A nickname or a name is no WeChat ID: leave the field empty when the ID is not known.',
    ]);
    const chosen = await run('--own-account', 'laowang_1988', '--json');
    expect([chosen.status, JSON.parse(chosen.stdout).owner]).toEqual([0, 'laowang_1988']);
  });
});

describe("a nickname bill and the 财付通 调证 of the owner's account, by the CLI", () => {
  it('says the bill is that account, with the 交易单号 in common, in either order and language', async () => {
    const fixtures = path.resolve(__dirname, '../fixtures/records');
    const files = {
      bill: path.join(fixtures, 'wechat-bill-along.csv'),
      tenpay: path.join(fixtures, 'tenpay-along.csv'),
    };
    // The bill's own account, then its counterparts named alone (老周, 小李): the 调证's accounts.
    const merge = '建议合并：组长可在该账户页一键合并（记入审计，可撤销）。';
    const zh = [
      `昵称 阿龙 的账单即 财付通账户 wxid_along01：共同交易单号 4 笔。${merge}`,
      `昵称 阿龙 的账单中的交易对方 老周（仅有名称）即 财付通账户 wxid_laozhou：共同交易单号 2 笔，均与该账户往来。${merge}`,
      `昵称 阿龙 的账单中的交易对方 小李（仅有名称）即 财付通账户 wxid_xiaoli：共同交易单号 1 笔，均与该账户往来。${merge}`,
    ];
    const suggest =
      "Suggested merge: a lead can merge them with one action on the account's page (audited, can be undone).";
    const english = [
      `The bill of nickname 阿龙 is 财付通 (Tenpay) account wxid_along01: 4 transaction numbers (交易单号) in common. ${suggest}`,
      `The counterpart 老周 (named alone) in the bill of nickname 阿龙 is 财付通 (Tenpay) account wxid_laozhou: 2 transaction numbers (交易单号) in common, all with that account. ${suggest}`,
      `The counterpart 小李 (named alone) in the bill of nickname 阿龙 is 财付通 (Tenpay) account wxid_xiaoli: 1 transaction numbers (交易单号) in common, all with that account. ${suggest}`,
    ];
    for (const [first, second, lang, line] of [
      ['bill', 'tenpay', 'zh', zh],
      ['tenpay', 'bill', 'en', english],
    ] as const) {
      const dir = copiedCliWorkspace('admin', path.join(makeTempDir(), 'ws'));
      const run = async (file: string) =>
        await execCli(
          [
            'import',
            '--workspace',
            dir,
            '--template',
            'transactions',
            '--file',
            file,
            ...(lang === 'en' ? ['--lang', 'en'] : []),
          ],
          env,
        );
      const before = await run(files[first]);
      expect([
        before.status,
        before.stdout.includes('wxid_along01：'),
        before.stdout.includes('Tenpay'),
      ]).toEqual([0, false, false]);
      const after = await run(files[second]);
      expect([after.status, after.stdout.trim().split('\n').slice(-3)]).toEqual([0, line]);
    }
  });
});
