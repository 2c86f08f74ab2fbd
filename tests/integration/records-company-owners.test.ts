import { randomUUID } from 'node:crypto';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { pick, previewsOnNewWorkspace } from '../helpers/import-preview';

/**
 * A carrier's 用户资料 whose 机主 is a business (证件类型 营业执照, a 统一社会信用代码): refused
 * before, every such row, as an ID number that fails its check.
 */

const { core, planned } = previewsOnNewWorkspace();

const lines = [
  '机主姓名,证件类型,证件号码,手机号码,装机地址',
  '云南某某贸易有限公司,营业执照,91330108MA2H7K3Q51,13800138000,昆明市官渡区',
  '李某,居民身份证,530102199003070016,13900139000,昆明市五华区',
  '云南某某贸易有限公司,,91330108MA2H7K3Q51,13700137000,',
];

describe('a business as 机主', () => {
  it('a row under 营业执照, or with a credit code alone, is a company', async () => {
    const plan = await planned('persons', lines);
    expect(plan.problems).toEqual([]);
    expect(pick(plan.sample, ['name', 'idNumber', 'organisation'])).toEqual([
      ['云南某某贸易有限公司', '91330108MA2H7K3Q51', 'true'],
      ['李某', '530102199003070016', ''],
      ['云南某某贸易有限公司', '91330108MA2H7K3Q51', 'true'],
    ]);
  });

  it('imported: one company (its code twice) using two numbers, beside the person', async () => {
    await core().ok('import.commit', {
      fileName: '用户资料.csv',
      contentBase64: iconv.encode(lines.join('\r\n'), 'gb18030').toString('base64'),
      template: 'persons',
      importId: randomUUID(),
    });
    const companies = await core().ok('entities.list', { kinds: ['organisation'] });
    expect(companies.rows.map((row) => [row.label, row.identifier])).toEqual([
      ['云南某某贸易有限公司', '91330108MA2H7K3Q51'],
    ]);
    const detail = await core().ok('entities.get', { id: companies.rows[0]!.id });
    expect(detail.relations.map((relation) => relation.toLabel).sort()).toEqual([
      '13700137000',
      '13800138000',
    ]);
  });

  it('a bad credit code under 营业执照 is refused', async () => {
    const result = await core().call('import.preview', {
      fileName: 'x.csv',
      contentBase64: iconv
        .encode(
          [
            '机主姓名,证件类型,证件号码,手机号码',
            '某公司,营业执照,91330108MA2H7K3Q50,13800138000',
          ].join('\r\n'),
          'gb18030',
        )
        .toString('base64'),
      template: 'persons',
    });
    expect(result.ok && result.value.problems.map((problem) => problem.problem)).toEqual([
      'idNumber',
    ]);
  });

  it('a person’s name typed with spaces, and an ID number after its label', async () => {
    const plan = await planned('persons', [
      '姓名,身份证号,手机号码',
      '欧阳 娜娜,身份证：530102199003070016,13800138000',
      '张　三,,13900139000',
      'Aung San,,13700137000',
    ]);
    expect(pick(plan.sample, ['name', 'idNumber'])).toEqual([
      ['欧阳娜娜', '530102199003070016'],
      ['张三', null],
      ['Aung San', null],
    ]);
  });
});
