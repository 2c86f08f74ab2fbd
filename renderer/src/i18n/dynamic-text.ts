import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Text for a key built at run time (`enums.gender.${value}`), which the typed `t` cannot check.
 * The key is looked up in the language shown, then in the fallback language (Chinese); a key in
 * neither shows as `fallback`, by default the key itself, so a missing text is seen, not blank.
 * For plain texts only: no interpolation or plurals.
 */
export function useDynamicText(): (key: string, fallback?: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (key: string, fallback: string = key) => {
      for (const lng of i18n.languages.length ? i18n.languages : [language]) {
        const text: unknown = i18n.getResource(lng, 'translation', key);
        if (typeof text === 'string') return text;
      }
      return fallback;
    },
    [i18n, language],
  );
}
