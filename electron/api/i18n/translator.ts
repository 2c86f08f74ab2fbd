import type { Translate } from './error-text';
import { en } from './en';
import { zhCN } from './zh-CN';

/**
 * A translate function over the app's own dictionaries, for where i18next does not run (the
 * command line): a dotted key looked up, `{{name}}` filled; the key itself when missing, as
 * i18next does.
 */
export function translator(language: 'zh-CN' | 'en'): Translate {
  const dictionary: unknown = language === 'en' ? en : zhCN;
  return (key, options = {}) => {
    let found: unknown = dictionary;
    for (const part of key.split('.'))
      found =
        found && typeof found === 'object' ? (found as Record<string, unknown>)[part] : undefined;
    if (typeof found !== 'string') return key;
    return found.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, name: string) =>
      String(options[name] ?? ''),
    );
  };
}
