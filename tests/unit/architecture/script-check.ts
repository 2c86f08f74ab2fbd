import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/**
 * Runs one of the repository's check scripts, on the real tree or on a throwaway tree planted
 * by the test (removed after each test).
 */
export function scriptCheck(scriptPath: string, tempPrefix: string) {
  const script = path.resolve(scriptPath);
  let dir: string | undefined;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return {
    check(root?: string) {
      const run = spawnSync(process.execPath, root ? [script, root] : [script], {
        encoding: 'utf8',
      });
      return { status: run.status, stdout: run.stdout, stderr: run.stderr };
    },
    /** A throwaway tree with the given files (path → source). */
    plant(files: Record<string, string>): string {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), tempPrefix));
      for (const [file, source] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), source);
      }
      return dir;
    },
  };
}
