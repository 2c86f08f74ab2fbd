import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../../../electron/api/i18n/en';
import { zhCN } from '../../../electron/api/i18n/zh-CN';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'quanlian.language';

/** The interface language is a preference, not case data: it may live in localStorage. */
function savedLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(storageKey);
  return saved === 'en' ? 'en' : 'zh-CN';
}

export function saveLanguage(language: Language): void {
  globalThis.localStorage?.setItem(storageKey, language);
}

export function initI18n(language: Language = savedLanguage()) {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
      lng: language,
      fallbackLng: 'zh-CN',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }
  return i18n;
}
