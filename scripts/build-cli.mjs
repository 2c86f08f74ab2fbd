// Bundles the command line into out/cli/quanlian.mjs (the `quanlian` bin) and its chunks: no
// TypeScript compiler at start, packages bundled (resolving hundreds of small files costs more
// than reading a few large ones), and one chunk per command group, so `--help` or a usage error
// reads only the entry. The native modules and the browser driver load from node_modules.
import { build } from 'esbuild';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esmRequireBanner, nodeBundleOptions } from './node-bundle-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
fs.rmSync(new URL('../out/cli', import.meta.url), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  // Table files are parsed, and large charts laid out, in worker threads: their own entries.
  entryPoints: {
    quanlian: 'electron/cli/index.ts',
    // runCli without the bin around it: the tests run many commands in one process.
    'run-cli': 'electron/cli/run-cli.ts',
    'table-worker': 'electron/core/io/table-worker.ts',
    'layout-worker': 'electron/core/graph/layout-worker.ts',
    'package-worker': 'electron/core/io/package-worker.ts',
  },
  outdir: 'out/cli',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  format: 'esm',
  banner: esmRequireBanner,
  ...nodeBundleOptions,
});
fs.chmodSync(new URL('../out/cli/quanlian.mjs', import.meta.url), 0o755);
