import { useTranslation } from 'react-i18next';
import { isApiCallError } from '../api/client';
import { errorText, type Translate } from '../../../electron/api/i18n/error-text';

/** Turns any error into a translated sentence; API errors by their stable code. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  // Keys are built from codes; a test walks every code in both locales.
  const translate = t as unknown as Translate;
  return (error) =>
    isApiCallError(error)
      ? errorText(translate, error.code, error.details)
      : translate('errors.internal');
}
