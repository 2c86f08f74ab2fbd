import type Database from 'better-sqlite3';
import type { GraphData } from '../../api/schemas/graph-schemas';
import type { Executor } from '../db/database-types';
import { assertCaseExists } from '../membership/case-guards';
import { cachedCaseGraph } from './case-graph-cache';
import { chainAnalysis } from './chain-analysis';
import { caseGraph, subgraph } from './graph-data';

/**
 * A case's chart; a missing case is `cases.notFound`, not an empty chart. With the session's
 * connection (`keepOn`), the chart is kept for the next read of the same unchanged case.
 */
export function checkedCaseGraph(
  db: Executor,
  caseId: string,
  keepOn?: Database.Database,
): GraphData {
  assertCaseExists(db, caseId);
  return keepOn
    ? cachedCaseGraph(keepOn, caseId, () => caseGraph(db, caseId))
    : caseGraph(db, caseId);
}

/** The chart an analysis runs on: the chosen entities, or the whole case. */
export function scopeGraph(
  db: Executor,
  scope: { caseId?: string; entityIds?: string[] },
): GraphData {
  return scope.entityIds ? subgraph(db, scope.entityIds) : checkedCaseGraph(db, scope.caseId!);
}

/** The case's supply chain by tier, on the chart just read if unchanged; a missing case is `cases.notFound`. */
export function checkedCaseChain(db: Executor, caseId: string, keepOn: Database.Database) {
  return chainAnalysis(db, caseId, checkedCaseGraph(db, caseId, keepOn));
}
