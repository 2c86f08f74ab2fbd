/**
 * `npx tsx tests/bench/timeline-render-bench.ts` (after `npm run build`): the timeline of a
 * case with 5,000 marks (calls among 20 suspects' phones over a year), drawn in Chromium
 * through the browser host and the built renderer. Prints a Markdown table for RESULTS.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { ApiResult } from '../../electron/api/result';
import { chromiumArgs, findChromium } from '../../electron/cli/chromium-documents';
import { startBrowserHost } from '../e2e/host/browser-host';

const repo = path.resolve(__dirname, '../..');
const markCount = 5_000;
const suspects = 20;
const runs = 5;

function unwrap<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

// What the page functions below use of the browser (the bench compiles without the DOM library).
declare const document: {
  querySelectorAll(selector: string): { getAttribute(name: string): string | null }[];
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
};
declare const window: {
  quanlian: { invoke(procedure: string, input: unknown): Promise<{ ok: boolean }> };
};
declare function requestAnimationFrame(callback: () => void): number;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const rendererDir = path.join(repo, 'out/renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html')))
    throw new Error('Build the renderer first: npm run build');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'quanlian-timeline-bench-'));
  const host = await startBrowserHost({
    rendererDir,
    root: tmp,
    migrationsFolder: path.join(repo, 'drizzle'),
  });
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
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
    unwrap(await router.invoke('settings.update', { idleLockMinutes: 240 }));
    const caseId = unwrap<{ id: string }>(
      await router.invoke('cases.create', {
        caseNo: 'BENCH-TL',
        title: '时间线基准',
        offenceType: 'trafficking',
        openedOn: '2026-01-01',
      }),
    ).id;
    const sqlite = router.sessions.current()!.sqlite;
    const now = '2026-11-23T00:00:00.000Z';
    const entity = sqlite.prepare(
      `INSERT INTO entities (id, kind, label, created_at, updated_at) VALUES (?, ?, ?, '${now}', '${now}')`,
    );
    const person = sqlite.prepare(
      "INSERT INTO persons (entity_id, name, aliases) VALUES (?, ?, '[]')",
    );
    const phone = sqlite.prepare('INSERT INTO phones (entity_id, number) VALUES (?, ?)');
    const member = sqlite.prepare(
      `INSERT INTO case_entities (id, case_id, entity_id, role_in_case, legal_status, created_at, updated_at) VALUES (?, ?, ?, 'suspect', 'none', '${now}', '${now}')`,
    );
    const relation = sqlite.prepare(
      `INSERT INTO relations (id, from_entity_id, to_entity_id, type, directed, created_at, updated_at) VALUES (?, ?, ?, ?, 1, '${now}', '${now}')`,
    );
    const call = sqlite.prepare(
      "INSERT INTO call_records (relation_num, kind, started_unix, duration_seconds, import_num) VALUES ((SELECT num FROM relations WHERE id = ?), 'call', ?, ?, 0)",
    );
    sqlite.transaction(() => {
      for (let n = 0; n < suspects; n += 1) {
        entity.run(`p${n}`, 'person', `嫌疑人${n}`);
        person.run(`p${n}`, `嫌疑人${n}`);
        member.run(`m${n}`, caseId, `p${n}`);
        const number = `139${String(n).padStart(8, '0')}`;
        entity.run(`ph${n}`, 'phone', number);
        phone.run(`ph${n}`, number);
        relation.run(`own${n}`, `p${n}`, `ph${n}`, 'owns');
      }
      for (let n = 0; n < suspects; n += 1)
        relation.run(`call${n}`, `ph${n}`, `ph${(n + 1) % suspects}`, 'calls');
      const start = Date.parse('2026-01-01T00:00:00.000Z');
      for (let n = 0; n < markCount - 1; n += 1)
        call.run(`call${n % suspects}`, (start + n * 97 * 60_000) / 1000, 30 + (n % 300));
    })();
    const total = unwrap<{ total: number }>(
      await router.invoke('analytics.timeline', { caseId, limit: 1 }),
    ).total;
    // 4,999 calls and the 立案 date.
    if (total !== markCount) throw new Error(`expected ${markCount} marks, got ${total}`);

    const loads: number[] = [];
    const queries: number[] = [];
    const redraws: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext({
        viewport: { width: 1920, height: 1080 },
        locale: 'zh-CN',
      });
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${host.url}#/analytics?tab=timeline&case=${caseId}`);
      await page.waitForFunction(
        (count) =>
          [...document.querySelectorAll('[data-mark]')].reduce(
            (sum, path) => sum + Number(path.getAttribute('data-count')),
            0,
          ) === count,
        markCount,
        { timeout: 120_000, polling: 10 },
      );
      loads.push(performance.now() - started);
      // The query's round trip from the page (HTTP to the router, 5,000 marks back, parsed).
      queries.push(
        await page.evaluate(async (id) => {
          const t0 = performance.now();
          const result = await window.quanlian.invoke('analytics.timeline', { caseId: id });
          if (!result.ok) throw new Error('timeline failed');
          return performance.now() - t0;
        }, caseId),
      );
      // Drawing alone: zoom out (every mark re-placed), until the next frame is painted.
      const zoomOut = page.getByRole('button', { name: '缩 小' });
      await zoomOut.waitFor();
      redraws.push(
        await zoomOut.evaluate(async (button) => {
          const before = document
            .querySelector('[data-testid=timeline-chart]')!
            .getAttribute('data-end');
          const t0 = performance.now();
          (button as unknown as { click(): void }).click();
          await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          const after = document
            .querySelector('[data-testid=timeline-chart]')!
            .getAttribute('data-end');
          if (after === before) throw new Error('the chart did not redraw');
          return performance.now() - t0;
        }),
      );
      await context.close();
    }
    const ms = (value: number) => `${value.toFixed(0)} ms`;
    console.log(
      [
        `Chromium ${browser.version()} (headless, \`--disable-gpu\`), 1920×1080, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${new Date().toISOString().slice(0, 10)}; median of ${runs}.`,
        '',
        '| timeline of a case, 21 lines, 5,000 marks (calls with links between lines) | median | max | target |',
        '| --- | --- | --- | --- |',
        `| page load → all 5,000 marks drawn (app start, query, draw) | ${ms(median(loads))} | ${ms(Math.max(...loads))} | — |`,
        `| query round trip from the page (\`analytics.timeline\`, 5,000 marks) | ${ms(median(queries))} | ${ms(Math.max(...queries))} | — |`,
        `| draw: zoom out, every mark re-placed, to the next painted frame | ${ms(median(redraws))} | ${ms(Math.max(...redraws))} | ≤ 1 s |`,
      ].join('\n'),
    );
  } finally {
    await browser.close();
    await host.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
