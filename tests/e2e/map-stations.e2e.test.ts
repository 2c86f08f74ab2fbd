import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir, startHarness, type Harness } from './harness';
import { CasesPage } from './pages/cases-page';
import { signInToDemo } from './pages/demo-session';
import { MapPage } from './pages/map-page';

const caseNo = 'A3301052026030015';

describe('base stations a call list places, on the map of the demo case', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('draws them as a layer of their own, in the legend, the summary and the export', async () => {
    const { page } = h;
    await signInToDemo(page);
    const cases = await h.host.router.invoke('cases.list', { pageSize: 500 });
    if (!cases.ok) throw new Error(cases.error.code);
    const caseId = (cases.value as { rows: { id: string; caseNo: string }[] }).rows.find(
      (row) => row.caseNo === caseNo,
    )!.id;
    const list = [
      '用户号码,对方号码,呼叫类型,开始时间,通话时长,基站经度,基站纬度,基站地址',
      '13987650001,13812345678,主叫,2026-03-01 09:00:00,60,102.712251,25.040609,昆明市五华区',
      '13987650001,13812345678,被叫,2026-03-01 09:10:00,60,102.833,24.88,昆明市官渡区',
    ].join('\n');
    const imported = await h.host.router.invoke('import.commit', {
      fileName: 'cell_coords.csv',
      contentBase64: Buffer.from(list, 'utf8').toString('base64'),
      template: 'calls',
      importId: 'e2e-cell-coords',
      caseId,
    });
    if (!imported.ok) throw new Error(imported.error.code);
    expect((imported.value as { cellSites: number }).cellSites).toBe(2);

    await new CasesPage(page).caseLink(caseNo).click();
    await page.getByTestId('open-case-map').click();
    const map = new MapPage(page);
    await map.waitForText('基站（话单）');
    await h.screenshot('42-map-cell-stations');
    const texts = await map.drawnTexts();
    // Both stations stand by 昆明官渡交易点 (五华区 on its spot): their names are written
    // further out, clear of the place's (五华区's had been printed over it; none over another:
    // map-readable.e2e.test.ts), tied to their markers by a line where far.
    expect(texts).toContain('昆明官渡交易点');
    expect(texts).toContain('昆明市五华区');
    expect(texts).toContain('昆明市官渡区');
    expect(texts).toContain('基站（话单）');
    await expect(page.getByTestId('map-stations').textContent()).resolves.toContain(
      '昆明市五华区 · 102.7123,25.0406',
    );
    await expect(page.getByTestId('map-stations').textContent()).resolves.toContain(
      '1个号码：13987650001（1）',
    );

    const svg = await map.export('SVG');
    const svgFile = path.join(artifactsDir, '42-map-cell-stations.svg');
    await svg.saveAs(svgFile);
    const content = fs.readFileSync(svgFile, 'utf8');
    for (const words of ['昆明官渡交易点', '基站（话单）']) expect(content).toContain(words);
    expect(h.pageErrors).toEqual([]);
  });
});
