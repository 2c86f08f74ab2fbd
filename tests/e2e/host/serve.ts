import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserHost } from './browser-host';

/**
 * Runs the browser host by hand (`npm run host`): the real app in any local browser, without
 * the Electron binary. Data goes to QUANLIAN_HOST_ROOT or a fresh temporary folder.
 */
const root =
  process.env['QUANLIAN_HOST_ROOT'] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'quanlian-host-'));
const repo = path.resolve(__dirname, '../../..');
void startBrowserHost({
  rendererDir: path.join(repo, 'out/renderer'),
  migrationsFolder: path.join(repo, 'drizzle'),
  root,
}).then((host) => {
  console.log(`Quanlian browser host (data in ${root}):\n${host.url}`);
});
