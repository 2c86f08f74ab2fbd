import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportTemplate } from '../../electron/api/domain/import-templates';
import { planImport } from '../../electron/core/io/import-plan';
import { readAndPlanSource, readTableSource } from '../../electron/core/io/table-file';

const fixtures = path.join(import.meta.dirname, '../fixtures/records');

/** The plan made in the parser thread is the plan made here, less the rows nobody needs. */
async function bothPlans(bytes: Uint8Array, template: ImportTemplate) {
  const { table, sha256 } = await readTableSource({ bytes });
  // The thread plans with the file's hash (it keys a bill owner known by a nickname alone).
  const here = planImport(table, template, { fileSha256: sha256 });
  const there = await readAndPlanSource({ bytes }, 'auto', template, {});
  return { here, there, sha256, table };
}

describe('an import planned in the parser thread', () => {
  it.each([
    // Each row checked as it is read; only the rejected rows kept.
    ['carrier-cdr.csv', 'calls'],
    ['second-sim-cdr.csv', 'calls'],
    ['bank-statement.csv', 'transactions'],
    ['alipay-bill.csv', 'transactions'],
    ['wechat-bill.csv', 'transactions'],
  ] as const)('%s: the same records, problems and rejected rows', async (name, template) => {
    const bytes = fs.readFileSync(path.join(fixtures, name));
    const { here, there, sha256, table } = await bothPlans(bytes, template);
    const rejected = new Set(here.problems.map((problem) => problem.line));
    expect(there.sha256).toBe(sha256);
    // The separator too: the rejected-rows file is written with it.
    expect(there.file).toEqual({
      format: table.format,
      encoding: table.encoding,
      separator: table.separator,
    });
    expect(table.separator).toBe(',');
    expect(there.plan).toEqual(here);
    expect(here.rows.map((row) => row.line)).toEqual([...rejected].sort((a, b) => a - b));
    expect(there.plan.data.records.length).toBe(here.data.records.length);
  });

  it('keeps every row of a seizure ledger (its holders are matched on the main thread)', async () => {
    const bytes = fs.readFileSync(path.join(fixtures, 'seizure-ledger.csv'));
    const { here, there } = await bothPlans(bytes, 'seizures');
    expect(there.plan).toEqual(here);
  });

  it('sends persons with their alias lists, and the refused rows as read', async () => {
    const csv =
      '姓名,身份证号,别名,手机号\n张三,530111199001011238,阿三、三哥,13800000001\n李四,1101011990030712,,\n王五,,五哥,1380000\n';
    const { here, there } = await bothPlans(Buffer.from(csv, 'utf8'), 'persons');
    expect(here.problems.map((problem) => [problem.line, problem.field])).toEqual([
      [3, 'idNumber'],
      [4, 'phone'],
    ]);
    expect(here.rows.map((row) => row.line)).toEqual([3, 4]);
    expect(there.plan.rows).toEqual(here.rows);
    expect(there.plan.data.records).toEqual(here.data.records);
  });

  it('refuses a file whose columns map to nothing, with the reason', async () => {
    await expect(
      readAndPlanSource({ bytes: Buffer.from('甲,乙\n1,2\n') }, 'auto', 'calls', {}),
    ).rejects.toMatchObject({ code: 'import.missingColumns' });
  });
});
