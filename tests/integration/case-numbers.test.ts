import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorkspace, makeTestCore, type TestCore } from '../helpers/test-core';
import { zhCN } from '../../electron/api/i18n/zh-CN';
import { en } from '../../electron/api/i18n/en';

let c: TestCore;
afterEach(() => c?.dispose());

const fields = {
  title: '“3·15”贩卖毒品案',
  offenceType: 'trafficking',
  openedOn: '2026-03-15',
} as const;

/** The translated sentence the UI shows for an error (same interpolation as i18next). */
function say(template: string, details: Record<string, unknown>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => String(details[key]));
}

describe('document-style case numbers through the router', () => {
  it('stores the normalised number, finds it in any spelling, refuses it in another', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    const created = await c.ok('cases.create', { ...fields, caseNo: '滨公(禁)立字〔2026〕15号' });
    expect(created.caseNo).toBe('滨公（禁）立字〔2026〕15号');
    expect((await c.ok('cases.get', { id: created.id })).caseNo).toBe('滨公（禁）立字〔2026〕15号');
    // The chart's header reads the row alone: the same number and title, no members.
    expect(await c.ok('cases.row', { id: created.id })).toEqual(created);
    expect(await c.call('cases.row', { id: '01900000-0000-7000-8000-000000000000' })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'cases.notFound' }),
    });
    expect((await c.ok('cases.findByNumber', { caseNo: '滨公（禁）立字 [2026] 15号' })).id).toBe(
      created.id,
    );

    const again = await c.call('cases.create', {
      ...fields,
      title: '另一案',
      caseNo: '滨公（禁）立字[2026]15号',
    });
    expect(again).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'cases.duplicateCaseNo',
        details: {
          caseId: created.id,
          caseNo: '滨公（禁）立字〔2026〕15号',
          title: '“3·15”贩卖毒品案',
        },
      }),
    });
    if (again.ok) return;
    expect(say(zhCN.errors.cases.duplicateCaseNo, again.error.details ?? {})).toBe(
      '案件编号 滨公（禁）立字〔2026〕15号 已由案件““3·15”贩卖毒品案”使用（括号、空格写法不同视为同一编号）。',
    );
    expect(say(en.errors.cases.duplicateCaseNo, again.error.details ?? {})).toBe(
      'Case number 滨公（禁）立字〔2026〕15号 is already used by the case ““3·15”贩卖毒品案” (spellings that differ only in brackets or spaces are the same number).',
    );
    expect((await c.ok('cases.list', {})).total).toBe(1);

    // Renaming another case onto the number in a third spelling is refused the same way.
    const other = await c.ok('cases.create', {
      ...fields,
      title: '乙案',
      caseNo: 'a3301052026030016',
    });
    expect(other.caseNo).toBe('A3301052026030016');
    const renamed = await c.call('cases.update', {
      id: other.id,
      fields: { ...fields, title: '乙案', caseNo: '滨公 (禁) 立字【2026】15 号' },
    });
    expect(renamed).toMatchObject({
      ok: false,
      error: { code: 'cases.duplicateCaseNo', details: { caseId: created.id } },
    });
    // The A-number form with 22 digits is accepted.
    const long = await c.ok('cases.create', {
      ...fields,
      title: '丙案',
      caseNo: `a${'1'.repeat(22)}`,
    });
    expect(long.caseNo).toBe(`A${'1'.repeat(22)}`);
  });

  it('refuses a number in neither form', async () => {
    c = makeTestCore();
    await createTestWorkspace(c);
    for (const caseNo of ['滨公（禁）立字2026第15号', '立案15', 'A3301#1'])
      expect(await c.call('cases.create', { ...fields, caseNo })).toMatchObject({
        ok: false,
        error: { code: 'input.invalid' },
      });
    expect((await c.ok('cases.list', {})).total).toBe(0);
  });
});
