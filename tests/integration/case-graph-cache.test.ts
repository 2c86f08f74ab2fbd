import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import type { GraphData } from '../../electron/api/schemas/graph-schemas';
import { cachedCaseGraph, forgetCaseGraph } from '../../electron/core/graph/case-graph-cache';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

let c: TestCore | undefined;
afterEach(() => {
  c?.dispose();
  c = undefined;
  forgetCaseGraph();
});

it('serves the chart again only while no connection has written, and not after a lock', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'case-graph-cache-')), 'w.db');
  const own = new Database(file);
  own.pragma('journal_mode = WAL');
  own.exec('CREATE TABLE t (x INTEGER)');
  const other = new Database(file);
  let reads = 0;
  const read = (): GraphData => {
    reads += 1;
    return { nodes: [], edges: [], truncated: false } as unknown as GraphData;
  };
  const first = cachedCaseGraph(own, 'case-1', read);
  expect(cachedCaseGraph(own, 'case-1', read)).toBe(first);
  expect(reads).toBe(1);
  cachedCaseGraph(own, 'case-2', read);
  expect(reads).toBe(2);
  cachedCaseGraph(own, 'case-2', read);
  own.exec('INSERT INTO t VALUES (1)');
  cachedCaseGraph(own, 'case-2', read);
  expect(reads).toBe(3);
  other.exec('INSERT INTO t VALUES (2)');
  cachedCaseGraph(own, 'case-2', read);
  expect(reads).toBe(4);
  cachedCaseGraph(own, 'case-2', read);
  expect(reads).toBe(4);
  forgetCaseGraph();
  cachedCaseGraph(own, 'case-2', read);
  expect(reads).toBe(5);
  own.close();
  other.close();
});

it('a chart and its chain read after a change show the change', async () => {
  c = makeTestCore();
  await createTestWorkspace(c);
  const caseRow = await c.ok('cases.create', {
    caseNo: 'A3301052026040009',
    title: '缓存案',
    offenceType: 'trafficking',
    openedOn: '2026-04-01',
  });
  const dealer = await c.ok('cases.addPerson', {
    caseId: caseRow.id,
    person: { name: '贩某' },
    roleInCase: 'suspect',
  });
  expect((await c.ok('graph.case', { caseId: caseRow.id })).nodes).toHaveLength(1);
  expect((await c.ok('graph.chain', { caseId: caseRow.id })).gaps).toEqual([]);
  const supplier = await c.ok('cases.addPerson', {
    caseId: caseRow.id,
    person: { name: '上线某' },
    roleInCase: 'suspect',
  });
  await c.ok('relations.create', {
    fromEntityId: supplier.entityId,
    toEntityId: dealer.entityId,
    type: 'supplies',
    caseId: caseRow.id,
  });
  const chart = await c.ok('graph.case', { caseId: caseRow.id });
  expect([chart.nodes.length, chart.edges.length]).toEqual([2, 1]);
  const chain = await c.ok('graph.chain', { caseId: caseRow.id });
  // The supplier heads the chain and nobody is known upstream of them: a source gap.
  expect(chain.gaps.map((gap) => [gap.label, gap.kind])).toEqual([['上线某', 'sourceUnknown']]);
});
