import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/test-core';
import { filesWithPlaintext } from '../helpers/plaintext-scan';

const cleanup: string[] = [];
afterEach(() => {
  for (const dir of cleanup.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the plaintext scan of the temp folder', () => {
  it("skips another test run's root, and still finds plaintext in its own root and outside the run roots", () => {
    // A stand-in for the machine's temp folder, with this run's root and another run's beside it.
    const tmp = makeTempDir('quanlian-scan-');
    cleanup.push(tmp);
    const ownRoot = path.join(tmp, 'quanlian-run-mine');
    const otherRoot = path.join(tmp, 'quanlian-run-other');
    for (const dir of [
      ownRoot,
      path.join(otherRoot, 'quanlian-evidence-x'),
      path.join(tmp, 'stray'),
    ])
      fs.mkdirSync(dir, { recursive: true });
    const secret = Buffer.from('手机取证报告-plaintext-sample-32b');
    const planted = (file: string) => {
      fs.writeFileSync(file, Buffer.concat([Buffer.from('header '), secret, Buffer.from(' end')]));
      return file;
    };
    planted(path.join(otherRoot, 'quanlian-evidence-x', 'source.bin'));
    const since = Date.now() - 1000;

    expect(filesWithPlaintext(tmp, [secret], since, new Set(), ownRoot)).toEqual([]);

    const inOwnRoot = planted(path.join(ownRoot, 'leak.tmp'));
    const outside = planted(path.join(tmp, 'stray', 'leak.tmp'));
    expect(filesWithPlaintext(tmp, [secret], since, new Set(), ownRoot).sort()).toEqual(
      [inOwnRoot, outside].sort(),
    );
    // Without a run root of its own (a scan of a workspace folder) nothing is skipped.
    expect(filesWithPlaintext(otherRoot, [secret], since, new Set()).length).toBe(1);
  });
});
