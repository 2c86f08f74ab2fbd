import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copiedCliWorkspace, execCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/test-core';

const env = { QUANLIAN_PASSWORD: 'Admin#Pass2026' };

/**
 * The rejected-rows file is written before the import commits: a file that cannot be written
 * (the earlier one open in Excel, a place the system refuses) had let 15 rows in and saved the
 * rejected ones nowhere. A commit that fails after the file is written takes the file back.
 */
describe('import --skip-invalid writes its rejected-rows file before the commit', () => {
  it('a commit refused after the file was written takes it back, and puts back the file it replaced', async () => {
    const dir = copiedCliWorkspace('admin', path.join(makeTempDir(), 'ws'));
    const folder = makeTempDir();
    const file = path.join(folder, 'ragged.csv');
    fs.writeFileSync(
      file,
      [
        '本机号码,对方号码,呼叫类型,开始时间,通话时长',
        '13987654321,13812345678,主叫,2026-04-01 08:00:00,60',
        '13987654321,13812345678',
      ].join('\n'),
    );
    const run = async (extra: string[]) =>
      await execCli(
        [
          'import',
          '--workspace',
          dir,
          '--template',
          'calls',
          '--file',
          file,
          '--skip-invalid',
          '--json',
          ...extra,
        ],
        env,
      );
    const first = await run([]);
    expect([first.status, JSON.parse(first.stdout).rejectedFile]).toEqual([
      0,
      `${file}.rejected.csv`,
    ]);
    // The same bytes again: the check passes, the file is written, the commit refuses them.
    const again = path.join(folder, 'again.csv');
    const refused = await run(['--rejected', again]);
    expect([refused.status, JSON.parse(refused.stdout).error.code]).toEqual([
      1,
      'import.duplicateFile',
    ]);
    expect(fs.readdirSync(folder).sort()).toEqual(['ragged.csv', 'ragged.csv.rejected.csv']);
    // Told to replace an earlier file: that file, its bytes and its mode, is put back.
    const earlier = path.join(folder, 'earlier.csv');
    fs.writeFileSync(earlier, 'earlier rows\n', { mode: 0o640 });
    fs.chmodSync(earlier, 0o640);
    const replaced = await run(['--rejected', earlier, '--overwrite-rejected']);
    expect([
      replaced.status,
      JSON.parse(replaced.stdout).error.code,
      fs.readFileSync(earlier, 'utf8'),
      fs.statSync(earlier).mode & 0o777,
    ]).toEqual([1, 'import.duplicateFile', 'earlier rows\n', 0o640]);
    const imports = JSON.parse(
      (await execCli(['imports', 'list', '--workspace', dir, '--json'], env)).stdout,
    );
    expect(imports.length).toBe(1);
  }, 120_000);
});
