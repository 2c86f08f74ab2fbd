// Bundles the command line into out/cli/quanlian.mjs (the `quanlian` bin) and its chunks: no
// TypeScript compiler at start, packages bundled (resolving hundreds of small files costs more
// than reading a few large ones), and one chunk per command group, so `--help` or a usage error
// reads only the entry. The native modules and the browser driver load from node_modules.
import { build } from 'esbuild';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
fs.rmSync(new URL('../out/cli', import.meta.url), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  // Table files are parsed, and large charts laid out, in worker threads: their own entries.
  entryPoints: {
    quanlian: 'electron/cli/index.ts',
    'table-worker': 'electron/core/io/table-worker.ts',
    'layout-worker': 'electron/core/graph/layout-worker.ts',
  },
  outdir: 'out/cli',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: ['better-sqlite3', '@node-rs/argon2', 'playwright-core', 'electron'],
  jsx: 'automatic',
  // CommonJS packages inside an ES module bundle still call require and read __dirname.
  banner: {
    js: [
      "import { createRequire as __createRequire } from 'node:module';",
      "import { fileURLToPath as __fileURLToPath } from 'node:url';",
      "import { dirname as __pathDirname } from 'node:path';",
      'const require = __createRequire(import.meta.url);',
      'const __filename = __fileURLToPath(import.meta.url);',
      'const __dirname = __pathDirname(__filename);',
    ].join('\n'),
  },
  logLevel: 'warning',
});
fs.chmodSync(new URL('../out/cli/quanlian.mjs', import.meta.url), 0o755);
