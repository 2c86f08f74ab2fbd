import react from '@vitejs/plugin-react';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Integration tests that mock a module: run isolated (see the `integration` project). */
const mockingFiles = ['tests/integration/cli-package-export.test.ts'];
/** The run's temporary workspaces in one folder, removed at the end. */
const tempRoot = 'tests/helpers/temp-root-setup.ts';

export default defineConfig({
  test: {
    // Every test runs with the process in UTC: dates in documents must come from the
    // workspace's zone (Asia/Shanghai by default), never from the machine's.
    env: { TZ: 'UTC' },
    // Vitest's default is one worker fewer than the cores: on a 2-core machine one, so every
    // project ran its files one at a time (much of their time is spent waiting on child
    // processes, Chromium, Argon2 and the disk). Two at least: `test:unit` 277 → 128 s here.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // A few unit tests start Python or lay out 2,000 entities (1–2 s idle): 5 s was too
          // close on two cores busy with the other projects.
          testTimeout: 20_000,
          globalSetup: [tempRoot],
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: mockingFiles,
          environment: 'node',
          testTimeout: 60_000,
          // A fresh workspace per test (Argon2, migrations) took over vitest's 10 s for hooks
          // under load.
          hookTimeout: 60_000,
          // The CLI tests run the bundled CLI: built here when missing or stale.
          globalSetup: ['tests/helpers/cli-bundle-setup.ts', tempRoot],
          // The files share one module graph per worker instead of importing core again each
          // (the imports were ~40 % of the project's time). Each test builds its own router
          // and workspace; module state that outlives a call is dropped at lock.
          isolate: false,
        },
      },
      {
        // Files that replace a module (vi.mock) need their own module graph.
        test: {
          name: 'integration-isolated',
          include: mockingFiles,
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          globalSetup: ['tests/helpers/cli-bundle-setup.ts', tempRoot],
        },
      },
      {
        test: {
          name: 'main',
          include: ['tests/main/**/*.test.ts'],
          environment: 'node',
          // The main process's first import transforms all of it: seconds under load.
          testTimeout: 60_000,
          globalSetup: [tempRoot],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/component/setup.ts'],
          globalSetup: [tempRoot],
          testTimeout: 20_000,
          // One module graph (and one jsdom) per worker: the testing library unmounts after each test.
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // The browser host, bundled once, and one Chromium, for all files (tests/e2e/harness.ts).
          globalSetup: [
            'tests/helpers/host-bundle-setup.ts',
            'tests/helpers/chromium-server-setup.ts',
            tempRoot,
          ],
          // Two files at a time: each spends much of its time waiting on its page (302 → 232–258 s
          // on this 2-core machine; four at a time was slower, 270 s). Each file keeps its own
          // module graph: shared ones (isolate: false) saved ~20 s but failed the backup file's
          // key-rotation test in a clean-clone run.
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
