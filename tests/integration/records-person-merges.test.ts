import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace, workbookBase64 } from '../helpers/import-preview';

/**
 * A person list as units keep it in Excel: one person's name (and ID) merged down over the rows
 * of each of his phones. Each row had become a person of that name.
 */

const { core, plannedWorkbook, previewWorkbook } = previewsOnNewWorkspace();

const head = ['姓名', '身份证号', '手机号码'];

describe('person lists with merged cells', () => {
  it('a name merged over three phone rows is one person with three phones', async () => {
    const plan = await plannedWorkbook('persons', [
      {
        rows: [
          ['姓名', '身份证号', '手机号码', '备注'],
          ['张三', '', '13800138000', ''],
          ['', '', '13900139000', ''],
          ['', '', '13700137000', ''],
          ['李四', '', '13600136000', ''],
        ],
        merges: ['A2:A4'],
      },
    ]);
    expect(plan.validCount).toBe(4);
    expect(pick(plan.sample, ['name', 'phones'])).toEqual([
      ['张三', '13800138000、13900139000、13700137000'],
      ['李四', '13600136000'],
    ]);
  });

  it('imported, the merged rows make one person using three phones', async () => {
    const done = await core().ok('import.commit', {
      fileName: '人员.xlsx',
      contentBase64: await workbookBase64([
        {
          rows: [
            head,
            ['张三', '', '13800138000'],
            ['', '', '13900139000'],
            ['', '', '13700137000'],
          ],
          merges: ['A2:A4'],
        },
      ]),
      template: 'persons',
      importId: randomUUID(),
    });
    expect([done.rows, done.entitiesCreated]).toEqual([3, 4]);
    const people = await core().ok('entities.list', { kinds: ['person'] });
    expect(people.rows.map((person) => person.label)).toEqual(['张三']);
  });

  it('a row under a refused one, its name merged with it, is refused with it', async () => {
    const result = await previewWorkbook('persons', [
      {
        rows: [
          head,
          ['张三', '530102199001011234', '13800138000'],
          ['', '', '13900139000'],
          ['李四', '', '13600136000'],
        ],
        merges: ['A2:A3'],
      },
    ]);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.problems.map((problem) => [problem.line, problem.problem])).toEqual([
      [2, 'idNumber'],
      [3, 'mergedPerson'],
    ]);
    expect(result.value.validCount).toBe(1);
  });

  it('two documents under one merged name are two people', async () => {
    const plan = await plannedWorkbook('persons', [
      {
        rows: [
          head,
          ['张三', '11010519491231002X', '13800138000'],
          ['', '110105198001010016', '13900139000'],
        ],
        merges: ['A2:A3'],
      },
    ]);
    expect(pick(plan.sample, ['idNumber', 'phones'])).toEqual([
      ['11010519491231002X', '13800138000'],
      ['110105198001010016', '13900139000'],
    ]);
  });

  it('a second address on a continuing row is kept beside the first', async () => {
    const plan = await plannedWorkbook('persons', [
      {
        rows: [
          ['姓名', '手机号码', '现住址'],
          ['张三', '13800138000', '昆明市五华区'],
          ['', '13900139000', '昆明市盘龙区'],
          ['', '13700137000', '昆明市五华区'],
        ],
        merges: ['A2:A4'],
      },
    ]);
    expect(pick(plan.sample, ['name', 'address'])).toEqual([
      ['张三', '昆明市五华区；昆明市盘龙区'],
    ]);
  });

  it('two sexes or two birth dates under one merged name are two people', async () => {
    const plan = await plannedWorkbook('persons', [
      {
        rows: [
          ['姓名', '性别', '出生日期', '手机号码'],
          ['张伟', '男', '1985-03-02', '13800138000'],
          ['', '女', '1999-11-20', '13900139000'],
          ['', '', '', '13700137000'],
        ],
        merges: ['A2:A4'],
      },
    ]);
    expect(pick(plan.sample, ['name', 'gender', 'birthDate', 'phones'])).toEqual([
      ['张伟', 'male', '1985-03-02', '13800138000'],
      ['张伟', 'female', '1999-11-20', '13900139000、13700137000'],
    ]);
  });
});
