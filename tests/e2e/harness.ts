import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { chromiumArgs, findChromium } from '../../electron/cli/chromium-documents';
import { testKdf } from '../helpers/test-kdf';
import { hostBundle } from '../helpers/host-bundle-setup';
import type { BrowserHost, startBrowserHost as StartBrowserHost } from './host/browser-host';

const repo = path.resolve(__dirname, '../..');

/**
 * The browser host, bundled (out/test-host, built by the e2e project's global setup) and
 * loaded by Node's require: through Vitest's module runner each file compiled and ran all of
 * core again, about 5 s of every file's start.
 */
const { startBrowserHost } = createRequire(__filename)(hostBundle) as {
  startBrowserHost: typeof StartBrowserHost;
};

export const artifactsDir = path.join(repo, 'tests/e2e/artifacts');

export interface Harness {
  host: BrowserHost;
  browser: Browser;
  page: Page;
  root: string;
  /** Uncaught errors in the page; a test ends by expecting none. */
  pageErrors: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** A fresh workspace root, the browser host over the built renderer, and Chromium. */
export async function startHarness(
  viewport = { width: 1366, height: 768 },
  {
    motion = false,
    ownBrowser = false,
  }: {
    /**
     * Animations as most users see them. Off by default: a user who turned animations off, so
     * nothing is drawn or waited for while a dialog opens or closes (e2e 204 → 170 s here).
     */
    motion?: boolean;
    /** A Chromium of its own, started now, whose profile folder is new (the secrets scan). */
    ownBrowser?: boolean;
  } = {},
): Promise<Harness> {
  const rendererDir = path.join(repo, 'out/renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error('Build the renderer first: npm run build');
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'quanlian-e2e-'));
  const host = await startBrowserHost({
    rendererDir,
    root,
    migrationsFolder: path.join(repo, 'drizzle'),
    // Every workspace the page creates or unlocks pays Argon2id in this process: the test cost.
    // The production parameters are tested in vault.test.ts, the CLI's tests and the smoke test.
    kdf: testKdf,
  });
  // Else the Chromium of the whole run (tests/helpers/chromium-server-setup.ts): closing this
  // connection closes this file's context only.
  const browser = ownBrowser
    ? await chromium.launch({ executablePath: findChromium(), args: chromiumArgs })
    : await chromium.connect(inject('chromiumEndpoint'));
  const context = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    reducedMotion: motion ? 'no-preference' : 'reduce',
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(host.url);
  fs.mkdirSync(artifactsDir, { recursive: true });
  return {
    host,
    browser,
    page,
    root,
    pageErrors,
    async screenshot(name) {
      const file = path.join(artifactsDir, `${name}.png`);
      // The settled page: antd starts an open/close or tab animation a frame after the change,
      // so two frames pass first; then the screenshot runs every finite animation to its end
      // (no fixed sleep of the longest one: 69 pictures).
      await page.evaluate(
        'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
      );
      await page.screenshot({ path: file, fullPage: false, animations: 'disabled' });
      return file;
    },
    async close() {
      await browser.close();
      await host.close();
    },
  };
}
