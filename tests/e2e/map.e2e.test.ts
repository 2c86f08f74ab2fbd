import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir, startHarness, type Harness } from './harness';
import { AppShell } from './pages/app-shell';
import { CasesPage } from './pages/cases-page';
import { signInToDemo } from './pages/demo-session';
import { MapPage } from './pages/map-page';
import { pickOption } from './pages/select-option';

/** The flow's label, on two lines beside its curve (see map-readable.e2e.test.ts). */
const flowLabel = ['昆明市 → 滨江市', '2条供货关系 · 甲基苯丙胺（冰毒） 26 kg'];

describe('the map of the demo methamphetamine case at 1366×768', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('draws the provinces, the flow Yunnan → 滨江 with its quantity, and exports it', async () => {
    const { page } = h;
    await signInToDemo(page);
    // A workspace in another zone than the window's (Shanghai): exports are dated in its own.
    const zoned = await h.host.router.invoke('settings.update', { timeZone: 'Pacific/Pago_Pago' });
    if (!zoned.ok) throw new Error(zoned.error.code);
    await new CasesPage(page).caseLink('A3301052026030015').click();
    await page.getByTestId('open-case-map').click();
    const map = new MapPage(page);
    await map.waitForText(flowLabel[0]!);
    await h.screenshot('40-map-meth-case');

    const texts = await map.drawnTexts();
    // The provinces away from the data are named (those under it give way to it); the flow
    // and the places are drawn.
    for (const province of ['四川', '西藏', '海南']) expect(texts).toContain(province);
    expect(texts).toEqual(expect.arrayContaining(flowLabel));
    expect(texts).toContain('城东物流园仓库');
    expect(texts).toContain('A3301052026030015 “3·15”跨省贩卖、运输甲基苯丙胺案');
    const provincePaths = await page.getByTestId('map-chart').locator('svg path').count();
    expect(provincePaths).toBeGreaterThan(34);
    await expect(page.getByTestId('map-flows').textContent()).resolves.toContain(
      '云南 昆明市 → 浙江 滨江市 · 2条供货关系',
    );

    const svg = await map.export('SVG');
    // Dated in the workspace's zone, as the chart's files are; the computer's own zone had
    // dated a map a day apart from the chart exported beside it.
    const workspaceDay = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Pacific/Pago_Pago',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date());
    expect(svg.suggestedFilename()).toBe(`quanlian-map-A3301052026030015-${workspaceDay}.svg`);
    const svgFile = path.join(artifactsDir, '40-map-meth-case.svg');
    await svg.saveAs(svgFile);
    const content = fs.readFileSync(svgFile, 'utf8');
    expect(content.startsWith('<svg')).toBe(true);
    expect(content).toContain('滨江市');
    expect(content).toContain('云南');
    // The mark chosen at export (内部 by default) is in the picture, not left on the screen.
    expect(content).toContain('>内部</text>');
    // A page (A4 landscape, printable area in mm), the title block above the map's own area.
    expect(content).toContain('width="281mm" height="189mm" viewBox="0 0 281 189"');
    expect(content).toMatch(/<svg [^>]*data-part="map" x="0" y="19" width="281" height="170"/);
    expect(content).not.toContain('l10000 0');
    expect(await map.drawnTexts()).not.toContain('内部');

    const pdf = await map.export('PDF', '秘密');
    const pdfFile = path.join(artifactsDir, '40-map-meth-case.pdf');
    await pdf.saveAs(pdfFile);
    expect(pdf.suggestedFilename()).toMatch(/^quanlian-map-A3301052026030015-.*\.pdf$/);
    const pdfText = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' });
    for (const words of ['秘密', '滨江市', 'A3301052026030015']) expect(pdfText).toContain(words);

    const png = await map.export('PNG');
    const pngFile = path.join(artifactsDir, '40-map-meth-case-export.png');
    await png.saveAs(pngFile);
    const bytes = fs.readFileSync(pngFile);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // The page at print resolution: 281 × 189 mm at 300 dots to the inch.
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([3319, 2232]);

    // A place already placed shows its coordinates in 地点坐标 (the boxes had stayed empty).
    await pickOption(page, page.getByTestId('locate-place'), '城东物流园仓库', true);
    await expect.poll(() => page.getByLabel('纬度').inputValue()).toBe('30.3012');
    expect(await page.getByLabel('经度').inputValue()).toBe('120.2986');

    // Every case at once: the heroin case's Guangdong supplier is a second flow into 滨江.
    await map.clearCase();
    await map.waitForText('全部案件');
    await map.waitForText('揭阳市 → 滨江市');
    expect(await map.drawnTexts()).toContain('1条供货关系 · 海洛因 52.3 g');
    await h.screenshot('41-map-all-cases');
    // And back to one case through the menu and the case select.
    await new AppShell(page).navigate('地图');
    await map.chooseCase('A3301062026080021');
    await map.waitForText('A3301062026080021 城西污水监测海洛因异常线索案');
    expect(h.pageErrors).toEqual([]);
  });
});
