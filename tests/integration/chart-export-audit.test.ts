import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCore, signInToDemo, type TestCore } from '../helpers/test-core';

let c: TestCore;
let caseId: string;
let nodeIds: string[];

beforeAll(async () => {
  c = makeTestCore();
  caseId = await signInToDemo(c);
  nodeIds = (await c.ok('graph.case', { caseId })).nodes.map((node) => node.id);
}, 60_000);

afterAll(() => c?.dispose());

const auditedExports = async () =>
  (await c.ok('audit.list', { action: 'graph.exported', pageSize: 100 })).total +
  (await c.ok('audit.list', { action: 'graph.imageExported', pageSize: 100 })).total;

describe('chart exports name a real case and what left', () => {
  it('a case ID that names no case is cases.notFound, for every export, and nothing is audited', async () => {
    const before = await auditedExports();
    for (const format of ['json', 'graphml', 'svg'] as const)
      expect(
        await c.call('graph.export', {
          format,
          nodeIds: nodeIds.slice(0, 3),
          caseId: 'no-such-case',
        }),
      ).toMatchObject({ ok: false, error: { code: 'cases.notFound' } });
    expect(
      await c.call('graph.recordImageExport', { caseId: 'no-such-case', nodes: 3 }),
    ).toMatchObject({ ok: false, error: { code: 'cases.notFound' } });
    expect(await c.call('graph.recordImageExport', { caseId, nodes: -5 })).toMatchObject({
      ok: false,
      error: { code: 'input.invalid' },
    });
    expect(await auditedExports()).toBe(before);
  });

  it('the audit record lists the exported entity IDs, sorted, with their count and SHA-256', async () => {
    const chosen = [nodeIds[2]!, nodeIds[0]!, nodeIds[1]!];
    const sorted = [...chosen].sort();
    const sha256 = crypto.createHash('sha256').update(sorted.join('\n')).digest('hex');
    for (const format of ['json', 'svg'] as const) {
      await c.ok('graph.export', { format, nodeIds: chosen, caseId });
      const record = (await c.ok('cases.auditHistory', { caseId })).rows[0]!;
      expect([record.action, record.details?.['format']]).toEqual(['graph.exported', format]);
      expect(record.details).toMatchObject({
        caseId,
        nodes: 3,
        entityCount: 3,
        entityIdsSha256: sha256,
        entityIds: sorted,
      });
    }
  });

  it('an export of another case’s people is in that case’s history too', async () => {
    const other = (await c.ok('cases.list', {})).rows.find((row) => row.id !== caseId)!;
    const theirs = (await c.ok('graph.case', { caseId: other.id })).nodes
      .filter((node) => node.inCase && !nodeIds.includes(node.id))
      .map((node) => node.id);
    expect(theirs.length).toBeGreaterThan(0);
    await c.ok('graph.export', { format: 'json', nodeIds: theirs.slice(0, 2), caseId });
    const record = (await c.ok('cases.auditHistory', { caseId: other.id })).rows[0]!;
    expect([record.action, record.details?.['caseId']]).toEqual(['graph.exported', caseId]);
    expect(record.details?.['caseIds']).toContain(other.id);
  });
});
