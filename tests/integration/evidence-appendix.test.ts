import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  evidenceAppendix,
  evidenceLines,
  readEvidence,
} from '../../electron/core/reports/evidence-appendix';
import { openDirect } from '../helpers/direct-workspace';
import {
  adminPassword,
  createTestWorkspace,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';

let c: TestCore;
afterEach(() => c?.dispose());

const cdr = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/records/carrier-cdr.csv'));
const sha = createHash('sha256').update(cdr).digest('hex').slice(0, 12);
const file = '13987654321话单.csv';

/** The carrier fixture (15 valid rows, lines 2–16) imported into a case. */
async function importedCase() {
  c = makeTestCore();
  await createTestWorkspace(c);
  const caseRow = await c.ok('cases.create', {
    caseNo: 'A-CDR-2',
    title: '话单证据',
    offenceType: 'trafficking',
    openedOn: '2026-04-01',
  });
  await c.ok('import.commit', {
    fileName: file,
    contentBase64: cdr.toString('base64'),
    template: 'calls',
    importId: 'imp-cdr',
    skipInvalid: true,
    caseId: caseRow.id,
  });
  return caseRow.id;
}

/** The appendix section of a briefing's HTML as lines of text. */
function appendixText(html: string): string[] {
  const section = /<section class="evidence-appendix">([\s\S]*?)<\/section>/.exec(html)![1]!;
  return section
    .replace(/<\/(h2|p|li)>|<(ul|ol)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

describe('briefing evidence appendix: 关系 → 原始记录 → 文件第 N 行', () => {
  it('lists every relation of the case with the file, its SHA-256 and the lines of its records', async () => {
    const caseId = await importedCase();
    const html = (await c.ok('reports.briefing', { caseId, format: 'html' })).content;
    const source = (lines: string) => `${file}（SHA-256 ${sha}）第 ${lines} 行`;
    expect(appendixText(html)).toEqual([
      '附：证据来源',
      '关系 → 原始记录 → 文件第 N 行',
      '13987654321 → 13812345678（通话，原始记录 3 条）',
      source('2、4、5'),
      '13812345678 → 13987654321（通话，原始记录 2 条）',
      source('3、6'),
      '+959123456789 → 13987654321（通话，原始记录 1 条）',
      source('8'),
      '06912123456 → 13987654321（通话，原始记录 1 条）',
      source('15'),
      '10086 → 13987654321（通话，原始记录 1 条）',
      source('10'),
      '1069012345678901 → 13987654321（通话，原始记录 1 条）',
      source('16'),
      '13987654321 → +8562055551234（通话，原始记录 1 条）',
      source('9'),
      '13987654321 → +959123456789（通话，原始记录 1 条）',
      source('7'),
      '13987654321 → 087165123456（通话，原始记录 1 条）',
      source('14'),
      '13987654321 → 12345（通话，原始记录 1 条）',
      source('12'),
      '13987654321 → 4008123123（通话，原始记录 1 条）',
      source('13'),
      '13987654321 → 95555（通话，原始记录 1 条）',
      source('11'),
    ]);
  });

  it('is bounded: the first lines of each relation, then "及另外 N 条" and "及另外 N 个关系"; in English too', async () => {
    const caseId = await importedCase();
    const chart = await c.ok('graph.case', { caseId });
    const workspace = await openDirect(c.router.sessions.current()!.dir, 'admin', adminPassword);
    try {
      const evidence = readEvidence(
        workspace.db,
        chart.edges.map((edge) => edge.id),
        { relations: 2, linesPerRelation: 2 },
      );
      expect(evidence.moreRelations).toBe(10);
      expect(evidenceLines(evidenceAppendix(evidence, 'zh-CN'))).toEqual([
        '13987654321 → 13812345678（通话，原始记录 3 条）',
        `  → ${file}（SHA-256 ${sha}）第 2、4 行`,
        '  → 及另外 1 条',
        '13812345678 → 13987654321（通话，原始记录 2 条）',
        `  → ${file}（SHA-256 ${sha}）第 3、6 行`,
        '及另外 10 个关系',
      ]);
      expect(evidenceLines(evidenceAppendix(evidence, 'en'))).toEqual([
        '13987654321 → 13812345678 (Calls, 3 records)',
        `  → ${file} (SHA-256 ${sha}) lines 2, 4`,
        '  → and 1 more',
        '13812345678 → 13987654321 (Calls, 2 records)',
        `  → ${file} (SHA-256 ${sha}) lines 3, 6`,
        'and 10 more relations',
      ]);
    } finally {
      workspace.close('user');
    }
  });

  it('the case export lists the same: relation, file, SHA-256, lines', async () => {
    const caseId = await importedCase();
    const exported = JSON.parse(
      (await c.ok('cases.export', { id: caseId, format: 'json' })).content,
    ) as {
      evidence: {
        from: string;
        to: string;
        records: number;
        sources: { fileName: string; sha256: string; lines: number[] }[];
        moreRecords: number;
      }[];
      moreEvidence: number;
    };
    expect(exported.moreEvidence).toBe(0);
    expect(exported.evidence).toHaveLength(12);
    expect(exported.evidence[0]).toMatchObject({
      from: '13987654321',
      to: '13812345678',
      records: 3,
      sources: [
        {
          fileName: file,
          sha256: createHash('sha256').update(cdr).digest('hex'),
          lines: [2, 4, 5],
        },
      ],
      moreRecords: 0,
    });
    expect(exported.evidence.map((relation) => relation.sources[0]!.lines.join(','))).toEqual([
      '2,4,5',
      '3,6',
      '8',
      '15',
      '10',
      '16',
      '9',
      '7',
      '14',
      '12',
      '13',
      '11',
    ]);
  });
});
