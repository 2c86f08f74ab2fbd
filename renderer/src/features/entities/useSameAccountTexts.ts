import { useTranslation } from 'react-i18next';
import { sameAccountTexts } from '../../../../electron/api/domain/same-account-text';
import type { SameAccounts } from '../../../../electron/api/schemas/same-account-schemas';

/**
 * What the 交易单号 say of nickname bills (`sameAccountTexts`) in the window's language: the
 * import's summary says the merge suggested, an account's page offers it as a button instead.
 * Nothing while there is nothing read yet (called before a page's early returns).
 */
export function useSameAccountTexts(found: SameAccounts | undefined, withMerge: boolean): string[] {
  const { t, i18n } = useTranslation();
  if (!found) return [];
  return sameAccountTexts(
    found,
    (line) => {
      switch (line.key) {
        case 'sameAccountTie':
          return t('import.sameAccountTie', line.values);
        case 'sameAccountPartyTie':
          return t('import.sameAccountPartyTie', line.values);
        case 'sameAccountMerge':
          return t('import.sameAccountMerge');
        case 'sameAccountUnsettled':
          return t('import.sameAccountUnsettled', line.values);
        case 'sameAccountPartyUnsettled':
          return t('import.sameAccountPartyUnsettled', line.values);
        case 'sameAccountHolder':
          return t('import.sameAccountHolder', line.values);
        case 'sameAccountOpposite':
          return t('import.sameAccountOpposite', line.values);
      }
    },
    i18n.language === 'en' ? 'en' : 'zh',
    withMerge,
  );
}
