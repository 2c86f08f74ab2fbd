import { isAppError, storageError } from '../core/app-error';
import { errorText } from '../api/i18n/error-text';
import { translator } from '../api/i18n/translator';
import type { ApiError } from '../api/result';
import { cliIo } from './cli-io';

/** An error result of a procedure, carried to the CLI's error printer as it came. */
export class ProcedureError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export interface Secrets {
  /** The password of the acting user. */
  password(): string;
  /** A second password (the new user's, the new one), when the command needs it. */
  newPassword(): string;
  /** The passphrase of a case package (QUANLIAN_PACKAGE_PASSPHRASE, or the second line). */
  passphrase(): string;
}

/**
 * Passwords come from QUANLIAN_PASSWORD / QUANLIAN_NEW_PASSWORD, or with --password-stdin from
 * standard input (first line the password, second line the new password). Never from argv,
 * where other users of the machine could read them.
 */
export function readSecrets(fromStdin: boolean): Secrets {
  let lines: string[] | null = null;
  const stdinLines = () => {
    lines ??= cliIo().stdin().split(/\r?\n/);
    return lines;
  };
  const pick = (index: number, variable: string) => {
    const value = fromStdin ? stdinLines()[index] : cliIo().env[variable];
    if (!value) {
      throw new UsageError(
        fromStdin
          ? `Line ${index + 1} of standard input must hold a password`
          : `Set ${variable} or use --password-stdin`,
      );
    }
    return value;
  };
  return {
    password: () => pick(0, 'QUANLIAN_PASSWORD'),
    newPassword: () => pick(1, 'QUANLIAN_NEW_PASSWORD'),
    passphrase: () => pick(1, 'QUANLIAN_PACKAGE_PASSPHRASE'),
  };
}

export function requireOption(value: string | undefined, name: string): string {
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

export interface Output {
  json: boolean;
  /** Prints a result: JSON as is, or the text form. */
  result(value: unknown, text: string): void;
}

export function makeOutput(json: boolean): Output {
  return {
    json,
    result(value, text) {
      cliIo().stdout(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
    },
  };
}

export function describeError(
  error: unknown,
  language: 'zh-CN' | 'en' = 'zh-CN',
): {
  code: string;
  message: string;
  details?: unknown;
  /** What the window would say, in the language asked for (`--lang en`, else Chinese). */
  text?: string;
} {
  if (error instanceof ProcedureError) {
    const { code, details } = error.error;
    const words =
      details && typeof details === 'object' ? (details as Record<string, unknown>) : {};
    return { ...error.error, text: errorText(translator(language), code, words) };
  }
  if (error instanceof UsageError) return { code: 'usage', message: error.message };
  // Refused by the command itself before any procedure ran (a destination it cannot write).
  if (isAppError(error))
    return {
      ...error.toApiError(),
      text: errorText(translator(language), error.code, error.details),
    };
  const storage = storageError(error);
  if (storage)
    return {
      code: storage.code,
      message: storage.message,
      text: errorText(translator(language), storage.code),
    };
  return { code: 'internal', message: error instanceof Error ? error.name : 'Unknown error' };
}
