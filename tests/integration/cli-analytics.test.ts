import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { execCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/test-core';

/** The analytics commands over records imported with the CLI itself: exact JSON. */
const env = { QUANLIAN_PASSWORD: 'Admin#Pass2026' };
let dir: string;

function csv(name: string, lines: string[]): string {
  const file = path.join(makeTempDir(), name);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const run = async (args: string[]) => {
  const result = await execCli([...args, '--workspace', dir, '--json'], env);
  if (result.status !== 0) throw new Error(`${args.join(' ')}: ${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout);
};

beforeAll(async () => {
  dir = path.join(makeTempDir(), 'ws');
  expect((await execCli(['init', '--workspace', dir, '--user', 'admin'], env)).status).toBe(0);
  const calls = csv('calls.csv', [
    '本机号码,对方号码,呼叫类型,开始时间,通话时长,LAC,CI',
    '13900000001,13800000001,主叫,2026-04-01 08:00:00,60,100,1',
    '13900000001,13800000002,主叫,2026-04-04 11:00:00,100,200,2',
    '13900000002,13800000001,被叫,2026-04-06 08:00:00,45,100,1',
    '13900000002,13800000002,被叫,2026-04-07 08:00:00,15,200,2',
    '13900000003,13800000001,主叫,2026-04-09 08:00:00,200,300,3',
    '13900000003,13700000003,主叫,2026-04-09 09:00:00,7,300,3',
    '13900000001,10086,被叫,2026-04-05 13:00:00,20,100,1',
    '13900000002,10086,主叫,2026-04-08 09:00:00,20,100,1',
    '13900000001,13700000009,主叫,2026-04-10 08:00:00,10,500,5',
    '13900000002,13700000008,主叫,2026-04-10 08:06:00,10,500,5',
  ]);
  await run(['import', '--template', 'calls', '--file', calls]);
  const money = csv('money.csv', [
    '付款账号,收款账号,交易时间,交易金额',
    '6222000000000000001,6222000000000000002,2026-04-01 10:00:00,"15,000.00"',
    '6222000000000000002,6222000000000000003,2026-04-01 12:00:00,8000.00',
    '6222000000000000003,6222000000000000004,2026-03-31 10:00:00,2000.00',
    '6222000000000000003,6222000000000000004,2026-04-02 10:00:00,6000.00',
  ]);
  await run(['import', '--template', 'transactions', '--file', money]);
}, 120_000);

describe('analytics commands', () => {
  it('contacts common: the two contacts shared by the targets, service numbers left out', async () => {
    const found = await run([
      'contacts',
      'common',
      '--phones',
      '13900000001,13900000002,13900000003',
    ]);
    expect(
      found.rows.map((row: { number: string; targetCount: number; calls: number }) => [
        row.number,
        row.targetCount,
        row.calls,
      ]),
    ).toEqual([
      ['13800000001', 3, 3],
      ['13800000002', 2, 2],
    ]);
    const strict = await run([
      'contacts',
      'common',
      '--phones',
      '13900000001,13900000002,13900000003',
      '--min',
      '3',
    ]);
    expect(strict.total).toBe(1);
  }, 60_000);

  it('contacts top and colocated', async () => {
    const profile = await run(['contacts', 'top', '--phone', '13900000001', '--limit', '2']);
    expect(profile.period.calls).toBe(4);
    expect(profile.period.topByDuration.map((row: { number: string }) => row.number)).toEqual([
      '13800000002',
      '13800000001',
    ]);
    const together = await run([
      'contacts',
      'colocated',
      '--phones',
      '13900000001,13900000002',
      '--window',
      '10m',
      '--min',
      '1',
    ]);
    expect(
      together.pairs.map((pair: { occasions: { cell: string }[] }) =>
        pair.occasions.map((occasion) => occasion.cell),
      ),
    ).toEqual([['500-5']]);
  }, 60_000);

  it('contacts top --compare-from/--compare-to: the second period, who came and who went', async () => {
    const profile = await run([
      'contacts',
      'top',
      '--phone',
      '13900000001',
      '--from',
      '2026-04-01',
      '--to',
      '2026-04-04',
      '--compare-from',
      '2026-04-05',
      '--compare-to',
      '2026-04-10',
    ]);
    expect([profile.period.calls, profile.period.contacts]).toEqual([2, 2]);
    expect(profile.compare).toMatchObject({
      calls: 2,
      // 13700000009; 10086 is a service number, left out as from the lists.
      contacts: 1,
      activeDays: 2,
      gained: ['13700000009'],
      lost: ['13800000001', '13800000002'],
    });
  }, 60_000);

  it('contacts on-cell: who was on a base station between two instants, a page and the total', async () => {
    const args = [
      'contacts',
      'on-cell',
      '--cell',
      '500-5',
      '--from',
      '2026-04-10T08:00:00+08:00',
      '--to',
      '2026-04-10T08:10:00+08:00',
    ];
    const present = await run(args);
    expect(
      present.rows.map((row: { number: string; sightings: number; firstAt: string }) => [
        row.number,
        row.sightings,
        row.firstAt,
      ]),
    ).toEqual([
      ['13900000001', 1, '2026-04-10T00:00:00.000Z'],
      ['13900000002', 1, '2026-04-10T00:06:00.000Z'],
    ]);
    const page = await run([...args, '--limit', '1']);
    expect([page.rows.length, page.total]).toEqual([1, 2]);
    // Typed as people type it: China time.
    const typed = await run([
      'contacts',
      'on-cell',
      '--cell',
      '500-5',
      '--from',
      '2026-04-10 08:00',
      '--to',
      '2026-04-10 08:10:00',
    ]);
    expect(typed.total).toBe(2);
    const text = await execCli([...args, '--limit', '1', '--workspace', dir], env);
    expect(text.stdout).toContain('(1 of 2 shown; raise --limit for more)');
  }, 60_000);

  it('contacts on-cell names where the call lists place the cell (基站地址, its coordinates)', async () => {
    const placed = csv('placed.csv', [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,基站经度,基站纬度,基站地址',
      '13900000009,13700000009,主叫,2026-05-01 08:00:00,60,102.712251,25.040609,昆明市五华区',
    ]);
    const imported = await execCli(
      ['import', '--template', 'calls', '--file', placed, '--workspace', dir],
      env,
    );
    expect(imported.stdout).toContain(
      'base stations placed by their coordinates (基站经度, 基站纬度): 1, drawn on the map',
    );
    const args = ['contacts', 'on-cell', '--cell', '102.712251,25.040609'];
    const period = ['--from', '2026-05-01 00:00', '--to', '2026-05-02 00:00'];
    expect((await run([...args, ...period])).site).toEqual({
      address: '昆明市五华区',
      lng: 102.712251,
      lat: 25.040609,
    });
    const text = await execCli([...args, ...period, '--workspace', dir], env);
    expect(text.stdout.split('\n').slice(0, 2)).toEqual([
      '昆明市五华区  (102.712251, 25.040609)',
      '13900000009  1 sightings  2026-05-01 08:00 – 2026-05-01 08:00',
    ]);
  }, 60_000);

  it('money trace --structuring-threshold (yuan) and --limit: the flags under it, a page and the total', async () => {
    const plain = await run(['money', 'trace', '--account', '6222000000000000001']);
    expect(plain.accounts[1].flags.structuring).toBe(0);
    // 8,000.00 is within 10 % under 8,001.00.
    const flagged = await run([
      'money',
      'trace',
      '--account',
      '6222000000000000001',
      '--structuring-threshold',
      '8001',
      '--limit',
      '2',
    ]);
    expect(
      flagged.accounts.map((account: { hop: number; flags: { structuring: number } }) => [
        account.hop,
        account.flags.structuring,
      ]),
    ).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(flagged.total).toBe(4);
    const bad = await execCli(
      ['money', 'trace', '--account', '6222000000000000001', '--structuring-threshold', '8千', '--workspace', dir],
      env,
    ); // prettier-ignore
    expect([bad.status, bad.stderr]).toEqual([
      2,
      expect.stringContaining('--structuring-threshold'),
    ]);
  }, 60_000);

  it('money trace: each reached account with hop, amount and path; an earlier transfer is not followed', async () => {
    const trace = await run(['money', 'trace', '--account', '6222000000000000001', '--hops', '3']);
    expect(
      trace.accounts.map((account: { accountNo: string; hop: number; reachedFen: number }) => [
        account.accountNo.slice(-1),
        account.hop,
        account.reachedFen,
      ]),
    ).toEqual([
      ['1', 0, 1_500_000],
      ['2', 1, 1_500_000],
      ['3', 2, 800_000],
      ['4', 3, 600_000],
    ]);
    const unknown = await execCli(
      ['money', 'trace', '--account', '6222999999999999999', '--workspace', dir],
      env,
    );
    expect([unknown.status, unknown.stderr]).toEqual([
      1,
      'error: 工作区中没有账户 6222999999999999999。\n',
    ]);
  }, 60_000);
});
