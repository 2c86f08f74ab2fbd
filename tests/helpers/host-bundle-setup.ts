import path from 'node:path';
import { buildWhenStale } from './stale-bundle';

const repo = path.resolve(__dirname, '../..');
export const hostBundle = path.join(repo, 'out/test-host/browser-host.cjs');

/**
 * Vitest global setup of the end-to-end tests: each file loads the browser host bundled
 * (scripts/build-test-host.mjs), built here when missing or older than its sources.
 */
export function setup() {
  buildWhenStale(hostBundle, 'scripts/build-test-host.mjs', [
    'electron',
    'tests/e2e/host',
    'scripts/node-bundle-options.mjs',
  ]);
}
