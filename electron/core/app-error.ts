import type { ErrorCode } from '../api/error-codes';
import type { ApiError } from '../api/result';

/**
 * The one error type services throw on purpose. The router turns it into `{ ok: false, error }`.
 * Messages are English, for developers, and must never carry secrets or case data.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

const fullCodes = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);
const readOnlyCodes = new Set(['SQLITE_READONLY', 'EROFS']);

/**
 * A failure of the disk rather than of the program (SQLite or the file system ran out of
 * space, or cannot write), as the error the user is shown; null for anything else.
 */
export function storageError(error: unknown): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (fullCodes.has(code))
    return new AppError('storage.full', 'The disk is full; nothing was changed');
  if (readOnlyCodes.has(code) || code.startsWith('SQLITE_READONLY'))
    return new AppError('storage.readOnly', 'The workspace cannot be written to');
  return null;
}
