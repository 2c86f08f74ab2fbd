import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';
import { contract } from '../../electron/api/contract';
import { moneyPathText } from '../../electron/api/domain/analysis-tables';

/**
 * Investigative analytics over records imported through the router: planted truths among
 * noise, exact results.
 */
let c: TestCore;
afterEach(() => c?.dispose());

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function importCsv(
  template: 'calls' | 'transactions',
  importId: string,
  header: string,
  rows: string[],
) {
  return c.ok('import.commit', {
    fileName: `${importId}.csv`,
    contentBase64: base64([header, ...rows].join('\n') + '\n'),
    template,
    importId,
  });
}

const [t1, t2, t3] = ['13900000001', '13900000002', '13900000003'];
const [c1, c2] = ['13800000001', '13800000002'];
const [n1, n2, n3] = ['13700000001', '13700000002', '13700000003'];
const gateway = '1069012345678901';

/** Three targets; C1 in touch with all three, C2 with T1 and T2; the rest is noise. */
const callRows = [
  `${t1},${c1},主叫,2026-04-01 08:00:00,60`,
  `${t1},${c1},被叫,2026-04-02 09:00:00,30`,
  `${t1},${c1},短信发,2026-04-03 10:00:00,0`,
  `${t1},${c2},主叫,2026-04-04 11:00:00,100`,
  `${t1},${n1},主叫,2026-04-05 12:00:00,10`,
  `${t1},10086,被叫,2026-04-05 13:00:00,20`,
  `${t1},${gateway},短信收,2026-04-05 14:00:00,0`,
  `${t2},${c1},被叫,2026-04-06 08:00:00,45`,
  `${t2},${c2},被叫,2026-04-07 08:00:00,15`,
  `${t2},${c2},短信收,2026-04-07 09:00:00,0`,
  `${t2},${n2},主叫,2026-04-08 08:00:00,5`,
  `${t2},10086,主叫,2026-04-08 09:00:00,20`,
  `${t2},${gateway},短信收,2026-04-08 10:00:00,0`,
  `${t3},${c1},主叫,2026-04-09 08:00:00,200`,
  `${t3},${n3},主叫,2026-04-09 09:00:00,7`,
  `${t3},10086,主叫,2026-04-09 10:00:00,20`,
  `${n1},${n2},主叫,2026-04-10 08:00:00,3`,
  `${t1},${n1},被叫,2026-04-05 23:30:00,40`,
];

async function seedCalls() {
  c = makeTestCore();
  await createTestWorkspace(c);
  await importCsv('calls', 'imp-calls', '本机号码,对方号码,呼叫类型,开始时间,通话时长', callRows);
}

/** `number: targets [target calls/messages/seconds out/in first..last]` per found contact. */
function summary(rows: { number: string; targetCount: number; perTarget: object[] }[]) {
  return rows.map((row) => ({
    number: row.number,
    targets: row.targetCount,
    perTarget: row.perTarget,
  }));
}

describe('话单碰撞 — common contacts', () => {
  it('finds exactly the two planted common contacts with per-target counts and direction', async () => {
    await seedCalls();
    const result = await c.ok('analytics.commonContacts', {
      phones: [t1, '+86 139 0000 0002', t3],
    });
    expect(result.targets.map((target) => target.number)).toEqual([t1, t2, t3]);
    expect(result.total).toBe(2);
    const [first, second] = result.rows;
    expect(first).toMatchObject({
      number: c1,
      numberType: 'mobile',
      targetCount: 3,
      calls: 4,
      messages: 1,
      durationSeconds: 335,
      firstAt: '2026-04-01T00:00:00.000Z',
      lastAt: '2026-04-09T00:00:00.000Z',
    });
    expect(first!.perTarget.map(({ targetId: _, ...rest }) => rest)).toEqual([
      { targetNumber: t1, calls: 2, messages: 1, durationSeconds: 90, outgoing: 2, incoming: 1, firstAt: '2026-04-01T00:00:00.000Z', lastAt: '2026-04-03T02:00:00.000Z' },
      { targetNumber: t2, calls: 1, messages: 0, durationSeconds: 45, outgoing: 0, incoming: 1, firstAt: '2026-04-06T00:00:00.000Z', lastAt: '2026-04-06T00:00:00.000Z' },
      { targetNumber: t3, calls: 1, messages: 0, durationSeconds: 200, outgoing: 1, incoming: 0, firstAt: '2026-04-09T00:00:00.000Z', lastAt: '2026-04-09T00:00:00.000Z' },
    ]); // prettier-ignore
    expect(second).toMatchObject({
      number: c2,
      targetCount: 2,
      calls: 2,
      messages: 1,
      durationSeconds: 115,
    });
    expect(second!.perTarget.map(({ targetId: _, ...rest }) => rest)).toEqual([
      { targetNumber: t1, calls: 1, messages: 0, durationSeconds: 100, outgoing: 1, incoming: 0, firstAt: '2026-04-04T03:00:00.000Z', lastAt: '2026-04-04T03:00:00.000Z' },
      { targetNumber: t2, calls: 1, messages: 1, durationSeconds: 15, outgoing: 0, incoming: 2, firstAt: '2026-04-07T00:00:00.000Z', lastAt: '2026-04-07T01:00:00.000Z' },
    ]); // prettier-ignore
  });

  it("a call in both parties' lists counts once", async () => {
    await seedCalls();
    // C1's own list holds its call from T3 (and one more to T3 an hour later).
    await importCsv('calls', 'imp-c1', '本机号码,对方号码,呼叫类型,开始时间,通话时长', [
      `${c1},${t3},被叫,2026-04-09 08:00:00,200`,
      `${c1},${t3},主叫,2026-04-09 09:00:00,30`,
    ]);
    const result = await c.ok('analytics.commonContacts', { phones: [t1, t2, t3] });
    const t3Row = result.rows[0]!.perTarget.find((row) => row.targetNumber === t3)!;
    expect([t3Row.calls, t3Row.durationSeconds, t3Row.outgoing, t3Row.incoming]).toEqual([
      2, 230, 1, 1,
    ]);
    const profile = await c.ok('analytics.contactProfile', { phone: t3 });
    expect([profile.period.calls, profile.period.durationSeconds]).toEqual([4, 257]);
  });

  it('a merged duplicate phone stands for the phone it was merged into', async () => {
    await seedCalls();
    const idOf = async (number: string) =>
      (await c.ok('analytics.contactProfile', { phone: number })).phone.id;
    const [keepId, mergeId] = [await idOf(c1), await idOf(c2)];
    await c.ok('entities.merge', { keepId, mergeId });
    const result = await c.ok('analytics.commonContacts', { phones: [t1, t2, t3] });
    expect(
      result.rows.map((row) => [row.number, row.targetCount, row.calls, row.messages]),
    ).toEqual([[c1, 3, 6, 2]]);
    const profile = await c.ok('analytics.contactProfile', { phone: c2 });
    expect([profile.phone.id, profile.phone.number, profile.period.calls]).toEqual([keepId, c1, 6]);
  });

  it('K, service numbers, the period and paging', async () => {
    await seedCalls();
    const phones = [t1, t2, t3];
    const all = await c.ok('analytics.commonContacts', { phones, minTargets: 3 });
    expect(summary(all.rows).map((row) => [row.number, row.targets])).toEqual([[c1, 3]]);

    const withService = await c.ok('analytics.commonContacts', { phones, includeService: true });
    expect(withService.rows.map((row) => [row.number, row.numberType, row.targetCount])).toEqual([
      [c1, 'mobile', 3],
      ['10086', 'service', 3],
      [c2, 'mobile', 2],
      [gateway, 'smsGateway', 2],
    ]);

    // China days 04-05 … 04-09, both whole: C1 with T2 and T3 only; C2 drops out.
    const period = await c.ok('analytics.commonContacts', {
      phones,
      from: '2026-04-05',
      to: '2026-04-09',
    });
    expect(
      period.rows.map((row) => [row.number, row.perTarget.map((t) => t.targetNumber)]),
    ).toEqual([[c1, [t2, t3]]]);
    // An instant as the upper bound is inclusive: 04-09 08:00 China is 00:00 UTC.
    const instant = await c.ok('analytics.commonContacts', {
      phones,
      from: '2026-04-05',
      to: '2026-04-08T23:59:59.999Z',
    });
    expect(instant.total).toBe(0);

    const page = await c.ok('analytics.commonContacts', { phones, limit: 1 });
    expect([page.rows.map((row) => row.number), page.total]).toEqual([[c1], 2]);
    const next = await c.ok('analytics.commonContacts', { phones, limit: 1, offset: 1 });
    expect([next.rows.map((row) => row.number), next.total]).toEqual([[c2], 2]);
  });

  it("a case's suspects' phones are the targets", async () => {
    await seedCalls();
    const caseRow = await c.ok('cases.create', {
      caseNo: 'A3301052026040001',
      title: '贩毒案',
      offenceType: 'trafficking',
      openedOn: '2026-04-01',
    });
    const phoneId = async (number: string) =>
      (await c.ok('analytics.contactProfile', { phone: number })).phone.id;
    // Two suspects using T1 and T2; a witness using T3 (not a target); T3 alone is not enough.
    for (const [name, number, role] of [
      ['张某', t1, 'suspect'],
      ['李某', t2, 'suspect'],
      ['王某', t3, 'witness'],
    ] as const) {
      const person = await c.ok('cases.addPerson', { caseId: caseRow.id, person: { name }, roleInCase: role });
      await c.ok('relations.create', { fromEntityId: person.entityId, toEntityId: await phoneId(number), type: 'uses' });
    } // prettier-ignore
    const found = await c.ok('analytics.commonContacts', { caseId: caseRow.id });
    expect(found.targets.map((target) => target.number)).toEqual([t1, t2]);
    expect(found.rows.map((row) => [row.number, row.targetCount])).toEqual([
      [c1, 2],
      [c2, 2],
    ]);
    // Named phones and the case together.
    const both = await c.ok('analytics.commonContacts', {
      caseId: caseRow.id,
      phones: [t3],
      minTargets: 3,
    });
    expect(both.rows.map((row) => row.number)).toEqual([c1]);
    expect(await c.call('analytics.commonContacts', { caseId: 'no-such-case' })).toMatchObject({
      ok: false,
      error: { code: 'cases.notFound' },
    });
  });

  it('an unknown phone is refused, naming it; the empty query is refused', async () => {
    await seedCalls();
    expect(await c.call('analytics.commonContacts', { phones: [t1, '13911112222'] })).toMatchObject(
      {
        ok: false,
        error: { code: 'analytics.phoneNotFound', details: { phone: '13911112222' } },
      },
    );
    // The profile and co-location name the unknown phone the same way.
    for (const call of [
      c.call('analytics.contactProfile', { phone: '13911112222' }),
      c.call('analytics.colocation', { phones: [t1, '13911112222'] }),
    ])
      expect(await call).toMatchObject({
        ok: false,
        error: { code: 'analytics.phoneNotFound', details: { phone: '13911112222' } },
      });
    expect(await c.call('analytics.commonContacts', { phones: [] })).toMatchObject({
      ok: false,
      error: { code: 'input.invalid' },
    });
  });
});

const [accA, accB, accC, accD, accE, accF, accX] = [
  '6222000000000000001',
  '6222000000000000002',
  '6222000000000000003',
  '6222000000000000004',
  '6222000000000000005',
  '6222000000000000006',
  '6222000000000000009',
];

/**
 * A → B → (C, E) → D → F, with X's money mixed into B (B holds 75 % traced money when it pays
 * C and E), E paying D once before it received anything (not to be followed), and the B → C
 * transfer seen again on C's own statement (one transfer, not two).
 */
async function seedMoney() {
  c = makeTestCore();
  await createTestWorkspace(c);
  await importCsv('transactions', 'imp-chain', '付款账号,收款账号,交易时间,交易金额', [
    `${accX},${accB},2026-04-01 09:00:00,5000.00`,
    `${accA},${accB},2026-04-01 10:00:00,15000.00`,
    `${accB},${accC},2026-04-01 12:00:00,8000.00`,
    `${accB},${accE},2026-04-01 13:00:00,4000.00`,
    `${accE},${accD},2026-03-31 10:00:00,2000.00`,
    `${accC},${accD},2026-04-02 10:00:00,6000.00`,
    `${accE},${accD},2026-04-02 11:00:00,1000.00`,
    `${accD},${accF},2026-04-03 10:00:00,5000.00`,
  ]);
  await importCsv('transactions', 'imp-c', '交易卡号,对手账号,借贷标志,交易时间,交易金额', [
    `${accC},${accB},贷,2026-04-01 12:00:00,8000.00`,
  ]);
}

describe('资金穿透 — money trace', () => {
  it('a transfer on both statements, booked seconds apart by the two banks, counts once', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await importCsv('transactions', 'imp-a', '交易卡号,对手账号,借贷标志,交易时间,交易金额', [
      `${accA},${accB},借,2026-04-05 10:00:00,5000.00`,
      `${accA},${accB},借,2026-04-05 10:30:00,5000.00`,
    ]);
    await importCsv('transactions', 'imp-b', '交易卡号,对手账号,借贷标志,交易时间,交易金额', [
      `${accB},${accA},贷,2026-04-05 10:00:03,5000.00`,
      `${accB},${accA},贷,2026-04-05 10:31:10,5000.00`,
    ]);
    // Two more, 110 s apart on A's statement and each booked 30 s later on B's: two, not three.
    await importCsv('transactions', 'imp-a2', '交易卡号,对手账号,借贷标志,交易时间,交易金额', [
      `${accA},${accB},借,2026-04-06 10:00:00,500.00`,
      `${accA},${accB},借,2026-04-06 10:01:50,500.00`,
    ]);
    await importCsv('transactions', 'imp-b2', '交易卡号,对手账号,借贷标志,交易时间,交易金额', [
      `${accB},${accA},贷,2026-04-06 10:00:30,500.00`,
      `${accB},${accA},贷,2026-04-06 10:02:20,500.00`,
    ]);
    // The payee's bank giving the day alone (交易日期 20260407) against a time on A's.
    await importCsv('transactions', 'imp-a3', '交易卡号,对手账号,借贷标志,交易时间,交易金额', [
      `${accA},${accB},借,2026-04-07 10:00:00,300.00`,
    ]);
    await importCsv('transactions', 'imp-b3', '交易卡号,对手账号,借贷标志,交易日期,交易金额', [
      `${accB},${accA},贷,20260407,300.00`,
    ]);
    const trace = await c.ok('analytics.moneyTrace', { account: accA });
    expect(
      trace.accounts.map((row) => [row.accountNo, row.reachedFen, row.inFen, row.outFen]),
    ).toEqual([
      [accA, 1_130_000, 0, 1_130_000],
      [accB, 1_130_000, 1_130_000, 0],
    ]);
  });

  it('forward: exact amounts per hop, pro rata through mixed accounts, out-of-order not followed', async () => {
    await seedMoney();
    const trace = await c.ok('analytics.moneyTrace', { account: accA });
    expect(trace.accounts.map((row) => [row.accountNo, row.hop, row.reachedFen, row.path])).toEqual(
      [
        [accA, 0, 1_500_000, [accA]],
        [accB, 1, 1_500_000, [accA, accB]],
        [accC, 2, 600_000, [accA, accB, accC]],
        [accE, 2, 300_000, [accA, accB, accE]],
        [accD, 3, 525_000, [accA, accB, accC, accD]],
      ],
    );
    expect(trace.total).toBe(5);
    const number = new Map(trace.accounts.map((row) => [row.id, row.accountNo]));
    expect(
      trace.flows.map((flow) => [number.get(flow.fromId), number.get(flow.toId), flow.hop, flow.tracedFen, flow.transfers]),
    ).toEqual([
      [accA, accB, 1, 1_500_000, 1],
      [accB, accC, 2, 600_000, 1],
      [accB, accE, 2, 300_000, 1],
      [accC, accD, 3, 450_000, 1],
      [accE, accD, 3, 75_000, 1],
    ]); // prettier-ignore
    const b = trace.accounts.find((row) => row.accountNo === accB)!;
    expect(b).toMatchObject({
      inFen: 2_000_000,
      outFen: 1_200_000,
      netFen: 800_000,
      firstAt: '2026-04-01T01:00:00.000Z',
      lastAt: '2026-04-01T05:00:00.000Z',
      counterparties: 4,
      flags: { fastInFastOut: 2, structuring: 0, roundAmounts: 4 },
      alerts: ['fastInFastOut', 'roundAmounts'],
    });
    // The transfer on both statements counts once.
    expect(trace.accounts.find((row) => row.accountNo === accC)).toMatchObject({
      inFen: 800_000,
      outFen: 600_000,
    });

    // 快进快出 is ≥ 80 % of an inflow leaving within 24 h: C passes on 6,000 of 8,000 (75 %);
    // D's 6,000 and 1,000 see 5,000 leave 24 h and 23 h later; E's 4,000 sees 1,000 leave.
    expect(
      ['C', 'D', 'E'].map((name) => {
        const account = trace.accounts.find(
          (row) => row.accountNo === { C: accC, D: accD, E: accE }[name],
        )!;
        return [name, account.flags.fastInFastOut, account.alerts.includes('fastInFastOut')];
      }),
    ).toEqual([
      ['C', 0, false],
      ['D', 2, true],
      ['E', 0, false],
    ]);
    // A page: the first accounts in the same order, each as in the whole result, and the total.
    const page = await c.ok('analytics.moneyTrace', { account: accA, limit: 2 });
    expect([page.accounts, page.total, page.flows]).toEqual([
      trace.accounts.slice(0, 2),
      5,
      trace.flows,
    ]);

    // One hop more reaches F: D holds 525,000 traced of 900,000 when it pays 500,000.
    const four = await c.ok('analytics.moneyTrace', { account: accA, hops: 4 });
    expect(four.accounts.at(-1)).toMatchObject({ accountNo: accF, hop: 4, reachedFen: 291_667 });
    const one = await c.ok('analytics.moneyTrace', { account: accA, hops: 1 });
    expect(one.accounts.map((row) => row.accountNo)).toEqual([accA, accB]);
  });

  it('快进快出 is money passed on to others: paid back to the party it came from, it went nowhere', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    // E gets 8,000 from C and within the hour sends 7,000 back to C (a refund, a loan repaid):
    // no alert. D gets 8,000 from C and sends 7,000 to F: passed on.
    await importCsv('transactions', 'imp-back', '付款账号,收款账号,交易时间,交易金额', [
      `${accC},${accE},2026-04-01 10:00:00,8000.00`,
      `${accE},${accC},2026-04-01 10:30:00,7000.00`,
      `${accC},${accD},2026-04-01 11:00:00,8000.00`,
      `${accD},${accF},2026-04-01 11:30:00,7000.00`,
    ]);
    const trace = await c.ok('analytics.moneyTrace', { account: accC });
    expect(
      [accE, accD].map((accountNo) => {
        const account = trace.accounts.find((row) => row.accountNo === accountNo)!;
        return [account.inFen, account.outFen, account.flags.fastInFastOut];
      }),
    ).toEqual([
      [800_000, 700_000, 0],
      [800_000, 700_000, 1],
    ]);
  });

  it('backward: where D’s money came from, pro rata, the early transfer traced to nothing', async () => {
    await seedMoney();
    const trace = await c.ok('analytics.moneyTrace', { account: accD, direction: 'in' });
    expect(trace.accounts.map((row) => [row.accountNo, row.hop, row.reachedFen, row.path])).toEqual(
      [
        [accD, 0, 900_000, [accD]],
        [accC, 1, 600_000, [accD, accC]],
        [accE, 1, 300_000, [accD, accE]],
        [accB, 2, 700_000, [accD, accC, accB]],
        [accA, 3, 525_000, [accD, accC, accB, accA]],
        [accX, 3, 175_000, [accD, accC, accB, accX]],
      ],
    );
  });

  it("from a person's accounts: all their money traced", async () => {
    await seedMoney();
    const caseRow = await c.ok('cases.create', {
      caseNo: 'A3301052026040002',
      title: '洗钱案',
      offenceType: 'trafficking',
      openedOn: '2026-04-01',
    });
    const person = await c.ok('cases.addPerson', { caseId: caseRow.id, person: { name: '赵某' } });
    for (const accountNo of [accA, accX]) {
      const start = (await c.ok('analytics.moneyTrace', { account: accountNo, hops: 1 })).starts[0]!;
      await c.ok('relations.create', { fromEntityId: person.entityId, toEntityId: start, type: 'owns' });
    } // prettier-ignore
    const trace = await c.ok('analytics.moneyTrace', { personId: person.entityId });
    expect(trace.accounts.map((row) => [row.accountNo, row.hop, row.reachedFen])).toEqual([
      [accA, 0, 1_500_000],
      [accX, 0, 500_000],
      [accB, 1, 2_000_000],
      [accC, 2, 800_000],
      [accE, 2, 400_000],
      [accD, 3, 700_000],
    ]);
  });

  it('money going round a loop (乙 → 丙 → 乙 → 丙) is counted once, and each path has a step a hop', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await importCsv('transactions', 'imp-loop', '付款账号,收款账号,交易时间,交易金额', [
      `${accA},${accB},2026-03-01 10:00:00,10000.00`,
      `${accB},${accC},2026-03-01 11:00:00,10000.00`,
      `${accC},${accB},2026-03-01 12:00:00,10000.00`,
      `${accB},${accC},2026-03-01 13:00:00,10000.00`,
      `${accC},${accD},2026-03-01 14:00:00,10000.00`,
    ]);
    const forward = await c.ok('analytics.moneyTrace', { account: accA, hops: 5 });
    // Only 10,000 left A: B and C each held it, twice; D got it at the fifth transfer.
    expect(forward.accounts.map((row) => [row.accountNo, row.hop, row.reachedFen, row.path])).toEqual([
      [accA, 0, 1_000_000, [accA]],
      [accB, 1, 1_000_000, [accA, accB]],
      [accC, 2, 1_000_000, [accA, accB, accC]],
      [accD, 5, 1_000_000, [accA, accB, accC, accB, accC, accD]],
    ]); // prettier-ignore
    const number = new Map(forward.accounts.map((row) => [row.id, row.accountNo]));
    expect(forward.flows.map((flow) => [number.get(flow.fromId), number.get(flow.toId), flow.hop, flow.tracedFen])).toEqual([
      [accA, accB, 1, 1_000_000],
      [accB, accC, 2, 1_000_000],
      [accC, accB, 3, 1_000_000],
      [accB, accC, 4, 1_000_000],
      [accC, accD, 5, 1_000_000],
    ]); // prettier-ignore
    // Cut at three hops: the money is back in B once, not twice.
    const three = await c.ok('analytics.moneyTrace', { account: accA, hops: 3 });
    expect(three.accounts.map((row) => [row.accountNo, row.reachedFen])).toEqual([
      [accA, 1_000_000],
      [accB, 1_000_000],
      [accC, 1_000_000],
    ]);
    const backward = await c.ok('analytics.moneyTrace', {
      account: accD,
      hops: 6,
      direction: 'in',
    });
    expect(backward.accounts.map((row) => [row.accountNo, row.hop, row.reachedFen, row.path])).toEqual([
      [accD, 0, 1_000_000, [accD]],
      [accC, 1, 1_000_000, [accD, accC]],
      [accB, 2, 1_000_000, [accD, accC, accB]],
      [accA, 5, 1_000_000, [accD, accC, accB, accC, accB, accA]],
    ]); // prettier-ignore
    // Printed, a backward path runs against its arrows, the money's way.
    expect(moneyPathText(backward.direction, backward.accounts[3]!.path)).toBe(
      `${accD} ← ${accC} ← ${accB} ← ${accC} ← ${accB} ← ${accA}`,
    );
    expect(moneyPathText(forward.direction, forward.accounts[1]!.path)).toBe(`${accA} → ${accB}`);
  });

  it('part of the money coming back is taken off, fresh money reaching the account at a later hop is not', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await importCsv('transactions', 'imp-part', '付款账号,收款账号,交易时间,交易金额', [
      `${accA},${accE},2026-03-01 09:00:00,3000.00`,
      `${accA},${accB},2026-03-01 10:00:00,10000.00`,
      `${accB},${accC},2026-03-01 11:00:00,4000.00`,
      `${accC},${accB},2026-03-01 12:00:00,4000.00`,
      `${accE},${accB},2026-03-01 12:30:00,3000.00`,
    ]);
    const trace = await c.ok('analytics.moneyTrace', { account: accA, hops: 3 });
    // B: 10,000 from A, 3,000 more of A's through E, and its own 4,000 back from C: 13,000.
    expect(trace.accounts.map((row) => [row.accountNo, row.hop, row.reachedFen, row.path])).toEqual([
      [accA, 0, 1_300_000, [accA]],
      [accB, 1, 1_300_000, [accA, accB]],
      [accE, 1, 300_000, [accA, accE]],
      [accC, 2, 400_000, [accA, accB, accC]],
    ]); // prettier-ignore
  });

  it('cash paid in (no counterpart) mixes with the traced money and is on the ledger', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await importCsv('transactions', 'imp-cash', '交易卡号,对手账号,借贷标志,交易时间,交易金额', [
      `${accB},,贷,2026-04-01 09:00:00,10000.00`,
      `${accB},${accA},贷,2026-04-01 10:00:00,10000.00`,
      `${accB},${accC},借,2026-04-01 12:00:00,10000.00`,
    ]);
    const trace = await c.ok('analytics.moneyTrace', { account: accA, hops: 2 });
    // B holds 10,000 of cash and 10,000 from A when it pays C 10,000: half of it is A's.
    expect(trace.accounts.map((row) => [row.accountNo, row.hop, row.reachedFen])).toEqual([
      [accA, 0, 1_000_000],
      [accB, 1, 1_000_000],
      [accC, 2, 500_000],
    ]);
    expect(trace.accounts[1]).toMatchObject({
      inFen: 2_000_000,
      outFen: 1_000_000,
      counterparties: 2,
    });
  });

  it('follows the accounts through a merge and its undo; a deleted transfer relation is left out', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const accB2 = '6222000000000000008';
    const accA2 = '6222000000000000007';
    await importCsv('transactions', 'imp-b', '交易卡号,对手账号,借贷标志,交易时间,交易金额', [
      `${accB},,贷,2026-04-01 09:00:00,10000.00`,
      `${accB},${accA},贷,2026-04-01 10:00:00,10000.00`,
      `${accB},${accC},借,2026-04-01 12:00:00,10000.00`,
    ]);
    // The same card's other statement, read in under another number: cash paid in at 11:00.
    await importCsv('transactions', 'imp-b2', '交易卡号,对手账号,借贷标志,交易时间,交易金额', [
      `${accB2},,贷,2026-04-01 11:00:00,10000.00`,
      `${accA2},,贷,2026-03-01 11:00:00,1.00`,
    ]);
    const idOf = async (account: string) =>
      (await c.ok('analytics.moneyTrace', { account, hops: 1 })).starts[0]!;
    const reached = async (account: string) =>
      (await c.ok('analytics.moneyTrace', { account, hops: 2 })).accounts.map((row) => [
        row.accountNo,
        row.hop,
        row.reachedFen,
      ]);
    expect(await reached(accA)).toEqual([
      [accA, 0, 1_000_000],
      [accB, 1, 1_000_000],
      [accC, 2, 500_000],
    ]);
    // B2's cash is B's: B holds 30,000 when it pays C, a third of it A's.
    const [a, a2, b, b2] = [
      await idOf(accA),
      await idOf(accA2),
      await idOf(accB),
      await idOf(accB2),
    ];
    const merged = await c.ok('entities.merge', { keepId: b, mergeId: b2 });
    expect(await reached(accA)).toEqual([
      [accA, 0, 1_000_000],
      [accB, 1, 1_000_000],
      [accC, 2, 333_333],
    ]);
    await c.ok('entities.unmerge', { auditSeq: merged.auditSeq });
    expect(await reached(accA)).toEqual([
      [accA, 0, 1_000_000],
      [accB, 1, 1_000_000],
      [accC, 2, 500_000],
    ]);
    // A merged into A2: the transfer to B is A2's now, and A2's own statement with it.
    await c.ok('entities.merge', { keepId: a2, mergeId: a });
    expect(await reached(accA2)).toEqual([
      [accA2, 0, 1_000_000],
      [accB, 1, 1_000_000],
      [accC, 2, 500_000],
    ]);
    // The transfer's relation deleted: its transfers are on no ledger.
    const [relation] = (await c.ok('relations.list', { entityId: b })).filter(
      (row) => row.type === 'finances' && row.fromEntityId === a2,
    );
    await c.ok('relations.delete', { id: relation!.id });
    expect(await reached(accA2)).toEqual([[accA2, 0, 0]]);
    expect(
      (await c.ok('analytics.moneyTrace', { account: accB, hops: 1 })).accounts[0],
    ).toMatchObject({
      inFen: 1_000_000,
      outFen: 1_000_000,
    });
  });

  it('a page cut between equal amounts keeps the account-number order, with the paths named', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    // A pays three accounts the same amount (imported out of number order); the third pays on.
    const [p1, p2, p3, q] = [
      '6222000000000000031',
      '6222000000000000032',
      '6222000000000000033',
      '6222000000000000040',
    ];
    await importCsv('transactions', 'imp-ties', '付款账号,收款账号,交易时间,交易金额', [
      `${accA},${p3},2026-05-01 09:00:00,1000.00`,
      `${accA},${p1},2026-05-01 09:10:00,1000.00`,
      `${accA},${p2},2026-05-01 09:20:00,1000.00`,
      `${p3},${q},2026-05-02 09:00:00,400.00`,
    ]); // prettier-ignore
    const whole = await c.ok('analytics.moneyTrace', { account: accA });
    expect(whole.accounts.map((row) => [row.accountNo, row.hop, row.reachedFen, row.path])).toEqual([
      [accA, 0, 300_000, [accA]],
      [p1, 1, 100_000, [accA, p1]],
      [p2, 1, 100_000, [accA, p2]],
      [p3, 1, 100_000, [accA, p3]],
      [q, 2, 40_000, [accA, p3, q]],
    ]); // prettier-ignore
    for (const limit of [1, 2, 3, 4, 5]) {
      const page = await c.ok('analytics.moneyTrace', { account: accA, limit });
      expect([page.accounts, page.total]).toEqual([whole.accounts.slice(0, limit), 5]);
    }
  });

  it('structuring under a chosen threshold; unknown account named', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    await importCsv('transactions', 'imp-smurf', '付款账号,收款账号,交易时间,交易金额', [
      `${accA},${accB},2026-04-01 09:00:00,9800.00`,
      `${accA},${accB},2026-04-02 09:00:00,9500.00`,
      `${accA},${accB},2026-04-03 09:00:00,9990.00`,
      `${accA},${accB},2026-04-04 09:00:00,10000.00`,
      `${accA},${accB},2026-04-05 09:00:00,8999.00`,
    ]);
    const trace = await c.ok('analytics.moneyTrace', {
      account: accA,
      hops: 1,
      structuringThresholdFen: 1_000_000,
    });
    expect(trace.accounts[0]).toMatchObject({
      accountNo: accA,
      flags: { structuring: 3, roundAmounts: 1 },
      alerts: ['structuring'],
    });
    expect(await c.call('analytics.moneyTrace', { account: '6222999' })).toMatchObject({
      ok: false,
      error: { code: 'analytics.accountNotFound', details: { account: '6222999' } },
    });
  });
});

describe('contact profile of one phone', () => {
  it('totals, top lists, night activity, heat matrix, daily histogram, new contacts, two periods', async () => {
    await seedCalls();
    const profile = await c.ok('analytics.contactProfile', { phone: t1 });
    const { topByCount, topByDuration, newContacts, heatmap, daily, ...totals } = profile.period;
    expect(totals).toEqual({
      from: null,
      to: null,
      calls: 6,
      messages: 2,
      durationSeconds: 260,
      // c1, n1 and c2, as the lists show them: 10086 and the SMS gateway are service numbers.
      contacts: 3,
      firstAt: '2026-04-01T00:00:00.000Z',
      lastAt: '2026-04-05T15:30:00.000Z',
      activeDays: 5,
      nightEvents: 1,
      withheld: 0,
    });
    expect(topByCount.map((row) => [row.number, row.calls, row.messages, row.outgoing, row.incoming])).toEqual([
      [c1, 2, 1, 2, 1],
      [n1, 2, 0, 1, 1],
      [c2, 1, 0, 1, 0],
    ]); // prettier-ignore
    expect(topByDuration.map((row) => [row.number, row.durationSeconds])).toEqual([
      [c2, 100],
      [c1, 90],
      [n1, 50],
    ]);
    expect(newContacts).toEqual([]);
    // Monday = 0: 2026-04-01 is a Wednesday; hours in China time.
    const cells = heatmap.flatMap((hours, weekday) =>
      hours.flatMap((count, hour) => (count ? [[weekday, hour, count]] : [])),
    );
    expect(cells).toEqual([
      [2, 8, 1],
      [3, 9, 1],
      [4, 10, 1],
      [5, 11, 1],
      [6, 12, 1],
      [6, 13, 1],
      [6, 14, 1],
      [6, 23, 1],
    ]);
    expect(daily).toEqual([
      { day: '2026-04-01', calls: 1, messages: 0 },
      { day: '2026-04-02', calls: 1, messages: 0 },
      { day: '2026-04-03', calls: 0, messages: 1 },
      { day: '2026-04-04', calls: 1, messages: 0 },
      { day: '2026-04-05', calls: 3, messages: 1 },
    ]);

    // In a workspace set to UTC the same calls fall at 00:00–06:00 and 15:00: six at night.
    await c.ok('settings.update', { timeZone: 'UTC' });
    const inUtc = (await c.ok('analytics.contactProfile', { phone: t1 })).period;
    expect(inUtc.nightEvents).toBe(6);
    expect(
      inUtc.heatmap.flatMap((hours, weekday) =>
        hours.flatMap((count, hour) => (count ? [[weekday, hour, count]] : [])),
      ),
    ).toEqual([
      [2, 0, 1],
      [3, 1, 1],
      [4, 2, 1],
      [5, 3, 1],
      [6, 4, 1],
      [6, 5, 1],
      [6, 6, 1],
      [6, 15, 1],
    ]);
    // The day 2026-04-05 in UTC ends at 00:00 UTC on the 6th, not at 16:00 UTC on the 5th.
    const fifth = await c.ok('analytics.contactProfile', {
      phone: t1,
      from: '2026-04-05',
      to: '2026-04-05',
    });
    expect([fifth.period.from, fifth.period.to]).toEqual([
      '2026-04-05T00:00:00.000Z',
      '2026-04-06T00:00:00.000Z',
    ]);
    await c.ok('settings.update', { timeZone: 'Asia/Shanghai' });

    const later = await c.ok('analytics.contactProfile', { phone: t1, from: '2026-04-04' });
    expect(later.period.newContacts.map((row) => row.number)).toEqual([c2, n1]);

    const compared = await c.ok('analytics.contactProfile', {
      phone: t1,
      from: '2026-04-01',
      to: '2026-04-03',
      compareFrom: '2026-04-04',
      compareTo: '2026-04-05',
    });
    expect([compared.period.calls, compared.period.messages]).toEqual([2, 1]);
    expect(compared.compare).toMatchObject({ calls: 4, messages: 1, gained: [n1, c2], lost: [c1] });
    expect(await c.call('analytics.contactProfile', { phone: '13911112222' })).toMatchObject({
      ok: false,
      error: { code: 'analytics.phoneNotFound', details: { phone: '13911112222' } },
    });
  });
});

describe('同基站伴随 — co-location', () => {
  const [p, q, r] = ['13600000001', '13600000002', '13600000003'];
  async function seedCells() {
    c = makeTestCore();
    await createTestWorkspace(c);
    await importCsv('calls', 'imp-cells', '本机号码,对方号码,呼叫类型,开始时间,通话时长,LAC,CI', [
      `${p},13500000001,主叫,2026-04-01 08:00:00,10,100,1`,
      `${p},13500000001,主叫,2026-04-01 08:03:00,10,100,1`,
      `${p},13500000001,主叫,2026-04-02 12:00:00,10,200,2`,
      `${p},13500000001,主叫,2026-04-03 18:00:00,10,300,3`,
      `${p},13500000001,主叫,2026-04-04 20:00:00,10,400,4`,
      `${q},13500000002,被叫,2026-04-01 08:05:00,10,100,1`,
      `${q},13500000002,被叫,2026-04-02 12:09:00,10,200,2`,
      `${q},13500000002,被叫,2026-04-03 17:58:00,10,300,3`,
      `${q},13500000002,被叫,2026-04-04 20:20:00,10,400,4`,
      `${r},13500000003,主叫,2026-04-01 08:04:00,10,999,9`,
      `${r},13500000003,主叫,2026-04-04 20:10:00,10,400,4`,
    ]);
  }
  const shape = (pairs: { a: { number: string }; b: { number: string }; occasions: object[] }[]) =>
    pairs.map((pair) => ({ a: pair.a.number, b: pair.b.number, occasions: pair.occasions }));

  it('three times within 10 minutes, once 20 minutes apart: three occasions', async () => {
    await seedCells();
    const found = await c.ok('analytics.colocation', { phones: [r, q, p] });
    expect(shape(found.pairs)).toEqual([
      {
        a: p,
        b: q,
        occasions: [
          // p at 08:00 and 08:03, q at 08:05: one occasion, shown by its closest sightings.
          { cell: '100-1', aAt: '2026-04-01T00:03:00.000Z', bAt: '2026-04-01T00:05:00.000Z', gapSeconds: 120 },
          { cell: '200-2', aAt: '2026-04-02T04:00:00.000Z', bAt: '2026-04-02T04:09:00.000Z', gapSeconds: 540 },
          { cell: '300-3', aAt: '2026-04-03T10:00:00.000Z', bAt: '2026-04-03T09:58:00.000Z', gapSeconds: 120 },
        ],
      },
    ]); // prettier-ignore
    expect(found.total).toBe(1);

    const wide = await c.ok('analytics.colocation', { phones: [p, q], windowMinutes: 20 });
    expect(wide.pairs[0]!.occasions.map((item) => item.gapSeconds)).toEqual([120, 540, 120, 1200]);
    const once = await c.ok('analytics.colocation', { phones: [p, q, r], minOccasions: 1 });
    expect(once.pairs.map((pair) => [pair.a.number, pair.b.number, pair.occasions.length])).toEqual(
      [
        [p, q, 3],
        [p, r, 1],
        [q, r, 1],
      ],
    );
    // One phone: companions from the whole workspace.
    const companions = await c.ok('analytics.colocation', { phones: [p] });
    expect(companions.pairs.map((pair) => [pair.a.number, pair.b.number, pair.occasions.length])).toEqual([
      [p, q, 3],
    ]); // prettier-ignore
  });

  it('an occasion is shown by its closest sightings; at a period edge both phones must be in it, whichever ID is lower', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const [t1, t2, t3] = ['13800000001', '13800000002', '13800000003'];
    await importCsv('calls', 'imp-edge', '本机号码,对方号码,呼叫类型,开始时间,通话时长,LAC,CI', [
      `${t1},13900000001,主叫,2026-03-02 09:00:00,120,4001,1001`,
      `${t2},13900000001,主叫,2026-03-02 09:00:01,120,4001,1001`,
      `${t2},13900000001,主叫,2026-03-02 09:10:00,45,4001,1001`,
      `${t3},13900000002,主叫,2026-03-02 09:10:01,25,4001,1001`,
    ]);
    const pairs = async (phones: string[], from?: string, to?: string) =>
      (await c.ok('analytics.colocation', { phones, minOccasions: 1, ...(from ? { from, to } : {}) })).pairs.map(
        (pair) => [pair.a.number, pair.b.number, pair.occasions.map((item) => [item.aAt, item.bAt, item.gapSeconds])],
      ); // prettier-ignore
    // T2 at 09:00:01 and 09:10:00, T3 at 09:10:01: 1 s apart, not 600.
    expect(await pairs([t2, t3])).toEqual([
      [t2, t3, [['2026-03-02T01:10:00.000Z', '2026-03-02T01:10:01.000Z', 1]]],
    ]);
    // The period ends at 09:00:00 Beijing time (T1 in it, T2 not) or starts at 09:00:01 (T2 in it, T1 not):
    // neither finds T1 with T2, whichever phone's ID is the lower.
    expect(await pairs([t1, t2], '2026-03-02T00:30:00.000Z', '2026-03-02T01:00:00.000Z')).toEqual(
      [],
    );
    expect(await pairs([t1, t2], '2026-03-02T01:00:01.000Z', '2026-03-02T01:30:00.000Z')).toEqual(
      [],
    );
    expect(await pairs([t1, t2], '2026-03-02T01:00:00.000Z', '2026-03-02T01:30:00.000Z')).toEqual([
      [t1, t2, [['2026-03-02T01:00:00.000Z', '2026-03-02T01:00:01.000Z', 1]]],
    ]);
  });

  it("a cell is one network's: 移动 and 联通 phones on the same LAC-CI were in two places", async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const [mobile, unicom, telecom, ported] = [
      '13800000001',
      '13100000002',
      '18900000003',
      '13900000004',
    ];
    await importCsv('calls', 'imp-networks', '本机号码,对方号码,呼叫类型,开始时间,通话时长,LAC,CI,IMSI', [
      `${mobile},13500000001,主叫,2026-04-01 08:00:00,10,4321,1234,460001234567890`,
      `${unicom},13500000002,主叫,2026-04-01 08:03:00,10,4321,1234,`,
      `${telecom},13500000003,主叫,2026-04-01 08:04:00,10,4321,1234,`,
      // A 移动 segment whose SIM is 联通's (携号转网): its IMSI says.
      `${ported},13500000004,主叫,2026-04-01 08:05:00,10,4321,1234,460011234567890`,
    ]); // prettier-ignore
    const found = await c.ok('analytics.colocation', {
      phones: [mobile, unicom, telecom, ported],
      minOccasions: 1,
    });
    expect(found.pairs.map((pair) => [pair.a.number, pair.b.number])).toEqual([
      [unicom, ported],
      [unicom, telecom],
      [ported, telecom],
    ]);
  });

  it('the calls of a relation a user deleted are no sightings', async () => {
    await seedCells();
    const onCell = async () =>
      (
        await c.ok('analytics.cellPresence', {
          cell: '100-1',
          from: '2026-04-01',
          to: '2026-04-01',
        })
      ).rows.map((row) => row.number);
    expect(await onCell()).toEqual([p, q]);
    const [phone] = (await c.ok('entities.list', { kinds: ['phone'], text: p })).rows;
    const pRelations = (await c.ok('relations.list', { entityId: phone!.id })).filter(
      (row) => row.type === 'calls',
    );
    for (const row of pRelations) await c.ok('relations.delete', { id: row.id });
    expect(await onCell()).toEqual([q]);
    expect((await c.ok('analytics.colocation', { phones: [p, q] })).pairs).toEqual([]);
    expect((await c.ok('analytics.colocation', { phones: [q] })).pairs).toEqual([]);
  });

  it("a merged duplicate phone's call list and sightings are the kept phone's, and back on undo", async () => {
    await seedCells();
    // Q's other SIM entity, read in from another list: on cell 400-4 five minutes after P.
    const q2 = '13600000009';
    await importCsv('calls', 'imp-q2', '本机号码,对方号码,呼叫类型,开始时间,通话时长,LAC,CI,IMEI', [
      `${q2},13500000002,主叫,2026-04-04 20:05:00,10,400,4,861234567890123`,
    ]);
    const ids = new Map(
      (await c.ok('analytics.commonContacts', { phones: [q, q2] })).targets.map((t) => [
        t.number,
        t.id,
      ]),
    );
    const occasions = async () =>
      (await c.ok('analytics.colocation', { phones: [p, q] })).pairs.map((pair) => [
        pair.b.number,
        pair.occasions.map((item) => item.cell),
      ]);
    const imeis = async (phone: string) =>
      (await c.ok('import.phoneIdentifiers', { phoneId: ids.get(phone)! }))
        .filter((row) => row.type === 'imei')
        .map((row) => row.value);
    expect(await occasions()).toEqual([[q, ['100-1', '200-2', '300-3']]]);
    const merged = await c.ok('entities.merge', { keepId: ids.get(q)!, mergeId: ids.get(q2)! });
    expect(await occasions()).toEqual([[q, ['100-1', '200-2', '300-3', '400-4']]]);
    // An IMEI is kept as its 14 digits (the check digit dropped).
    expect(await imeis(q)).toEqual(['86123456789012']);
    await c.ok('entities.unmerge', { auditSeq: merged.auditSeq });
    expect(await occasions()).toEqual([[q, ['100-1', '200-2', '300-3']]]);
    expect([await imeis(q), await imeis(q2)]).toEqual([[], ['86123456789012']]);
  });

  it('calls between a phone and its duplicate: after the merge the duplicate’s sightings on their hidden relation are the kept phone’s; back on undo', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const [a, b] = ['13600000011', '13600000012'];
    const header = '本机号码,对方号码,呼叫类型,开始时间,通话时长,LAC,CI';
    await importCsv('calls', 'imp-a', header, [`${a},${b},主叫,2026-05-01 08:00:00,10,300,3`]);
    await importCsv('calls', 'imp-b', header, [`${b},${a},被叫,2026-05-01 08:00:00,10,500,5`]);
    const onCell = async (cell: string) =>
      (
        await c.ok('analytics.cellPresence', {
          cell,
          from: '2026-05-01',
          to: '2026-05-01',
        })
      ).rows.map((row) => row.number);
    expect([await onCell('300-3'), await onCell('500-5')]).toEqual([[a], [b]]);
    const ids = new Map(
      (await c.ok('analytics.commonContacts', { phones: [a, b] })).targets.map((t) => [
        t.number,
        t.id,
      ]),
    );
    const merged = await c.ok('entities.merge', { keepId: ids.get(a)!, mergeId: ids.get(b)! });
    // B's list was B's: now the kept phone's, not the hidden duplicate's.
    expect([await onCell('300-3'), await onCell('500-5')]).toEqual([[a], [a]]);
    expect((await c.ok('analytics.colocation', { phones: [a] })).pairs).toEqual([]);
    await c.ok('entities.unmerge', { auditSeq: merged.auditSeq });
    expect([await onCell('300-3'), await onCell('500-5')]).toEqual([[a], [b]]);

    // Merged on: B into A, then A into a third phone; both lists are the third phone's.
    const third = '13600000013';
    await importCsv('calls', 'imp-c', header, [
      `${third},13500000001,主叫,2026-05-01 09:00:00,10,700,7`,
    ]);
    const thirdId = (await c.ok('analytics.commonContacts', { phones: [third] })).targets[0]!.id;
    await c.ok('entities.merge', { keepId: ids.get(a)!, mergeId: ids.get(b)! });
    await c.ok('entities.merge', { keepId: thirdId, mergeId: ids.get(a)! });
    expect([await onCell('300-3'), await onCell('500-5')]).toEqual([[third], [third]]);
  });

  it('calls between two phones whose relation a user deleted stay no sightings after the two are merged', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const [a, b] = ['13600000031', '13600000032'];
    const header = '本机号码,对方号码,呼叫类型,开始时间,通话时长,LAC,CI';
    await importCsv('calls', 'imp-a', header, [`${a},${b},主叫,2026-05-03 08:00:00,10,300,3`]);
    await importCsv('calls', 'imp-b', header, [`${b},${a},被叫,2026-05-03 08:00:00,10,500,5`]);
    const onCell = async (cell: string) =>
      (
        await c.ok('analytics.cellPresence', { cell, from: '2026-05-03', to: '2026-05-03' })
      ).rows.map((row) => row.number);
    const ids = new Map(
      (await c.ok('analytics.commonContacts', { phones: [a, b] })).targets.map((t) => [
        t.number,
        t.id,
      ]),
    );
    const between = (await c.ok('relations.list', { entityId: ids.get(a)! })).filter(
      (row) => row.type === 'calls',
    );
    expect(between).toHaveLength(1);
    await c.ok('relations.delete', { id: between[0]!.id });
    expect([await onCell('300-3'), await onCell('500-5')]).toEqual([[], []]);
    const merged = await c.ok('entities.merge', { keepId: ids.get(a)!, mergeId: ids.get(b)! });
    expect([await onCell('300-3'), await onCell('500-5')]).toEqual([[], []]);
    await c.ok('entities.unmerge', { auditSeq: merged.auditSeq });
    expect([await onCell('300-3'), await onCell('500-5')]).toEqual([[], []]);
  });

  it('the ends of a relation of imported calls cannot be changed; its other fields can', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const [a, x] = ['13600000021', '13500000029'];
    await importCsv('calls', 'imp-ends', '本机号码,对方号码,呼叫类型,开始时间,通话时长,LAC,CI', [
      `${a},${x},主叫,2026-05-02 09:00:00,10,100,1`,
    ]);
    const aId = (await c.ok('analytics.commonContacts', { phones: [a] })).targets[0]!.id;
    const relation = (await c.ok('relations.list', { entityId: aId }))[0]!;
    const fields = {
      fromEntityId: relation.fromEntityId,
      toEntityId: relation.toEntityId,
      type: 'calls' as const,
    };
    expect(
      await c.call('relations.update', {
        id: relation.id,
        relation: { ...fields, fromEntityId: fields.toEntityId, toEntityId: fields.fromEntityId },
      }),
    ).toMatchObject({ ok: false, error: { code: 'relations.importedEnds' } });
    // The cell is still the list's target phone's.
    const onCell = await c.ok('analytics.cellPresence', {
      cell: '100-1',
      from: '2026-05-02',
      to: '2026-05-02',
    });
    expect(onCell.rows.map((row) => row.number)).toEqual([a]);
    expect(
      await c.ok('relations.update', { id: relation.id, relation: { ...fields, notes: '核实过' } }),
    ).toMatchObject({ notes: '核实过', fromEntityId: aId });
  });

  it('who was on a base station between two instants', async () => {
    await seedCells();
    const present = await c.ok('analytics.cellPresence', {
      cell: '400-4',
      from: '2026-04-04T12:00:00Z',
      to: '2026-04-04T12:30:00Z',
    });
    expect(present.rows.map((row) => [row.number, row.sightings, row.firstAt])).toEqual([
      [p, 1, '2026-04-04T12:00:00.000Z'],
      [r, 1, '2026-04-04T12:10:00.000Z'],
      [q, 1, '2026-04-04T12:20:00.000Z'],
    ]);
    const early = await c.ok('analytics.cellPresence', {
      cell: '400-4',
      from: '2026-04-04T12:00:00Z',
      to: '2026-04-04T12:15:00Z',
    });
    expect(early.rows.map((row) => row.number)).toEqual([p, r]);
    // The same list exported again over an overlapping period: its calls are sighted once.
    await importCsv(
      'calls',
      'imp-cells-again',
      '本机号码,对方号码,呼叫类型,开始时间,通话时长,LAC,CI',
      [`${p},13500000001,主叫,2026-04-04 20:00:00,10,400,4`],
    );
    const again = await c.ok('analytics.cellPresence', {
      cell: '400-4',
      from: '2026-04-04T12:00:00Z',
      to: '2026-04-04T12:15:00Z',
    });
    expect(again.rows.map((row) => [row.number, row.sightings])).toEqual([
      [p, 1],
      [r, 1],
    ]);
  });
});

describe('access', () => {
  it('every analytics procedure is viewer level (reads, and the audited timeline export); a viewer runs them, a locked session cannot', async () => {
    expect(
      Object.entries(contract)
        .filter(([name]) => name.startsWith('analytics.'))
        .map(([name, spec]) => [name, spec.access]),
    ).toEqual([
      ['analytics.commonContacts', 'viewer'],
      ['analytics.contactProfile', 'viewer'],
      ['analytics.colocation', 'viewer'],
      ['analytics.cellPresence', 'viewer'],
      ['analytics.moneyTrace', 'viewer'],
      ['analytics.timeline', 'viewer'],
      ['analytics.recordTimelineExport', 'viewer'],
    ]);
    c = makeTestCore();
    const { path: dir } = await createTestWorkspace(c);
    await importCsv('calls', 'imp-calls', '本机号码,对方号码,呼叫类型,开始时间,通话时长', callRows);
    await c.ok('users.create', {
      username: 'viewer',
      displayName: '查看员',
      role: 'viewer',
      password: 'Role#Pass2026',
    });
    await c.ok('session.lock', {});
    expect(await c.call('analytics.commonContacts', { phones: [t1, t2] })).toMatchObject({
      ok: false,
      error: { code: 'session.locked' },
    });
    await c.ok('session.unlock', { path: dir, username: 'viewer', password: 'Role#Pass2026' });
    const found = await c.ok('analytics.commonContacts', { phones: [t1, t2] });
    expect(found.rows.map((row) => row.number)).toEqual([c1, c2]);
  });
});
