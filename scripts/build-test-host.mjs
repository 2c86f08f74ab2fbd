// Bundles the browser host of the end-to-end tests (tests/e2e/host) into out/test-host: the
// router and all of core in one CommonJS file that the harness loads with Node's own require,
// and the worker threads beside it. Through Vitest's module runner every test file compiled
// and ran the ~400 modules of core again (about 5 s of each file's start on two cores); Node
// reads one file in a fraction of that. Test-only: nothing here is packaged.
import { build } from 'esbuild';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esmRequireBanner, nodeBundleOptions } from './node-bundle-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = 'out/test-host';
fs.rmSync(new URL(`../${outdir}`, import.meta.url), { recursive: true, force: true });

const shared = { ...nodeBundleOptions, absWorkingDir: root, outdir };

// The host: CommonJS, so the harness can require it past Vitest's module runner. Core finds its
// worker threads from import.meta.url, which CommonJS lacks: it is this file's URL.
await build({
  ...shared,
  entryPoints: { 'browser-host': 'tests/e2e/host/browser-host.ts' },
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  define: { 'import.meta.url': '__hostModuleUrl' },
  banner: { js: "const __hostModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// The worker threads, as the CLI bundle builds them.
await build({
  ...shared,
  entryPoints: {
    'table-worker': 'electron/core/io/table-worker.ts',
    'layout-worker': 'electron/core/graph/layout-worker.ts',
    'package-worker': 'electron/core/io/package-worker.ts',
  },
  outExtension: { '.js': '.mjs' },
  format: 'esm',
  banner: esmRequireBanner,
});
