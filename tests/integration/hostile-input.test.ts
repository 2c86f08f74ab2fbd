import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type ProcedureName } from '../../electron/api/contract';
import { errorCodes } from '../../electron/api/error-codes';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

let c: TestCore;
let caseId: string;

/** Procedures that change the session or the machine on an empty input: called elsewhere. */
const skipped = new Set<string>([
  'session.lock',
  'workspace.openDemo',
  'workspace.pickDirectory',
  'workspace.create',
  'workspace.forget',
  // These write a file where the input says (a demo workspace, a backup): random paths would
  // litter the test machine.
  'workspace.createDemo',
  'backup.createAt',
]);

const payloads = [
  "'; DROP TABLE cases; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\u0000\u0001\u0007\u001b[31m\u007f',
  '../../../../etc/passwd',
  '${7*7}{{7*7}}',
  '\uD800\uDFFF\uFFFE',
  '𠮷'.repeat(2_000),
  'x'.repeat(300_000),
];

/** Nested 500 deep: a stack-bomb shape. */
function deep(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < levels; level += 1) value = { a: value, list: [value] };
  return value;
}

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 4, withBigInt: false, withNullPrototype: true, withObjectString: true }),
  fc.constantFrom(...payloads),
  fc.dictionary(
    fc.constantFrom('id', 'caseId', 'text', 'entity', 'name', 'format', 'page', 'kind'),
    fc.oneof(fc.constantFrom(...payloads), fc.anything({ maxDepth: 2 })),
  ),
  fc.constant(deep(500)),
  fc.constant([]),
  fc.constant(null),
);

async function counts() {
  const stats = await c.ok('stats.summary', {});
  const { auditRecords: _audit, ...rest } = stats;
  return rest;
}

beforeAll(async () => {
  c = makeTestCore();
  await createTestWorkspace(c);
  caseId = (
    await c.ok('cases.create', {
      caseNo: 'H-1',
      title: '敌意输入',
      offenceType: 'trafficking',
      openedOn: '2026-01-01',
    })
  ).id;
});
afterAll(() => c?.dispose());

describe('hostile and broken input to every procedure', () => {
  const names = (Object.keys(contract) as ProcedureName[]).filter((name) => !skipped.has(name));
  let tried = 0;

  it.each(names)('%s: a typed error (never internal), nothing written', async (name) => {
    await fc.assert(
      fc.asyncProperty(hostile, async (input) => {
        tried += 1;
        const before = await counts();
        const result = await c.router.invoke(name, input);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(errorCodes).toContain(result.error.code);
          expect(result.error.code).not.toBe('internal');
          expect(await counts()).toEqual(before);
        }
      }),
      { numRuns: 25, seed: 20261123 },
    );
  });

  it('tried enough', () => {
    expect(tried).toBeGreaterThanOrEqual(names.length * 25);
  });
});

describe('names that look like markup stay text in every output', () => {
  // 40 characters, the longest name a person may have.
  const name = '<script>x()</script><img onerror=y()>';

  it('briefing HTML, DOCX, GraphML and ANX carry the name escaped', async () => {
    const person = await c.ok('cases.addPerson', {
      caseId,
      person: { name },
      roleInCase: 'suspect',
      legalStatus: 'detained',
      legalStatusOn: '2026-02-01',
    });
    const other = await c.ok('cases.addPerson', {
      caseId,
      person: { name: '普通人' },
      roleInCase: 'suspect',
    });
    await c.ok('relations.create', {
      fromEntityId: person.entityId,
      toEntityId: other.entityId,
      type: 'supplies',
      caseId,
    });

    const html = (await c.ok('reports.briefing', { caseId, format: 'html' })).content;
    expect(html).toContain('&lt;script&gt;x()&lt;/script&gt;&lt;img onerror=y()&gt;');
    expect(html).not.toMatch(/<script|<img/i);

    const ids = [person.entityId, other.entityId];
    for (const format of ['graphml', 'anx'] as const) {
      const file = await c.ok('graph.export', { format, nodeIds: ids, positions: {}, caseId });
      expect(file.content).toContain('&lt;script&gt;x()&lt;/script&gt;');
      expect(file.content).not.toContain('<script>');
      expect(file.content).not.toContain('<img');
    }

    // Word: the same text, escaped in the document XML (charts need a renderer: none here).
    const docxResult = await c.call('reports.briefing', { caseId, format: 'docx' });
    expect(docxResult).toMatchObject({ ok: false, error: { code: 'reports.rendererUnavailable' } });
  });

  it('a DOCX from a renderer escapes the name in its XML', async () => {
    const { briefingDocx } = await import('../../electron/core/reports/briefing-docx');
    const { buildBriefingModel } = await import('../../electron/core/reports/briefing-model');
    const workspace = c.router.sessions.current()!;
    const model = buildBriefingModel(workspace.db, {
      caseId,
      classification: 'internal',
      unmaskIds: false,
      language: 'zh-CN',
      author: '测试',
      now: workspace.now(),
    });
    const png = new Uint8Array(
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        'base64',
      ),
    );
    const docx = await briefingDocx(model, {
      gang: { png, width: 1, height: 1 },
      chain: { png, width: 1, height: 1 },
    });
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(xml).toContain('&lt;script&gt;x()&lt;/script&gt;&lt;img onerror=y()&gt;');
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('<img');
  });
});
