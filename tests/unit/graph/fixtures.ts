import type { GraphData, GraphEdge, GraphNode } from '../../../electron/api/schemas/graph-schemas';

export function node(id: string, extra: Partial<GraphNode> = {}): GraphNode {
  return {
    id,
    kind: 'person',
    label: id,
    identifier: null,
    legalStatus: null,
    roleInCase: 'suspect',
    chainTier: null,
    subtype: null,
    inCase: true,
    ...extra,
  };
}

export function edge(
  from: string,
  to: string,
  type: GraphEdge['type'] = 'calls',
  id = `${from}-${to}`,
  extra: Partial<GraphEdge> = {},
): GraphEdge {
  return {
    id,
    from,
    to,
    type,
    directed: true,
    startedOn: null,
    endedOn: null,
    amountFen: null,
    eventCount: null,
    messageCount: null,
    durationSeconds: null,
    reliability: null,
    credibility: null,
    source: null,
    caseId: null,
    caseNo: null,
    ...extra,
  };
}

export function graph(nodes: GraphNode[], edges: GraphEdge[]): GraphData {
  return { nodes, edges, truncated: false };
}
