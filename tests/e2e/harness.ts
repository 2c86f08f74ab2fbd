import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../electron/cli/chromium-documents';
import { startBrowserHost, type BrowserHost } from './host/browser-host';

const repo = path.resolve(__dirname, '../..');
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
export async function startHarness(viewport = { width: 1366, height: 768 }): Promise<Harness> {
  const rendererDir = path.join(repo, 'out/renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error('Build the renderer first: npm run build');
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'quanlian-e2e-'));
  const host = await startBrowserHost({
    rendererDir,
    root,
    migrationsFolder: path.join(repo, 'drizzle'),
  });
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: chromiumArgs,
  });
  const context = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
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
      // Let antd's open/close and tab animations finish, so the picture shows the settled page.
      await page.waitForTimeout(400);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    async close() {
      await browser.close();
      await host.close();
    },
  };
}
