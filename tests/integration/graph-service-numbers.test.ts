import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GraphData } from '../../electron/api/schemas/graph-schemas';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

const cdr = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/records/carrier-cdr.csv'));
const labels = (data: GraphData) => data.nodes.map((node) => node.label).sort();
const pairs = (data: GraphData) => {
  const label = new Map(data.nodes.map((node) => [node.id, node.label]));
  return data.edges.map((edge) => `${label.get(edge.from)}>${label.get(edge.to)}`).sort();
};

describe('service numbers hidden from charts', () => {
  it('graph.case, neighbourhood and subgraph leave out 10086, 95555, 12345, 400 and SMS gateways when asked', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const caseRow = await c.ok('cases.create', {
      caseNo: 'A-CDR-1',
      title: '话单案件',
      offenceType: 'trafficking',
      openedOn: '2026-04-01',
    });
    await c.ok('import.commit', {
      fileName: '13987654321话单.csv',
      contentBase64: cdr.toString('base64'),
      template: 'calls',
      importId: 'imp-cdr',
      skipInvalid: true,
      caseId: caseRow.id,
    });

    const all = await c.ok('graph.case', { caseId: caseRow.id });
    const people = [
      '+8562055551234',
      '+959123456789',
      '06912123456',
      '087165123456',
      '13812345678',
      '13987654321',
    ];
    const services = ['10086', '1069012345678901', '12345', '4008123123', '95555'];
    expect(labels(all)).toEqual([...people, ...services].sort());
    expect(await c.ok('graph.case', { caseId: caseRow.id, hideServiceNumbers: false })).toEqual(
      all,
    );

    const hidden = await c.ok('graph.case', { caseId: caseRow.id, hideServiceNumbers: true });
    expect(labels(hidden)).toEqual(people);
    expect(pairs(hidden)).toEqual(
      [
        '13987654321>+8562055551234',
        '+959123456789>13987654321',
        '06912123456>13987654321',
        '13812345678>13987654321',
        '13987654321>+959123456789',
        '13987654321>087165123456',
        '13987654321>13812345678',
      ].sort(),
    );
    expect(hidden.edges.length).toBe(all.edges.length - services.length);

    const target = all.nodes.find((node) => node.label === '13987654321')!;
    const around = await c.ok('graph.neighbourhood', {
      entityIds: [target.id],
      hideServiceNumbers: true,
    });
    expect(labels(around)).toEqual(people);
    const chosen = await c.ok('graph.subgraph', {
      entityIds: all.nodes.map((node) => node.id),
      hideServiceNumbers: true,
    });
    expect(labels(chosen)).toEqual(people);
  });
});
