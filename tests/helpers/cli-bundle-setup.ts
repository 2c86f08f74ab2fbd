import path from 'node:path';
import { buildWhenStale } from './stale-bundle';

const repo = path.resolve(__dirname, '../..');
export const cliBundle = path.join(repo, 'out/cli/quanlian.mjs');
/** The same build's runCli without the bin (tests/helpers/run-cli.ts runs commands in-process). */
export const cliRunner = path.join(repo, 'out/cli/run-cli.mjs');

/**
 * Vitest global setup of the integration tests: the CLI tests run the bundled CLI (about a
 * tenth of tsx's start), so it is built here when missing or older than its sources (esbuild,
 * a few seconds; nothing to do when `npm run build` made it from the same sources).
 */
export function setup() {
  // One build writes both: the runner, added later, also catches an out/cli from before it.
  buildWhenStale(cliRunner, 'scripts/build-cli.mjs', [
    'electron',
    'drizzle',
    'scripts/node-bundle-options.mjs',
  ]);
}
