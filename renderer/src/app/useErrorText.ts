import { useTranslation } from 'react-i18next';
import { isApiCallError } from '../api/client';

/** Turns any error into a translated sentence; API errors by their stable code. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (!isApiCallError(error)) return t('errors.internal');
    const details = error.details;
    if (error.code === 'persons.invalidIdNumber') {
      const problem = String(details['problem'] ?? 'characters') as
        'length' | 'characters' | 'region' | 'birthDate' | 'checkDigit' | 'format';
      return t('errors.persons.invalidIdNumber', {
        reason: t(`idProblems.${problem}`, { expected: String(details['expectedCheck'] ?? '') }),
      });
    }
    // The key is built from the code; tests check every code has a translation in both locales.
    const translate = t as unknown as (key: string, options: Record<string, unknown>) => string;
    return translate(`errors.${error.code}`, details);
  };
}
