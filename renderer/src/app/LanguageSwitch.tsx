import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { languages, saveLanguage, type Language } from '../i18n';

const names: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Select<Language>
      aria-label={t('common.language')}
      data-testid="language-switch"
      variant="borderless"
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      options={languages.map((language) => ({ value: language, label: names[language] }))}
      onChange={(language) => {
        saveLanguage(language);
        void i18n.changeLanguage(language);
      }}
      style={{ width: 104 }}
    />
  );
}
