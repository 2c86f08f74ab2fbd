import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copiedCliWorkspace, execCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/test-core';

const env = { QUANLIAN_PASSWORD: 'Admin#Pass2026' };

/** A call list of two good rows and one cut short (rejected). */
function raggedList(file: string, separator: string): void {
  fs.writeFileSync(
    file,
    [
      ['本机号码', '对方号码', '呼叫类型', '开始时间', '通话时长'],
      ['13987654321', '13812345678', '主叫', '2026-04-01 08:00:00', '60'],
      ['13987654321', '13812345678'],
      ['13987654321', '13812345678', '被叫', '2026-04-01 10:00:00', '30'],
    ]
      .map((cells) => cells.join(separator))
      .join('\n'),
  );
}

describe('import --skip-invalid and a rejected-rows file already there', () => {
  it('refuses before anything is imported, the file untouched, unless --overwrite-rejected', async () => {
    const dir = copiedCliWorkspace('admin', path.join(makeTempDir(), 'ws'));
    const folder = makeTempDir();
    const file = path.join(folder, 'ragged.csv');
    raggedList(file, ',');
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
          ...extra,
        ],
        env,
      );
    const imports = async () =>
      JSON.parse((await execCli(['imports', 'list', '--workspace', dir, '--json'], env)).stdout);

    // The default place, beside the file: a user's earlier rejected rows.
    const earlier = `${file}.rejected.csv`;
    fs.writeFileSync(earlier, 'earlier rows\n');
    const refused = await run(['--json']);
    expect([refused.status, JSON.parse(refused.stdout)]).toEqual([
      1,
      {
        ok: false,
        error: {
          code: 'import.rejectedExists',
          message: 'The rejected file exists already',
          details: { path: earlier },
          text: `被拒行文件 ${earlier} 已存在，未导入任何数据，以免覆盖该文件。请另选保存位置，或先移走该文件。`,
        },
      },
    ]);
    // In words, with the flag that would replace it.
    const english = await run(['--lang', 'en']);
    expect([english.status, english.stdout, english.stderr]).toEqual([
      1,
      '',
      `error: The rejected-rows file ${earlier} exists already. Nothing was imported, so that file is not overwritten. Choose another place, or move that file away first.\n` +
        'To replace that file, import again with --overwrite-rejected; or choose another file with --rejected.\n',
    ]);
    // Any other file named by --rejected, and a link there (even to nothing), likewise.
    const other = path.join(folder, 'notes.csv');
    fs.writeFileSync(other, 'case notes\n');
    const link = path.join(folder, 'link.csv');
    fs.symlinkSync(path.join(folder, 'nowhere.csv'), link);
    for (const place of [other, link]) {
      const refusedPlace = await run(['--rejected', place, '--json']);
      expect([refusedPlace.status, JSON.parse(refusedPlace.stdout).error.details]).toEqual([
        1,
        { path: place },
      ]);
    }
    expect(await imports()).toEqual([]);
    expect(fs.readFileSync(earlier, 'utf8')).toBe('earlier rows\n');
    expect(fs.readFileSync(other, 'utf8')).toBe('case notes\n');
    expect(fs.readdirSync(folder).sort()).toEqual([
      'link.csv',
      'notes.csv',
      'ragged.csv',
      'ragged.csv.rejected.csv',
    ]);

    // Said: the file is replaced by this import's rejected rows.
    const replaced = await run(['--overwrite-rejected', '--json']);
    const result = JSON.parse(replaced.stdout);
    expect([replaced.status, result.summary.rows, result.rejectedFile]).toEqual([0, 2, earlier]);
    expect(fs.readFileSync(earlier, 'utf8').split(/\r?\n/)).toEqual([
      '\ufeff本机号码,对方号码,呼叫类型,开始时间,通话时长,原行号,原因',
      '13987654321,13812345678,,,,3,呼叫类型：呼叫类型无法识别（应为 主叫/被叫/呼转/短信发/短信收 等）；代码（01、02）请在表头上方加一行说明，如“呼叫类型：01-主叫，02-被叫”；开始时间：时间无法识别或不存在',
      '',
    ]);
    expect(fs.statSync(earlier).mode & 0o777).toBe(0o600);
    expect((await imports()).length).toBe(1);
  }, 120_000);

  it('refuses the file being imported as its rejected-rows file, by its name or a link, even with --overwrite-rejected', async () => {
    const dir = copiedCliWorkspace('admin', path.join(makeTempDir(), 'ws'));
    const folder = makeTempDir();
    const file = path.join(folder, 'ragged.csv');
    raggedList(file, ',');
    const original = fs.readFileSync(file);
    const link = path.join(folder, 'same.csv');
    fs.linkSync(file, link);
    for (const place of [file, link]) {
      const refused = await execCli(
        [
          'import',
          '--workspace',
          dir,
          '--template',
          'calls',
          '--file',
          file,
          '--skip-invalid',
          '--rejected',
          place,
          '--overwrite-rejected',
          '--json',
        ],
        env,
      );
      expect([refused.status, JSON.parse(refused.stdout).error]).toEqual([
        1,
        {
          code: 'import.rejectedIsSource',
          message: 'The rejected file is the file imported',
          details: { path: place },
          text: `被拒行文件不能保存为 ${place}：这正是要导入的文件，保存会把它换成被拒行。未导入任何数据。请另选保存位置。`,
        },
      ]);
    }
    expect(fs.readFileSync(file)).toEqual(original);
    expect(
      JSON.parse((await execCli(['imports', 'list', '--workspace', dir, '--json'], env)).stdout),
    ).toEqual([]);
  }, 120_000);

  it('a tab-separated list’s default is FILE.rejected.txt: that name is checked, not the .csv', async () => {
    const dir = copiedCliWorkspace('admin', path.join(makeTempDir(), 'ws'));
    const folder = makeTempDir();
    const file = path.join(folder, 'ragged.txt');
    raggedList(file, '\t');
    const run = async () =>
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
        ],
        env,
      );
    fs.writeFileSync(`${file}.rejected.txt`, 'earlier rows\n');
    const refused = await run();
    expect([refused.status, JSON.parse(refused.stdout).error.details]).toEqual([
      1,
      { path: `${file}.rejected.txt` },
    ]);
    fs.renameSync(`${file}.rejected.txt`, `${file}.rejected.csv`);
    const imported = await run();
    expect([imported.status, JSON.parse(imported.stdout).rejectedFile]).toEqual([
      0,
      `${file}.rejected.txt`,
    ]);
    expect(fs.readFileSync(`${file}.rejected.csv`, 'utf8')).toBe('earlier rows\n');
  }, 120_000);
});
