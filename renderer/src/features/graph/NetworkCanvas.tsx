import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { DataSet } from 'vis-data/peer';
import { Network, type Edge, type IdType, type Node, type Options } from 'vis-network/peer';
import 'vis-network/styles/vis-network.css';
import type { ChartLayout, Positions } from './chart-state';

export interface NetworkHandle {
  getPositions(): Positions;
  fit(): void;
  focus(nodeId: string): void;
  select(nodeIds: string[]): void;
  /** The chart as a PNG data URL at `scale` × the on-screen resolution, on white. */
  exportPng(scale: number): Promise<string>;
}

export interface ClusterSpec {
  id: string;
  label: string;
  memberIds: string[];
}

interface Props {
  nodes: Node[];
  edges: Edge[];
  layout: ChartLayout;
  /** Changes when positions were set on purpose: only then are nodes moved to their x/y. */
  positionsVersion: number;
  clusters: ClusterSpec[];
  /** Names of the layers of the supply-chain layout, drawn at the left of each layer. */
  levelLabels?: Record<number, string>;
  drawing: boolean;
  onDoubleClick(nodeId: string): void;
  /** A grouped organisation was double-clicked. */
  onOpenGroup(organisationId: string): void;
  onSelect(nodeIds: string[]): void;
  onContextMenu(target: { nodeId: string | null; x: number; y: number }): void;
  onCreateEdge(fromId: string, toId: string): void;
}

const baseOptions: Options = {
  autoResize: true,
  height: '100%',
  width: '100%',
  interaction: { hover: true, multiselect: true, tooltipDelay: 250, zoomSpeed: 0.8 },
  nodes: {
    shapeProperties: { useBorderWithImage: true, interpolation: false },
    // Large type with a white halo: the chart is read zoomed out, over crossing lines.
    font: {
      face: 'PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif',
      strokeWidth: 4,
      strokeColor: '#ffffff',
    },
  },
  edges: {
    selectionWidth: 2,
    hoverWidth: 1,
    arrows: { to: { scaleFactor: 0.6 } },
    color: { highlight: '#facc15', opacity: 0.9 },
    font: { size: 13, align: 'middle', color: '#475569', strokeWidth: 3, strokeColor: '#ffffff' },
    smooth: { enabled: true, type: 'continuous', roundness: 0.3 },
  },
  physics: {
    enabled: false,
    solver: 'barnesHut',
    barnesHut: {
      gravitationalConstant: -3500,
      centralGravity: 0.45,
      springLength: 110,
      springConstant: 0.04,
      damping: 0.35,
      avoidOverlap: 0.4,
    },
    stabilization: { enabled: true, iterations: 500, updateInterval: 50, fit: true },
  },
  layout: { improvedLayout: false, hierarchical: false },
};

function layoutOptions(layout: ChartLayout, nodeCount: number): Options {
  const big = nodeCount > 1_000;
  const interaction = { hideEdgesOnDrag: big, hideEdgesOnZoom: big };
  // Straight lines on large charts: a curve costs a Bézier per relation per frame.
  const edges = { smooth: big ? false : { enabled: true, type: 'continuous', roundness: 0.3 } };
  if (layout === 'chain') {
    return {
      interaction,
      edges,
      physics: { enabled: false },
      layout: {
        hierarchical: {
          enabled: true,
          direction: 'UD',
          sortMethod: 'directed',
          levelSeparation: 85,
          nodeSpacing: 115,
          treeSpacing: 160,
          blockShifting: true,
          edgeMinimization: true,
          parentCentralization: true,
        },
      },
    };
  }
  return {
    interaction,
    edges,
    layout: { hierarchical: false },
    physics: { enabled: layout === 'force' && nodeCount <= 3_000 },
  };
}

/** Positions for end-to-end tests and benchmarks to read (rounded, as saved). */
function publishPositions(instance: Network, element: HTMLElement) {
  element.dataset['positions'] = JSON.stringify(roundPositions(instance.getPositions()));
  publishView(instance, element);
}

/** Zoom and centre, so a test can find an entity on screen. */
function publishView(instance: Network, element: HTMLElement) {
  element.dataset['view'] = JSON.stringify({
    scale: instance.getScale(),
    position: instance.getViewPosition(),
  });
}

/** Marks the chart stable: laid out, physics off, drawn. */
function markStable(instance: Network, element: HTMLElement) {
  element.dataset['stable'] = 'true';
  // Counts layouts, so a test can wait for the next one rather than see the last.
  element.dataset['layouts'] = String(Number(element.dataset['layouts'] ?? 0) + 1);
  publishPositions(instance, element);
}

function openClusters(instance: Network, clusterIds: string[]) {
  for (const id of clusterIds) instance.openCluster(id);
}

/** Collapses each organisation with its members into one hexagon; double click opens it again. */
function makeClusters(instance: Network, clusters: ClusterSpec[]): string[] {
  return clusters.map((cluster) => {
    const members = new Set([cluster.id, ...cluster.memberIds]);
    const id = `cluster:${cluster.id}`;
    instance.cluster({
      joinCondition: (node: Node) => members.has(String(node.id)),
      clusterNodeProperties: {
        id,
        label: cluster.label,
        shape: 'hexagon',
        size: 30,
        color: { background: '#ede9fe', border: '#7c3aed' },
        borderWidth: 3,
        font: { size: 14 },
      } as never,
    });
    return id;
  });
}

/** Writes the tier name at the left edge of each layer, at screen size whatever the zoom. */
function drawLevelLabels(
  instance: Network,
  nodeSet: DataSet<Node>,
  context: CanvasRenderingContext2D,
  labels: Record<number, string>,
) {
  const firstOfLevel = new Map<number, string>();
  for (const node of nodeSet.get()) {
    if (typeof node.level === 'number' && labels[node.level] && !firstOfLevel.has(node.level))
      firstOfLevel.set(node.level, String(node.id));
  }
  if (!firstOfLevel.size) return;
  const positions = instance.getPositions([...firstOfLevel.values()]);
  context.save();
  context.setTransform(window.devicePixelRatio, 0, 0, window.devicePixelRatio, 0, 0);
  context.font = '600 13px PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif';
  context.textBaseline = 'middle';
  for (const [level, id] of firstOfLevel) {
    const position = positions[id];
    if (!position) continue;
    const y = instance.canvasToDOM(position).y;
    const text = labels[level]!;
    const width = context.measureText(text).width + 16;
    context.fillStyle = 'rgba(241, 245, 249, 0.92)';
    context.fillRect(0, y - 12, width, 24);
    context.fillStyle = '#334155';
    context.fillText(text, 8, y);
  }
  context.restore();
}

function roundPositions(positions: Record<string, { x: number; y: number }>): Positions {
  return Object.fromEntries(
    Object.entries(positions).map(([id, position]) => [
      id,
      { x: Math.round(position.x), y: Math.round(position.y) },
    ]),
  );
}

/**
 * The one vis-network instance of a chart: created once, fed by diffs through vis-data sets,
 * destroyed on unmount. Force layouts run physics until stable and then switch it off, so an
 * idle chart never keeps the CPU busy.
 */
export const NetworkCanvas = forwardRef<NetworkHandle, Props>(function NetworkCanvas(props, ref) {
  const container = useRef<HTMLDivElement>(null);
  const network = useRef<Network | null>(null);
  const [nodeSet] = useState(() => new DataSet<Node>());
  const [edgeSet] = useState(() => new DataSet<Edge>());
  const appliedVersion = useRef(-1);
  const appliedStructure = useRef('');
  /** Cluster IDs made on the canvas, opened before the data changes and made again after. */
  const grouped = useRef<string[]>([]);
  const handlers = useRef(props);
  handlers.current = props;

  useEffect(() => {
    const instance = new Network(
      container.current!,
      { nodes: nodeSet, edges: edgeSet },
      {
        ...baseOptions,
        manipulation: {
          enabled: false,
          addEdge: (data: { from: IdType; to: IdType }, callback: (edge: null) => void) => {
            if (data.from !== data.to)
              handlers.current.onCreateEdge(String(data.from), String(data.to));
            callback(null);
          },
        },
      },
    );
    network.current = instance;
    instance.on('doubleClick', (event: { nodes: IdType[] }) => {
      const [nodeId] = event.nodes;
      if (nodeId === undefined) return;
      // Opening a group is a chart edit (undoable): the chart state drops it, and the effect below opens it.
      if (instance.isCluster(nodeId))
        handlers.current.onOpenGroup(String(nodeId).slice('cluster:'.length));
      else handlers.current.onDoubleClick(String(nodeId));
    });
    instance.on('select', (event: { nodes: IdType[] }) =>
      handlers.current.onSelect(event.nodes.map(String)),
    );
    instance.on(
      'oncontext',
      (event: { pointer: { DOM: { x: number; y: number } }; event: Event }) => {
        event.event.preventDefault();
        const nodeId = instance.getNodeAt(event.pointer.DOM);
        handlers.current.onContextMenu({
          nodeId: nodeId === undefined || instance.isCluster(nodeId) ? null : String(nodeId),
          x: event.pointer.DOM.x,
          y: event.pointer.DOM.y,
        });
      },
    );
    const element = container.current!;
    instance.on('stabilizationIterationsDone', () => {
      instance.setOptions({ physics: { enabled: false } });
      markStable(instance, element);
    });
    instance.on('dragEnd', () => publishPositions(instance, element));
    instance.on('zoom', () => publishView(instance, element));
    instance.on('animationFinished', () => publishView(instance, element));
    instance.on('afterDrawing', (context: CanvasRenderingContext2D) => {
      const labels = handlers.current.levelLabels;
      if (labels) drawLevelLabels(instance, nodeSet, context, labels);
    });
    return () => {
      instance.destroy();
      network.current = null;
    };
    // The instance lives as long as the component (the sets never change); handlers are read through a ref.
  }, [nodeSet, edgeSet]);

  useEffect(() => {
    const instance = network.current;
    if (!instance) return;
    const movePositions = appliedVersion.current !== props.positionsVersion;
    appliedVersion.current = props.positionsVersion;
    // A new look (highlight, colours, labels) only restyles; the layout runs again only when
    // entities or relations come or go, the layout changes, or positions are set.
    const structure = `${props.layout}|${props.nodes.map((node) => node.id).join(',')}|${props.edges.map((edge) => edge.id).join(',')}`;
    const relayout = movePositions || structure !== appliedStructure.current;
    appliedStructure.current = structure;
    openClusters(instance, grouped.current);
    const wanted = new Set(props.nodes.map((node) => String(node.id)));
    nodeSet.remove(nodeSet.getIds().filter((id) => !wanted.has(String(id))));
    // Existing nodes keep where the user put them unless positions were set on purpose.
    nodeSet.update(
      props.nodes.map((node) => {
        if (movePositions || !nodeSet.get(node.id!)) return node;
        const { x: _x, y: _y, ...rest } = node;
        return rest;
      }),
    );
    const wantedEdges = new Set(props.edges.map((edge) => String(edge.id)));
    edgeSet.remove(edgeSet.getIds().filter((id) => !wantedEdges.has(String(id))));
    edgeSet.update(props.edges);
    grouped.current = makeClusters(instance, handlers.current.clusters);
    if (!relayout) return;
    if (container.current) container.current.dataset['stable'] = 'false';
    instance.setOptions(layoutOptions(props.layout, props.nodes.length));
    if (props.layout === 'force' && props.nodes.length <= 3_000) {
      instance.stabilize(props.nodes.length > 500 ? 200 : 500);
    } else {
      if (movePositions || props.layout === 'chain') instance.fit({ animation: false });
      const element = container.current!;
      // The changes above have asked vis-network for a redraw on the next frame; a second,
      // synchronous one here would draw a large chart twice.
      instance.once('afterDrawing', () => markStable(instance, element));
    }
  }, [props.nodes, props.edges, props.layout, props.positionsVersion, nodeSet, edgeSet]);

  useEffect(() => {
    const instance = network.current;
    if (!instance) return;
    openClusters(instance, grouped.current);
    grouped.current = makeClusters(instance, props.clusters);
  }, [props.clusters]);

  useEffect(() => {
    const instance = network.current;
    if (!instance) return;
    if (props.drawing) instance.addEdgeMode();
    else instance.disableEditMode();
  }, [props.drawing]);

  useImperativeHandle(ref, () => ({
    getPositions: () => roundPositions(network.current?.getPositions() ?? {}),
    fit: () =>
      network.current?.fit({ animation: { duration: 300, easingFunction: 'easeInOutQuad' } }),
    focus: (nodeId) => {
      network.current?.focus(nodeId, {
        scale: 1.2,
        animation: { duration: 400, easingFunction: 'easeInOutQuad' },
      });
      network.current?.selectNodes([nodeId]);
    },
    select: (nodeIds) => network.current?.selectNodes(nodeIds.filter((id) => nodeSet.get(id))),
    exportPng: async (scale) => {
      const main = network.current!;
      const { clientWidth: width, clientHeight: height } = container.current!;
      const host = document.createElement('div');
      host.style.cssText = `position:fixed;left:-100000px;top:0;width:${width * scale}px;height:${height * scale}px`;
      document.body.appendChild(host);
      const positions = main.getPositions();
      const copy = new Network(
        host,
        {
          nodes: nodeSet
            .get()
            .map((node) => ({ ...node, ...positions[String(node.id)], fixed: true })),
          edges: edgeSet.get(),
        },
        { ...baseOptions, physics: { enabled: false }, layout: { hierarchical: false } },
      );
      try {
        copy.moveTo({
          position: main.getViewPosition(),
          scale: main.getScale() * scale,
          animation: false,
        });
        await new Promise<void>((resolve) => {
          copy.once('afterDrawing', () => resolve());
          copy.redraw();
        });
        const drawn = host.querySelector('canvas')!;
        const output = document.createElement('canvas');
        output.width = drawn.width;
        output.height = drawn.height;
        const context = output.getContext('2d')!;
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, output.width, output.height);
        context.drawImage(drawn, 0, 0);
        return output.toDataURL('image/png');
      } finally {
        copy.destroy();
        host.remove();
      }
    },
  }));

  return (
    <div
      ref={container}
      data-testid="graph-canvas"
      style={{ width: '100%', height: '100%', background: '#fbfdff' }}
    />
  );
});
