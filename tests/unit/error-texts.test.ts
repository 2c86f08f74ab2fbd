import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, type ErrorCode } from '../../electron/api/error-codes';
import { en } from '../../electron/api/i18n/en';
import { zhCN } from '../../electron/api/i18n/zh-CN';
import { errorText, type Translate } from '../../electron/api/i18n/error-text';

/** Details as the core sends them, one representative set per code that carries any. */
const sentDetails: Partial<Record<ErrorCode, Record<string, unknown>>> = {
  'auth.forbidden': { needed: 'lead' },
  'auth.lockedOut': { seconds: 30 },
  'auth.invalidCredentials': { failures: 2, lockedForSeconds: 0 },
  'auth.passwordTooWeak': { problem: 'tooSimple' },
  'workspace.inUse': { host: 'pc-01', since: '2026-03-01T08:00:00.000Z' },
  'cases.duplicateCaseNo': {
    caseId: '0190a0b0-0000-7000-8000-000000000001',
    caseNo: '滨公（禁）立字〔2026〕15号',
    title: '刘某军贩卖毒品案',
  },
  'cases.invalidTransition': { from: 'filed', to: 'closed' },
  'input.futureDate': { on: '2027-06-30', today: '2026-11-23' },
  'cases.dateBeforeFiling': {
    from: 'filed',
    to: 'investigating',
    on: '2026-03-01',
    openedOn: '2026-03-05',
  },
  'cases.mergeTargetMissing': { from: 'investigating', to: 'merged' },
  'cases.reasonRequired': { from: 'solved', to: 'investigating' },
  'persons.invalidIdNumber': { problem: 'checkDigit', idType: 'resident_id', expectedCheck: 'X' },
  'persons.duplicateIdNumber': { entityId: 'x', name: '刘某军', kind: 'person' },
  'entities.duplicateIdentifier': { entityId: 'x', name: '刘某军', kind: 'person' },
  'entities.referenceUnknown': { reference: '13800000000' },
  'entities.referenceAmbiguous': {
    reference: '李某',
    count: 2,
    candidates:
      '\n  李某  330106198503121231  0190a0b0-0000-7000-8000-000000000001' +
      '\n  李某  330106199204051231  0190a0b0-0000-7000-8000-000000000002',
  },
  'entities.invalidPhone': { problem: 'length' },
  'entities.invalidPlate': { problem: 'format' },
  'entities.ownerNotPerson': { kind: 'phone' },
  'seizures.invalidQuantity': { problem: 'precision' },
  'seizures.implausibleQuantity': { reason: 'aboveTenTonnes' },
  'relations.drugOnlyOnSupply': { type: 'kin' },
  'relations.drugIncomplete': { missing: 'drugType' },
  'relations.invalidQuantity': { problem: 'tooPrecise' },
  'attachments.corrupt': { chunk: 3 },
  'import.duplicateFile': { fileName: '三月话单', at: '2026-03-01 08:00' },
  'import.unclosedQuote': { line: 2 },
  'attachments.tooLarge': { limitBytes: 4 * 2 ** 30, limitMiB: 4096, sizeBytes: 5 * 2 ** 30 },
  'attachments.tooLargeToInline': { limitMiB: 64 },
  'graph.pathSearchStopped': { seconds: 10 },
  'import.missingColumns': { template: 'calls', fields: ['ownNumber', 'counterpart'] },
  'import.invalidRows': { count: 12 },
  'import.unknownField': { field: '通话地点' },
  'import.unknownHeader': { header: '对方号码（新）' },
  'import.webPage': { text: '系统错误：查询超时' },
  'import.ownNumberInvalid': { number: '1380013' },
  'import.ownAccountNotWeChatId': { account: '老王' },
  'import.ownNumberNotInList': { number: '13387650009' },
  'import.tooLarge': { limitMiB: 200 },
  'import.tooManyColumns': { limit: 200, line: 7 },
  'import.tooManyRows': { limit: 2000000, line: 2000001 },
  'import.tooManySheets': { limit: 400 },
  'import.noSheet': { sheet: 5 },
  'import.rejectedFolderMissing': { folder: 'D:\\案件材料\\被拒行' },
  'import.rejectedNotWritable': { path: 'D:\\案件材料\\被拒行.CSV' },
  'import.rejectedExists': { path: 'D:\\案件材料\\被拒行.CSV' },
  'import.rejectedIsSource': { path: 'D:\\案件材料\\话单.CSV' },
  'import.rejectedNotSaved': {
    importId: '0190a0b0-0000-7000-8000-000000000001',
    rows: 4,
    rejected: 2,
    path: 'D:\\案件材料\\被拒行.CSV',
  },
  'import.rejectedWriteFailed': { path: 'D:\\案件材料\\被拒行.CSV', reason: 'EBUSY' },
  'package.passphraseTooShort': { min: 12 },
  'package.caseExists': { caseNo: '滨公(禁)立字〔2026〕15号' },
  'package.tooLarge': { limitMiB: 512 },
  'package.invalidContent': { path: 'entities.3.kind', code: 'invalid_enum_value' },
  'package.conflict': { entityId: '0190a0b0-0000-7000-8000-000000000001' },
  'package.invalidRow': { list: 'seizures', row: 1, field: 'quantityValue' },
  'package.implausibleQuantity': { row: 1, quantity: '50000 kg', evidenceNo: null, count: 2 },
  'package.tooManyRows': { list: 'relations', count: 60_000, limit: 50_000 },
  'backup.corrupt': { failure: 'SQLITE_NOTADB' },
  'audit.broken': { ok: false, brokenAtSeq: 17, reason: 'hashMismatch' },
  'audit.exportTooLarge': { limit: 200_000 },
  'analytics.phoneNotFound': { phone: '13800138000' },
  'analytics.accountNotFound': { account: '6222020200112233445' },
  'analytics.entityNotFound': { entity: '0190a0b0-0000-7000-8000-000000000001' },
};

/** Latin words a Chinese user reads as they are: formats, programs, units, file names. */
const latinWordsAllowed = new Set([
  'MB',
  'CSV',
  'Excel',
  'PDF',
  'PNG',
  'Word',
  'Chromium',
  'IMEI',
  // A WeChat ID may be an older account's QQ number.
  'QQ',
]);
// The start of the WeChat IDs WeChat gives, as users see them.
const latinWordsAllowedText = ['workspace.json', 'wxid_'];

const translators: Record<'zh-CN' | 'en', Translate> = {} as never;

beforeAll(async () => {
  for (const [language, translation] of [
    ['zh-CN', zhCN],
    ['en', en],
  ] as const) {
    const instance = i18next.createInstance();
    await instance.init({
      resources: { [language]: { translation } },
      lng: language,
      interpolation: { escapeValue: false },
    });
    translators[language] = instance.t.bind(instance) as unknown as Translate;
  }
});

const cases = errorCodes.map((code) => [code, sentDetails[code] ?? {}] as const);

describe('refusals in the words of the domain', () => {
  it.each(cases)('%s reads as Chinese, with no identifier, code or JSON in it', (code, details) => {
    const text = errorText(translators['zh-CN'], code, details);
    expect(text).not.toBe(`errors.${code}`);
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text).not.toMatch(/\{\{|\}\}|[{}[\]"]/);
    let latin = text;
    for (const allowed of latinWordsAllowedText) latin = latin.replaceAll(allowed, '');
    // Single letters are data (a check digit X, plate letters I and O), not identifiers.
    const words = latin.match(/[A-Za-z][A-Za-z_.]+/g) ?? [];
    expect(words.filter((word) => !latinWordsAllowed.has(word))).toEqual([]);
  });

  it.each(cases)('%s reads as English, with no Chinese or identifier of ours', (code, details) => {
    const text = errorText(translators.en, code, details);
    expect(text).not.toBe(`errors.${code}`);
    expect(text).not.toMatch(/\{\{|\}\}|[{}[\]"]/);
    // Chinese may only come from the user's own data (names, headers, case numbers).
    const own = Object.values(details).filter((value) => typeof value === 'string') as string[];
    let rest = text;
    for (const value of own) if (/[\u4e00-\u9fff]/.test(value)) rest = rest.replaceAll(value, '');
    expect(rest).not.toMatch(/[\u4e00-\u9fff]/);
    expect(rest).not.toMatch(/\b[a-z]+_[a-z_]+\b|\b[a-z]+[A-Z][A-Za-z]*\b/);
  });

  it('the refused status change names the statuses in Chinese and the dates it compared', () => {
    const zh = translators['zh-CN'];
    expect(errorText(zh, 'cases.invalidTransition', { from: 'filed', to: 'closed' })).toBe(
      '案件状态不能从“立案”变更为“结案”。',
    );
    expect(errorText(zh, 'cases.dateBeforeFiling', sentDetails['cases.dateBeforeFiling'])).toBe(
      '侦查日期（2026-03-01）早于立案日期（2026-03-05），请填写立案日期当天或之后的日期。',
    );
    expect(
      errorText(translators.en, 'cases.dateBeforeFiling', sentDetails['cases.dateBeforeFiling']),
    ).toBe(
      'The date of “Investigating” (2026-03-01) is before the filing date (2026-03-05). Enter the filing date or a later one.',
    );
  });

  it('a refusal by role names the role needed, and reads whole without one', () => {
    expect(errorText(translators['zh-CN'], 'auth.forbidden', { needed: 'lead' })).toBe(
      '当前账号的角色无权执行此操作：需要“负责人”或更高的角色。',
    );
    expect(errorText(translators.en, 'auth.forbidden', { needed: 'admin' })).toBe(
      'Your role does not allow this: it needs “Administrator” or a higher role.',
    );
    expect(errorText(translators['zh-CN'], 'auth.forbidden')).toBe(
      '当前账号的角色无权执行此操作。',
    );
  });

  it('a package row refused is named by its list and its row, counted from 1', () => {
    const details = sentDetails['package.invalidRow'];
    expect(errorText(translators['zh-CN'], 'package.invalidRow', details)).toBe(
      '协查包中缴获第 1 条记录不符合本系统的录入规则（如数量与单位不符、状态或身份取值无效、日期先后颠倒），未导入任何数据。',
    );
    expect(
      errorText(translators.en, 'package.invalidRow', { list: 'case', row: 1, field: 'solvedOn' }),
    ).toBe(
      'Record 1 of the package’s case details breaks the entry rules (a quantity that does not match its unit, an unknown status or role, dates out of order); nothing was imported.',
    );
  });

  it('missing import columns are named by their column titles', () => {
    const details = sentDetails['import.missingColumns'];
    expect(errorText(translators['zh-CN'], 'import.missingColumns', details)).toBe(
      '缺少必需的列：本机号码、对方号码。请在列对应中指定。',
    );
  });
});
