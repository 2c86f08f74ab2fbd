import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../app-error';

const lockName = 'quanlian.lock';

interface Holder {
  pid: number;
  host: string;
  since: string;
}

function readHolder(file: string): Holder | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Holder;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Marks a workspace as open in this app instance: a second instance (another window, another
 * user account on the machine, another PC on a shared folder) is told it is in use instead of
 * writing beside it. A lock left by a crashed process on this machine is taken over. Returns
 * the release function.
 */
export function acquireWorkspaceLock(dir: string): () => void {
  const file = path.join(dir, lockName);
  const mine = JSON.stringify({
    pid: process.pid,
    host: os.hostname(),
    since: new Date().toISOString(),
  });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, mine, { flag: 'wx', mode: 0o600 });
      return () => {
        if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === mine)
          fs.rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      const stale =
        holder === null ||
        (holder.host === os.hostname() && holder.pid !== process.pid && !isAlive(holder.pid));
      if (stale && attempt === 0) {
        fs.rmSync(file, { force: true });
        continue;
      }
      throw new AppError('workspace.inUse', 'The workspace is open in another instance', {
        host: holder?.host ?? null,
        since: holder?.since ?? null,
      });
    }
  }
  throw new AppError('workspace.inUse', 'The workspace is open in another instance');
}
