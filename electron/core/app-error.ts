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
