// esbuild options shared by the bundles that run under Node (the CLI, the e2e browser host):
// native modules, the browser driver and Electron load from node_modules, never bundled.
export const nodeBundleOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3', '@node-rs/argon2', 'playwright-core', 'electron'],
  jsx: 'automatic',
  logLevel: 'warning',
};

/** CommonJS packages inside an ES module bundle still call require and read __dirname. */
export const esmRequireBanner = {
  js: [
    "import { createRequire as __createRequire } from 'node:module';",
    "import { fileURLToPath as __fileURLToPath } from 'node:url';",
    "import { dirname as __pathDirname } from 'node:path';",
    'const require = __createRequire(import.meta.url);',
    'const __filename = __fileURLToPath(import.meta.url);',
    'const __dirname = __pathDirname(__filename);',
  ].join('\n'),
};
