import type Database from 'better-sqlite3';
import type { GraphData } from '../../api/schemas/graph-schemas';

/**
 * The last case chart read, kept while the workspace has not changed: opening a chart reads it
 * (`graph.case`) and then reads it again for its supply chain (`graph.chain`); a 10,000-entity
 * chart takes ~0.7 s to read, all of it on the call queue. The stamp is this connection's count
 * of changed rows (`total_changes()`, any write) and `PRAGMA data_version` (a commit by any other
 * connection), so a chart is never served after a change. One chart; dropped when the session
 * locks, like the rows of a previewed import.
 */
let kept: { sqlite: Database.Database; caseId: string; stamp: string; chart: GraphData } | null =
  null;

function stampOf(sqlite: Database.Database): string {
  const changes = sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  return `${changes}:${sqlite.pragma('data_version', { simple: true }) as number}`;
}

export function cachedCaseGraph(
  sqlite: Database.Database,
  caseId: string,
  read: () => GraphData,
): GraphData {
  const stamp = stampOf(sqlite);
  if (kept && kept.sqlite === sqlite && kept.caseId === caseId && kept.stamp === stamp)
    return kept.chart;
  const chart = read();
  kept = { sqlite, caseId, stamp, chart };
  return chart;
}

export function forgetCaseGraph(): void {
  kept = null;
}
