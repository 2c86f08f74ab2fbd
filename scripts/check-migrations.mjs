// Fails when the drizzle schema and the committed migrations in drizzle/ are out of step:
// runs `drizzle-kit generate` against a copy of drizzle/ and checks that it adds nothing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'quanlian-migrations-'));
try {
  fs.cpSync(path.join(root, 'drizzle'), copy, { recursive: true });
  const before = fs.readdirSync(copy, { recursive: true }).sort();
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/drizzle-kit/bin.cjs'),
      'generate',
      '--dialect=sqlite',
      '--schema=./electron/core/db/schema/index.ts',
      `--out=${copy}`,
      '--casing=snake_case',
    ],
    { cwd: root, stdio: 'pipe' },
  );
  const after = fs.readdirSync(copy, { recursive: true }).sort();
  const added = after.filter((file) => !before.includes(file));
  if (added.length) {
    console.error(
      `The schema has changes without a migration. Run \`npm run db:generate\`.\nNew: ${added.join(', ')}`,
    );
    process.exit(1);
  }
  console.log(
    `Schema and ${before.filter((f) => f.endsWith('.sql')).length} migration(s) are in step.`,
  );
} finally {
  fs.rmSync(copy, { recursive: true, force: true });
}
