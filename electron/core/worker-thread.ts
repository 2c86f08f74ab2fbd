import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Starts the worker thread `name` (e.g. `table-worker`) that sits beside the module at `here`
 * (the caller's `import.meta.url`). From the TypeScript sources (tests, the CLI under tsx, the
 * browser host) the thread registers tsx and requires `name.ts`; in the electron-vite build
 * `name.js` is an entry of its own beside the main bundle (electron.vite.config), and in the
 * CLI bundle `name.mjs` (scripts/build-cli.mjs).
 */
export function startWorkerThread(
  here: string,
  name: string,
  resourceLimits?: ResourceLimits,
): Worker {
  if (here.endsWith('.ts')) {
    const tsx = createRequire(here).resolve('tsx/cjs/api');
    const script = fileURLToPath(new URL(`./${name}.ts`, here));
    return new Worker(
      `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(script)});`,
      { eval: true, resourceLimits },
    );
  }
  const dir = path.dirname(fileURLToPath(here));
  // Beside this chunk or one folder up: out/main (electron-vite) or out/cli (the CLI bundle,
  // an ES module build, hence .mjs).
  const script = [dir, path.join(dir, '..')]
    .flatMap((folder) => [`${name}.js`, `${name}.mjs`].map((file) => path.join(folder, file)))
    .find((candidate) => fs.existsSync(candidate));
  if (!script) throw new Error(`${name}.js is missing from the build`);
  return new Worker(script, { resourceLimits });
}
