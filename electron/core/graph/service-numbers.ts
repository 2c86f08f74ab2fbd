import { isServicePhone } from '../../api/domain/identifiers';
import type { GraphData } from '../../api/schemas/graph-schemas';

/**
 * The chart without service numbers (10086, 95555, 400/800, SMS gateways) and their
 * relations. Call lists tie every target to them; drawn, those few numbers pull unrelated
 * targets together.
 */
export function withoutServiceNumbers(data: GraphData): GraphData {
  const dropped = new Set(data.nodes.filter(isServicePhone).map((node) => node.id));
  if (!dropped.size) return data;
  return {
    ...data,
    nodes: data.nodes.filter((node) => !dropped.has(node.id)),
    edges: data.edges.filter((edge) => !dropped.has(edge.from) && !dropped.has(edge.to)),
  };
}
