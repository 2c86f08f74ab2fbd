import type {
  GraphData,
  GraphEdge,
  GraphNode,
  GraphViewState,
} from '../../../../electron/api/schemas/graph-schemas';
import type { ChartFilters } from './graph-model';

export type ChartLayout = GraphViewState['layout'];
export type Positions = Record<string, { x: number; y: number }>;

/** Everything the chart shows; immutable, so undo keeps earlier states as they were. */
export interface ChartState {
  nodes: Record<string, GraphNode>;
  edges: Record<string, GraphEdge>;
  hidden: string[];
  pinned: string[];
  /** Positions set on purpose (a layout, a saved view); `positionsVersion` changes with them. */
  positions: Positions;
  positionsVersion: number;
  layout: ChartLayout;
  filters: ChartFilters;
  /** Organisations shown collapsed with their members. */
  clusters: string[];
  /** Suggested gangs, when shown. */
  communities: Record<string, number> | null;
}

export const emptyChart: ChartState = {
  nodes: {},
  edges: {},
  hidden: [],
  pinned: [],
  positions: {},
  positionsVersion: 0,
  layout: 'force',
  filters: {},
  clusters: [],
  communities: null,
};

/** A chart operation: the context menu, the toolbar and undo/redo all go through these. */
export interface ChartCommand {
  /** Translation key of what it does, for the undo button's tooltip. */
  label: string;
  run(state: ChartState): ChartState;
}

export const addGraph = (data: GraphData): ChartCommand => ({
  label: 'graph.commands.add',
  run: (state) => ({
    ...state,
    nodes: { ...state.nodes, ...Object.fromEntries(data.nodes.map((node) => [node.id, node])) },
    edges: { ...state.edges, ...Object.fromEntries(data.edges.map((edge) => [edge.id, edge])) },
    hidden: state.hidden.filter((id) => !data.nodes.some((node) => node.id === id)),
  }),
});

/** Takes entities (and their relations) off the chart: "collapse" after an expansion. */
export const removeNodes = (ids: string[]): ChartCommand => ({
  label: 'graph.commands.remove',
  run: (state) => {
    const gone = new Set(ids);
    return {
      ...state,
      nodes: Object.fromEntries(Object.entries(state.nodes).filter(([id]) => !gone.has(id))),
      edges: Object.fromEntries(
        Object.entries(state.edges).filter(
          ([, edge]) => !gone.has(edge.from) && !gone.has(edge.to),
        ),
      ),
      hidden: state.hidden.filter((id) => !gone.has(id)),
      pinned: state.pinned.filter((id) => !gone.has(id)),
    };
  },
});

export const hideNodes = (ids: string[]): ChartCommand => ({
  label: 'graph.commands.hide',
  run: (state) => ({ ...state, hidden: [...new Set([...state.hidden, ...ids])] }),
});

export const showAll: ChartCommand = {
  label: 'graph.commands.showAll',
  run: (state) => ({ ...state, hidden: [] }),
};

export const pinNodes = (positions: Positions): ChartCommand => ({
  label: 'graph.commands.pin',
  run: (state) => ({
    ...state,
    pinned: [...new Set([...state.pinned, ...Object.keys(positions)])],
    positions: { ...state.positions, ...positions },
  }),
});

export const unpinNodes = (ids: string[]): ChartCommand => ({
  label: 'graph.commands.unpin',
  run: (state) => ({ ...state, pinned: state.pinned.filter((id) => !ids.includes(id)) }),
});

/** A layout: force (physics until stable), the supply chain by tier, circles by community, or given positions. */
export const setLayout = (layout: ChartLayout, positions?: Positions): ChartCommand => ({
  label: 'graph.commands.layout',
  run: (state) => ({
    ...state,
    // The community ring colours borders by gang; leaving it restores the other layouts' look
    // (borders by legal status, as their legend says), which had kept the gang colours.
    communities: state.layout === 'circular' && layout !== 'circular' ? null : state.communities,
    layout,
    positions: positions ?? state.positions,
    positionsVersion: positions ? state.positionsVersion + 1 : state.positionsVersion,
  }),
});

/** Moves entities to these positions (what the canvas shows now, plus places for new ones). */
export const setPositions = (positions: Positions): ChartCommand => ({
  label: 'graph.commands.move',
  run: (state) => ({ ...state, positions, positionsVersion: state.positionsVersion + 1 }),
});

export const setFilters = (filters: ChartFilters): ChartCommand => ({
  label: 'graph.commands.filter',
  run: (state) => ({ ...state, filters }),
});

export const groupOrganisation = (organisationId: string): ChartCommand => ({
  label: 'graph.commands.group',
  run: (state) => ({ ...state, clusters: [...new Set([...state.clusters, organisationId])] }),
});

export const ungroupOrganisation = (organisationId: string): ChartCommand => ({
  label: 'graph.commands.ungroup',
  run: (state) => ({ ...state, clusters: state.clusters.filter((id) => id !== organisationId) }),
});

export const showCommunities = (communities: Record<string, number> | null): ChartCommand => ({
  label: 'graph.commands.communities',
  run: (state) => ({ ...state, communities }),
});

/** Members of an organisation on the chart: linked by member_of (to it) or leads (to it). */
export function organisationMembers(
  state: Pick<ChartState, 'edges'>,
  organisationId: string,
): string[] {
  return Object.values(state.edges)
    .filter(
      (edge) => edge.to === organisationId && (edge.type === 'member_of' || edge.type === 'leads'),
    )
    .map((edge) => edge.from);
}

/** Several commands as one undo step. */
export const combine = (label: string, ...commands: ChartCommand[]): ChartCommand => ({
  label,
  run: (state) => commands.reduce((current, command) => command.run(current), state),
});

/**
 * Positions around `anchor` for entities new to the chart, on rings of twelve, so an expansion
 * appears next to what was expanded instead of in the middle of the chart.
 */
export function positionsAround(anchor: { x: number; y: number }, ids: string[]): Positions {
  return Object.fromEntries(
    ids.map((id, index) => {
      const ring = Math.floor(index / 12);
      const radius = 160 + ring * 110;
      const angle =
        (2 * Math.PI * (index % 12)) / Math.min(12, ids.length - ring * 12) + ring * 0.3;
      return [
        id,
        {
          x: Math.round(anchor.x + radius * Math.cos(angle)),
          y: Math.round(anchor.y + radius * Math.sin(angle)),
        },
      ];
    }),
  );
}
