import type {
  ProcedureInput,
  ProcedureName,
  ProcedureOutput,
} from '../../../electron/api/contract';
import type { ErrorCode } from '../../../electron/api/error-codes';
import type { ApiError } from '../../../electron/api/result';
import { unpackResult } from '../../../electron/api/wire-tables';
import { getBridge } from './bridge';

/** A procedure's error result, thrown so react-query and forms can handle it. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.details = error.details ?? {};
  }
}

export function isApiCallError(error: unknown): error is ApiCallError {
  return error instanceof ApiCallError;
}

/** Calls a procedure and returns its value, or throws an ApiCallError. */
export async function invoke<P extends ProcedureName>(
  procedure: P,
  input: ProcedureInput<P>,
): Promise<ProcedureOutput<P>> {
  const result = unpackResult(await getBridge().invoke(procedure, input));
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}
