import path from 'node:path';
import { buildWhenStale } from './stale-bundle';

const repo = path.resolve(__dirname, '../..');
export const cliBundle = path.join(repo, 'out/cli/quanlian.mjs');

/**
 * Vitest global setup of the integration tests: the CLI tests run the bundled CLI (about a
 * tenth of tsx's start), so it is built here when missing or older than its sources (esbuild,
 * a few seconds; nothing to do when `npm run build` made it from the same sources).
 */
export function setup() {
  buildWhenStale(cliBundle, 'scripts/build-cli.mjs', [
    'electron',
    'drizzle',
    'scripts/node-bundle-options.mjs',
  ]);
}
