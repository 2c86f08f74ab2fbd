import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { signInToDemo } from './pages/demo-session';
import { CasesPage } from './pages/cases-page';

declare const localStorage: {
  length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
};
declare const sessionStorage: typeof localStorage;
declare const document: { body: { innerText: string } };

/**
 * Case data of the demo that must never be found in plaintext outside the encrypted database
 * (the demo's password is public by design: the unlock screen shows it).
 */
const secrets = ['张某龙', '李某华', '530102198309271377', '13857162094', 'A3301052026030015'];

/** Every file below `dir` (sockets and unreadable files skipped). */
function filesBelow(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesBelow(full));
    else if (entry.isFile()) found.push(full);
  }
  return found;
}

/** Which secret, in UTF-8 or UTF-16 (Chromium's storage), a file holds; null when none. */
function plaintextIn(file: string): string | null {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return null;
  }
  for (const secret of secrets)
    if (
      bytes.includes(Buffer.from(secret, 'utf8')) ||
      bytes.includes(Buffer.from(secret, 'utf16le'))
    )
      return secret;
  return null;
}

describe('no plaintext outside the encrypted workspace (1366×768)', () => {
  let h: Harness;
  let before: Set<string>;
  beforeAll(async () => {
    before = new Set(fs.readdirSync(os.tmpdir()));
    // Its own Chromium: the profile folder it makes is among the files scanned.
    h = await startHarness(undefined, { ownBrowser: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('after a session and a lock: not in the workspace files, the browser profile, temp files or storage; the page shows none', async () => {
    const { page } = h;
    const shell = await signInToDemo(page);
    await new CasesPage(page).caseLink('A3301052026030015').click();
    await page.getByText('张某龙').first().waitFor();
    await page.getByTestId('open-case-graph').click();
    await page.getByTestId('graph-canvas').waitFor();
    await page.getByTestId('global-search-open').click();
    await page.getByTestId('global-search-input').fill('zml');
    await page.getByTestId('global-search-hit').filter({ hasText: '张某龙' }).first().waitFor();
    await page.keyboard.press('Escape');
    await shell.lock();
    await page.getByTestId('unlock-password').waitFor();

    const storage = await page.evaluate(() => {
      const dump = (store: typeof localStorage) =>
        Array.from(
          { length: store.length },
          (_, index) => `${store.key(index)}=${store.getItem(store.key(index) ?? '')}`,
        ).join('\n');
      return `${dump(localStorage)}\n${dump(sessionStorage)}\n${document.body.innerText}`;
    });
    for (const secret of secrets) expect(storage).not.toContain(secret);

    // Everything new in the temp folder, less what the test tools write there themselves:
    // Vitest's transform cache (our test sources), Playwright's downloads, and the roots of
    // other end-to-end tests running beside this one (whose exports hold case data by design).
    const created = fs
      .readdirSync(os.tmpdir())
      .filter((name) => !before.has(name))
      .map((name) => path.join(os.tmpdir(), name))
      .filter(
        (entry) =>
          !fs.existsSync(path.join(entry, 'ssr')) &&
          !path.basename(entry).startsWith('playwright-artifacts-') &&
          (!path.basename(entry).startsWith('quanlian-e2e-') || entry === h.root),
      );
    const files = created.flatMap((entry) => {
      try {
        return fs.statSync(entry).isDirectory() ? filesBelow(entry) : [entry];
      } catch {
        return [];
      }
    });
    // The workspace (database, WAL, header) and Chromium's profile are among them.
    expect(files.some((file) => file.endsWith('quanlian.db'))).toBe(true);
    expect(files.length).toBeGreaterThan(20);
    const leaks = files.map((file) => [file, plaintextIn(file)]).filter(([, secret]) => secret);
    expect(leaks).toEqual([]);
    // The scan itself finds plaintext when there is some (UTF-8 and UTF-16).
    const canary = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'canary-')), 'leak.bin');
    fs.writeFileSync(
      canary,
      Buffer.concat([Buffer.from('x'), Buffer.from('13857162094', 'utf16le')]),
    );
    expect(plaintextIn(canary)).toBe('13857162094');
    fs.rmSync(path.dirname(canary), { recursive: true });
  }, 120_000);
});
