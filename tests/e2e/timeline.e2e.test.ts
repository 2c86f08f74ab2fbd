import fs from 'node:fs';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { CasesPage } from './pages/cases-page';
import { signInToDemo } from './pages/demo-session';

/** What the page function reads of an element (the tests compile without the DOM library). */
interface Attributes {
  getAttribute(name: string): string | null;
}

/** Marks drawn: each kind is one path that says how many it draws. */
async function drawnMarks(chart: Locator): Promise<number> {
  const counts = await chart
    .locator('[data-mark]')
    .evaluateAll((paths) =>
      paths.map((path) => Number((path as unknown as Attributes).getAttribute('data-count'))),
    );
  return counts.reduce((sum, count) => sum + count, 0);
}

interface TimelineValue {
  marks: { kind: string }[];
  total: number;
}

/** 时间线 of the demo methamphetamine case: opened from the case, a month brushed and filtered. */
describe('the case timeline (1366×768)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('opens the meth case timeline, brushes July 2026 and filters to it, then adds it to the briefing', async () => {
    const { page } = h;
    await signInToDemo(page);
    await new CasesPage(page).caseLink('A3301052026030015').click();
    await page.getByTestId('open-case-timeline').click();
    const chart = page.getByTestId('timeline-chart');
    await chart.waitFor();
    // The chart fills its card, whatever the window (it had stayed 1,100 px wide).
    const widths = await chart.evaluate((svg) => {
      const element = svg as unknown as {
        getAttribute(name: string): string | null;
        parentElement: { clientWidth: number };
      };
      return [Number(element.getAttribute('width')), element.parentElement.clientWidth];
    });
    expect(widths[0]).toBe(widths[1]);
    expect(widths[0]).not.toBe(1100);

    const caseId = new URLSearchParams(page.url().split('?').at(-1)).get('case')!;
    const whole = await h.host.router.invoke('analytics.timeline', { caseId });
    if (!whole.ok) throw new Error(whole.error.code);
    const all = whole.value as TimelineValue;
    expect(all.total).toBeGreaterThan(20);
    expect(await drawnMarks(chart)).toBe(all.total);
    expect(await page.getByTestId('timeline-count').innerText()).toBe(
      `显示 ${all.total} 个标记，共 ${all.total} 个`,
    );
    // Seizures, coercive measures and case dates are on it without being entered as events.
    const kinds = new Set(all.marks.map((mark) => mark.kind));
    for (const kind of ['seizure', 'measure', 'status', 'caught']) expect(kinds).toContain(kind);
    await h.screenshot('80-timeline-meth-case');

    // Zoomed out once, the window holds all of July; then a brush from noon 30 June to noon
    // 31 July (China time): a month, clear of the day boundaries where day facts sit.
    const spanOf = async () =>
      Date.parse((await chart.getAttribute('data-end'))!) -
      Date.parse((await chart.getAttribute('data-start'))!);
    const fitted = await spanOf();
    await page.getByRole('button', { name: '缩 小' }).click();
    await expect.poll(spanOf).toBeCloseTo(fitted * 2, -3);
    const start = Date.parse((await chart.getAttribute('data-start'))!);
    const end = Date.parse((await chart.getAttribute('data-end'))!);
    const box = (await chart.boundingBox())!;
    const plot = box.width - 168 - 16;
    const xOf = (iso: string) => box.x + 168 + ((Date.parse(iso) - start) / (end - start)) * plot;
    const y = box.y + 32 + 60;
    await page.mouse.move(xOf('2026-06-30T04:00:00Z'), y);
    await page.mouse.down();
    await page.mouse.move(xOf('2026-07-15T04:00:00Z'), y, { steps: 4 });
    await page.mouse.move(xOf('2026-07-31T04:00:00Z'), y, { steps: 4 });
    await page.mouse.up();
    const selection = page.getByTestId('timeline-selection');
    expect(await selection.innerText()).toMatch(
      /已选时段：2026-06-30 1\d:\d\d 至 2026-07-31 1\d:\d\d/,
    );
    await h.screenshot('81-timeline-brushed');

    await page.getByTestId('timeline-filter').click();
    await page.getByTestId('timeline-filtered').waitFor();
    const month = await h.host.router.invoke('analytics.timeline', {
      caseId,
      from: '2026-06-30T04:00:00.000Z',
      to: '2026-07-31T04:00:00.000Z',
    });
    if (!month.ok) throw new Error(month.error.code);
    const inMonth = (month.value as TimelineValue).total;
    expect(inMonth).toBeGreaterThan(0);
    expect(inMonth).toBeLessThan(all.total);
    await page
      .getByTestId('timeline-count')
      .getByText(`显示 ${inMonth} 个标记，共 ${inMonth} 个`)
      .waitFor();
    expect(await drawnMarks(chart)).toBe(inMonth);
    await h.screenshot('82-timeline-filtered-month');

    // Exported as a picture for a report: a title band with the case, the period and the mark.
    await page.getByTestId('timeline-export').click();
    await page.getByTestId('print-format').getByText('SVG').click();
    await page.getByTestId('print-classification').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '秘密' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('print-export-submit').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^quanlian-timeline-A3301052026030015-\d{4}-\d{2}-\d{2}\.svg$/,
    );
    const file = `${h.root}/timeline.svg`;
    await download.saveAs(file);
    const svg = fs.readFileSync(file, 'utf8');
    expect(svg).toContain('>时间线 · A3301052026030015</text>');
    expect(svg).toMatch(/>2026-06-30 1\d:\d\d – 2026-07-31 1\d:\d\d · 制图日期 /);
    expect(svg).toContain('fill="#cf1322">秘密</text>');

    // The filtered timeline as a figure in the case briefing.
    await page.getByTestId('briefing-add-timeline').click();
    await page.getByRole('button', { name: '加 入' }).click();
    await page.getByText('已加入案情简报').waitFor();
    await page.goto(`${h.host.url}#/briefings?case=${caseId}`);
    await page
      .getByTestId('briefing-items')
      .getByText(/^时间线 2026-06-30/)
      .waitFor();
    const preview = page.frameLocator('[data-testid="briefing-preview"]');
    await preview.getByRole('heading', { name: '九、研判结果' }).waitFor();
    expect(await preview.locator('.analysis img').count()).toBe(1);
    await preview.locator('.analysis').scrollIntoViewIfNeeded();
    await h.screenshot('83-briefing-with-timeline');
    expect(h.pageErrors).toEqual([]);
  });
});
