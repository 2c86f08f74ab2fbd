import type { Edge, Node } from 'vis-network/peer';
import type { EntityKind } from '../../../../electron/api/domain/entity-kinds';
import type { LegalStatus } from '../../../../electron/api/domain/person-vocabulary';
import { isServicePhone } from '../../../../electron/api/domain/identifiers';
import { sourceReliabilities } from '../../../../electron/api/domain/relation-types';
import type {
  GraphEdge,
  GraphNode,
  GraphViewState,
} from '../../../../electron/api/schemas/graph-schemas';
import {
  chartLabelSize,
  chartNodeLabel,
  chartNodeRadius,
  relationStyles,
} from '../../../../electron/api/domain/chart-look';
import { kindColours, kindIcon } from './node-icons';

export { relationStyles };

/**
 * Border colour of a person by legal status: at large is red and thick; every status its own
 * hue (取保候审 and 监视居住 had shared one yellow, 逮捕 been a darker 在逃 red, 起诉 and 判决 two
 * purples), so a glance at the rings tells them apart.
 */
export const legalStatusColours: Partial<Record<LegalStatus, string>> = {
  at_large: '#dc2626',
  detained: '#f97316',
  arrested: '#1f2937',
  bail: '#eab308',
  residential_surveillance: '#0d9488',
  prosecuted: '#7c3aed',
  sentenced: '#1d4ed8',
};

/** A highlighted (found) path's rings and lines, and a selected entity's ring. */
export const highlightColour = '#facc15';

/** A found path's relation names: the highlight's hue dark enough to read on white. */
export const pathLabelColour = '#854d0e';

/** Entities' names on the chart. */
export const nodeLabelColour = '#1f2937';

/**
 * Colours for suggested gangs (communities), cycled: none a legal status's or near one (the
 * ring's orange had read as 刑事拘留 on plain members, its yellow as 取保候审 on a witness).
 */
const communityColours = ['#06b6d4', '#84cc16', '#ec4899', '#92400e', '#16a34a', '#64748b'];

/** The ring colour of a community's entities, as the community list shows it (its legend). */
export function communityColour(community: number): string {
  return communityColours[community % communityColours.length]!;
}

interface NodeLook {
  /** Row of the supply-chain layout (chain-layout), upstream first. */
  level?: number;
  community?: number;
  highlighted?: boolean;
  dimmed?: boolean;
  statusLabel?: string;
  pinned?: boolean;
  /** Large charts: a coloured dot per entity instead of an icon, so thousands draw quickly. */
  compact?: boolean;
}

/** A chart node for vis-network: kind icon, legal status ring, Chinese label, tooltip text. */
export function toVisNode(node: GraphNode, look: NodeLook = {}): Node {
  const statusColour = node.legalStatus ? legalStatusColours[node.legalStatus] : undefined;
  // A legal status keeps its ring in the community circles too (the legend says borders are
  // status: 在逃 had turned a community's green); the others take their community's colour.
  const ring =
    statusColour ?? (look.community !== undefined ? communityColour(look.community) : '#cbd5e1');
  const lines = [
    node.label,
    node.identifier && node.identifier !== node.label ? node.identifier : null,
    look.statusLabel,
  ].filter(Boolean);
  return {
    id: node.id,
    // Long names are cut with an ellipsis; the tooltip carries the full text.
    label: chartNodeLabel(node.label, look.statusLabel),
    // A string title is shown as text by vis-network, never as HTML.
    title: lines.join('\n'),
    ...(look.compact
      ? { shape: 'dot', size: chartNodeRadius(node.kind, true) }
      : {
          shape: 'circularImage',
          image: kindIcon(node.kind),
          size: chartNodeRadius(node.kind, false),
        }),
    borderWidth: look.highlighted ? 6 : statusColour || look.community !== undefined ? 4 : 2,
    color: {
      border: look.highlighted ? highlightColour : ring,
      background: look.compact ? kindColours[node.kind] : '#ffffff',
      highlight: {
        border: highlightColour,
        background: look.compact ? kindColours[node.kind] : '#ffffff',
      },
    },
    // Face and halo are chart-wide options (NetworkCanvas); per entity only what differs.
    font: {
      size: chartLabelSize(node.kind),
      color: look.dimmed ? '#cbd5e1' : nodeLabelColour,
    },
    opacity: look.dimmed ? 0.25 : 1,
    level: look.level,
    fixed: look.pinned ? { x: true, y: true } : false,
  };
}

/**
 * Width of a money relation by the amount it carried (i2's weighted links): 1.5 × the decimal
 * order of the yuan, between 1.5 and 10 (100 yuan 3, 10,000 yuan 6, 1,000,000 yuan 9);
 * other relations, and money without an amount, by their type.
 */
function edgeWidth(edge: GraphEdge): number {
  const base = relationStyles[edge.type].width;
  if (edge.type !== 'finances' || !edge.amountFen || edge.amountFen <= 0) return base;
  const scaled = Math.log10(Math.max(1, edge.amountFen / 100)) * 1.5;
  return Math.min(10, Math.max(1.5, Math.round(scaled * 10) / 10));
}

/** A relation for vis-network: colour and dashes by type, arrow when directed, grading in the tooltip. */
export function toVisEdge(
  edge: GraphEdge,
  typeLabel: string,
  look: {
    highlighted?: boolean;
    dimmed?: boolean;
    compact?: boolean;
    /** The short name drawn on the line (供货, 亲属), the type's full name in the tooltip. */
    shortName?: string;
  } = {},
): Edge {
  const style = relationStyles[edge.type];
  const grading =
    edge.reliability || edge.credibility
      ? ` ${edge.reliability ?? '?'}${edge.credibility ?? '?'}`
      : '';
  const period =
    edge.startedOn || edge.endedOn ? `\n${edge.startedOn ?? '…'} ~ ${edge.endedOn ?? '…'}` : '';
  const count = edge.eventCount ? ` ×${edge.eventCount}` : '';
  const recordedIn = edge.caseNo ? `\n${edge.caseNo}` : '';
  return {
    id: edge.id,
    from: edge.from,
    to: edge.to,
    // Large charts keep colour and the direction of supply; labels, dashes and other arrows
    // cost more to draw than they tell when thousands are on screen.
    // Shorthands ('to', a colour string) where they say the same: vis-network builds an option
    // object per nested object, which counts with 30,000 relations.
    arrows: edge.directed && (!look.compact || edge.type === 'supplies') ? 'to' : undefined,
    dashes: look.compact ? false : style.dashes,
    width: look.highlighted ? edgeWidth(edge) + 3 : edgeWidth(edge),
    color:
      look.highlighted || look.dimmed
        ? {
            color: look.highlighted ? highlightColour : style.color,
            opacity: look.dimmed ? 0.15 : 0.9,
            highlight: highlightColour,
          }
        : style.color,
    // Every relation named on the line (the declutter draws those that fit at a legible size);
    // only supply and money had been, so 亲属 and 同住 between the same pair were never told apart.
    label: look.compact ? undefined : (look.shortName ?? typeLabel),
    title: `${typeLabel}${count}${grading}${period}${recordedIn}${edge.source ? `\n${edge.source}` : ''}`,
  };
}

/**
 * Bends for relations that share a pair of entities, so each is drawn apart with its label
 * readable: offsets −k … +k around the straight line, the side taken from the pair's
 * canonical order so that A→B and B→A do not land on the same curve. Single relations keep
 * the chart-wide smoothing (undefined here).
 */
export function parallelSmooth(
  edges: { id?: string | number; from?: string | number; to?: string | number }[],
): Map<string, Edge['smooth']> {
  const groups = new Map<string, typeof edges>();
  for (const edge of edges) {
    const [a, b] = [String(edge.from), String(edge.to)].sort();
    const key = `${a}\u0000${b}`;
    groups.set(key, [...(groups.get(key) ?? []), edge]);
  }
  const out = new Map<string, Edge['smooth']>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.forEach((edge, index) => {
      const offset = index - (group.length - 1) / 2;
      const reversed = String(edge.from) > String(edge.to);
      out.set(
        String(edge.id),
        offset === 0
          ? { enabled: false, type: 'continuous', roundness: 0 }
          : {
              enabled: true,
              type: offset > 0 !== reversed ? 'curvedCW' : 'curvedCCW',
              roundness: Math.min(0.9, 0.3 * Math.abs(offset) + 0.1),
            },
      );
    });
  }
  return out;
}

export type ChartFilters = GraphViewState['filters'];

/** Whether a relation's period overlaps the window; undated relations always do. */
function inPeriod(edge: GraphEdge, period: ChartFilters['period']): boolean {
  if (!period) return true;
  const [from, to] = period;
  if (from && edge.endedOn && edge.endedOn < from) return false;
  if (to && edge.startedOn && edge.startedOn > to) return false;
  return true;
}

/**
 * What the filters leave on the chart: relations of the chosen types, grading and period;
 * entities of the chosen kinds; service numbers only when asked. Entities stay even without visible relations (they were
 * added on purpose); hidden ones are removed by the caller. The chart takes the two steps
 * apart (`useVisElements`: relations among the entities it shows); this is the rule whole.
 */
export function applyFilters(
  nodes: GraphNode[],
  edges: GraphEdge[],
  filters: ChartFilters,
): { nodeIds: Set<string>; edgeIds: Set<string> } {
  const nodeIds = visibleNodeIds(nodes, filters);
  return { nodeIds, edgeIds: visibleEdgeIds(edges, nodeIds, filters) };
}

/** The entities the filters leave: of the chosen kinds, service numbers only when asked. */
export function visibleNodeIds(nodes: GraphNode[], filters: ChartFilters): Set<string> {
  return new Set(
    nodes
      .filter((node) => !filters.kinds || filters.kinds.includes(node.kind))
      .filter((node) => filters.showServiceNumbers || !isServicePhone(node))
      .map((node) => node.id),
  );
}

/** The relations the filters leave among `nodeIds`: chosen types, grading, cases and period. */
export function visibleEdgeIds(
  edges: GraphEdge[],
  nodeIds: ReadonlySet<string>,
  filters: ChartFilters,
): Set<string> {
  const minRank = filters.minReliability
    ? sourceReliabilities.indexOf(filters.minReliability)
    : sourceReliabilities.length;
  return new Set(
    edges
      .filter((edge) => nodeIds.has(edge.from) && nodeIds.has(edge.to))
      .filter((edge) => !filters.relationTypes || filters.relationTypes.includes(edge.type))
      .filter(
        (edge) =>
          !filters.minReliability ||
          (edge.reliability !== null && sourceReliabilities.indexOf(edge.reliability) <= minRank),
      )
      .filter(
        (edge) =>
          !filters.maxCredibility ||
          (edge.credibility !== null && edge.credibility <= filters.maxCredibility),
      )
      .filter(
        (edge) =>
          !filters.caseIds?.length ||
          (edge.caseId !== null && filters.caseIds.includes(edge.caseId)),
      )
      .filter((edge) => inPeriod(edge, filters.period))
      .map((edge) => edge.id),
  );
}

/** Circles per community, the circles on a larger ring: suggested gangs side by side. */
export function circularPositions(
  communities: string[][],
): Record<string, { x: number; y: number }> {
  const gap = 120;
  const radii = communities.map((group) =>
    group.length > 1 ? Math.max(70, (group.length * 95) / (2 * Math.PI)) : 0,
  );
  // Each circle takes an arc of the ring in proportion to its width plus a gap.
  const spans = radii.map((radius) => 2 * radius + gap);
  const circumference = spans.reduce((sum, span) => sum + span, 0);
  // Large enough that neighbours on the ring are a gap apart (chord between centres ≥ r₁ + r₂ + gap).
  const ringRadius = Math.max(
    0,
    ...radii.map((radius, index) => {
      if (communities.length < 2) return 0;
      const next = (index + 1) % radii.length;
      const between = ((spans[index]! + spans[next]!) / 2 / circumference) * 2 * Math.PI;
      return (radius + radii[next]! + gap) / (2 * Math.sin(Math.min(between, Math.PI) / 2));
    }),
  );
  const positions: Record<string, { x: number; y: number }> = {};
  let before = 0;
  communities.forEach((group, index) => {
    const angle = ((before + spans[index]! / 2) / circumference) * 2 * Math.PI;
    before += spans[index]!;
    const centre = { x: ringRadius * Math.cos(angle), y: ringRadius * Math.sin(angle) };
    group.forEach((id, position) => {
      const theta = (2 * Math.PI * position) / group.length;
      positions[id] = {
        x: Math.round(centre.x + radii[index]! * Math.cos(theta)),
        y: Math.round(centre.y + radii[index]! * Math.sin(theta)),
      };
    });
  });
  return positions;
}

/** The relation period bounds of a chart (for the time window slider). */
export function periodBounds(edges: GraphEdge[]): [string, string] | null {
  const dates = edges
    .flatMap((edge) => [edge.startedOn, edge.endedOn])
    .filter((date): date is string => Boolean(date))
    .sort();
  return dates.length ? [dates[0]!, dates[dates.length - 1]!] : null;
}

export function nodeKinds(nodes: GraphNode[]): EntityKind[] {
  return [...new Set(nodes.map((node) => node.kind))];
}

/** The legal statuses drawn as rings on these entities, in the legend's order. */
export function nodeStatuses(nodes: GraphNode[]): LegalStatus[] {
  const present = new Set(nodes.map((node) => node.legalStatus));
  return (Object.keys(legalStatusColours) as LegalStatus[]).filter((status) => present.has(status));
}
