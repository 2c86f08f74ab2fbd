import type { GraphData } from '../schemas/graph-schemas';
import { chainLabelBox, chainPositions } from './chain-layout';
import { chainLevels, chainRowNames } from './chain-levels';
import { chartLabelSize, chartNodeLabel, chartNodeRadius, compactChartAbove } from './chart-look';
import type { ChainTier, LegalStatus } from './person-vocabulary';

/** The words a laid-out chain carries: tier names, the untiered row's name, legal statuses. */
export interface ChainWords {
  tierName: Record<ChainTier, string>;
  untieredName: string;
  legalStatusName: Record<LegalStatus, string>;
}

/**
 * A whole case chart in the supply-chain layout, as the chart page lays it out with every entity
 * shown (useVisElements → NetworkCanvas): the same levels and owners, icon radii, and name boxes
 * (the name as drawn, its legal status on a second line); with each row's name at its y, as the
 * page's print hands them to `graph.export`. The command line prints a case with it, so its
 * picture is the app's.
 */
export function caseChainLayout(
  chart: Pick<GraphData, 'nodes' | 'edges'>,
  words: ChainWords,
  /** The room's shape beside the row names, given their column's width (chainPositions). */
  aspectBeside?: (rowNames: string[]) => number,
): {
  positions: Record<string, { x: number; y: number }>;
  tiers: { y: number; name: string }[];
} {
  const chain = chainLevels(chart.nodes, chart.edges);
  const names = chainRowNames(chain, words.tierName, words.untieredName);
  const compact = chart.nodes.length > compactChartAbove;
  const placement = chainPositions(
    chart.nodes.map((node) => {
      const status =
        node.legalStatus && node.legalStatus !== 'none'
          ? words.legalStatusName[node.legalStatus]
          : undefined;
      return {
        id: node.id,
        level: chain.levels.get(node.id) ?? Number.MAX_SAFE_INTEGER,
        owner: chain.owners.get(node.id),
        radius: chartNodeRadius(node.kind, compact),
        ...chainLabelBox(chartNodeLabel(node.label, status), chartLabelSize(node.kind)),
      };
    }),
    chart.edges,
    aspectBeside?.(Object.values(names)),
  );
  const tiers = Object.entries(names).flatMap(([level, name]) => {
    const y = placement.rows.get(Number(level));
    return y === undefined ? [] : [{ y: Math.round(y), name }];
  });
  return { positions: placement.positions, tiers };
}
