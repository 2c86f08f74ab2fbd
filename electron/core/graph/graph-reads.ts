import type { GraphData } from '../../api/schemas/graph-schemas';
import type { Executor } from '../db/database-types';
import { assertCaseExists } from '../membership/case-guards';
import { chainAnalysis } from './chain-analysis';
import { caseGraph, subgraph } from './graph-data';

/** A case's chart; a missing case is `cases.notFound`, not an empty chart. */
export function checkedCaseGraph(db: Executor, caseId: string): GraphData {
  assertCaseExists(db, caseId);
  return caseGraph(db, caseId);
}

/** The chart an analysis runs on: the chosen entities, or the whole case. */
export function scopeGraph(
  db: Executor,
  scope: { caseId?: string; entityIds?: string[] },
): GraphData {
  return scope.entityIds ? subgraph(db, scope.entityIds) : checkedCaseGraph(db, scope.caseId!);
}

/** The case's supply chain by tier; a missing case is `cases.notFound`. */
export function checkedCaseChain(db: Executor, caseId: string) {
  assertCaseExists(db, caseId);
  return chainAnalysis(db, caseId);
}
