import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { metaContentSecurityPolicy } from './electron/main/content-security-policy';

/**
 * Puts the production CSP into index.html as a meta tag too (main also sends it as a header).
 * Only in builds: the dev server's React refresh preamble is an inline script.
 */
function cspMetaTag(): Plugin {
  return {
    name: 'quanlian-csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy}" />`,
      );
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // Table files are parsed in a worker thread with memory and time limits.
          'table-worker': resolve(__dirname, 'electron/core/io/table-worker.ts'),
          // Large charts are laid out in a worker thread, off the call queue.
          'layout-worker': resolve(__dirname, 'electron/core/graph/layout-worker.ts'),
          // Case packages are opened and checked in a worker thread, off the call queue.
          'package-worker': resolve(__dirname, 'electron/core/io/package-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads cannot require() packages: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), cspMetaTag()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Minified: the window parses and compiles the bundle on every load (7 MB unminified).
      minify: true,
      chunkSizeWarningLimit: 4096,
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
