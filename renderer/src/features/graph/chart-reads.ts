import type { GraphData, GraphEdge } from '../../../../electron/api/schemas/graph-schemas';
import { invoke } from '../../api/client';

/** Where a chart comes from: a case, one entity's neighbourhood, or a saved view. */
export interface ChartSource {
  caseId?: string;
  entityId?: string;
  viewId?: string;
}

type Positions = Record<string, { x: number; y: number }>;

/** The reads that open a chart, asked at once: a saved view in two (its entities, then its relations). */
type ChartReads =
  | {
      kind: 'view';
      opening: ReturnType<typeof openView>;
      relations: Promise<GraphEdge[]>;
    }
  | {
      kind: 'chart';
      data: Promise<GraphData & { layoutId?: string }>;
      /**
       * A large case chart's positions from the layout its read started, asked for as soon as
       * the read names it; null when it started none or no longer keeps it.
       */
      laidOut?: Promise<Positions | null>;
    };

const answers = new WeakMap<Promise<unknown>, unknown>();

/** Keeps a read's answer once it comes, for `answered`. */
function noting<T>(read: Promise<T>): Promise<T> {
  read.then(
    (value) => answers.set(read, value),
    () => undefined,
  );
  return read;
}

/**
 * A read's answer if it has come already (a window opening on a chart reads it while its code
 * loads: by the time the chart page takes the reads they may all be in, and the chart is then
 * built and drawn once rather than in steps).
 */
export function answered<T>(read: Promise<T> | undefined): { value: T } | undefined {
  return read && answers.has(read) ? { value: answers.get(read) as T } : undefined;
}

function openView(id: string) {
  return invoke('graph.views.open', { id });
}

function readChart(source: ChartSource): ChartReads {
  if (source.viewId) {
    const id = source.viewId;
    // In this order: the router answers the entities first, and the chart builds them
    // (without drawing) while the relations are read.
    const opening = openView(id);
    const relations = noting(invoke('graph.views.relations', { id }));
    relations.catch(() => undefined); // a missing view is reported by `opening`
    return { kind: 'view', opening, relations };
  }
  if (source.caseId) {
    const caseId = source.caseId;
    // The case chart's read starts a large chart's layout in the layout thread at once.
    const data = invoke('graph.case', { caseId, layoutAhead: true });
    const laidOut = noting(
      data.then((chart) =>
        chart.layoutId ? invoke('graph.layoutAhead', { layoutId: chart.layoutId }) : null,
      ),
    );
    laidOut.catch(() => undefined); // a refused read is reported by `data`
    return { kind: 'chart', data, laidOut };
  }
  return {
    kind: 'chart',
    data: invoke('graph.neighbourhood', { entityIds: [source.entityId!], hops: 1 }),
  };
}

/** One string per chart source: the same chart, the same key. */
export const chartSourceKey = (source: ChartSource) =>
  `${source.caseId ?? ''}|${source.entityId ?? ''}|${source.viewId ?? ''}`;

/** The chart named by the chart page's address parameters (`case`, `entity`, `view`). */
export function chartSourceOf(params: URLSearchParams): ChartSource {
  return {
    caseId: params.get('case') ?? undefined,
    entityId: params.get('entity') ?? undefined,
    viewId: params.get('view') ?? undefined,
  };
}

/** The chart named by a window address (`#/graph?case=…`), or null for any other page. */
export function chartSourceAt(hash: string): ChartSource | null {
  const match = /^#\/graph\?(.*)$/.exec(hash);
  if (!match) return null;
  const source = chartSourceOf(new URLSearchParams(match[1]));
  return source.caseId || source.entityId || source.viewId ? source : null;
}

/** Reads started before the chart page asked; kept for one taker, briefly. */
let started: { key: string; reads: ChartReads; at: number } | null = null;
const keptMs = 30_000;

/**
 * Starts a chart's reads ahead of its page: a window that opens on a chart's address reads it
 * while its own code loads and the shell first renders (~0.8 s on this machine), instead of after.
 */
export function startChartReads(source: ChartSource): void {
  const reads = readChart(source);
  // Refusals reach the page when it takes the reads; one never taken is not an unhandled error.
  (reads.kind === 'view' ? reads.opening : reads.data).catch(() => undefined);
  started = { key: chartSourceKey(source), reads, at: Date.now() };
}

/** The chart's reads: those started ahead for this chart, once, or new ones. */
export function takeChartReads(source: ChartSource): ChartReads {
  const ahead = started;
  started = null;
  if (ahead && ahead.key === chartSourceKey(source) && Date.now() - ahead.at < keptMs)
    return ahead.reads;
  return readChart(source);
}

/** Drops reads started ahead (at lock: no case data stays in the window's memory). */
export function forgetChartReads(): void {
  started = null;
}
