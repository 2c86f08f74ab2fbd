import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumDocuments, findChromium } from '../../electron/cli/chromium-documents';
import { withViewBox } from '../../electron/core/map/map-pdf';
import { makeTempDir, makeTestCore, type TestCore } from '../helpers/test-core';

const chromium = findChromium();
const documents = chromium ? chromiumDocuments(chromium) : undefined;
let c: TestCore;
let caseId: string;

/** What ECharts' SVG renderer writes: size in attributes, no viewBox; the mark as a title. */
const mapSvg =
  '<svg width="1000" height="600" xmlns="http://www.w3.org/2000/svg">' +
  '<rect width="1000" height="600" fill="#fff"/>' +
  '<text x="16" y="30" font-size="16">A3301052026030015 地图</text>' +
  '<text x="900" y="30" font-size="20" fill="#cf1322">秘密</text>' +
  '<text x="500" y="300">昆明市 → 滨江市</text></svg>';

beforeAll(async () => {
  c = makeTestCore(undefined, { documents });
  const demo = await c.ok('workspace.openDemo', {});
  await c.ok('session.unlock', {
    path: demo.path,
    username: demo.username,
    password: demo.password,
  });
  caseId = (await c.ok('cases.list', { text: 'A3301052026030015' })).rows[0]!.id;
}, 60_000);

afterAll(async () => {
  c?.dispose();
  await documents?.close();
});

describe('withViewBox', () => {
  it('adds the viewBox from width and height, and leaves one that is there', () => {
    expect(withViewBox('<svg width="1000" height="600" xmlns="x"><g/></svg>')).toBe(
      '<svg viewBox="0 0 1000 600" width="1000" height="600" xmlns="x"><g/></svg>',
    );
    const kept = '<svg viewBox="0 0 5 5" width="10" height="10"></svg>';
    expect(withViewBox(kept)).toBe(kept);
  });
});

describe('map.exportPdf', () => {
  it.runIf(chromium)(
    'prints the map as drawn on an A3 landscape page, named by the case, audited with its mark',
    async () => {
      const file = await c.ok('map.exportPdf', {
        caseId,
        from: '2026-01-01',
        classification: 'confidential',
        page: 'A3',
        svg: mapSvg,
      });
      expect(file.fileName).toMatch(/^quanlian-map-A3301052026030015-\d{4}-\d{2}-\d{2}\.pdf$/);
      expect([file.mimeType, file.encoding]).toEqual(['application/pdf', 'base64']);
      const pdf = path.join(makeTempDir('quanlian-map-pdf-'), file.fileName);
      fs.writeFileSync(pdf, Buffer.from(file.content, 'base64'));
      expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      // A3 landscape (Chromium rounds 420 × 297 mm to whole device pixels), one page.
      expect(info).toMatch(/Page size:\s+1191\.12 x 841\.92 pts \(A3\)/);
      expect(info).toMatch(/Pages:\s+1\n/);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
        .replace(/\s+/g, ' ')
        .trim();
      // Title and mark on the first line, the flow, the footer with the case number.
      expect(text).toBe('A3301052026030015 地图 秘密 昆明市 → 滨江市 A3301052026030015 · 1 / 1');
      const [entry] = (await c.ok('audit.list', { pageSize: 1 })).rows;
      expect(entry).toMatchObject({
        action: 'map.exported',
        targetId: caseId,
        details: {
          caseId,
          format: 'pdf',
          from: '2026-01-01',
          to: null,
          classification: 'confidential',
          page: 'A3',
        },
      });
    },
    60_000,
  );

  it('takes an SVG picture only, and records the mark of SVG/PNG exports too', async () => {
    const notSvg = await c.call('map.exportPdf', { caseId, svg: '<html><body/></html>' });
    expect(notSvg).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    await c.ok('map.recordExport', { caseId, format: 'png', classification: 'confidential' });
    const [entry] = (await c.ok('audit.list', { pageSize: 1 })).rows;
    expect(entry?.details).toMatchObject({ format: 'png', classification: 'confidential' });
  });

  it('says so when the host has no document renderer', async () => {
    const bare = makeTestCore();
    try {
      const demo = await bare.ok('workspace.openDemo', {});
      await bare.ok('session.unlock', {
        path: demo.path,
        username: demo.username,
        password: demo.password,
      });
      expect(await bare.call('map.exportPdf', { svg: mapSvg })).toMatchObject({
        ok: false,
        error: { code: 'reports.rendererUnavailable' },
      });
    } finally {
      bare.dispose();
    }
  }, 60_000);
});
