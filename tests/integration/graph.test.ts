import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { findPaths } from '../../electron/core/graph/graph-paths';
import { upstreamByRecursiveQuery } from '../../electron/core/graph/upstream-trace';
import { openDirect } from '../helpers/direct-workspace';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

/** source → dealer → retailer → user, a courier transporting for the source, and a dealer nobody supplies. */
async function handMadeChain() {
  c = makeTestCore();
  const created = await createTestWorkspace(c);
  const caseRow = await c.ok('cases.create', {
    caseNo: 'A-CHAIN-1',
    title: '手工链条',
    offenceType: 'trafficking',
    openedOn: '2026-01-01',
  });
  const person = async (name: string, roleInCase: 'suspect' | 'drug_user' = 'suspect') =>
    (
      await c.ok('entities.create', {
        entity: { kind: 'person', name },
        caseId: caseRow.id,
        roleInCase,
      })
    ).id;
  const ids = {
    source: await person('源头'),
    courier: await person('马仔'),
    dealer: await person('分销甲'),
    orphan: await person('分销乙'),
    retailer: await person('零包'),
    user: await person('吸毒者', 'drug_user'),
  };
  const relate = (from: string, to: string, type: 'supplies' | 'transports_for' | 'calls') =>
    c.ok('relations.create', { fromEntityId: from, toEntityId: to, type, caseId: caseRow.id });
  const supplySourceDealer = await relate(ids.source, ids.dealer, 'supplies');
  await relate(ids.courier, ids.source, 'transports_for');
  const supplyDealerRetailer = await relate(ids.dealer, ids.retailer, 'supplies');
  await relate(ids.orphan, ids.retailer, 'supplies');
  await relate(ids.retailer, ids.user, 'supplies');
  // The orphan dealer is recorded as a dealer: a distribution-tier gap.
  const orphanMember = (await c.ok('cases.get', { id: caseRow.id })).persons.find(
    (p) => p.entityId === ids.orphan,
  )!;
  await c.ok('cases.updateMember', {
    caseEntityId: orphanMember.caseEntityId,
    roleInCase: 'suspect',
    legalStatus: 'at_large',
    chainTier: 'distribution',
  });
  return { caseRow, ids, created, supplySourceDealer, supplyDealerRetailer };
}

describe('chain analysis', () => {
  it('assigns tiers; gaps: the unverified top of the chain (源头未查明) and the dealer with no known upstream', async () => {
    const { caseRow, ids } = await handMadeChain();
    const chain = await c.ok('graph.chain', { caseId: caseRow.id });
    const tierOf = Object.fromEntries(
      chain.members.map((member) => [member.label, [member.tier, member.tierSource, member.level]]),
    );
    expect(tierOf).toEqual({
      源头: ['source', 'derived', 2],
      马仔: ['transport', 'derived', 3],
      分销甲: ['distribution', 'derived', 4],
      分销乙: ['distribution', 'case', 4],
      零包: ['distribution', 'derived', 4],
      吸毒者: ['consumption', 'derived', 6],
    });
    // 源头 is only the top because nobody above is known: not a recorded source.
    expect(chain.gaps).toEqual([
      {
        entityId: ids.source,
        label: '源头',
        tier: 'source',
        suppliesTo: 1,
        legalStatus: 'none',
        kind: 'sourceUnknown',
      },
      {
        entityId: ids.orphan,
        label: '分销乙',
        tier: 'distribution',
        suppliesTo: 1,
        legalStatus: 'at_large',
        kind: 'upstreamUnknown',
      },
    ]);
    expect(chain.sourceIds).toEqual([ids.source]);
    const member = (name: string) =>
      c
        .ok('cases.get', { id: caseRow.id })
        .then((detail) => detail.persons.find((p) => p.name === name)!);
    const source = await member('源头');
    // Marked 毒源已查明, the top is a recorded source: only the dealer remains.
    await c.ok('cases.updateMember', {
      caseEntityId: source.caseEntityId,
      roleInCase: 'suspect',
      legalStatus: 'detained',
      legalStatusOn: '2026-02-01',
      sourceStatus: 'identified',
    });
    expect(
      (await c.ok('graph.chain', { caseId: caseRow.id })).gaps.map((gap) => [gap.label, gap.kind]),
    ).toEqual([['分销乙', 'upstreamUnknown']]);
    // The top supplier 在逃: 源头未查明 again, whatever is recorded about him.
    await c.ok('cases.updateMember', {
      caseEntityId: source.caseEntityId,
      roleInCase: 'suspect',
      legalStatus: 'at_large',
      legalStatusOn: '2026-02-03',
    });
    expect(
      (await c.ok('graph.chain', { caseId: caseRow.id })).gaps.map((gap) => [
        gap.label,
        gap.kind,
        gap.legalStatus,
      ]),
    ).toEqual([
      ['源头', 'sourceUnknown', 'at_large'],
      ['分销乙', 'upstreamUnknown', 'at_large'],
    ]);
    await c.ok('cases.updateMember', {
      caseEntityId: source.caseEntityId,
      roleInCase: 'suspect',
      legalStatus: 'detained',
      legalStatusOn: '2026-02-05',
    });

    // Recording a supplier for the orphan closes the gap, even from outside the case.
    const upstream = await c.ok('entities.create', {
      entity: { kind: 'person', name: '外省上线' },
    });
    await c.ok('relations.create', {
      fromEntityId: upstream.id,
      toEntityId: ids.orphan,
      type: 'supplies',
    });
    expect((await c.ok('graph.chain', { caseId: caseRow.id })).gaps).toEqual([]);
  });

  it('the demo methamphetamine case: 岩某 (在逃) is 源头未查明 and 陈某辉 上线未明; sources are 岩某 and 李某华', async () => {
    c = makeTestCore();
    const demo = await c.ok('workspace.openDemo', {});
    await c.ok('session.unlock', {
      path: demo.path,
      username: demo.username,
      password: demo.password,
    });
    const meth = (await c.ok('cases.list', { text: 'A3301052026030015' })).rows[0]!;
    const chain = await c.ok('graph.chain', { caseId: meth.id });
    const chart = await c.ok('graph.case', { caseId: meth.id });
    const label = (id: string) => chart.nodes.find((node) => node.id === id)?.label;
    expect(chain.gaps.map((gap) => [gap.label, gap.tier, gap.suppliesTo, gap.kind])).toEqual([
      ['岩某', 'source', 1, 'sourceUnknown'],
      ['陈某辉', 'distribution', 1, 'upstreamUnknown'],
    ]);
    expect(chain.sourceIds.map(label).sort()).toEqual(['岩某', '李某华']);
  });
});

describe('paths', () => {
  it('finds the shortest path ignoring direction, and all paths up to N hops, shortest first', async () => {
    const { ids, supplySourceDealer, supplyDealerRetailer } = await handMadeChain();
    const shortest = await c.ok('graph.paths', { fromId: ids.user, toId: ids.source });
    expect(shortest.paths.map((path) => path.nodeIds)).toEqual([
      [ids.user, ids.retailer, ids.dealer, ids.source],
    ]);
    expect(shortest.paths[0]!.edgeIds.slice(1)).toEqual([
      supplyDealerRetailer.id,
      supplySourceDealer.id,
    ]);
    expect(shortest.graph.nodes.map((node) => node.label).sort()).toEqual([
      '分销甲',
      '吸毒者',
      '源头',
      '零包',
    ]);

    expect(
      (await c.ok('graph.paths', { fromId: ids.user, toId: ids.source, maxHops: 2 })).paths,
    ).toEqual([]);
    // The courier is reached through the source: four hops.
    const all = await c.ok('graph.paths', {
      fromId: ids.courier,
      toId: ids.retailer,
      mode: 'all',
      maxHops: 4,
    });
    expect(all.paths.map((path) => path.nodeIds)).toEqual([
      [ids.courier, ids.source, ids.dealer, ids.retailer],
    ]);
    const viaOrphan = await c.ok('graph.paths', {
      fromId: ids.orphan,
      toId: ids.source,
      mode: 'all',
      maxHops: 3,
    });
    expect(viaOrphan.paths.map((path) => path.nodeIds)).toEqual([
      [ids.orphan, ids.retailer, ids.dealer, ids.source],
    ]);
  });

  it('the demo: a retailer reaches the southern source through the dealer and the wholesaler', async () => {
    c = makeTestCore();
    const demo = await c.ok('workspace.openDemo', {});
    await c.ok('session.unlock', {
      path: demo.path,
      username: demo.username,
      password: demo.password,
    });
    const found = await c.ok('search.query', { text: '吴某' });
    const wu = found.groups[0]!.hits.find((hit) => hit.title === '吴某')!;
    const yan = (await c.ok('search.query', { text: '岩哥' })).groups[0]!.hits[0]!;
    const result = await c.ok('graph.paths', { fromId: wu.id, toId: yan.id });
    const label = (id: string) => result.graph.nodes.find((node) => node.id === id)!.label;
    expect(result.paths[0]!.nodeIds.map(label)).toEqual(['吴某', '张某龙', '李某华', '岩某']);
  });
});

describe('long paths', () => {
  /** p0 … p8 in a line (8 hops), supply down the line except one money step against it, and
   * detours over calls: p2 – q1 – p5 (2 hops) and p2 – q1 – q2 – p5 (3 hops). */
  async function line() {
    c = makeTestCore();
    await createTestWorkspace(c);
    const caseRow = await c.ok('cases.create', {
      caseNo: 'A-LINE-8',
      title: '长链',
      offenceType: 'trafficking',
      openedOn: '2026-01-01',
    });
    const person = async (name: string) =>
      (await c.ok('entities.create', { entity: { kind: 'person', name }, caseId: caseRow.id })).id;
    const p: string[] = [];
    for (let i = 0; i <= 8; i += 1) p.push(await person(`链${i}`));
    const q1 = await person('绕一');
    const q2 = await person('绕二');
    const relate = (from: string, to: string, type: 'supplies' | 'finances' | 'calls') =>
      c.ok('relations.create', { fromEntityId: from, toEntityId: to, type, caseId: caseRow.id });
    for (let i = 0; i < 8; i += 1)
      if (i === 3) await relate(p[4]!, p[3]!, 'finances');
      else await relate(p[i]!, p[i + 1]!, 'supplies');
    await relate(p[2]!, q1, 'calls');
    await relate(q1, p[5]!, 'calls');
    await relate(q1, q2, 'calls');
    await relate(q2, p[5]!, 'calls');
    return { p, q1, q2, caseRow };
  }

  it('finds an 8-hop path with no hop cap, each step with its relation type and direction', async () => {
    const { p } = await line();
    const onlySupplyAndMoney = await c.ok('graph.paths', {
      fromId: p[0]!,
      toId: p[8]!,
      relationTypes: ['supplies', 'finances'],
    });
    expect(onlySupplyAndMoney.paths).toHaveLength(1);
    const [path] = onlySupplyAndMoney.paths;
    expect(path!.nodeIds).toEqual(p);
    expect(path!.steps.map((step) => [step.type, step.direction])).toEqual([
      ['supplies', 'forward'],
      ['supplies', 'forward'],
      ['supplies', 'forward'],
      ['finances', 'backward'],
      ['supplies', 'forward'],
      ['supplies', 'forward'],
      ['supplies', 'forward'],
      ['supplies', 'forward'],
    ]);
    // Walked from the other end, every directed step turns round.
    const back = await c.ok('graph.paths', {
      fromId: p[8]!,
      toId: p[0]!,
      relationTypes: ['supplies', 'finances'],
    });
    expect(back.paths[0]!.steps.map((step) => step.direction)).toEqual([
      'backward',
      'backward',
      'backward',
      'backward',
      'forward',
      'backward',
      'backward',
      'backward',
    ]);
    // Over every type the calls detour is one hop shorter: 7.
    const any = await c.ok('graph.paths', { fromId: p[0]!, toId: p[8]! });
    expect(any.paths[0]!.edgeIds).toHaveLength(7);
    // A cap still caps when asked for.
    expect((await c.ok('graph.paths', { fromId: p[0]!, toId: p[8]!, maxHops: 6 })).paths).toEqual(
      [],
    );
  });

  it('a path through calls alone reaches the people behind the phones (机主, 使用 go with it)', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const create = async (entity: Record<string, unknown>) =>
      (await c.ok('entities.create', { entity: entity as never })).id;
    const [zhang, li] = [
      await create({ kind: 'person', name: '张某龙' }),
      await create({ kind: 'person', name: '李某华' }),
    ];
    const [own, other] = [
      await create({ kind: 'phone', number: '13857162094' }),
      await create({ kind: 'phone', number: '13987120468' }),
    ];
    const relate = (from: string, to: string, type: 'uses' | 'owns' | 'calls' | 'supplies') =>
      c.ok('relations.create', { fromEntityId: from, toEntityId: to, type });
    await relate(zhang, own, 'uses');
    await relate(li, other, 'owns');
    await relate(own, other, 'calls');
    const byCalls = await c.ok('graph.paths', {
      fromId: zhang,
      toId: li,
      relationTypes: ['calls'],
    });
    expect(byCalls.paths[0]!.steps.map((step) => step.type)).toEqual(['uses', 'calls', 'owns']);
    // Supply alone does not take the phones' links.
    const bySupply = await c.ok('graph.paths', {
      fromId: zhang,
      toId: li,
      relationTypes: ['supplies'],
    });
    expect(bySupply.paths).toEqual([]);
  });

  it('a search that runs out of time stops with a clear error instead of "no path"', async () => {
    const { p } = await line();
    const workspace = await openDirect(c.router.sessions.current()!.dir, 'admin', adminPassword);
    // A clock that moves 1 s on every look: the 3 s budget is spent after the third layer.
    let clock = 0;
    const now = () => (clock += 1000);
    let caught: unknown;
    try {
      findPaths(
        workspace.db,
        { fromId: p[0]!, toId: p[8]!, mode: 'shortest', budgetMs: 3000 },
        now,
      );
    } catch (error) {
      caught = error;
    } finally {
      workspace.close('user');
    }
    expect(caught).toMatchObject({
      code: 'graph.pathSearchStopped',
      message: 'Path search stopped after 3 s',
      details: { seconds: 3 },
    });
  });

  it('lists the k shortest paths and all simple paths up to a limit, shortest first', async () => {
    const { p, q1, q2 } = await line();
    const k = await c.ok('graph.paths', { fromId: p[0]!, toId: p[8]!, mode: 'kShortest', k: 5 });
    expect(k.paths.map((path) => path.nodeIds)).toEqual([
      [p[0], p[1], p[2], q1, p[5], p[6], p[7], p[8]],
      p,
      [p[0], p[1], p[2], q1, q2, p[5], p[6], p[7], p[8]],
    ]);
    expect(k.paths[0]!.steps.slice(1, 4).map((step) => [step.type, step.direction])).toEqual([
      ['supplies', 'forward'],
      ['calls', 'forward'],
      ['calls', 'forward'],
    ]);
    expect(k.capped).toBe(false);
    const two = await c.ok('graph.paths', { fromId: p[0]!, toId: p[8]!, mode: 'kShortest', k: 2 });
    expect([two.paths.length, two.capped]).toEqual([2, true]);
    const all = await c.ok('graph.paths', { fromId: p[2]!, toId: p[5]!, mode: 'all', maxHops: 3 });
    expect(all.paths.map((path) => path.nodeIds)).toEqual([
      [p[2], q1, p[5]],
      [p[2], p[3], p[4], p[5]],
      [p[2], q1, q2, p[5]],
    ]);
    expect(
      (
        await c.ok('graph.paths', { fromId: p[2]!, toId: p[5]!, mode: 'all', maxHops: 2 })
      ).paths.map((path) => path.nodeIds),
    ).toEqual([[p[2], q1, p[5]]]);
  });

  it('k shortest reaches past two hops beyond the shortest, and within a hop cap when given', async () => {
    const { p, q1, caseRow } = await line();
    // A direct relation: the shortest is 1 hop, the next ones 7 and 8 (found by a tester: the
    // search had stopped at 3 hops and listed one path of three asked for).
    await c.ok('relations.create', {
      fromEntityId: p[0]!,
      toEntityId: p[8]!,
      type: 'calls',
      caseId: caseRow.id,
    });
    const k = await c.ok('graph.paths', { fromId: p[0]!, toId: p[8]!, mode: 'kShortest', k: 3 });
    expect(k.paths.map((path) => path.nodeIds.length - 1)).toEqual([1, 7, 8]);
    expect(k.paths[1]!.nodeIds).toEqual([p[0], p[1], p[2], q1, p[5], p[6], p[7], p[8]]);
    const capped = await c.ok('graph.paths', {
      fromId: p[0]!,
      toId: p[8]!,
      mode: 'kShortest',
      k: 3,
      maxHops: 7,
    });
    expect(capped.paths.map((path) => path.nodeIds.length - 1)).toEqual([1, 7]);
  });

  it('two relations of one type between a pair (a call each way) are one route: k counts routes, both relations on the step', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const person = async (name: string) =>
      (await c.ok('entities.create', { entity: { kind: 'person', name } })).id;
    const [a, b, x, y] = [await person('甲'), await person('乙'), await person('丙'), await person('丁')]; // prettier-ignore
    const relate = async (from: string, to: string, type: 'calls' | 'finances') =>
      (await c.ok('relations.create', { fromEntityId: from, toEntityId: to, type })).id;
    // 甲 calls 丙 and 丙 calls 甲; 乙 calls 丙; 甲 and 乙 also share a second contact, 丁.
    const there = await relate(a, x, 'calls');
    const back = await relate(x, a, 'calls');
    await relate(b, x, 'calls');
    await relate(a, y, 'calls');
    await relate(b, y, 'calls');
    const k = await c.ok('graph.paths', { fromId: a, toId: b, mode: 'kShortest', k: 2 });
    expect(k.paths.map((path) => path.nodeIds)).toEqual([
      [a, x, b],
      [a, y, b],
    ]);
    // The step 甲 → 丙 walks the call along its arrow and names the one the other way.
    expect(k.paths[0]!.steps.map((step) => [step.relationId, step.alsoRelationIds, step.direction])).toEqual([
      [there, [back], 'forward'],
      [k.paths[0]!.steps[1]!.relationId, [], 'backward'],
    ]); // prettier-ignore
    expect(k.graph.edges.map((edge) => edge.id)).toContain(back);
    // Money: 甲 → 乙 → 丙 → 丁 with a transfer 丙 → 乙 back is one route, walked 乙 → 丙.
    const [m1, m2, m3, m4] = [await person('M1'), await person('M2'), await person('M3'), await person('M4')]; // prettier-ignore
    await relate(m1, m2, 'finances');
    const forward = await relate(m2, m3, 'finances');
    const returned = await relate(m3, m2, 'finances');
    await relate(m3, m4, 'finances');
    const money = await c.ok('graph.paths', { fromId: m1, toId: m4, mode: 'kShortest', k: 3 });
    expect(money.paths.map((path) => path.steps.map((step) => [step.direction, step.alsoRelationIds.length]))).toEqual([
      [['forward', 0], ['forward', 1], ['forward', 0]],
    ]); // prettier-ignore
    expect(money.paths[0]!.steps[1]).toMatchObject({
      relationId: forward,
      alsoRelationIds: [returned],
    });
  });

  it('two relations between one pair are two paths: a 供货 and a 通话 are evidence of different kinds', async () => {
    const { p, caseRow } = await line();
    await c.ok('relations.create', {
      fromEntityId: p[0]!,
      toEntityId: p[1]!,
      type: 'calls',
      caseId: caseRow.id,
    });
    const all = await c.ok('graph.paths', { fromId: p[0]!, toId: p[1]!, mode: 'all', maxHops: 1 });
    expect(all.paths.map((path) => path.steps.map((step) => step.type)).sort()).toEqual([
      ['calls'],
      ['supplies'],
    ]);
    const k = await c.ok('graph.paths', { fromId: p[0]!, toId: p[1]!, mode: 'kShortest', k: 2 });
    expect(k.paths.map((path) => path.steps.map((step) => step.type)).sort()).toEqual([
      ['calls'],
      ['supplies'],
    ]);
  });
});

describe('call relations on the chart', () => {
  it('carry their texts and seconds beside their calls (for the GraphML and GEXF files)', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const caseRow = await c.ok('cases.create', {
      caseNo: 'A3301-G09',
      title: '话单',
      offenceType: 'trafficking',
      openedOn: '2026-03-01',
    });
    const lines = [
      '本机号码,对方号码,呼叫类型,开始时间,通话时长',
      '13800000001,13900000001,主叫,2026-03-01 23:50:00,1200',
      '13800000001,13900000001,短信发,2026-03-03 05:59:59,',
    ];
    await c.ok('import.commit', {
      importId: 'imp-calls',
      fileName: 'calls.csv',
      contentBase64: Buffer.from(lines.join('\n') + '\n', 'utf8').toString('base64'),
      template: 'calls',
      caseId: caseRow.id,
    });
    const chart = await c.ok('graph.case', { caseId: caseRow.id });
    expect(
      chart.edges
        .filter((edge) => edge.type === 'calls')
        .map((edge) => [edge.eventCount, edge.messageCount, edge.durationSeconds]),
    ).toEqual([[1, 1, 1200]]);
  });
});

describe('upstream trace', () => {
  it('walks supply relations to the sources, the same as a recursive SQL query', async () => {
    const { ids } = await handMadeChain();
    const trace = await c.ok('graph.upstream', { entityId: ids.user });
    expect(trace.levels).toEqual([
      { depth: 1, nodeIds: [ids.retailer] },
      { depth: 2, nodeIds: [ids.dealer, ids.orphan].sort() },
      { depth: 3, nodeIds: [ids.source] },
    ]);
    expect(trace.sourceIds).toEqual([ids.orphan, ids.source].sort());
    expect(trace.graph.edges.every((edge) => edge.type === 'supplies')).toBe(true);

    const workspace = await openDirect(c.router.sessions.current()!.dir, 'admin', adminPassword);
    const reference = upstreamByRecursiveQuery(workspace.db, ids.user, 8);
    workspace.close('user');
    expect(Object.fromEntries(reference)).toEqual({
      [ids.user]: 0,
      [ids.retailer]: 1,
      [ids.dealer]: 2,
      [ids.orphan]: 2,
      [ids.source]: 3,
    });
  });

  it('starts from the person a seizure was taken from', async () => {
    const { caseRow, ids } = await handMadeChain();
    const seizure = await c.ok('seizures.create', {
      caseId: caseRow.id,
      seizedAt: '2026-02-01T00:00:00Z',
      drugType: 'heroin',
      quantityValue: '3',
      quantityUnit: 'g',
      fromEntityId: ids.retailer,
    });
    expect((await c.ok('graph.upstream', { seizureId: seizure.id })).rootId).toBe(ids.retailer);
  });
});

describe('key players and suggested gangs', () => {
  it('rank the chain by betweenness over the case or over exactly the entities on a chart', async () => {
    const { caseRow, ids } = await handMadeChain();
    const inCase = await c.ok('graph.keyPlayers', { caseId: caseRow.id });
    expect(inCase[0]).toMatchObject({ entityId: ids.retailer, label: '零包', degree: 3 });
    expect(inCase.map((player) => player.label).slice(0, 3)).toEqual(['零包', '分销甲', '源头']);

    // On a chart of three, the dealer is the only one between two others.
    const onChart = await c.ok('graph.keyPlayers', {
      entityIds: [ids.source, ids.dealer, ids.retailer],
    });
    expect(onChart.map((player) => [player.label, player.degree, player.betweenness])).toEqual([
      ['分销甲', 2, 1],
      ['源头', 1, 0],
      ['零包', 1, 0],
    ]);
    const gangs = await c.ok('graph.communities', {
      entityIds: [ids.source, ids.dealer, ids.retailer],
    });
    expect(gangs.communities.flatMap((community) => community.nodeIds).sort()).toEqual(
      [ids.source, ids.dealer, ids.retailer].sort(),
    );
    expect(await c.call('graph.keyPlayers', {})).toMatchObject({
      ok: false,
      error: { code: 'input.invalid' },
    });
  });

  it('edges say which case they were recorded in', async () => {
    const { caseRow } = await handMadeChain();
    const chart = await c.ok('graph.case', { caseId: caseRow.id });
    expect(new Set(chart.edges.map((edge) => edge.caseNo))).toEqual(new Set(['A-CHAIN-1']));
  });
});

describe('neighbourhood, views and export', () => {
  it('expands by hops and relation type, and says when a limit cut it short', async () => {
    const { ids } = await handMadeChain();
    const one = await c.ok('graph.neighbourhood', { entityIds: [ids.dealer], hops: 1 });
    expect(one.nodes.map((node) => node.label).sort()).toEqual(['分销甲', '源头', '零包']);
    const two = await c.ok('graph.neighbourhood', { entityIds: [ids.dealer], hops: 2 });
    expect(two.nodes.map((node) => node.label).sort()).toEqual([
      '分销乙',
      '分销甲',
      '吸毒者',
      '源头',
      '零包',
      '马仔',
    ]);
    expect(two.edges).toHaveLength(5);
    const onlyTransport = await c.ok('graph.neighbourhood', {
      entityIds: [ids.source],
      hops: 2,
      relationTypes: ['transports_for'],
    });
    expect(onlyTransport.nodes.map((node) => node.label).sort()).toEqual(['源头', '马仔']);
    const limited = await c.ok('graph.neighbourhood', {
      entityIds: [ids.dealer],
      hops: 3,
      limit: 3,
    });
    expect([limited.nodes.length, limited.truncated]).toEqual([3, true]);
  });

  it('saves a view and gives back exactly its positions, filters and hidden nodes', async () => {
    const { caseRow, ids } = await handMadeChain();
    const state = {
      nodeIds: Object.values(ids),
      positions: { [ids.source]: { x: -120.5, y: 40 }, [ids.dealer]: { x: 0, y: 160.25 } },
      hiddenIds: [ids.user],
      pinnedIds: [ids.source],
      clusterIds: [ids.dealer],
      layout: 'chain' as const,
      filters: {
        relationTypes: ['supplies' as const],
        maxCredibility: 2,
        caseIds: [caseRow.id],
        period: ['2026-01-01', null] as [string, null],
      },
    };
    const saved = await c.ok('graph.views.save', { caseId: caseRow.id, name: '供应链视图', state });
    expect((await c.ok('graph.views.get', { id: saved.id })).state).toEqual(state);
    // Opened: the view with its entities and, asked apart, the relations among them, read
    // afresh: the same chart as asking for its entities.
    const opened = await c.ok('graph.views.open', { id: saved.id });
    const relations = await c.ok('graph.views.relations', { id: saved.id });
    const chart = await c.ok('graph.subgraph', { entityIds: state.nodeIds, caseId: caseRow.id });
    expect(opened.view).toEqual(await c.ok('graph.views.get', { id: saved.id }));
    expect(opened.nodes).toEqual(chart.nodes);
    expect(opened.nodes).toHaveLength(state.nodeIds.length);
    expect(relations).toEqual(chart.edges);
    expect(relations.length).toBeGreaterThan(0);
    expect(
      (await c.ok('graph.views.list', { caseId: caseRow.id })).map((view) => view.name),
    ).toEqual(['供应链视图']);
    await c.ok('graph.views.save', {
      id: saved.id,
      caseId: caseRow.id,
      name: '改名',
      state: { ...state, hiddenIds: [] },
    });
    expect(await c.ok('graph.views.get', { id: saved.id })).toMatchObject({
      name: '改名',
      state: { hiddenIds: [] },
    });
    await c.ok('graph.views.delete', { id: saved.id });
    expect(await c.call('graph.views.get', { id: saved.id })).toMatchObject({
      error: { code: 'graph.viewNotFound' },
    });
    for (const procedure of ['graph.views.open', 'graph.views.relations'] as const)
      expect(await c.call(procedure, { id: saved.id })).toMatchObject({
        error: { code: 'graph.viewNotFound' },
      });
    expect(
      (await c.ok('cases.auditHistory', { caseId: caseRow.id })).rows
        .slice(0, 3)
        .map((row) => row.action),
    ).toEqual(['graph.viewDeleted', 'graph.viewSaved', 'graph.viewSaved']);
  });

  it('opens a saved view without the entities deleted since, nor their relations', async () => {
    const { caseRow, ids } = await handMadeChain();
    const nodeIds = Object.values(ids);
    const saved = await c.ok('graph.views.save', {
      caseId: caseRow.id,
      name: '全部',
      state: {
        nodeIds,
        positions: {},
        hiddenIds: [],
        pinnedIds: [],
        clusterIds: [],
        layout: 'manual',
        filters: {},
      },
    });
    await c.ok('entities.delete', { id: ids.user });
    const opened = await c.ok('graph.views.open', { id: saved.id });
    const relations = await c.ok('graph.views.relations', { id: saved.id });
    expect(opened.nodes.map((node) => node.id).sort()).toEqual(
      nodeIds.filter((id) => id !== ids.user).sort(),
    );
    expect(relations.some((edge) => edge.from === ids.user || edge.to === ids.user)).toBe(false);
    expect(relations).toEqual(
      (await c.ok('graph.subgraph', { entityIds: nodeIds, caseId: caseRow.id })).edges,
    );
  });

  it('exports the case chart as GraphML and ANX, audited', async () => {
    const { caseRow } = await handMadeChain();
    const chart = await c.ok('graph.case', { caseId: caseRow.id });
    const graphml = await c.ok('graph.export', {
      format: 'graphml',
      nodeIds: chart.nodes.map((node) => node.id),
      caseId: caseRow.id,
    });
    expect(graphml.fileName).toMatch(/^quanlian-graph-A-CHAIN-1-\d{4}-\d{2}-\d{2}\.graphml$/);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === 'node' || name === 'edge',
    }).parse(graphml.content);
    expect([parsed.graphml.graph.node.length, parsed.graphml.graph.edge.length]).toEqual([
      chart.nodes.length,
      chart.edges.length,
    ]);
    const anx = await c.ok('graph.export', {
      format: 'anx',
      nodeIds: chart.nodes.map((node) => node.id),
      caseId: caseRow.id,
    });
    expect(XMLValidator.validate(anx.content)).toBe(true);
    expect(anx.fileName).toMatch(/^quanlian-graph-A-CHAIN-1-\d{4}-\d{2}-\d{2}\.anx$/);
    const gexf = await c.ok('graph.export', {
      format: 'gexf',
      nodeIds: chart.nodes.map((node) => node.id),
      caseId: caseRow.id,
    });
    expect([gexf.fileName.endsWith('.gexf'), gexf.encoding]).toEqual([true, 'utf8']);
    expect(XMLValidator.validate(gexf.content)).toBe(true);
    expect(
      (await c.ok('cases.auditHistory', { caseId: caseRow.id })).rows
        .slice(0, 3)
        .map((row) => [row.action, row.details?.['format']]),
    ).toEqual([
      ['graph.exported', 'gexf'],
      ['graph.exported', 'anx'],
      ['graph.exported', 'graphml'],
    ]);
  });
});
