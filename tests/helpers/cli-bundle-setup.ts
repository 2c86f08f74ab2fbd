import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const repo = path.resolve(__dirname, '../..');
export const cliBundle = path.join(repo, 'out/cli/quanlian.mjs');

/** The newest change time among the bundle's sources (folders too: a deleted file counts). */
function newestSource(): number {
  let newest = 0;
  const visit = (entry: string) => {
    const stat = fs.statSync(entry);
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
  };
  for (const source of ['electron', 'drizzle', 'scripts/build-cli.mjs', 'package-lock.json'])
    visit(path.join(repo, source));
  return newest;
}

/**
 * Vitest global setup of the integration tests: the CLI tests run the bundled CLI (about a
 * tenth of tsx's start), so it is built here when missing or older than its sources (esbuild,
 * a few seconds; nothing to do when `npm run build` made it from the same sources).
 */
export function setup() {
  const built = fs.existsSync(cliBundle) ? fs.statSync(cliBundle).mtimeMs : 0;
  if (built > newestSource()) return;
  const result = spawnSync(process.execPath, [path.join(repo, 'scripts/build-cli.mjs')], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`CLI bundle build failed:\n${result.stderr}`);
}
