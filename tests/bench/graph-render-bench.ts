import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ApiResult } from '../../electron/api/result';
import { forceLayout } from '../../electron/core/graph/force-layout';
import { chromiumArgs, findChromium } from '../../electron/cli/chromium-documents';
import { startBrowserHost } from '../e2e/host/browser-host';

const repo = path.resolve(__dirname, '../..');

export interface FrameTimes {
  p50: number;
  p95: number;
  max: number;
  frames: number;
}

export interface RenderRun {
  nodes: number;
  edges: number;
  /**
   * Page load (the app starting in a new window) to the chart laid out, drawn and answering
   * input, by the page's own clock.
   */
  loadToStableMs: number;
  /**
   * In the running app (the shell already drawn, on the case list): the chart's address opened
   * to the chart laid out, drawn and answering input, as when an investigator opens it; by the
   * page's own clock.
   */
  openInAppMs: number;
  /**
   * The same two as this harness notices them: Playwright shares its Node process with the
   * browser host's main process, so it hears of the stable chart only once the main process is
   * free (after the chain gaps the chart asks for next, ~0.5 s of SQL on 10,000 entities).
   */
  harness: { loadToStableMs: number; openInAppMs: number };
  pan: FrameTimes;
  zoom: FrameTimes;
}

export interface RenderResults {
  live: RenderRun;
  precomputed: RenderRun;
  /** ForceAtlas2 in Node for the precomputed chart, done once when its view was saved. */
  precomputeSeconds: number;
  chromium: string;
}

function unwrap<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** A case whose chart has `nodes` entities (a phone for every fourth person) and `edges` relations. */
export function seedChart(
  sqlite: Database.Database,
  caseId: string,
  prefix: string,
  nodes: number,
  edges: number,
): string[] {
  const now = '2026-11-23T00:00:00.000Z';
  const entity = sqlite.prepare(
    `INSERT INTO entities (id, kind, label, created_at, updated_at) VALUES (?, ?, ?, '${now}', '${now}')`,
  );
  const person = sqlite.prepare(
    "INSERT INTO persons (entity_id, name, aliases) VALUES (?, ?, '[]')",
  );
  const phone = sqlite.prepare('INSERT INTO phones (entity_id, number) VALUES (?, ?)');
  const member = sqlite.prepare(
    `INSERT INTO case_entities (id, case_id, entity_id, role_in_case, legal_status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '${now}', '${now}')`,
  );
  const relation = sqlite.prepare(
    `INSERT INTO relations (id, from_entity_id, to_entity_id, type, directed, case_id, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, '${now}', '${now}')`,
  );
  const types = ['supplies', 'calls', 'uses', 'finances', 'member_of'];
  const ids: string[] = [];
  sqlite.transaction(() => {
    for (let n = 0; n < nodes; n += 1) {
      const id = `${prefix}${String(n).padStart(6, '0')}`;
      if (n % 5 === 4) {
        const number = `13${prefix === 'a' ? 9 : 8}${String(n).padStart(8, '0')}`;
        entity.run(id, 'phone', number);
        phone.run(id, number);
        member.run(`${id}-m`, caseId, id, 'involved', 'none');
      } else {
        const name = `${'王李张刘陈杨黄赵吴周'[n % 10]}某${n}`;
        entity.run(id, 'person', name);
        person.run(id, name);
        member.run(
          `${id}-m`,
          caseId,
          id,
          n % 3 ? 'suspect' : 'drug_user',
          n % 7 ? 'none' : 'at_large',
        );
      }
      ids.push(id);
    }
    // Each new entity links back to an earlier one (a connected chart), then random extra links.
    for (let n = 0; n < edges; n += 1) {
      const to = n < nodes - 1 ? n + 1 : (n * 104_729) % nodes;
      const from = n < nodes - 1 ? Math.floor((n * 7919) % (n + 1)) : (n * 7919 + 17) % nodes;
      if (from === to) continue;
      relation.run(`${prefix}r${n}`, ids[from], ids[to], types[n % types.length], caseId);
    }
  })();
  return ids;
}

// What the page functions below use of the browser (the bench compiles without the DOM library).
declare const document: {
  querySelector(selector: string): { dataset: Record<string, string | undefined> } | null;
};
declare const location: { hash: string };
declare const MutationObserver: new (callback: () => void) => {
  observe(target: unknown, options: Record<string, unknown>): void;
};
declare const window: {
  stableAt?: number;
  openedAt?: number;
  checkStable(): void;
  frameIntervals: number[];
  stopFrames: boolean;
  lastFrame: number;
  frameTick(now: number): void;
};
declare function requestAnimationFrame(callback: (now: number) => void): number;

/**
 * Records the interval between animation frames until `stopFrames`. No local named functions:
 * tsx would wrap them in a helper the page does not have.
 */
function recordFrames(): void {
  window.frameIntervals = [];
  window.stopFrames = false;
  window.lastFrame = performance.now();
  window.frameTick = (now: number) => {
    window.frameIntervals.push(now - window.lastFrame);
    window.lastFrame = now;
    if (!window.stopFrames) requestAnimationFrame(window.frameTick);
  };
  requestAnimationFrame(window.frameTick);
}

function stopRecording(): number[] {
  window.stopFrames = true;
  return window.frameIntervals;
}

/**
 * An init script: notes `stableAt` (the page's clock) when the chart first reads stable, from
 * the moment the stable mark is set (a mutation observer), whatever the harness is doing.
 */
function watchStable(): void {
  window.checkStable = () => {
    if (window.stableAt !== undefined) return;
    const canvas = document.querySelector('[data-testid=graph-canvas]');
    if (canvas && canvas.dataset['stable'] === 'true' && Number(canvas.dataset['layouts'] ?? 0) > 0)
      window.stableAt = performance.now();
  };
  new MutationObserver(() => window.checkStable()).observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: ['data-stable', 'data-layouts'],
  });
}

function stableNoted(): boolean {
  return window.stableAt !== undefined;
}

function frameTimes(intervals: number[]): FrameTimes {
  const sorted = intervals.slice(1).sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  return { p50: at(50), p95: at(95), max: sorted[sorted.length - 1] ?? 0, frames: sorted.length };
}

/** Frame intervals while dragging the chart across the screen, then while zooming in and out. */
async function interact(page: Page): Promise<{ pan: FrameTimes; zoom: FrameTimes }> {
  const box = (await page.getByTestId('graph-canvas').boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.evaluate(recordFrames);
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.down();
  for (let step = 1; step <= 40; step += 1)
    await page.mouse.move(centre.x + step * 8, centre.y + step * 4);
  await page.mouse.up();
  const pan = frameTimes(await page.evaluate(stopRecording));
  await page.evaluate(recordFrames);
  for (let step = 0; step < 20; step += 1) {
    await page.mouse.wheel(0, step < 10 ? -120 : 120);
    await page.waitForTimeout(30);
  }
  const zoom = frameTimes(await page.evaluate(stopRecording));
  return { pan, zoom };
}

/** Milliseconds from `open` starting to the chart stable, as this harness notices it. */
async function timeToStable(page: Page, open: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await open();
  await page.waitForFunction(stableNoted, undefined, { timeout: 120_000, polling: 50 });
  return performance.now() - started;
}

async function expectStats(page: Page, nodes: number, edges: number): Promise<void> {
  const stats = await page.getByTestId('graph-stats').innerText();
  if (stats !== `${nodes} 个实体 · ${edges} 条关系`)
    throw new Error(`expected ${nodes}/${edges}, the page shows ${stats}`);
}

/**
 * The chart opened twice, each time read afresh (`touch` writes between, so no cached chart
 * is reused): in a new window from page load, then in the running app from the case list.
 */
async function openChart(
  browser: Browser,
  url: string,
  nodes: number,
  edges: number,
  touch: () => Promise<void>,
): Promise<RenderRun> {
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    locale: 'zh-CN',
  });
  await context.addInitScript(watchStable);
  const page = await context.newPage();
  await touch();
  const harnessLoad = await timeToStable(page, () => page.goto(url));
  // The page's clock starts at the navigation.
  const loadToStableMs = await page.evaluate(() => window.stableAt!);
  await expectStats(page, nodes, edges);
  const { pan, zoom } = await interact(page);

  await page.evaluate(() => {
    location.hash = '#/cases';
  });
  await page.getByTestId('case-create').waitFor();
  await page.getByTestId('graph-canvas').waitFor({ state: 'detached' });
  await touch();
  const hash = url.slice(url.indexOf('#'));
  const harnessOpen = await timeToStable(page, () =>
    page.evaluate((target) => {
      window.stableAt = undefined;
      window.openedAt = performance.now();
      location.hash = target;
    }, hash),
  );
  const openInAppMs = await page.evaluate(() => window.stableAt! - window.openedAt!);
  await expectStats(page, nodes, edges);
  await context.close();
  return {
    nodes,
    edges,
    loadToStableMs,
    openInAppMs,
    harness: { loadToStableMs: harnessLoad, openInAppMs: harnessOpen },
    pan,
    zoom,
  };
}

/**
 * The chart in Chromium through the browser host, as the app draws it: a 2,000/5,000 case chart
 * from page load (laid out in the layout thread, then drawn with physics off), and a 10,000/30,000 saved
 * view with precomputed positions. Frame times while panning and zooming each.
 */
export async function benchGraphRendering(tmp: string): Promise<RenderResults> {
  const rendererDir = path.join(repo, 'out/renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html')))
    throw new Error('Build the renderer first: npm run build');
  const host = await startBrowserHost({
    rendererDir,
    root: path.join(tmp, 'render'),
    migrationsFolder: path.join(repo, 'drizzle'),
  });
  const executablePath = findChromium();
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const { router } = host;
    unwrap(
      await router.invoke('workspace.create', {
        name: 'bench',
        unitName: 'bench',
        adminUsername: 'admin',
        adminDisplayName: 'admin',
        password: 'Bench#Pass2026',
      }),
    );
    // Many idle minutes: the bench must not be locked out mid-run.
    unwrap(await router.invoke('settings.update', { idleLockMinutes: 240 }));
    const newCase = async (caseNo: string) =>
      unwrap<{ id: string }>(
        await router.invoke('cases.create', {
          caseNo,
          title: '基准测试案件',
          offenceType: 'trafficking',
          openedOn: '2026-01-01',
        }),
      ).id;
    const liveCase = await newCase('BENCH-2K');
    const bigCase = await newCase('BENCH-10K');
    const sqlite = router.sessions.current()!.sqlite;
    seedChart(sqlite, liveCase, 'a', 2_000, 5_000);
    const bigIds = seedChart(sqlite, bigCase, 'b', 10_000, 30_000);
    const bigEdges = (
      sqlite
        .prepare('SELECT from_entity_id AS f, to_entity_id AS t FROM relations WHERE case_id = ?')
        .all(bigCase) as { f: string; t: string }[]
    ).map((row) => [row.f, row.t] as [string, string]);
    const started = performance.now();
    const positions = forceLayout(bigIds, bigEdges, 100);
    const precomputeSeconds = (performance.now() - started) / 1000;
    const view = unwrap<{ id: string }>(
      await router.invoke('graph.views.save', {
        caseId: bigCase,
        name: '10k',
        state: {
          nodeIds: bigIds,
          positions,
          hiddenIds: [],
          pinnedIds: [],
          clusterIds: [],
          layout: 'manual',
          filters: {},
        },
      }),
    );
    const liveEdges = (
      sqlite.prepare('SELECT count(*) AS n FROM relations WHERE case_id = ?').get(liveCase) as {
        n: number;
      }
    ).n;
    // Any write makes the next read of a chart a fresh one (the last chart read is kept until
    // the workspace changes).
    const touch = async () => {
      unwrap(await router.invoke('settings.update', { idleLockMinutes: 240 }));
    };
    const live = await openChart(
      browser,
      `${host.url}#/graph?case=${liveCase}`,
      2_000,
      liveEdges,
      touch,
    );
    const precomputed = await openChart(
      browser,
      `${host.url}#/graph?view=${view.id}`,
      10_000,
      bigEdges.length,
      touch,
    );
    return {
      live,
      precomputed,
      precomputeSeconds,
      chromium: `${browser.version()} (${executablePath ?? 'Playwright default'})`,
    };
  } finally {
    await browser.close();
    await host.close();
  }
}
