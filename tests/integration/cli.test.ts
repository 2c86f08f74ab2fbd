import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { copiedCliWorkspace, execCli, execCliProcess } from '../helpers/run-cli';
import { makeTempDir, makeTestCore } from '../helpers/test-core';
import { zonedDateTime } from '../../electron/api/domain/time-zone';

describe('command line', () => {
  it('init prints the recovery key once; add-user and stats work with the password from stdin', async () => {
    const dir = path.join(makeTempDir(), 'ws');
    const init = await execCli(
      ['init', '--workspace', dir, '--user', 'chief', '--name', '禁毒大队', '--json'],
      {
        QUANLIAN_PASSWORD: 'Chief#Pass2026',
      },
    );
    expect(init.status).toBe(0);
    const created = JSON.parse(init.stdout);
    expect(created).toMatchObject({ workspace: dir, admin: 'chief' });
    expect(created.recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(fs.readFileSync(path.join(dir, 'workspace.json'), 'utf8')).not.toContain(
      created.recoveryKey,
    );

    const add = await execCli(
      [
        'add-user',
        '--workspace',
        dir,
        '--user',
        'chief',
        '--name',
        'wang',
        '--role',
        'investigator',
        '--password-stdin',
        '--json',
      ],
      {},
      'Chief#Pass2026\nWang#Pass2026\n',
    );
    expect(add.status).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ username: 'wang', role: 'investigator' });

    const stats = await execCli(['stats', '--workspace', dir, '--user', 'wang', '--json'], {
      QUANLIAN_PASSWORD: 'Wang#Pass2026',
    });
    expect(JSON.parse(stats.stdout)).toMatchObject({ cases: 0, users: 2 });

    const forbidden = await execCli(['export-key', '--workspace', dir, '--user', 'wang'], {
      QUANLIAN_PASSWORD: 'Wang#Pass2026',
    });
    expect(forbidden.status).toBe(1);
    expect(forbidden.stderr).toBe(
      'error: 当前账号的角色无权执行此操作：需要“管理员”或更高的角色。\n',
    );
  });

  it('explains a wrong password and a missing option', async () => {
    const dir = copiedCliWorkspace('admin', path.join(makeTempDir(), 'ws'));
    const wrong = await execCli(['stats', '--workspace', dir], { QUANLIAN_PASSWORD: 'nope' });
    expect(wrong.status).toBe(1);
    // Said as the window says it: in Chinese, or in English with --lang en.
    expect(wrong.stderr).toBe('error: 用户名或密码错误。\n');
    const english = await execCli(['stats', '--workspace', dir, '--lang', 'en'], {
      QUANLIAN_PASSWORD: 'nope',
    });
    expect(english.stderr).toBe('error: Wrong user name or password.\n');
    const usage = await execCli(['backup', '--workspace', dir], {
      QUANLIAN_PASSWORD: 'Admin#Pass2026',
    });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--out is required');
  });

  it('import with a wrong password: the sign-in is refused first, the file read ahead is dropped and the process ends', () => {
    const dir = copiedCliWorkspace('admin', path.join(makeTempDir(), 'ws'));
    // Large enough for both parser threads, and with a bad row: the password is still what
    // is said, as before the file was read during the sign-in.
    const file = path.join(makeTempDir(), 'calls.csv');
    const rows = Array.from(
      { length: 60_000 },
      (_, row) => `13900000001,138${String(row).padStart(8, '0')},主叫,2026-04-01 10:00:00,60`,
    );
    rows[7] = '13900000001,13800000007,主叫,2026-13-45 10:00:00,60';
    fs.writeFileSync(file, ['本机号码,对方号码,呼叫类型,开始时间,通话时长', ...rows].join('\n'));
    const result = execCliProcess(
      ['import', '--workspace', dir, '--template', 'calls', '--file', file],
      { QUANLIAN_PASSWORD: 'nope' },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('error: 用户名或密码错误。\n');
    expect(result.stdout).toBe('');
  });

  // As its own process: the bin's exit code, and nothing that escapes runCli to Node's printer.
  it('an unknown option or command prints the usage and exits 2, never a stack trace', () => {
    for (const args of [['stats', '--no-such-option'], ['frobnicate'], ['stats', '--workspace']]) {
      const result = execCliProcess(args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('Quanlian command line');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('goes through the router: a viewer cannot back up, restore, export a package or import; every refusal is audited; disable-user stops a sign-in', async () => {
    const dir = copiedCliWorkspace('demo', path.join(makeTempDir(), 'demo'));
    const admin = { QUANLIAN_PASSWORD: 'Quanlian@2026' };
    const added = await execCli(
      ['add-user', '--workspace', dir, '--user', 'demo', '--name', 'kan', '--role', 'viewer'],
      { ...admin, QUANLIAN_NEW_PASSWORD: 'Viewer#Pass2026' },
    );
    expect(added.status).toBe(0);
    const backup = path.join(makeTempDir(), 'demo.qlbak');
    expect(
      (await execCli(['backup', '--workspace', dir, '--user', 'demo', '--out', backup], admin))
        .status,
    ).toBe(0);
    const calls = path.join(makeTempDir(), 'calls.csv');
    fs.writeFileSync(
      calls,
      '主叫号码,被叫号码,开始时间,通话时长\n13800000001,13900000002,2026-10-01 10:00:00,60\n',
    );
    const asViewer = async (args: string[]) =>
      await execCli([...args, '--workspace', dir, '--user', 'kan', '--json'], {
        QUANLIAN_PASSWORD: 'Viewer#Pass2026',
        QUANLIAN_PACKAGE_PASSPHRASE: '协查口令-2026-11',
      });
    const attempts = {
      'backup.createAt': await asViewer(['backup', '--out', path.join(makeTempDir(), 'x.qlbak')]),
      'backup.restoreFrom': await asViewer(['restore', '--backup', backup]),
      'package.export': await asViewer([
        'package',
        'export',
        '--case',
        'A3301052026030015',
        '--out',
        path.join(makeTempDir(), 'x.qlpkg'),
      ]),
      'import.preview': await asViewer(['import', '--template', 'calls', '--file', calls]),
      'workspace.exportKey': await asViewer(['export-key']),
    };
    for (const result of Object.values(attempts)) {
      expect([result.status, JSON.parse(result.stdout).error.code]).toEqual([1, 'auth.forbidden']);
    }
    expect(
      (
        await execCli(
          ['disable-user', '--workspace', dir, '--user', 'demo', '--name', 'kan'],
          admin,
        )
      ).status,
    ).toBe(0);
    const head = JSON.parse(
      (await execCli(['audit-head', '--workspace', dir, '--user', 'demo', '--json'], admin)).stdout,
    );
    expect(head).toMatchObject({ signedBy: 'demo', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(head.count).toBeGreaterThan(10);
    expect(JSON.parse((await asViewer(['stats'])).stdout).error.code).toBe(
      'auth.invalidCredentials',
    );

    const core = makeTestCore();
    try {
      await core.ok('session.unlock', { path: dir, username: 'demo', password: 'Quanlian@2026' });
      const denied = await core.ok('audit.list', { username: 'kan', pageSize: 50 });
      expect(
        denied.rows
          .filter((row) => row.result === 'denied')
          .map((row) => row.action)
          .sort(),
      ).toEqual(Object.keys(attempts).sort());
    } finally {
      core.dispose();
    }
  }, 180_000);

  it('import --skip-invalid writes the rejected rows beside the file; --map names unknown headers; imports delete undoes it', async () => {
    const dir = copiedCliWorkspace('admin', path.join(makeTempDir(), 'ws'));
    const env = { QUANLIAN_PASSWORD: 'Admin#Pass2026' };
    const file = path.join(makeTempDir(), '话单.csv');
    fs.writeFileSync(
      file,
      [
        '目标号码,联系号码,呼叫类型,开始时间,通话时长',
        '13800000001,13900000002,主叫,2026-10-01 10:00:00,60',
        '13800000001,13900000002,被叫,2026-10-01 11:00:00,0:01:30',
        '13800000001,not-a-number,主叫,2026-10-01 12:00:00,30',
      ].join('\n'),
    );
    const run = async (args: string[]) =>
      await execCli(
        ['import', '--workspace', dir, '--template', 'calls', '--file', file, ...args, '--json'],
        env,
      );
    const map = ['--map', '目标号码=ownNumber,联系号码=counterpart'];
    const refused = await run(map);
    expect([refused.status, JSON.parse(refused.stdout).imported]).toEqual([1, false]);
    const imported = await run([...map, '--skip-invalid']);
    expect(imported.status).toBe(0);
    const result = JSON.parse(imported.stdout);
    expect([result.summary.rows, result.summary.rejectedRows, result.rejectedFile]).toEqual([
      2,
      1,
      `${file}.rejected.csv`,
    ]);
    expect(fs.statSync(result.rejectedFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(result.rejectedFile, 'utf8').split(/\r?\n/).slice(0, 2)).toEqual([
      '\ufeff目标号码,联系号码,呼叫类型,开始时间,通话时长,原行号,原因',
      expect.stringMatching(/^13800000001,not-a-number,主叫,2026-10-01 12:00:00,30,/),
    ]);
    const listed = JSON.parse(
      (await execCli(['imports', 'list', '--workspace', dir, '--json'], env)).stdout,
    );
    expect(listed.map((row: { rowCount: number }) => row.rowCount)).toEqual([2]);
    // The text listing dates the import in the workspace's zone (Beijing), not the process's (UTC).
    const text = (await execCli(['imports', 'list', '--workspace', dir], env)).stdout;
    expect(text).toContain(
      `${listed[0].id}  ${zonedDateTime(listed[0].createdAt, 'Asia/Shanghai')}  calls  2 rows (1 rejected)`,
    );
    expect(zonedDateTime(listed[0].createdAt, 'Asia/Shanghai')).not.toBe(
      listed[0].createdAt.slice(0, 16).replace('T', ' '),
    );
    const deleted = await execCli(
      ['imports', 'delete', '--workspace', dir, '--id', listed[0].id, '--json'],
      env,
    );
    expect(JSON.parse(deleted.stdout)).toMatchObject({ callRecords: 2, entitiesDeleted: 2 });
    expect(
      JSON.parse((await execCli(['stats', '--workspace', dir, '--json'], env)).stdout),
    ).toMatchObject({
      entities: 0,
      relations: 0,
    });
  }, 120_000);

  it('import --skip-invalid checks the rejected file’s folder before writing anything, and writes the file before the import commits', async () => {
    const dir = copiedCliWorkspace('admin', path.join(makeTempDir(), 'ws'));
    const env = { QUANLIAN_PASSWORD: 'Admin#Pass2026' };
    const folder = makeTempDir();
    const file = path.join(folder, 'ragged.csv');
    fs.writeFileSync(
      file,
      [
        '本机号码,对方号码,呼叫类型,开始时间,通话时长',
        '13987654321,13812345678,主叫,2026-04-01 08:00:00,60',
        '13987654321,13812345678',
        '13987654321,13812345678,被叫,2026-04-01 10:00:00,30',
      ].join('\n'),
    );
    const run = async (rejected: string, lang: string[] = []) =>
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
          '--rejected',
          rejected,
          ...lang,
          '--json',
        ],
        env,
      );
    const imports = async () =>
      JSON.parse((await execCli(['imports', 'list', '--workspace', dir, '--json'], env)).stdout);
    const missing = path.join(folder, 'no-such-folder');
    const refused = await run(path.join(missing, 'r.csv'));
    expect([refused.status, JSON.parse(refused.stdout)]).toEqual([
      1,
      {
        ok: false,
        error: {
          code: 'import.rejectedFolderMissing',
          message: 'The rejected file’s folder is missing',
          details: { folder: missing },
          text: `被拒行文件要保存到的文件夹不存在：${missing}。未导入任何数据。请先建好该文件夹，或另选保存位置。`,
        },
      },
    ]);
    const english = await run(path.join(missing, 'r.csv'), ['--lang', 'en']);
    expect(JSON.parse(english.stdout).error.text).toBe(
      `The folder for the rejected-rows file does not exist: ${missing}. Nothing was imported. Create the folder or choose another place.`,
    );
    // A folder where the file should go, or a name longer than the file system takes: refused.
    for (const place of [folder, path.join(folder, `${'x'.repeat(260)}.csv`)]) {
      const refusedPlace = await run(place);
      expect([refusedPlace.status, JSON.parse(refusedPlace.stdout).error]).toEqual([
        1,
        {
          code: 'import.rejectedNotWritable',
          message: 'The rejected file cannot be written',
          details: { path: place },
          text: `被拒行文件不能保存为 ${place}：该位置不可写入，或已是一个文件夹。未导入任何数据。请另选保存位置。`,
        },
      ]);
    }
    expect(await imports()).toEqual([]);
    // A name that fits the file system but whose temporary file beside it does not passes the
    // check and fails when written, before the commit: refused as the places above are, nothing
    // imported (the import had gone in, its rejected rows saved nowhere).
    const tooLong = path.join(folder, `${'x'.repeat(250)}.csv`);
    const failed = await run(tooLong);
    expect([failed.status, JSON.parse(failed.stdout)]).toEqual([
      1,
      {
        ok: false,
        error: {
          code: 'import.rejectedWriteFailed',
          message: 'The rejected-rows file could not be written',
          details: { path: tooLong, reason: 'ENAMETOOLONG' },
          text: `被拒行文件未能写入 ${tooLong}，未导入任何数据。该文件若正在 Excel 等程序中打开，请先关闭后再导入；否则请另选保存位置。`,
        },
      },
    ]);
    expect(await imports()).toEqual([]);
    expect(fs.readdirSync(folder)).toEqual(['ragged.csv']);
  }, 120_000);

  it('a viewer’s search and case show give ID numbers masked, as every export does; a lead’s in full', async () => {
    const dir = copiedCliWorkspace('demo', path.join(makeTempDir(), 'demo'));
    const admin = { QUANLIAN_PASSWORD: 'Quanlian@2026' };
    for (const [name, role] of [
      ['kan', 'viewer'],
      ['lu', 'lead'],
    ])
      expect(
        (
          await execCli(
            ['add-user', '--workspace', dir, '--user', 'demo', '--name', name!, '--role', role!],
            { ...admin, QUANLIAN_NEW_PASSWORD: 'Viewer#Pass2026' },
          )
        ).status,
      ).toBe(0);
    const idsIn = async (user: string, args: string[]) => {
      const out = (
        await execCli([...args, '--workspace', dir, '--user', user, '--json'], {
          QUANLIAN_PASSWORD: 'Viewer#Pass2026',
        })
      ).stdout;
      return {
        full: (out.match(/(?<!\d)\d{17}[\dX](?!\d)/g) ?? []).length,
        masked: (out.match(/(?<!\d)\d{4}\*{10}\d{3}[\dX](?!\d)/g) ?? []).length,
      };
    };
    const caseShow = ['case', 'show', 'A3301052026030015'];
    const viewerCase = await idsIn('kan', caseShow);
    const leadCase = await idsIn('lu', caseShow);
    expect(viewerCase.full).toBe(0);
    expect(viewerCase.masked).toBe(leadCase.full);
    expect(leadCase.full).toBeGreaterThan(10);
    expect(leadCase.masked).toBe(0);
    const viewerSearch = await idsIn('kan', ['search', '330']);
    expect(viewerSearch.full).toBe(0);
    expect(viewerSearch.masked).toBeGreaterThan(0);
    expect(viewerSearch.masked).toBe((await idsIn('lu', ['search', '330'])).full);
  }, 120_000);

  it('search and case show answer from the demo workspace, as JSON', async () => {
    const dir = copiedCliWorkspace('demo', path.join(makeTempDir(), 'demo'));
    const env = { QUANLIAN_PASSWORD: 'Quanlian@2026' };
    const search = JSON.parse(
      (await execCli(['search', '--workspace', dir, '--user', 'demo', 'lmh', '--json'], env))
        .stdout,
    );
    expect(
      search.groups.map((group: { type: string; hits: { title: string }[] }) => [
        group.type,
        group.hits.map((hit) => hit.title),
      ]),
    ).toEqual([
      ['person', ['李某华']],
      ['organisation', ['李某华贩毒团伙']],
      ['account', ['支付宝 lh1983@alipay']],
    ]);
    const shown = JSON.parse(
      (
        await execCli(
          ['case', 'show', '--workspace', dir, '--user', 'demo', 'A3301052026030015', '--json'],
          env,
        )
      ).stdout,
    );
    expect(
      shown.drugTotals.map(
        (total: { drugType: string; total: number; formatted: string; tier: string }) => [
          total.drugType,
          total.total,
          total.formatted,
          total.tier,
        ],
      ),
    ).toEqual([
      ['methamphetamine', 26_000_000, '26 kg', 'large'],
      ['methamphetamine_tablets', 118_600, '118.6 g', 'large'],
    ]);
    const missing = await execCli(
      ['case', 'show', '--workspace', dir, '--user', 'demo', 'A000'],
      env,
    );
    expect(missing.status).toBe(1);
    // The sentence, not the message key (cases.notFound: had been printed before it).
    expect(missing.stderr).toBe('error: 找不到该案件。\n');
  });

  it('graph exports the case chart, path finds the retailer-to-source path, chain lists tiers, sources and the gap', async () => {
    const dir = copiedCliWorkspace('demo', path.join(makeTempDir(), 'demo'));
    const env = { QUANLIAN_PASSWORD: 'Quanlian@2026' };
    const run = async (args: string[]) =>
      await execCli([...args, '--workspace', dir, '--user', 'demo'], env);
    const idOf = async (name: string) =>
      (
        JSON.parse((await run(['search', name, '--json'])).stdout).groups[0].hits as {
          id: string;
          title: string;
        }[]
      ).find((hit) => hit.title === name)!.id;

    const out = path.join(makeTempDir(), 'chart.graphml');
    const exported = await run([
      'graph',
      '--case',
      'a3301052026030015',
      '--format',
      'graphml',
      '--out',
      out,
      '--json',
    ]);
    expect(JSON.parse(exported.stdout)).toEqual({
      file: out,
      format: 'graphml',
      nodes: 50,
      edges: 59,
    });
    const graphml = new XMLParser({ ignoreAttributes: false }).parse(fs.readFileSync(out, 'utf8'));
    expect([graphml.graphml.graph.node.length, graphml.graphml.graph.edge.length]).toEqual([
      50, 59,
    ]);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);

    // Each name searched once (every search unlocks with the production Argon2id).
    const [retailer, source] = [await idOf('吴某'), await idOf('岩某')];
    const found = JSON.parse(
      (await run(['path', '--from', retailer, '--to', source, '--json'])).stdout,
    );
    expect(
      found.paths.map((item: { labels: string[]; types: string[] }) => [item.labels, item.types]),
    ).toEqual([
      [
        ['吴某', '张某龙', '李某华', '岩某'],
        ['supplies', 'supplies', 'supplies'],
      ],
    ]);
    // No path is not success: exit code 1, so a script can tell.
    const none = await run(['path', '--from', retailer, '--to', source, '--max-hops', '2']);
    expect([none.status, none.stdout]).toEqual([1, '2 跳以内没有路径。\n']);
    // --all without --max-hops looks up to 4 hops and says so, in the command's language: a
    // 9-hop pair had come back as "No path within 4 hops." with the 4 said nowhere.
    const kinOnly = ['path', '--from', retailer, '--to', source, '--all', '--types', 'kin'];
    expect(await run(kinOnly)).toMatchObject({
      status: 1,
      stdout: '4 跳以内没有路径。（--all 未给 --max-hops 时只找 4 跳以内）\n',
    });
    expect(await run([...kinOnly, '--lang', 'en'])).toMatchObject({
      status: 1,
      stdout: 'No path within 4 hops. (--all looks up to 4 hops unless --max-hops N is given)\n',
    });
    const every = (await run(['path', '--from', retailer, '--to', source, '--all'])).stdout;
    expect(every.split('\n').slice(-2)).toEqual(['（--all 未给 --max-hops 时只找 4 跳以内）', '']);
    expect(every.split('\n')[0]).toBe('3 跳：吴某 ←供货← 张某龙 ←供货← 李某华 ←供货← 岩某');
    // An end by what the investigator has: a name, a phone, a plate, an ID number.
    expect((await run(['path', '--from', '吴某', '--to', '13987120468'])).stdout).toBe(
      '3 跳：吴某 ←供货← 张某龙 ←供货← 李某华 →使用→ 13987120468\n',
    );
    const byIdentifiers = await run(['path', '--from', '云A5K392', '--to', '530102198309271377']);
    expect([byIdentifiers.status, byIdentifiers.stdout]).toEqual([
      0,
      '2 跳：云A5K392 ←使用← 王某强 →运输→ 李某华\n',
    ]);
    // Each step with its relation type and direction: the retailer is supplied from upstream.
    expect((await run(['path', '--from', retailer, '--to', source, '--k', '2'])).stdout).toBe(
      '3 跳：吴某 ←供货← 张某龙 ←供货← 李某华 ←供货← 岩某\n' +
        '4 跳：吴某 →成员→ 张某龙贩毒团伙 ←领导← 张某龙 ←供货← 李某华 ←供货← 岩某\n',
    );
    const svg = path.join(makeTempDir(), 'chart.svg');
    expect(
      (
        await run([
          'graph',
          '--case',
          'A3301052026030015',
          '--format',
          'svg',
          '--classification',
          'secret',
          '--out',
          svg,
        ])
      ).status,
    ).toBe(0);
    expect(fs.readFileSync(svg, 'utf8')).toMatch(
      /A3301052026030015[\s\S]*机密|机密[\s\S]*A3301052026030015/,
    );
    // PNG and PDF through Chromium, as the app prints them (they were refused: no renderer).
    const pdf = path.join(makeTempDir(), 'chart.pdf');
    const printed = await run(['graph', '--case', 'A3301052026030015', '--format', 'pdf', '--page', 'A3', '--classification', 'confidential', '--out', pdf]); // prettier-ignore
    expect([printed.status, printed.stderr]).toEqual([0, '']);
    expect(execFileSync('pdfinfo', [pdf]).toString()).toMatch(
      /Page size:\s+119[01]\.\d+ x 841\.\d+ pts \(A3\)/,
    );
    const pdfText = execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, '');
    expect([pdfText.includes('秘密'), pdfText.includes('案件编号：A3301052026030015')]).toEqual([
      true,
      true,
    ]);
    const png = path.join(makeTempDir(), 'chart.png');
    expect(
      (await run(['graph', '--case', 'A3301052026030015', '--format', 'png', '--out', png])).status,
    ).toBe(0);
    const pngBytes = fs.readFileSync(png);
    // A4 landscape at 300 dpi (IHDR width and height, big-endian), owner-only.
    expect([
      pngBytes.subarray(1, 4).toString(),
      pngBytes.readUInt32BE(16),
      pngBytes.readUInt32BE(20),
    ]).toEqual(['PNG', 3509, 2481]);
    expect(fs.statSync(png).mode & 0o777).toBe(0o600);
    const unknown = await run(['path', '--from', '李某', '--to', source]);
    expect([unknown.status, unknown.stderr]).toEqual([
      1,
      'error: 找不到“李某”：请给出实体编号，或只属于一个实体的电话号码、身份证号、车牌号、账号或名称。\n',
    ]);
    // A second 岩某: the name no longer says which, and both are listed to choose from.
    const namesake = path.join(makeTempDir(), 'namesake.csv');
    fs.writeFileSync(namesake, '姓名,身份证号,性别\n岩某,330106198503121231,男\n');
    await run(['import', '--template', 'persons', '--file', namesake, '--case', 'A3301062026080021']); // prettier-ignore
    const namesakeId = JSON.parse((await run(['search', '330106198503121231', '--json'])).stdout)
      .groups[0].hits[0].id as string;
    const ambiguous = await run(['path', '--from', '岩某', '--to', retailer, '--lang', 'en']);
    expect([ambiguous.status, ambiguous.stderr]).toEqual([
      1,
      `error: “岩某” names 2 entities; give the entity ID of the one you mean:\n  岩某  岩哥、老岩  ${source}\n  岩某  330106198503121231  ${namesakeId}\n`,
    ]);

    const chain = JSON.parse(
      (await run(['chain', '--case', 'A3301052026030015', '--json'])).stdout,
    );
    expect(chain.gaps.map((gap: { label: string; tier: string }) => [gap.label, gap.tier])).toEqual(
      [
        ['岩某', 'source'],
        ['陈某辉', 'distribution'],
      ],
    );
    expect(chain.sources.map((source: { label: string }) => source.label).sort()).toEqual([
      '岩某',
      '李某华',
    ]);
    const text = (await run(['chain', '--case', 'A3301052026030015'])).stdout;
    // Upstream to downstream, in Chinese; 源头未查明 and 上线未明 each under its own heading.
    expect(text).toBe(
      [
        'A3301052026030015 供应链（上游 → 下游）',
        '  毒源/上线：岩某、李某华',
        '  运输：孙某、王某强、赵某飞',
        '  分销：刘某、张某龙、陈某辉',
        '  零包：何某丽、冯某、吴某、周某、许某、郑某',
        '  吸毒：崔某、朱某、林某、梁某、罗某、胡某、郭某、钱某、马某、高某',
        '  毒资/保护伞：宋某',
        '毒源：岩某、李某华',
        '源头未查明（链条顶端不是已查明的毒源，含在逃）：',
        '  岩某（毒源/上线）供货 1 人',
        '上线未明（无已知上线）：',
        '  陈某辉（分销）供货 1 人',
        '',
      ].join('\n'),
    );
    const english = (await run(['chain', '--case', 'A3301052026030015', '--lang', 'en'])).stdout;
    expect(english).toContain(
      [
        'A3301052026030015 supply chain, upstream to downstream',
        '  Source / wholesale: 岩某, 李某华',
        '  Transport: 孙某, 王某强, 赵某飞',
      ].join('\n'),
    );
    expect(english).toContain(
      [
        'source not established (the top of the chain is no established source, or at large):',
        '  岩某 (Source / wholesale) supplies 1',
        'upstream unknown (nobody known upstream):',
        '  陈某辉 (Distribution) supplies 1',
      ].join('\n'),
    );
  });

  it('brief writes the case briefing as PDF (owner-only) with the marking and masked IDs; a bad format is a usage error', async () => {
    const dir = copiedCliWorkspace('demo', path.join(makeTempDir(), 'demo'));
    const env = { QUANLIAN_PASSWORD: 'Quanlian@2026' };
    const run = async (args: string[]) =>
      await execCli([...args, '--workspace', dir, '--user', 'demo'], env);
    const out = path.join(makeTempDir(), 'brief.pdf');
    const made = await run([
      'brief',
      '--case',
      'A3301052026030015',
      '--format',
      'pdf',
      '--classification',
      'secret',
      '--out',
      out,
      '--json',
    ]);
    expect(made.status).toBe(0);
    expect(JSON.parse(made.stdout)).toEqual({
      file: out,
      format: 'pdf',
      bytes: fs.statSync(out).size,
    });
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const text = execFileSync('pdftotext', [out, '-']).toString().replace(/\s+/g, '');
    expect(text).toContain('机密');
    expect(text).toContain('5301**********1377');
    expect(text).not.toContain('530102198309271377');

    const bad = await run([
      'brief',
      '--case',
      'A3301052026030015',
      '--format',
      'rtf',
      '--out',
      out,
    ]);
    expect([bad.status, bad.stderr]).toEqual([
      2,
      expect.stringContaining('--format must be one of'),
    ]);
  }, 120_000);

  it('import checks every row (exit 1, nothing written) and then imports a GB18030 call list into a case', async () => {
    const dir = copiedCliWorkspace('demo', path.join(makeTempDir(), 'demo'));
    const env = { QUANLIAN_PASSWORD: 'Quanlian@2026' };
    const run = async (args: string[]) =>
      await execCli([...args, '--workspace', dir, '--user', 'demo'], env);
    const folder = makeTempDir();
    const bad = path.join(folder, 'bad.csv');
    fs.writeFileSync(
      bad,
      iconv.encode(
        '主叫号码,被叫号码,通话时间,通话时长\n13912345678,13887654321,2026-03-05 14:23:11,60\n13912345678,1388,2026-03-05 14:25:00,60\n',
        'gb18030',
      ),
    );
    const refused = await run(['import', '--template', 'calls', '--file', bad]);
    expect([refused.status, refused.stdout]).toEqual([
      1,
      // Each problem as the import page says it: the line, the file's column, what is wrong.
      '2 rows, 1 valid, 1 with errors (nothing written; --skip-invalid imports the valid rows)\n有效行合计（可与文件的合计行核对）：主叫 1，被叫 0，呼转 0，短信发 0，短信收 0，上网及信令 0；通话总时长 0:01:00\n  第 3 行 被叫号码：号码格式不正确：“1388”\n',
    ]);
    // A file whose columns map to nothing: the columns it lacks named, as the wizard names them.
    const unknown = path.join(folder, 'unknown.csv');
    fs.writeFileSync(unknown, '甲,乙,丙\n1,2,3\n');
    const unmapped = await run(['import', '--template', 'calls', '--file', unknown]);
    expect([unmapped.status, unmapped.stderr]).toEqual([
      1,
      'error: 缺少必需的列：本机号码、对方号码、通话时间。请在列对应中指定。\n',
    ]);
    // A statement that says nowhere which way its money went: the user says it.
    const transfers = path.join(folder, 'transfers.csv');
    fs.writeFileSync(
      transfers,
      '账号,交易时间,交易金额,对方账号\n6228480398271645312,2026-04-01 10:00:00,100.00,6222020200112233445\n',
    );
    const importTransfers = (...more: string[]) =>
      run(['import', '--template', 'transactions', '--file', transfers, ...more]);
    const undirected = await importTransfers();
    expect([undirected.status, undirected.stderr]).toEqual([
      1,
      expect.stringContaining('error: 缺少必需的列：借贷标志'),
    ]);
    const directed = JSON.parse(
      (await importTransfers('--direction', 'in', '--dry-run', '--json')).stdout,
    );
    expect([directed.valid, directed.imported]).toEqual([1, false]);
    // A reversal and the transfer it undoes: said, neither counted.
    const reversed = path.join(folder, 'reversed.csv');
    fs.writeFileSync(
      reversed,
      '账号,交易时间,借贷标志,交易金额,对方账号,摘要\n6228480398271645312,2026-04-01 10:00:00,借,100.00,6222020200112233445,转账\n6228480398271645312,2026-04-01 10:05:00,贷,100.00,,冲正\n',
    );
    const cancelled = await run(['import', '--template', 'transactions', '--file', reversed]);
    expect([cancelled.status, cancelled.stdout.split('\n')[1]]).toEqual([
      0,
      'reversals (冲正) and the transfers they undo: 1 pairs, kept and not counted',
    ]);
    const badDirection = await importTransfers('--direction', 'up');
    expect([badDirection.status, badDirection.stderr]).toEqual([
      2,
      expect.stringContaining('--direction must be out or in'),
    ]);
    const good = path.join(folder, 'good.csv');
    fs.writeFileSync(
      good,
      iconv.encode(
        '主叫号码,被叫号码,通话时间,通话时长\n13912345678,13887654321,2026-03-05 14:23:11,60\n13912345678,13887654321,2026-03-05 15:00:00,00:02:00\n',
        'gb18030',
      ),
    );
    const dry = JSON.parse(
      (await run(['import', '--template', 'calls', '--file', good, '--dry-run', '--json'])).stdout,
    );
    expect([dry.encoding, dry.valid, dry.imported]).toEqual(['gb18030', 2, false]);
    // A dry run says how the columns were read and shows the rows as they would be imported.
    expect(dry.columns).toEqual({
      caller: '主叫号码',
      callee: '被叫号码',
      startedAt: '通话时间',
      duration: '通话时长',
    });
    expect(dry.sample.map((row: Record<string, string>) => row['durationSeconds'])).toEqual([
      '60',
      '120',
    ]);
    const done = JSON.parse(
      (
        await run([
          'import',
          '--template',
          'calls',
          '--file',
          good,
          '--case',
          'A3301052026030015',
          '--json',
        ])
      ).stdout,
    );
    expect(done.summary).toMatchObject({ rows: 2, entitiesCreated: 2, relationsCreated: 1 });
    const shown = JSON.parse((await run(['case', 'show', 'A3301052026030015', '--json'])).stdout);
    expect(JSON.stringify(shown)).toContain('13887654321');
  });

  it('stats --from --to gives the period figures as JSON and as XLSX; a bad date is a usage error', async () => {
    const dir = copiedCliWorkspace('demo', path.join(makeTempDir(), 'demo'));
    const env = { QUANLIAN_PASSWORD: 'Quanlian@2026' };
    const run = async (args: string[]) =>
      await execCli([...args, '--workspace', dir, '--user', 'demo'], env);
    const stats = JSON.parse(
      (await run(['stats', '--from', '2026-01-01', '--to', '2026-12-31', '--json'])).stdout,
    );
    // The demo: the meth case (公安部目标案件) is the drug case solved in 2026; the 笑气 case
    // (非法经营) is reported apart, and 笑气 is not 毒品.
    expect([
      stats.casesSolved,
      stats.substituteCasesSolved,
      stats.drugsMilligrams,
      stats.solvedBySupervision.ministry,
      stats.solvedBySupervision.city,
    ]).toEqual([1, 1, 26_177_700, 1, 0]);
    const out = path.join(makeTempDir(), 'stats.xlsx');
    const xlsx = await run([
      'stats',
      '--from',
      '2026-01-01',
      '--to',
      '2026-12-31',
      '--format',
      'xlsx',
      '--out',
      out,
    ]);
    expect(xlsx.status).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const bad = await run(['stats', '--from', '2026-13-01', '--to', '2026-12-31']);
    expect([bad.status, bad.stderr]).toEqual([2, expect.stringContaining('must be dates')]);
  });

  it('package export and import carry a case to another workspace; a wrong passphrase is refused', async () => {
    const dir = copiedCliWorkspace('demo', path.join(makeTempDir(), 'demo'));
    const other = copiedCliWorkspace('admin', path.join(makeTempDir(), 'other'));
    const file = path.join(makeTempDir(), 'case.qlpkg');
    const exported = await execCli(
      [
        'package',
        'export',
        '--workspace',
        dir,
        '--user',
        'demo',
        '--case',
        'A3301052026030015',
        '--out',
        file,
        '--json',
      ],
      { QUANLIAN_PASSWORD: 'Quanlian@2026', QUANLIAN_PACKAGE_PASSPHRASE: '协查口令-2026-11' },
    );
    expect(exported.status).toBe(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const importInto = async (passphrase: string, extra: string[] = []) =>
      await execCli(
        ['package', 'import', '--workspace', other, '--file', file, ...extra, '--json'],
        {
          QUANLIAN_PASSWORD: 'Admin#Pass2026',
          QUANLIAN_PACKAGE_PASSPHRASE: passphrase,
        },
      );
    const wrong = await importInto('not-the-passphrase');
    expect([wrong.status, JSON.parse(wrong.stdout).error.code]).toEqual([
      1,
      'package.wrongPassphrase',
    ]);
    const dry = JSON.parse((await importInto('协查口令-2026-11', ['--dry-run'])).stdout);
    expect([dry.review.caseNo, dry.summary]).toEqual(['A3301052026030015', null]);
    const done = JSON.parse((await importInto('协查口令-2026-11')).stdout);
    expect(done.summary.entitiesCreated).toBe(JSON.parse(exported.stdout).entities);
    const shown = await execCli(
      ['case', 'show', '--workspace', other, 'A3301052026030015', '--json'],
      {
        QUANLIAN_PASSWORD: 'Admin#Pass2026',
      },
    );
    expect(shown.status).toBe(0);
  }, 120_000);
});
