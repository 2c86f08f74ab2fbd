import fs from 'node:fs';
import path from 'node:path';

const mib = 1024 * 1024;
/** The prefix of a test run's temp root (tests/helpers/temp-root-setup.ts). */
const runRootPrefix = 'quanlian-run-';

/**
 * Files under `dir` (recursively) changed since `since` that contain any of the samples. With
 * `ownRunRoot`, other test runs' roots are skipped: a second run on the machine has its own copy
 * of the same evidence there, and the scan had failed on it.
 */
export function filesWithPlaintext(
  dir: string,
  samples: Buffer[],
  since: number,
  except: Set<string>,
  ownRunRoot?: string,
): string[] {
  const isOtherRunRoot = (folder: string, name: string) =>
    ownRunRoot !== undefined &&
    name.startsWith(runRootPrefix) &&
    path.resolve(folder) !== path.resolve(ownRunRoot);
  const found: string[] = [];
  const buffer = Buffer.alloc(8 * mib + 64);
  const visit = (folder: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!isOtherRunRoot(file, entry.name)) visit(file);
        continue;
      }
      if (!entry.isFile() || except.has(file)) continue;
      let fd: number;
      try {
        if (fs.statSync(file).mtimeMs < since) continue;
        fd = fs.openSync(file, 'r');
      } catch {
        continue;
      }
      try {
        // Read in windows that overlap by 64 bytes, so a sample across a boundary is seen.
        let position = 0;
        let carried = 0;
        for (;;) {
          const read = fs.readSync(fd, buffer, carried, 8 * mib, position);
          if (read === 0) break;
          const window = buffer.subarray(0, carried + read);
          if (samples.some((sample) => window.includes(sample))) {
            found.push(file);
            break;
          }
          position += read;
          carried = Math.min(64, window.length);
          window.copy(buffer, 0, window.length - carried);
        }
      } finally {
        fs.closeSync(fd);
      }
    }
  };
  visit(dir);
  return found;
}
