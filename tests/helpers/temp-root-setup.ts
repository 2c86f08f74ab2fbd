import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Vitest global setup: one folder for a run's temporary workspaces (`makeTempDir`), removed when
 * the run ends. They were left behind by every run: on this machine 59,000 of them, 76 GB, until
 * the disk filled and a clean-clone run failed for want of space.
 */
export function setup() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'quanlian-run-'));
  // Workers are started after the global setup and take the environment from it.
  process.env['QUANLIAN_TEST_TMP'] = root;
  return () => fs.rmSync(root, { recursive: true, force: true });
}
