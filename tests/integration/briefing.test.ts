import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textEms } from '../../electron/api/domain/chart-look';
import { maskResidentId } from '../../electron/api/domain/resident-id';
import { chromiumDocuments, findChromium } from '../../electron/cli/chromium-documents';
import { makeTempDir, makeTestCore, signInToDemo, type TestCore } from '../helpers/test-core';

const chromium = findChromium();
const documents = chromium ? chromiumDocuments(chromium) : undefined;
const artifacts = path.resolve('tests/e2e/artifacts');
let c: TestCore;
let caseId: string;
let idNumbers: string[];

/** Text of a PDF, whitespace removed (pdftotext breaks lines and pads table cells). */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, '');
}

function save(name: string, content: string, encoding: 'utf8' | 'base64'): string {
  const file = path.join(makeTempDir('quanlian-brief-'), name);
  fs.writeFileSync(file, Buffer.from(content, encoding));
  fs.mkdirSync(artifacts, { recursive: true });
  fs.copyFileSync(file, path.join(artifacts, name));
  return file;
}

beforeAll(async () => {
  c = makeTestCore(undefined, { documents });
  caseId = await signInToDemo(c);
  const detail = await c.ok('cases.get', { id: caseId });
  idNumbers = detail.persons
    .filter((person) => person.roleInCase === 'suspect' || person.roleInCase === 'drug_user')
    .flatMap((person) => (person.idNumber ? [person.idNumber] : []));
}, 60_000);

afterAll(async () => {
  c?.dispose();
  await documents?.close();
});

describe('case briefing of the demo methamphetamine case', () => {
  it('HTML: case number, masked IDs, exact totals and the summary paragraph', async () => {
    const file = await c.ok('reports.briefing', { caseId, format: 'html' });
    expect(file.mimeType).toBe('text/html');
    expect(file.fileName).toMatch(/^案情简报-A3301052026030015-\d{4}-\d{2}-\d{2}\.html$/);
    const html = file.content;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(idNumbers.length).toBeGreaterThanOrEqual(10);
    for (const id of idNumbers) {
      expect(html).toContain(maskResidentId(id));
      expect(html).not.toContain(id);
    }
    expect(html).toContain('A3301052026030015');
    expect(html).toContain('26 千克');
    expect(html).toContain(
      '抓获犯罪嫌疑人 13 名，在逃 2 名；缴获毒品 26.1186 千克（甲基苯丙胺（冰毒）26 千克、甲基苯丙胺片剂（麻古）118.6 克，合计甲基苯丙胺 26.1186 千克，达到数量大标准），毒资 39.89 万元；打掉贩毒团伙 2 个；查获吸毒人员 10 名。',
    );
    expect(html).toContain(
      '链条源头未查明（岩某（在逃）），另有 1 名涉案人员上线未明（陈某辉），需沿链条继续追查。',
    );
    expect(html).not.toContain('均已查明');
    // Suspects by legal status, counted by hand from the demo: 15 suspects.
    expect(html).toContain(
      '<tr><td>在逃</td><td>2</td></tr><tr><td>刑事拘留</td><td>2</td></tr><tr><td>逮捕</td><td>7</td></tr><tr><td>取保候审</td><td>3</td></tr><tr><td>监视居住</td><td>1</td></tr>',
    );
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script/i);
    // A heading is kept with what follows it, a figure never split, when printed.
    expect(html).toContain('h2, h3 { break-after: avoid; page-break-after: avoid; }');
    expect(html).toContain('break-inside: avoid; page-break-inside: avoid; }');
  });

  it('unmasks ID numbers only when asked, and not for a viewer', async () => {
    const file = await c.ok('reports.briefing', { caseId, format: 'html', unmaskIds: true });
    for (const id of idNumbers) expect(file.content).toContain(id);
  });

  it.runIf(documents)(
    'PDF: the same text, every font embedded',
    async () => {
      const file = await c.ok('reports.briefing', {
        caseId,
        format: 'pdf',
        classification: 'secret',
      });
      expect(file.encoding).toBe('base64');
      const pdf = save('briefing.pdf', file.content, 'base64');
      expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(pdf);
      expect(text).toContain('A3301052026030015');
      expect(text).toContain('机密');
      for (const id of idNumbers) expect(text).toContain(maskResidentId(id));
      expect(text).toContain('合计甲基苯丙胺26.1186千克，达到数量大标准');
      expect(text).toContain('另有1名涉案人员上线未明（陈某辉）');
      // The heading 四、供应链条 is on the page of its diagram (it had been left alone at the foot
      // of page 2), the diagram's first row label 毒源/上线 under it.
      const pages = execFileSync('pdftotext', ['-layout', pdf, '-'])
        .toString('utf8')
        .split('\f')
        .map((page) => page.replace(/\s+/g, ''));
      expect(pages.find((page) => page.includes('四、供应链条'))).toContain(
        '四、供应链条（全链条）毒源/上线',
      );
      const fonts = execFileSync('pdffonts', [pdf]).toString().trim().split('\n').slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      // Columns: name type encoding emb sub uni object ID: every font embedded, with a Unicode map.
      for (const line of fonts) {
        const [emb, , uni] = line.split(/\s+/).slice(-5, -2);
        expect([emb, uni]).toEqual(['yes', 'yes']);
      }
    },
    60_000,
  );

  it.runIf(documents)(
    'DOCX opens in LibreOffice with the same content',
    async () => {
      const file = await c.ok('reports.briefing', { caseId, format: 'docx' });
      const docx = save('briefing.docx', file.content, 'base64');
      expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
      const out = makeTempDir('quanlian-soffice-');
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${out}/profile`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          out,
          docx,
        ],
        { stdio: 'ignore', timeout: 120_000 },
      );
      const converted = path.join(out, 'briefing.pdf');
      fs.copyFileSync(converted, path.join(artifacts, 'briefing-docx.pdf'));
      const text = pdfText(converted);
      expect(text).toContain('A3301052026030015');
      for (const id of idNumbers) expect(text).toContain(maskResidentId(id));
      expect(text).toContain('合计甲基苯丙胺26.1186千克，达到数量大标准');
      expect(text).toContain('另有1名涉案人员上线未明（陈某辉）');
    },
    180_000,
  );

  it('every export is audited with its options', async () => {
    const audit = await c.ok('audit.list', { page: 1, pageSize: 50 });
    const briefing = audit.rows.filter((row) => row.action.startsWith('briefing.'));
    expect(
      briefing.map((row) => [row.action, row.details?.['format'], row.details?.['unmaskedIds']]),
    ).toEqual([
      ...(documents
        ? [
            ['briefing.exported', 'docx', false],
            ['briefing.exported', 'pdf', false],
          ]
        : []),
      ['briefing.previewed', 'html', true],
      ['briefing.previewed', 'html', false],
    ]);
  });

  it('the supply-chain diagram puts only the chain’s tiered entities in its rows, transport dashed, with a legend; the English gang chart is English', async () => {
    const html = (await c.ok('reports.briefing', { caseId, format: 'html' })).content;
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g)!;
    const chainSvg = svgs.find((svg) => svg.includes('stroke-dasharray="5 3"'))!;
    const names = [...chainSvg.matchAll(/<title>([^<]+)<\/title>/g)].map((found) => found[1]);
    // 黄某 (a relative, no tier) and the gangs are in no row: the dealers are the chain's.
    const chain = await c.ok('graph.chain', { caseId });
    const tiered = chain.members.filter((member) => member.tier !== null).map((m) => m.label);
    expect(names.sort()).toEqual(
      [...new Set(tiered)].filter((name) => names.includes(name)).sort(),
    );
    expect(names).not.toContain('黄某');
    expect(names).not.toContain('张某龙贩毒团伙');
    expect(chainSvg).toContain('>供货（上下线）</text>');
    expect(chainSvg).toContain('>为其运输</text>');
    const english = (await c.ok('reports.briefing', { caseId, format: 'html', language: 'en' }))
      .content;
    const gang = english.match(/<svg[\s\S]*?<\/svg>/g)![0]!;
    expect(gang).toContain('Supplies');
    expect(gang).not.toMatch(/供货|图例|实体 \d+ 个|团伙成员/);
  });

  it('the supply-chain diagram writes each person’s legal status, short, under the name: at large in red, said in the legend', async () => {
    const statuses = async (language: 'zh-CN' | 'en') => {
      const html = (await c.ok('reports.briefing', { caseId, format: 'html', language })).content;
      const chainSvg = html
        .match(/<svg[\s\S]*?<\/svg>/g)!
        .find((svg) => svg.includes('stroke-dasharray="5 3"'))!;
      const people = [
        ...chainSvg.matchAll(
          /<title>([^<]+)<\/title><\/use><text [^>]*>[^<]*<\/text>(?:<text class="node-status" [^>]*fill="([^"]+)"[^>]*>([^<]*)<\/text>)?/g,
        ),
      ].map(([, name, colour, status]) => [name, status ?? null, colour ?? null]);
      // Kept to look at (tests/e2e/artifacts, as the chart's pictures are).
      fs.mkdirSync('tests/e2e/artifacts', { recursive: true });
      fs.writeFileSync(`tests/e2e/artifacts/briefing-supply-chain-${language}.svg`, chainSvg);
      const legend = /<text class="status-legend"[^>]*>([^<]*)</.exec(chainSvg)?.[1];
      return { people: people.filter(([, status]) => status !== null), legend };
    };
    const red = '#b91c1c';
    const grey = '#475569';
    const chinese = await statuses('zh-CN');
    // Every tiered person under a measure (the demo's 15), as the case records it.
    expect(chinese.people.sort()).toEqual([
      ['何某丽', '(取保)', grey],
      ['冯某', '(监居)', grey],
      ['刘某', '(逮捕)', grey],
      ['吴某', '(逮捕)', grey],
      ['周某', '(取保)', grey],
      ['孙某', '(刑拘)', grey],
      ['宋某', '(取保)', grey],
      ['岩某', '(在逃)', red],
      ['张某龙', '(逮捕)', grey],
      ['李某华', '(逮捕)', grey],
      ['王某强', '(逮捕)', grey],
      ['许某', '(在逃)', red],
      ['赵某飞', '(逮捕)', grey],
      ['郑某', '(刑拘)', grey],
      ['陈某辉', '(逮捕)', grey],
    ]);
    expect(chinese.legend).toBe('（ ）内为强制措施，红色为在逃');
    const english = await statuses('en');
    expect(english.legend).toBe('( ) legal status; red: at large');
    expect(english.people.find(([name]) => name === '岩某')).toEqual(['岩某', '(at large)', red]);
    expect(english.people.find(([name]) => name === '孙某')).toEqual(['孙某', '(detained)', grey]);
  });

  it('the gang chart draws no entity over another’s icon or name; the supply-chain diagram names every relation and ends its arrows on the icons', async () => {
    const html = (await c.ok('reports.briefing', { caseId, format: 'html' })).content;
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g)!;
    type Box = { who: string; box: number[] };
    const overlap = (a: number[], b: number[]) =>
      a[0]! < b[0]! + b[2]! &&
      b[0]! < a[0]! + a[2]! &&
      a[1]! < b[1]! + b[3]! &&
      b[1]! < a[1]! + a[3]!;
    // A text's box from its x (middle), baseline y, size and width in ems.
    const textBox = (x: string, y: string, size: string, text: string) => {
      const width = textEms(text) * Number(size);
      return [Number(x) - width / 2, Number(y) - Number(size), width, Number(size) * 1.2];
    };
    const gang = svgs.find((svg) => svg.includes('<g class="nodes">'))!;
    const icons: Box[] = [];
    const names: Box[] = [];
    for (const [group, who] of gang.matchAll(
      /<g class="node"[^>]*><title>([^<]*)<\/title>[\s\S]*?<\/g>/g,
    )) {
      const icon = /<use class="node-icon" [^>]*x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)"/.exec(
        group,
      )!;
      icons.push({
        who: who!,
        box: [Number(icon[1]), Number(icon[2]), Number(icon[3]), Number(icon[3])],
      });
      for (const [, x, y, size, text] of group.matchAll(
        /<text class="node-(?:label|status)" x="([\d.-]+)" y="([\d.-]+)" font-size="([\d.]+)"[^>]*>([^<]*)</g,
      ))
        names.push({ who: who!, box: textBox(x!, y!, size!, text!) });
    }
    expect(icons).toHaveLength(28);
    const clashes: string[] = [];
    for (const icon of icons)
      for (const other of [...icons, ...names])
        if (other.who !== icon.who && overlap(icon.box, other.box))
          clashes.push(`${icon.who} / ${other.who}`);
    // (陈某辉's icon had covered 周某's (取保候审).)
    expect([...new Set(clashes)]).toEqual([]);

    const chain = svgs.find((svg) => svg.includes('stroke-dasharray="5 3"'))!;
    const relations = [
      ...chain.matchAll(
        /<line x1="[^"]*" y1="[^"]*" x2="([\d.-]+)" y2="([\d.-]+)"[^>]*marker-end/g,
      ),
    ];
    const labels = [...chain.matchAll(/<text class="edge-label"[^>]*>([^<]*)</g)].map((m) => m[1]);
    // 19 supply and 3 transport relations between the chain's members (and the legend's two
    // lines), each named (none was).
    expect([
      relations.length,
      labels.filter((l) => l === '供货').length,
      labels.filter((l) => l === '运输').length,
    ]).toEqual([24, 19, 3]);
    const memberNames = [
      ...chain.matchAll(
        /<text x="([\d.-]+)" y="([\d.-]+)" font-size="(11)" text-anchor="middle"[^>]*>([^<]*)</g,
      ),
    ].map(([, x, y, size, text]) => textBox(x!, y!, size!, text!));
    // Arrowheads end on the icons' rims, on no name (they had landed on 李某华).
    expect(
      relations.filter(([, x, y]) =>
        memberNames.some((box) => overlap([Number(x) - 1, Number(y) - 1, 2, 2], box)),
      ),
    ).toEqual([]);
  });

  it('the gang chart leaves the case’s witness out: drawn beside the gang, he read as one of it', async () => {
    const witnesses = (await c.ok('graph.case', { caseId })).nodes
      .filter((node) => node.inCase && node.roleInCase === 'witness')
      .map((node) => node.label);
    expect(witnesses.length).toBeGreaterThan(0);
    const html = (await c.ok('reports.briefing', { caseId, format: 'html' })).content;
    const gang = html.match(/<svg[\s\S]*?<\/svg>/g)![0]!;
    for (const witness of witnesses) expect(gang).not.toContain(`>${witness}<`);
    expect(gang).toContain('>张某龙<');
  });
});
