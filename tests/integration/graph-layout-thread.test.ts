import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { forceLayout } from '../../electron/core/graph/force-layout';
import { layoutInThread, stopLayoutThread } from '../../electron/core/graph/layout-thread';
import {
  layoutThreadAbove,
  layoutThreadIterations,
} from '../../electron/api/schemas/graph-schemas';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';

/** A connected chart: each entity links back to an earlier one, then extra links (as the bench seeds). */
function chart(nodes: number, edges: number) {
  const ids = Array.from({ length: nodes }, (_, n) => `n${String(n).padStart(5, '0')}`);
  const pairs: [string, string][] = [];
  for (let n = 0; n < edges; n += 1) {
    const to = n < nodes - 1 ? n + 1 : (n * 104_729) % nodes;
    const from = n < nodes - 1 ? (n * 7919) % (n + 1) : (n * 7919 + 17) % nodes;
    if (from !== to) pairs.push([ids[from]!, ids[to]!]);
  }
  return { ids, pairs };
}

let c: TestCore | undefined;
afterEach(() => c?.dispose());
afterAll(() => stopLayoutThread());

describe('chart layout in the layout thread', () => {
  it('gives exactly the in-process positions, with progress every 10 iterations', async () => {
    // Above 1,000 entities: Barnes–Hut, as for the charts that use the thread.
    const { ids, pairs } = chart(1_200, 2_400);
    const heard: [number, number][] = [];
    const inThread = await layoutInThread({ nodeIds: ids, edges: pairs, iterations: 30 }, (d, t) =>
      heard.push([d, t]),
    );
    const inProcess = forceLayout(ids, pairs, 30);
    expect(Object.keys(inThread)).toHaveLength(1_200);
    expect(inThread).toEqual(inProcess);
    expect(heard).toEqual([
      [10, 30],
      [20, 30],
      [30, 30],
    ]);
    // The thread is kept for the next layout, which gives the same again.
    expect(await layoutInThread({ nodeIds: ids, edges: pairs, iterations: 30 })).toEqual(inProcess);
  });

  it('graph.layout leaves the call queue: a read answers while the layout runs', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const caseRow = await c.ok('cases.create', {
      caseNo: 'A-LAYOUT-1',
      title: '布局',
      offenceType: 'trafficking',
      openedOn: '2026-01-01',
    });
    const { ids, pairs } = chart(3_000, 6_000);
    const order: string[] = [];
    const layout = c
      .ok('graph.layout', { nodeIds: ids, edges: pairs, iterations: 150, layoutId: 'L1' })
      .then((positions) => {
        order.push('layout');
        return positions;
      });
    const read = c.ok('cases.get', { id: caseRow.id }).then((detail) => {
      order.push('read');
      return detail;
    });
    expect((await read).caseNo).toBe('A-LAYOUT-1');
    expect(order).toEqual(['read']);
    const positions = await layout;
    expect(order).toEqual(['read', 'layout']);
    expect(Object.keys(positions)).toHaveLength(3_000);
    const progress = c.events.filter((event) => event.event === 'graph.layoutProgressed');
    expect(progress).toHaveLength(15);
    expect(progress[0]!.payload).toEqual({ layoutId: 'L1', done: 10, total: 150 });
    expect(progress.at(-1)!.payload).toEqual({ layoutId: 'L1', done: 150, total: 150 });
  });

  it("the window's read of a large case chart starts its layout; graph.layoutAhead gives it once", async () => {
    c = makeTestCore();
    const { path: dir } = await createTestWorkspace(c);
    const caseRow = await c.ok('cases.create', {
      caseNo: 'A-LAYOUT-2',
      title: '布局',
      offenceType: 'trafficking',
      openedOn: '2026-01-01',
    });
    // 1,501 entities (one above the line) and a relation from each to the one before.
    const sqlite = c.router.sessions.current()!.sqlite;
    const now = '2026-12-04T00:00:00.000Z';
    const entity = sqlite.prepare(
      `INSERT INTO entities (id, kind, label, created_at, updated_at) VALUES (?, 'person', ?, '${now}', '${now}')`,
    );
    const person = sqlite.prepare(
      "INSERT INTO persons (entity_id, name, aliases) VALUES (?, ?, '[]')",
    );
    const member = sqlite.prepare(
      `INSERT INTO case_entities (id, case_id, entity_id, role_in_case, legal_status, created_at, updated_at) VALUES (?, ?, ?, 'suspect', 'none', '${now}', '${now}')`,
    );
    const relation = sqlite.prepare(
      `INSERT INTO relations (id, from_entity_id, to_entity_id, type, directed, case_id, created_at, updated_at) VALUES (?, ?, ?, 'supplies', 1, ?, '${now}', '${now}')`,
    );
    sqlite.transaction(() => {
      for (let n = 0; n <= layoutThreadAbove; n += 1) {
        const id = `p${String(n).padStart(5, '0')}`;
        entity.run(id, `人员${n}`);
        person.run(id, `人员${n}`);
        member.run(`${id}-m`, caseRow.id, id);
        if (n) relation.run(`r${n}`, `p${String(n - 1).padStart(5, '0')}`, id, caseRow.id);
      }
    })();
    const read = await c.ok('graph.case', { caseId: caseRow.id, layoutAhead: true });
    expect(read.nodes).toHaveLength(layoutThreadAbove + 1);
    expect(read.layoutId).toMatch(/^[0-9a-f-]{36}$/);
    const ahead = await c.ok('graph.layoutAhead', { layoutId: read.layoutId! });
    // Exactly what the window would have got by sending the chart back to be laid out.
    expect(ahead).toEqual(
      await c.ok('graph.layout', {
        nodeIds: read.nodes.map((node) => node.id),
        edges: read.edges.map((edge) => [edge.from, edge.to]),
        iterations: layoutThreadIterations,
      }),
    );
    const progress = c.events.filter(
      (event) =>
        event.event === 'graph.layoutProgressed' &&
        (event.payload as { layoutId: string }).layoutId === read.layoutId,
    );
    expect(progress.map((event) => (event.payload as { done: number }).done)).toEqual([
      10, 20, 30, 40, 50, 60,
    ]);
    // Given once; a read without layoutAhead (the CLI's) starts none.
    expect(await c.ok('graph.layoutAhead', { layoutId: read.layoutId! })).toBeNull();
    expect((await c.ok('graph.case', { caseId: caseRow.id })).layoutId).toBeUndefined();
    // Locking drops a layout started ahead.
    const again = await c.ok('graph.case', { caseId: caseRow.id, layoutAhead: true });
    await c.ok('session.lock', {});
    await c.ok('session.unlock', {
      path: dir,
      username: 'admin',
      password: adminPassword,
    });
    expect(await c.ok('graph.layoutAhead', { layoutId: again.layoutId! })).toBeNull();
  });

  it('a layout finished after the workspace was locked is refused', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const { ids, pairs } = chart(2_000, 4_000);
    const layout = c.call('graph.layout', { nodeIds: ids, edges: pairs, iterations: 200 });
    await c.ok('session.lock', {});
    const result = await layout;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('session.locked');
  });
});
