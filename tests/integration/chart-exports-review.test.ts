import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { xmlText } from '../../electron/core/graph/xml-text';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';

/**
 * What a tester found in the chart's exports: two people of one name shared one identity in
 * i2; a long case title ran under the classification mark; an English chart labelled its
 * relations in Chinese; a case with no entities was refused as a bad input; a name on two lines
 * came back on one.
 */
let c: TestCore;
beforeEach(async () => {
  c = makeTestCore();
  await createTestWorkspace(c);
});
afterEach(() => c.dispose());

async function twoNamesakes(title = '两个张伟') {
  const caseRow = await c.ok('cases.create', {
    caseNo: 'A-DUP-1',
    title,
    offenceType: 'trafficking',
    openedOn: '2026-01-01',
  });
  const person = async (idNumber: string) =>
    (
      await c.ok('entities.create', {
        entity: { kind: 'person', name: '张伟', idNumber },
        caseId: caseRow.id,
      })
    ).id;
  const ids = [await person('530102199003070016'), await person('530102199003070075')];
  await c.ok('relations.create', {
    fromEntityId: ids[0]!,
    toEntityId: ids[1]!,
    type: 'supplies',
    caseId: caseRow.id,
  });
  return { caseId: caseRow.id, ids };
}

describe('chart exports', () => {
  it('ANX: two people named 张伟 are two identities (their ID numbers, or their IDs where masked), not one', async () => {
    const { caseId, ids } = await twoNamesakes();
    const identitiesOf = async (unmaskIds: boolean) => {
      const anx = await c.ok('graph.export', { format: 'anx', nodeIds: ids, caseId, unmaskIds });
      return [...anx.content.matchAll(/Identity="([^"]*)"/g)].map((match) => match[1]).sort();
    };
    expect(await identitiesOf(true)).toEqual(['530102199003070016', '530102199003070075']);
    // Masked, both would be 5301**********0016-like strings: each entity's own ID stands in.
    expect(await identitiesOf(false)).toEqual([...ids].sort());
  });

  it('ANX and GEXF in English name types, attributes and relations in English; amounts and counts are numbers to i2', async () => {
    const { caseId, ids } = await twoNamesakes();
    const file = async (format: 'anx' | 'gexf', language: 'zh-CN' | 'en') =>
      (await c.ok('graph.export', { format, nodeIds: ids, caseId, language })).content;
    const english = await file('anx', 'en');
    expect(english).toContain('<EntityType Name="Person" IconFile="Person"/>');
    expect(english).toContain('<LinkType Name="supplies"');
    expect(english).toContain(
      '<AttributeClass Name="Amount (yuan)" Type="AttNumber" ShowValue="true"/>',
    );
    expect(english).toContain('<AttributeClass Name="Count" Type="AttNumber" ShowValue="true"/>');
    expect(english).not.toMatch(/Name="[^"]*[\u3400-\u9fff]/);
    const chinese = await file('anx', 'zh-CN');
    expect(chinese).toContain('<LinkType Name="供货"');
    expect(chinese).toContain(
      '<AttributeClass Name="金额（元）" Type="AttNumber" ShowValue="true"/>',
    );
    expect(await file('gexf', 'en')).toContain('label="supplies"');
  });

  it('SVG in English: relations labelled in English, fields with ": "; a long title cut before the mark', async () => {
    const { caseId, ids } = await twoNamesakes('跨省贩卖甲基苯丙胺'.repeat(12));
    const svg = (
      await c.ok('graph.export', {
        format: 'svg',
        nodeIds: ids,
        caseId,
        language: 'en',
        classification: 'confidential',
      })
    ).content;
    const edgeLabels = [...svg.matchAll(/class="edge-label"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(edgeLabels).toEqual(['supplies']);
    expect(svg).toContain('Case no.: A-DUP-1');
    const title = /<g class="title-block"><text[^>]*>([^<]*)</.exec(svg)![1]!;
    // A4 is 1,123 px wide: the title stops before the mark's box, ending in an ellipsis.
    expect([title.endsWith('…'), title.length < 60]).toEqual([true, true]);
  });

  it('a chart with no entities is refused as such, not as a bad input', async () => {
    const caseRow = await c.ok('cases.create', {
      caseNo: 'A-EMPTY-1',
      title: '空案件',
      offenceType: 'trafficking',
      openedOn: '2026-01-01',
    });
    const result = await c.call('graph.export', {
      format: 'graphml',
      nodeIds: [],
      caseId: caseRow.id,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'graph.emptyChart' } });
  });

  it('tabs and line breaks are character references, kept by a reader in attributes', () => {
    expect(xmlText('第一行\n第二行\r\n第三行\t制表 & <x>')).toBe(
      '第一行&#10;第二行&#13;&#10;第三行&#9;制表 &amp; &lt;x&gt;',
    );
  });
});
