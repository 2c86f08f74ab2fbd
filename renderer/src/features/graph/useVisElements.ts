import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  chainTiers,
  legalStatuses,
  type ChainTier,
} from '../../../../electron/api/domain/person-vocabulary';
import { chainLevels, chainRowNames } from '../../../../electron/api/domain/chain-levels';
import { relationTypes } from '../../../../electron/api/domain/relation-types';
import {
  compactChartAbove,
  englishChartStatusNames,
  englishRelationShortNames,
  relationShortNames,
} from '../../../../electron/api/domain/chart-look';
import type { ClusterSpec } from './NetworkCanvas';
import { organisationMembers, type ChartState } from './chart-state';
import {
  parallelSmooth,
  toVisEdge,
  toVisNode,
  visibleEdgeIds,
  visibleNodeIds,
} from './graph-model';
import { labelImportance } from './label-importance';

export interface Highlight {
  nodeIds: Set<string>;
  edgeIds: Set<string>;
}

/**
 * The chart state as vis-network nodes, edges and clusters: filters, hiding and highlights
 * applied. Positions are not part of them (the canvas takes them apart): a layout arriving or
 * entities moved leave these elements as they are, so vis-network is not handed thousands of
 * unchanged elements to compare again.
 */
export function useVisElements(state: ChartState, highlight: Highlight | null) {
  const { t, i18n } = useTranslation();
  const {
    nodes: nodeMap,
    edges: edgeMap,
    filters,
    hidden,
    pinned,
    layout,
    communities,
    clusters,
  } = state;
  // Entities apart from relations: relations arriving after their entities (a saved view is
  // read in two) or changing leave the entities' elements as they were, not built again.
  const chainEdges = layout === 'chain' ? edgeMap : null;
  const entityPart = useMemo(() => {
    const nodes = Object.values(nodeMap);
    const visible = visibleNodeIds(nodes, filters);
    const hiddenIds = new Set(hidden);
    const pinnedIds = new Set(pinned);
    const shownNodes = nodes.filter((node) => visible.has(node.id) && !hiddenIds.has(node.id));
    const shownIds = new Set(shownNodes.map((node) => node.id));
    const dim = highlight !== null && highlight.nodeIds.size > 0;
    // The supply-chain layout puts each entity on the layer of its tier (recorded, or derived from supply relations).
    const chain = chainEdges ? chainLevels(nodes, Object.values(chainEdges)) : null;
    const compact = shownNodes.length > compactChartAbove;
    // Translated once per chart, not once per entity.
    // In English the chart's own short names (the UI's are up to four times as wide).
    const english = !i18n.language.startsWith('zh');
    const statusLabels = new Map(
      legalStatuses.map((status) => [
        status,
        english && status !== 'none'
          ? englishChartStatusNames[status]
          : t(`enums.legalStatus.${status}`),
      ]),
    );
    const visNodes = shownNodes.map((node) =>
      toVisNode(node, {
        level: chain?.levels.get(node.id),
        community: communities?.[node.id],
        highlighted: highlight?.nodeIds.has(node.id),
        dimmed: dim && !highlight!.nodeIds.has(node.id),
        statusLabel:
          node.legalStatus && node.legalStatus !== 'none'
            ? statusLabels.get(node.legalStatus)
            : undefined,
        pinned: pinnedIds.has(node.id),
        compact,
      }),
    );
    const levelLabels = chain
      ? chainRowNames(
          chain,
          Object.fromEntries(
            chainTiers.map((tier) => [tier, t(`enums.chainTier.${tier}`)]),
          ) as Record<ChainTier, string>,
          t('graph.chainUntiered'),
        )
      : undefined;
    return { visNodes, shownIds, compact, levelLabels, chainOwners: chain?.owners };
  }, [nodeMap, chainEdges, filters, hidden, pinned, communities, highlight, t, i18n.language]);

  return useMemo(() => {
    const { visNodes, shownIds, compact, levelLabels, chainOwners } = entityPart;
    const edges = Object.values(edgeMap);
    // Among the entities shown: the filters' entities less the hidden ones.
    const visible = visibleEdgeIds(edges, shownIds, filters);
    const dim = highlight !== null && highlight.nodeIds.size > 0;
    const typeLabels = new Map(
      relationTypes.map((type) => [type, t(`enums.relationType.${type}`)]),
    );
    // The words the printed chart puts on its lines.
    const shortNames = i18n.language.startsWith('zh')
      ? relationShortNames
      : englishRelationShortNames;
    const visEdges = edges
      .filter((edge) => visible.has(edge.id))
      .map((edge) =>
        toVisEdge(edge, typeLabels.get(edge.type)!, {
          highlighted: highlight?.edgeIds.has(edge.id),
          dimmed: dim && !highlight!.edgeIds.has(edge.id),
          compact,
          shortName: shortNames[edge.type],
        }),
      );
    if (!compact) {
      const bends = parallelSmooth(visEdges);
      for (const edge of visEdges) {
        const bend = bends.get(String(edge.id));
        if (bend) edge.smooth = bend;
      }
    }
    const clusterSpecs: ClusterSpec[] = clusters
      .filter((id) => shownIds.has(id))
      .map((id) => {
        const memberIds = organisationMembers({ edges: edgeMap }, id).filter((member) =>
          shownIds.has(member),
        );
        return { id, memberIds, label: `${nodeMap[id]!.label}（${memberIds.length + 1}）` };
      });
    // Whose names are drawn first when not all fit: among the entities and relations shown.
    const importance = labelImportance(
      Object.values(nodeMap).filter((node) => shownIds.has(node.id)),
      edges.filter((edge) => visible.has(edge.id)),
    );
    return { visNodes, visEdges, clusters: clusterSpecs, levelLabels, chainOwners, importance };
  }, [entityPart, nodeMap, edgeMap, filters, clusters, highlight, t, i18n.language]);
}
