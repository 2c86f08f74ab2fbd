import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { DocumentRenderer } from '../core/reports/document-renderer';
import { footerTemplate } from '../core/reports/document-renderer';
import { cliIo } from './cli-io';

/**
 * Chromium's headless shell first (Debian/Ubuntu package `chromium-headless-shell`): the same
 * Blink and the same PDF, but without the full browser around it. On a 2-core machine a
 * one-page Chinese PDF took ~430 ms of CPU in full Chromium's headless mode and ~10 ms in the
 * shell; a new browser context ~0.7 s against ~0.2 s (tests/bench/RESULTS.md, issue 9).
 */
const candidates = [
  '/usr/bin/chromium-headless-shell',
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** Headless Chromium on offline machines: no sandbox as root, no GPU, no calls home. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** The Chromium to use: `CHROMIUM_PATH`, else the usual install places, the headless shell first. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  const configured = env['CHROMIUM_PATH'];
  if (configured && exists(configured)) return configured;
  return candidates.find(exists);
}

/**
 * PDF and PNG through headless Chromium (the CLI and the browser host; the app uses its own
 * Chromium). Offline and without JavaScript: a document is static HTML and inline SVG.
 */
export function chromiumDocuments(executablePath: string): DocumentRenderer & {
  close(): Promise<void>;
} {
  let browser: Promise<Browser> | undefined;
  const launch = () =>
    (browser ??= import('playwright-core').then(({ chromium }) =>
      chromium.launch({
        executablePath,
        args: chromiumArgs,
      }),
    ));
  async function withPage<T>(scale: number, use: (page: Page) => Promise<T>): Promise<T> {
    const context = await (
      await launch()
    ).newContext({ javaScriptEnabled: false, offline: true, deviceScaleFactor: scale });
    try {
      return await use(await context.newPage());
    } finally {
      await context.close();
    }
  }
  return {
    pdf: (html, options) =>
      withPage(1, async (page) => {
        await page.setContent(html, { waitUntil: 'load' });
        return page.pdf({
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: footerTemplate(options.footer),
        });
      }),
    png: (svg, size, scale) =>
      withPage(scale, async (page) => {
        await page.setViewportSize(size);
        await page.setContent(`<html><body style="margin:0">${svg}</body></html>`, {
          waitUntil: 'load',
        });
        return page.screenshot({ clip: { x: 0, y: 0, ...size }, type: 'png' });
      }),
    async close() {
      if (browser) await (await browser).close();
    },
  };
}

/**
 * Runs `work` with headless Chromium for PDF and PNG when the command's format needs it and one
 * is installed (else without: core answers `reports.rendererUnavailable`), closed afterwards.
 */
export async function withChromiumDocuments<T>(
  needed: boolean,
  work: (documents: DocumentRenderer | undefined) => Promise<T>,
): Promise<T> {
  const chromium = needed ? findChromium(cliIo().env) : undefined;
  const documents = chromium ? chromiumDocuments(chromium) : undefined;
  try {
    return await work(documents);
  } finally {
    await documents?.close();
  }
}
