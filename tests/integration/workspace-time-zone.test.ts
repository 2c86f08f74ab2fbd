import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumDocuments, findChromium } from '../../electron/cli/chromium-documents';
import {
  createTestWorkspace,
  makeTempDir,
  makeTestCore,
  type TestCore,
} from '../helpers/test-core';

/**
 * The process runs in UTC (vitest.config.mts sets TZ); the workspace is in Asia/Shanghai by
 * default. A seizure at 03:15 Beijing time on 24 March is 19:15 UTC on the 23rd: every
 * document and file name must say the 24th.
 */
const chromium = findChromium();
const documents = chromium ? chromiumDocuments(chromium) : undefined;
const seizedAt = '2026-03-23T19:15:00.000Z';
let c: TestCore;
let caseId: string;
let workspaceDir: string;

function save(name: string, content: string, encoding: 'utf8' | 'base64'): string {
  const file = path.join(makeTempDir('quanlian-tz-'), name);
  fs.writeFileSync(file, Buffer.from(content, encoding));
  return file;
}

/** The PDF's text, whitespace removed (pdftotext pads and breaks lines). */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, '');
}

/** The text runs of a DOCX's body, joined. */
function docxText(file: string): string {
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml']).toString('utf8');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
}

/** The time cell of the first data row of an audit export (newest record first). */
async function firstTime(content: string): Promise<unknown> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  await workbook.xlsx.load(Buffer.from(content, 'base64') as unknown as ArrayBuffer);
  return workbook.worksheets[0]!.getRow(2).getCell(2).value;
}

beforeAll(async () => {
  c = makeTestCore(undefined, { documents });
  // The documents are made at the same instant as the seizure: 03:15 on the 24th in Beijing.
  c.clock.advance(Date.parse(seizedAt) - c.clock.now().getTime());
  workspaceDir = (await createTestWorkspace(c)).path;
  await c.ok('users.create', {
    username: 'zhaomin',
    displayName: '赵敏',
    role: 'investigator',
    password: 'Zhao#Min2026pw',
  });
  caseId = (
    await c.ok('cases.create', {
      caseNo: 'A3301052026030024',
      title: '“3·24”贩卖毒品案',
      offenceType: 'trafficking',
      leadInvestigator: '王建国',
      unit: '滨江分局禁毒大队',
      openedOn: '2026-03-20',
    })
  ).id;
  await c.ok('seizures.create', {
    caseId,
    seizedAt,
    drugType: 'methamphetamine',
    quantityValue: '1.5',
    quantityUnit: 'kg',
    evidenceNo: 'WZ-0324',
  });
}, 60_000);

afterAll(async () => {
  c?.dispose();
  await documents?.close();
});

describe('dates in the workspace zone with the process in UTC', () => {
  it('defaults to Asia/Shanghai', async () => {
    expect(process.env['TZ']).toBe('UTC');
    expect((await c.ok('settings.get', {})).timeZone).toBe('Asia/Shanghai');
  });

  it('a briefing dates the 03:15 seizure and itself on the 24th, and so does its file name', async () => {
    const file = await c.ok('reports.briefing', { caseId, format: 'html' });
    expect(file.fileName).toBe('案情简报-A3301052026030024-2026-03-24.html');
    expect(file.content).toContain('<td>WZ-0324</td><td>2026年3月24日</td>');
    expect(file.content).toContain('<span>日期：2026年3月24日</span>');
    expect(file.content).not.toContain('2026年3月23日');
  });

  it('statistics count the seizure on the 24th, not the 23rd', async () => {
    const on24 = await c.ok('stats.unit', { from: '2026-03-24', to: '2026-03-24' });
    expect(on24.drugsMilligrams).toBe(1_500_000);
    expect(on24.months).toEqual([
      { month: '2026-03', casesSolved: 0, suspectsArrested: 0, drugsMilligrams: 1_500_000 },
    ]);
    const on23 = await c.ok('stats.unit', { from: '2026-03-01', to: '2026-03-23' });
    expect(on23.drugsMilligrams).toBe(0);
  });

  it('names exported files by the day in the zone', async () => {
    const exported = await c.ok('cases.export', { id: caseId, format: 'json' });
    expect(exported.fileName).toBe('A3301052026030024-2026-03-24.json');
    const pack = await c.ok('package.export', { caseId, passphrase: 'pack-phrase-0324' });
    expect(pack.fileName).toBe('A3301052026030024-2026-03-24.qlpkg');
    const phone = await c.ok('entities.create', {
      entity: { kind: 'phone', number: '13800138024' },
      caseId,
    });
    const graph = await c.ok('graph.export', { format: 'svg', nodeIds: [phone.id], caseId });
    expect(graph.fileName).toBe('quanlian-graph-A3301052026030024-2026-03-24.svg');
  });

  it('names a backup by the time in the zone', async () => {
    const folder = makeTempDir('quanlian-tz-backups-');
    await c.ok('backup.schedule', { folder, everyHours: 24, keep: 5 });
    const status = await c.ok('backup.create', {});
    expect(status.files.map((file) => file.fileName)).toEqual(['quanlian-20260324-031500.qlbak']);
  });

  it('follows the zone chosen in settings and refuses one that does not exist', async () => {
    const refused = await c.call('settings.update', { timeZone: 'Asia/Beijing' });
    expect(refused.ok).toBe(false);
    expect((await c.ok('settings.update', { timeZone: 'UTC' })).timeZone).toBe('UTC');
    const file = await c.ok('reports.briefing', { caseId, format: 'html' });
    expect(file.fileName).toBe('案情简报-A3301052026030024-2026-03-23.html');
    expect(file.content).toContain('<td>WZ-0324</td><td>2026年3月23日</td>');
    await c.ok('settings.update', { timeZone: 'Asia/Shanghai' });
  });

  it('audit log: its days, the export’s times and its file name follow the zone', async () => {
    const total = async (day: string) =>
      (await c.ok('audit.list', { caseId, from: day, to: day })).total;
    expect(await total('2026-03-24')).toBeGreaterThan(0);
    const onThe24th = await total('2026-03-24');
    expect(await total('2026-03-23')).toBe(0);
    const shanghai = await c.ok('audit.export', { caseId, language: 'zh-CN' });
    expect(shanghai.fileName).toBe('审计日志-2026-03-24.xlsx');
    expect(await firstTime(shanghai.content)).toBe('2026-03-24 03:15:00');
    await c.ok('settings.update', { timeZone: 'UTC' });
    try {
      // The export just made is in the case's log too, on the same day.
      expect(await total('2026-03-23')).toBe(onThe24th + 1);
      expect(await total('2026-03-24')).toBe(0);
      const utc = await c.ok('audit.export', { caseId, language: 'zh-CN' });
      expect(utc.fileName).toBe('审计日志-2026-03-23.xlsx');
      expect(await firstTime(utc.content)).toBe('2026-03-23 19:15:00');
    } finally {
      await c.ok('settings.update', { timeZone: 'Asia/Shanghai' });
    }
  });

  it('timeline: a case’s 立案 day is the start of that day in the zone, and a period of days takes it', async () => {
    const opened = async () =>
      (
        await c.ok('analytics.timeline', { caseId, from: '2026-03-20', to: '2026-03-20' })
      ).marks.filter((mark) => mark.kind === 'status');
    expect((await opened()).map((mark) => mark.at)).toEqual(['2026-03-19T16:00:00.000Z']);
    await c.ok('settings.update', { timeZone: 'UTC' });
    try {
      expect((await opened()).map((mark) => mark.at)).toEqual(['2026-03-20T00:00:00.000Z']);
    } finally {
      await c.ok('settings.update', { timeZone: 'Asia/Shanghai' });
    }
  });
});

describe.skipIf(!documents)('document headers (pdftotext / DOCX text)', () => {
  beforeAll(async () => {
    // 赵敏 makes the documents; the case's 主办侦查员 is 王建国.
    await c.ok('session.lock', {});
    await c.ok('session.unlock', {
      path: workspaceDir,
      username: 'zhaomin',
      password: 'Zhao#Min2026pw',
    });
  });

  it('briefing PDF: 承办人 is the case lead investigator, 制作人 the user who made it', async () => {
    const file = await c.ok('reports.briefing', { caseId, format: 'pdf' });
    expect(file.fileName).toBe('案情简报-A3301052026030024-2026-03-24.pdf');
    const text = pdfText(save(file.fileName, file.content, 'base64'));
    expect(text).toContain(
      '单位：滨江分局禁毒大队案件编号：A3301052026030024日期：2026年3月24日承办人：王建国制作人：赵敏',
    );
    expect(text).toContain('WZ-03242026年3月24日');
  });

  it('briefing DOCX: the same header line', async () => {
    const file = await c.ok('reports.briefing', { caseId, format: 'docx' });
    expect(file.fileName).toBe('案情简报-A3301052026030024-2026-03-24.docx');
    expect(docxText(save(file.fileName, file.content, 'base64'))).toContain(
      '单位：滨江分局禁毒大队    案件编号：A3301052026030024    日期：2026年3月24日    承办人：王建国    制作人：赵敏',
    );
  });

  it('map PDF: named by the day in the zone', async () => {
    const file = await c.ok('map.exportPdf', {
      caseId,
      svg: '<svg width="100" height="60" xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>',
    });
    expect(file.fileName).toBe('quanlian-map-A3301052026030024-2026-03-24.pdf');
  });

  it('English briefing: header and paragraph in English', async () => {
    const file = await c.ok('reports.briefing', { caseId, format: 'pdf', language: 'en' });
    const text = pdfText(save('briefing-en.pdf', file.content, 'base64'));
    expect(text).toContain(
      'Unit:滨江分局禁毒大队Caseno.:A3301052026030024Date:2026-03-24Investigator:王建国Preparedby:赵敏',
    );
    expect(text).toContain(
      'Thecasewasopenedon2026-03-20andisattheFiledstage.Nosuspectarrestedyet;1.5kgofdrugsseized(Methamphetamine1.5kg,reachingthe“Largequantity”threshold).Everypersoninthecasehasaknownsupplier.',
    );
    expect(text).toContain('DrugTotalSeizuresStatutorytierMethamphetamine1.5kg1Largequantity');
    // Chinese only where the user typed it (unit, names, the case title).
    const typed = ['滨江分局禁毒大队', '王建国', '赵敏', '“3·24”贩卖毒品案'];
    expect(typed.reduce((rest, word) => rest.replaceAll(word, ''), text)).not.toMatch(
      /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/,
    );
  });

  it('statistics PDF: marking, unit, 制表人 and date; the English one in English', async () => {
    const file = await c.ok('stats.export', {
      from: '2026-03-01',
      to: '2026-03-31',
      format: 'pdf',
      classification: 'secret',
    });
    const text = pdfText(save('stats.pdf', file.content, 'base64'));
    expect(text.startsWith('机密禁毒工作统计全部单位·2026年3月1日–2026年3月31日')).toBe(true);
    expect(text).toContain('单位：滨江市公安局禁毒支队一大队制表人：赵敏制表日期：2026年3月24日');
    expect(text).toContain('2026年3月1日至2026年3月31日，破获毒品刑事案件0起');

    const en = await c.ok('stats.export', {
      from: '2026-03-01',
      to: '2026-03-31',
      format: 'pdf',
      classification: 'internal',
      language: 'en',
    });
    const enText = pdfText(save('stats-en.pdf', en.content, 'base64'));
    expect(enText.startsWith('InternalNarcoticsworkstatisticsAllunits·2026-03-01–2026-03-31')).toBe(
      true,
    );
    expect(enText).toContain('Unit:滨江市公安局禁毒支队一大队Preparedby:赵敏Date:2026-03-24');
    expect(enText).toContain('2026-03-01to2026-03-31:0drugcasessolved,0suspectscaught');
    expect(
      ['滨江市公安局禁毒支队一大队', '赵敏'].reduce(
        (rest, word) => rest.replaceAll(word, ''),
        enText,
      ),
    ).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
    expect(en.fileName).toBe('Narcotics work statistics-2026-03-01-2026-03-31.pdf');
  });
});
