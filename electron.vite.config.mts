import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { OutputChunk } from 'rolldown';
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

/**
 * The window's first script (`renderer/src/main.tsx`) asks for the session, then imports the
 * application (`renderer/src/app/start.tsx`). That chunk, the chunks it imports and its
 * stylesheet are named in index.html too, so the browser fetches them from the moment it reads
 * the page rather than once the first script has run (the import then finds them fetched).
 */
function preloadApp(): Plugin {
  return {
    name: 'quanlian-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const chunks = new Map<string, OutputChunk>();
        for (const file of Object.values(bundle))
          if (file.type === 'chunk') chunks.set(file.fileName, file);
        const start = [...chunks.values()].find((chunk) =>
          chunk.facadeModuleId?.replaceAll('\\', '/').endsWith('/renderer/src/app/start.tsx'),
        );
        if (!start) throw new Error('preloadApp: no chunk for renderer/src/app/start.tsx');
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (chunk: OutputChunk) => {
          if (scripts.has(chunk.fileName)) return;
          scripts.add(chunk.fileName);
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
          for (const name of chunk.imports) visit(chunks.get(name)!);
        };
        visit(start);
        const links = [
          ...[...scripts]
            .filter((file) => !html.includes(`/${file}"`))
            .map((file) => `<link rel="modulepreload" crossorigin href="./${file}">`),
          // Fetched, not applied yet: a stylesheet in the page would hold the first script back.
          ...[...styles].map(
            (file) => `<link rel="preload" as="style" crossorigin href="./${file}">`,
          ),
        ];
        return html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
      },
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
    plugins: [react(), cspMetaTag(), preloadApp()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Minified: the window parses and compiles the bundle on every load (7 MB unminified).
      minify: true,
      chunkSizeWarningLimit: 4096,
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
