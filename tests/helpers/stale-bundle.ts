import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const repo = path.resolve(__dirname, '../..');

/** The newest change time among `sources` (folders too: a deleted file counts). */
function newestSource(sources: string[]): number {
  let newest = 0;
  const visit = (entry: string) => {
    const stat = fs.statSync(entry);
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
  };
  for (const source of sources) visit(path.join(repo, source));
  return newest;
}

/**
 * Runs the esbuild script `script` when `bundle` is missing or older than any of `sources`
 * (paths from the repository root); nothing to do when it was built from the same sources.
 */
export function buildWhenStale(bundle: string, script: string, sources: string[]): void {
  const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
  if (built > newestSource([...sources, script, 'package-lock.json'])) return;
  const result = spawnSync(process.execPath, [path.join(repo, script)], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stderr}`);
}
