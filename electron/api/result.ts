import type { ErrorCode } from './error-codes';

/** The error half of every procedure result. `code` is stable; the UI translates it. */
export interface ApiError {
  code: ErrorCode;
  /** English, developer-facing, never contains secrets or case data. */
  message: string;
  details?: Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
