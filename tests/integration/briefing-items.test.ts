import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { commonContactsTable } from '../../electron/api/domain/analysis-tables';
import { zhCN } from '../../electron/api/i18n/zh-CN';
import { chromiumDocuments, findChromium } from '../../electron/cli/chromium-documents';
import {
  createTestWorkspace,
  makeTempDir,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';

/**
 * Analysis results into the case briefing: a 话单碰撞 table kept for a case appears in the
 * briefing with exactly its rows; figures must be PNGs; items keep their order, move and go.
 */
const chromium = findChromium();
const documents = chromium ? chromiumDocuments(chromium) : undefined;
let c: TestCore;
afterEach(() => c?.dispose());
afterAll(async () => {
  await documents?.close();
});

/** Looks a dotted key up in the Chinese translations, as the page's `t` does. */
const label = (key: string) =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], zhCN) as string;

/** A 1×1 PNG. */
const tinyPng =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

const [t1, t2, t3] = ['13900000001', '13900000002', '13900000003'];
const [c1, c2] = ['13800000001', '13800000002'];

async function seed() {
  c = makeTestCore(undefined, { documents });
  await createTestWorkspace(c);
  const caseRow = await c.ok('cases.create', {
    caseNo: 'BR-01',
    title: '简报研判测试案',
    offenceType: 'trafficking',
    openedOn: '2026-04-01',
  });
  const rows = [
    `${t1},${c1},主叫,2026-04-01 08:00:00,60`,
    `${t1},${c2},主叫,2026-04-04 11:00:00,100`,
    `${t2},${c1},被叫,2026-04-06 08:00:00,45`,
    `${t2},${c2},短信收,2026-04-07 09:00:00,0`,
    `${t3},${c1},主叫,2026-04-09 08:00:00,200`,
    `${t3},13700000003,主叫,2026-04-09 09:00:00,7`,
  ];
  await c.ok('import.commit', {
    fileName: 'calls.csv',
    contentBase64: Buffer.from(
      ['本机号码,对方号码,呼叫类型,开始时间,通话时长', ...rows].join('\n') + '\n',
    ).toString('base64'),
    template: 'calls',
    importId: 'imp-br',
  });
  return caseRow.id;
}

/** Cell texts of every row of the analysis section's tables, head first. */
function analysisRows(html: string): string[][] {
  const section = html.slice(html.indexOf('九、研判结果'));
  return [...section.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((cell) => cell[1]!),
  );
}

describe('analysis results in the briefing', () => {
  it('a common-contacts table kept for the case is in the briefing with exactly its rows', async () => {
    const caseId = await seed();
    const result = await c.ok('analytics.commonContacts', { phones: [t1, t2, t3] });
    const table = commonContactsTable(result, label);
    expect(table.columns).toEqual([
      '号码',
      '联系目标数',
      '目标号码',
      '通话',
      '短信',
      '通话时长（秒）',
      '首次',
      '末次',
    ]);
    const item = await c.ok('reports.briefingItems.add', {
      caseId,
      title: '话单碰撞（3 个目标）',
      source: 'commonContacts',
      content: table,
    });
    expect(item.position).toBe(0);

    const html = (await c.ok('reports.briefing', { caseId, format: 'html' })).content;
    expect(html).toContain('<h3>话单碰撞（3 个目标）</h3>');
    expect(analysisRows(html)).toEqual([
      ['号码', '联系目标数', '目标号码', '通话', '短信', '通话时长（秒）', '首次', '末次'],
      [c1, '3', `${t1}、${t2}、${t3}`, '3', '0', '305', '2026-04-01 08:00', '2026-04-09 08:00'],
      [c2, '2', `${t1}、${t2}`, '1', '1', '100', '2026-04-04 11:00', '2026-04-07 09:00'],
    ]);
    const audit = await c.ok('audit.list', { page: 1, pageSize: 5 });
    expect(audit.rows.map((row) => row.action)).toContain('briefing.itemAdded');
    // What the item said stays in the log after it is removed: title, source, every cell.
    await c.ok('reports.briefingItems.remove', { id: item.id });
    const log = await c.ok('audit.list', { page: 1, pageSize: 10 });
    const said = (action: string) =>
      log.rows.find((row) => row.action === action)!.details as {
        title: string;
        source: string;
        cells: string[][];
        sha256: string;
      };
    for (const action of ['briefing.itemAdded', 'briefing.itemRemoved']) {
      const details = said(action);
      expect([details.title, details.source, details.cells[0]![0], details.sha256.length]).toEqual([
        '话单碰撞（3 个目标）',
        'commonContacts',
        c1,
        64,
      ]);
    }
  });

  it('keeps the order, moves and removes items; a briefing without items has no such section', async () => {
    const caseId = await seed();
    const add = (title: string) =>
      c.ok('reports.briefingItems.add', {
        caseId,
        title,
        source: 'timeline',
        content: { kind: 'table', columns: ['甲', '乙'], rows: [['1'], ['2', '3', '4']] },
      });
    const first = await add('第一');
    const second = await add('第二');
    await c.ok('reports.briefingItems.add', {
      caseId,
      title: '时间线图',
      source: 'timeline',
      content: { kind: 'figure', png: tinyPng },
    });
    const listed = await c.ok('reports.briefingItems.list', { caseId });
    expect(listed.map((item) => [item.title, item.position])).toEqual([
      ['第一', 0],
      ['第二', 1],
      ['时间线图', 2],
    ]);
    // Rows are made as wide as the head.
    expect(listed[0]!.content).toEqual({
      kind: 'table',
      columns: ['甲', '乙'],
      rows: [
        ['1', ''],
        ['2', '3'],
      ],
    });
    expect(listed[2]!.content).toMatchObject({ kind: 'figure', width: 1, height: 1 });

    await c.ok('reports.briefingItems.move', { id: second.id, direction: 'up' });
    await c.ok('reports.briefingItems.move', { id: second.id, direction: 'up' });
    expect((await c.ok('reports.briefingItems.list', { caseId })).map((i) => i.title)).toEqual([
      '第二',
      '第一',
      '时间线图',
    ]);
    const html = (await c.ok('reports.briefing', { caseId, format: 'html' })).content;
    expect(html.indexOf('<h3>第二</h3>')).toBeLessThan(html.indexOf('<h3>第一</h3>'));
    expect(html).toContain(`src="data:image/png;base64,${tinyPng}"`);

    for (const item of await c.ok('reports.briefingItems.list', { caseId }))
      await c.ok('reports.briefingItems.remove', { id: item.id });
    expect(await c.ok('reports.briefingItems.list', { caseId })).toEqual([]);
    expect(await c.call('reports.briefingItems.remove', { id: first.id })).toMatchObject({
      ok: false,
      error: { code: 'briefing.itemNotFound' },
    });
    expect((await c.ok('reports.briefing', { caseId, format: 'html' })).content).not.toContain(
      '九、研判结果',
    );
  });

  it('refuses a figure that is not a PNG', async () => {
    const caseId = await seed();
    const svgAsBase64 = Buffer.from('<svg onload="alert(1)"/>').toString('base64');
    expect(
      await c.call('reports.briefingItems.add', {
        caseId,
        title: '图',
        source: 'timeline',
        content: { kind: 'figure', png: svgAsBase64 },
      }),
    ).toMatchObject({ ok: false, error: { code: 'briefing.invalidFigure' } });
    expect(await c.ok('reports.briefingItems.list', { caseId })).toEqual([]);
  });

  it.runIf(documents)(
    'DOCX: the kept table and figure are in the Word document',
    async () => {
      const caseId = await seed();
      const result = await c.ok('analytics.commonContacts', { phones: [t1, t2, t3] });
      await c.ok('reports.briefingItems.add', {
        caseId,
        title: '话单碰撞结果',
        source: 'commonContacts',
        content: commonContactsTable(result, label),
      });
      await c.ok('reports.briefingItems.add', {
        caseId,
        title: '时间线图',
        source: 'timeline',
        content: { kind: 'figure', png: tinyPng },
      });
      const file = await c.ok('reports.briefing', { caseId, format: 'docx' });
      const dir = makeTempDir('quanlian-brief-items-');
      const docx = path.join(dir, 'briefing.docx');
      fs.writeFileSync(docx, Buffer.from(file.content, 'base64'));
      const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml']).toString('utf8');
      const text = xml.replace(/<[^>]+>/g, '');
      expect(text).toContain('九、研判结果');
      expect(text).toContain('话单碰撞结果');
      expect(text).toContain(`${c1}3${t1}、${t2}、${t3}303052026-04-01 08:002026-04-09 08:00`);
      const media = execFileSync('unzip', ['-l', docx]).toString('utf8');
      // The two charts of every briefing, and the kept figure.
      expect(media.match(/word\/media\/\S+\.png/g)).toHaveLength(3);
    },
    120_000,
  );
});
