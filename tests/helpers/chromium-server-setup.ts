import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumArgs, findChromium } from '../../electron/cli/chromium-documents';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the end-to-end files' shared Chromium listens (tests/e2e/harness.ts). */
    chromiumEndpoint: string;
  }
}

let server: BrowserServer | undefined;

/**
 * Vitest global setup of the end-to-end tests: one Chromium for all files, each file in its
 * own browser context (its own cookies, storage and renderer process), instead of a browser
 * started and stopped per file.
 */
export async function setup(project: TestProject) {
  server = await chromium.launchServer({ executablePath: findChromium(), args: chromiumArgs });
  project.provide('chromiumEndpoint', server.wsEndpoint());
}

export async function teardown() {
  await server?.close();
}
