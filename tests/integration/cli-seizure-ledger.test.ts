import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { execCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/test-core';

describe('CLI import --template seizures', () => {
  it('checks the ledger (unknown drug named with a guess), imports the valid rows into the case, and imports delete takes them out', async () => {
    const dir = path.join(makeTempDir(), 'demo');
    expect((await execCli(['seed-demo', '--workspace', dir])).status).toBe(0);
    const env = { QUANLIAN_PASSWORD: 'Quanlian@2026' };
    const run = async (args: string[]) =>
      await execCli([...args, '--workspace', dir, '--user', 'demo'], env);
    const file = path.join(makeTempDir(), '扣押清单.csv');
    fs.writeFileSync(
      file,
      [
        '物品名称,数量,缴获时间,持有人,扣押清单号',
        '冰毒,26.5克,2026-06-28 22:10,李某华,KY-2026-031',
        '冰du,3g,2026-06-28 22:20,李某华,KY-2026-032',
        '麻古,120粒,2026-06-28 22:30,,KY-2026-033',
      ].join('\n'),
    );
    const ledger = ['import', '--template', 'seizures', '--file', file];
    // Without a case column, the case is named on the command line.
    const noCase = await run([...ledger, '--json']);
    expect([noCase.status, JSON.parse(noCase.stdout).error.code]).toEqual([
      1,
      'import.caseRequired',
    ]);
    const withCase = [...ledger, '--case', 'A3301052026030015'];
    const refused = await run(withCase);
    expect([refused.status, refused.stdout]).toEqual([
      1,
      '3 rows, 2 valid, 1 with errors (nothing written; --skip-invalid imports the valid rows)\n' +
        '  第 3 行 物品名称：物品名称无法识别：“冰du”（是否为：甲基苯丙胺（冰毒）？）\n',
    ]);
    const done = JSON.parse((await run([...withCase, '--skip-invalid', '--json'])).stdout);
    expect(done).toMatchObject({
      rows: 3,
      valid: 2,
      rejected: 1,
      imported: true,
      problems: [
        {
          line: 3,
          field: 'drug',
          problem: 'drug',
          value: '冰du',
          suggestions: ['甲基苯丙胺（冰毒）'],
        },
      ],
      summary: { template: 'seizures', rows: 2, rejectedRows: 1, seizuresCreated: 2 },
      rejectedFile: `${file}.rejected.csv`,
    });
    expect(fs.readFileSync(done.rejectedFile, 'utf8')).toBe(
      '\ufeff物品名称,数量,缴获时间,持有人,扣押清单号,原行号,原因\r\n' +
        '冰du,3g,2026-06-28 22:20,李某华,KY-2026-032,3,物品名称：物品名称无法识别（是否为：甲基苯丙胺（冰毒）？）\r\n',
    );
    const listed = JSON.parse((await run(['imports', 'list', '--json'])).stdout);
    expect(listed[0]).toMatchObject({ template: 'seizures', rowCount: 2, rejectedCount: 1 });
    const deleted = JSON.parse(
      (await run(['imports', 'delete', '--id', listed[0].id, '--json'])).stdout,
    );
    expect(deleted).toMatchObject({ seizures: 2, entitiesDeleted: 0 });
  }, 180_000);
});
