import { describe, expect, it } from 'vitest';
import { importFields, importTemplates } from '../../electron/api/domain/import-templates';
import { en } from '../../electron/api/i18n/en';
import { zhCN } from '../../electron/api/i18n/zh-CN';

describe('import field labels', () => {
  it('every field of every template is named in both languages (the wizard shows them)', () => {
    for (const [language, dictionary] of [
      ['zh-CN', zhCN],
      ['en', en],
    ] as const) {
      const labels = dictionary.import.fields as unknown as Record<string, Record<string, string>>;
      const missing = importTemplates.flatMap((template) =>
        importFields[template]
          .filter((field) => !labels[template]?.[field.key])
          .map((field) => `${language} ${template}.${field.key}`),
      );
      expect(missing).toEqual([]);
    }
  });
});
