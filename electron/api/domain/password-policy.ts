/**
 * MLPS 2.0 level 3 expects complex passwords: here at least 8 characters drawn from at least
 * three of upper case, lower case, digits and symbols (Chinese characters count as symbols).
 */
const minimumPasswordLength = 8;

type PasswordProblem = 'tooShort' | 'tooSimple' | 'tooLong';

export function checkPasswordStrength(password: string): PasswordProblem | null {
  if (password.length < minimumPasswordLength) return 'tooShort';
  if (password.length > 256) return 'tooLong';
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z\d]/].filter((pattern) =>
    pattern.test(password),
  ).length;
  return classes >= 3 ? null : 'tooSimple';
}
