import {
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type {
  ProcedureInput,
  ProcedureName,
  ProcedureOutput,
} from '../../../electron/api/contract';
import { invoke, type ApiCallError } from './client';

/** Query keys start with the procedure's area, so a write to an area refreshes its reads. */
export function procedureKey<P extends ProcedureName>(procedure: P, input?: ProcedureInput<P>) {
  const [area] = procedure.split('.');
  return input === undefined ? [area, procedure] : [area, procedure, input];
}

export function useProcedure<P extends ProcedureName>(
  procedure: P,
  input: ProcedureInput<P>,
  options: Omit<UseQueryOptions<ProcedureOutput<P>, ApiCallError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<ProcedureOutput<P>, ApiCallError>({
    queryKey: procedureKey(procedure, input),
    queryFn: () => invoke(procedure, input),
    ...options,
  });
}

/** Areas whose reads may change after a write to any area. */
const alwaysRefreshed = ['stats', 'audit'];

export function useProcedureMutation<P extends ProcedureName>(
  procedure: P,
  options: Omit<
    UseMutationOptions<ProcedureOutput<P>, ApiCallError, ProcedureInput<P>>,
    'mutationFn'
  > & {
    /** Other areas this write changes, e.g. a person added to a case changes `entities`. */
    alsoRefreshes?: string[];
  } = {},
) {
  const queryClient = useQueryClient();
  const { alsoRefreshes = [], onSuccess, ...rest } = options;
  return useMutation<ProcedureOutput<P>, ApiCallError, ProcedureInput<P>>({
    mutationFn: (input) => invoke(procedure, input),
    onSuccess: async (...args) => {
      const [area] = procedure.split('.');
      await Promise.all(
        [area, ...alsoRefreshes, ...alwaysRefreshed].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      );
      await onSuccess?.(...args);
    },
    ...rest,
  });
}
