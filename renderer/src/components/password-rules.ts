import type { FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkPasswordStrength } from '../../../electron/api/domain/password-policy';

/** Form rules for a new password (the policy core enforces) and for repeating it. */
export function usePasswordRules() {
  const { t } = useTranslation();
  const strong: FormRule[] = [
    { required: true },
    {
      validator: (_rule, value: string | undefined) => {
        const problem = value ? checkPasswordStrength(value) : null;
        return problem
          ? Promise.reject(new Error(t(`passwordProblems.${problem}`)))
          : Promise.resolve();
      },
    },
  ];
  const repeats = (field: string): FormRule[] => [
    { required: true },
    ({ getFieldValue }) => ({
      validator: (_rule, value) =>
        value === getFieldValue(field)
          ? Promise.resolve()
          : Promise.reject(new Error(t('workspace.passwordMismatch'))),
    }),
  ];
  return { strong, repeats };
}
