import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { DataSet } from 'vis-data/peer';
import { Network, type Edge, type IdType, type Node, type Options } from 'vis-network/peer';
import 'vis-network/styles/vis-network.css';
import type { ChartLayout, Positions } from './chart-state';
import { edgeLabelPlaces, separate, textEms } from '../../../../electron/api/domain/chart-look';
import {
  chooseLabels,
  makeRoomForNames,
  minLabelPx,
  mustShowPriority,
  nodeLabelBox,
  type LabelCandidate,
} from './label-declutter';
import { keyImportance, measureImportance } from './label-importance';
import { highlightColour, nodeLabelColour, pathLabelColour } from './graph-model';
import {
  chainLabelBox,
  chainPositions,
  type ChainPlacement,
} from '../../../../electron/api/domain/chain-layout';
import { prefersReducedMotion } from '../../components/usePrefersReducedMotion';

export interface NetworkHandle {
  getPositions(): Positions;
  /** The supply-chain layout's named rows (canvas y, the name drawn at its left); none in other layouts. */
  getTierRows(): { y: number; name: string }[];
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
  /** Where entities go: new ones are placed there, and all moved when `positionsVersion` changes. */
  positions: Positions;
  /** Changes when positions were set on purpose: only then are nodes moved to their x/y. */
  positionsVersion: number;
  clusters: ClusterSpec[];
  /** Names of the layers of the supply-chain layout, drawn at the left of each layer. */
  levelLabels?: Record<number, string>;
  /** The supply-chain layout's things (phones, accounts, vehicles) by ID: whom each is drawn beside. */
  chainOwners?: Map<string, string>;
  /** Whose names are drawn first when not all fit (label-importance), by entity ID. */
  labelImportance?: Map<string, number>;
  drawing: boolean;
  /**
   * The chart's positions are still being computed: its elements are built now (while the
   * layout runs), moved and drawn when the positions come.
   */
  waiting?: boolean;
  onDoubleClick(nodeId: string): void;
  /** A grouped organisation was double-clicked. */
  onOpenGroup(organisationId: string): void;
  onSelect(nodeIds: string[]): void;
  onContextMenu(target: { nodeId: string | null; x: number; y: number }): void;
  onCreateEdge(fromId: string, toId: string): void;
  /** The chart was laid out and drawn (after each layout). */
  onStable?(): void;
}

const labelFace = 'PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif';
const edgeFontSize = 13;
/** Relations' names on screen, zoomed in. */
const edgeLabelPx = 12;
/** Above this many entities labels are left to vis-network's size threshold alone. */
const declutterUpTo = 1_000;

const baseOptions: Options = {
  autoResize: true,
  height: '100%',
  width: '100%',
  interaction: { hover: true, multiselect: true, tooltipDelay: 250, zoomSpeed: 0.8 },
  nodes: {
    shapeProperties: { useBorderWithImage: true, interpolation: false },
    // Large type with a white halo: the chart is read zoomed out, over crossing lines.
    font: {
      face: labelFace,
      strokeWidth: 4,
      strokeColor: '#ffffff',
    },
    // Level of detail: labels shrink with the zoom and the declutter blanks any under 11 px;
    // vis-network's own threshold (it skips below drawThreshold − 1 and fades up to it) covers
    // large charts, where the declutter does not run. People and organisations (18 px)
    // outlast the rest (14 px).
    scaling: { label: { enabled: false, drawThreshold: minLabelPx, maxVisible: 30 } },
  },
  edges: {
    selectionWidth: 2,
    hoverWidth: 1,
    arrows: { to: { scaleFactor: 0.6 } },
    color: { highlight: '#facc15', opacity: 0.9 },
    font: {
      size: edgeFontSize,
      align: 'middle',
      color: '#475569',
      strokeWidth: 3,
      strokeColor: '#ffffff',
    },
    scaling: { label: { enabled: false, drawThreshold: minLabelPx, maxVisible: 30 } },
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
  // A fixed seed: the same chart opens with the same layout every time (and in tests).
  layout: { improvedLayout: false, hierarchical: false, randomSeed: 7 },
};

function layoutOptions(layout: ChartLayout, nodeCount: number): Options {
  const big = nodeCount > 1_000;
  const interaction = { hideEdgesOnDrag: big, hideEdgesOnZoom: big };
  // Straight lines on large charts: a curve costs a Bézier per relation per frame.
  const edges = { smooth: big ? false : { enabled: true, type: 'continuous', roundness: 0.3 } };
  // The supply chain is placed by the chart itself (chain-layout), not by vis-network's
  // hierarchy: that gave things rows of their own and laid out again on any label change, so
  // its labels could not be decluttered.
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
function markStable(instance: Network, element: HTMLElement, onStable?: () => void) {
  element.dataset['stable'] = 'true';
  onStable?.();
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

const tierFont = '600 13px PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif';

/** Each tier's name at the left edge of its first layer, in screen pixels (the chart's top-left). */
function tierLabelBoxes(
  instance: Network,
  rows: Map<number, number>,
  labels: Record<number, string>,
): { text: string; left: number; top: number; width: number; height: number }[] {
  return Object.entries(labels).flatMap(([level, text]) => {
    const y = rows.get(Number(level));
    if (y === undefined) return [];
    const centre = instance.canvasToDOM({ x: 0, y }).y;
    return [{ text, left: 0, top: centre - 12, width: tierLabelWidth(text), height: 24 }];
  });
}

function tierLabelWidth(text: string): number {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return text.length * 13 + 16;
  measure.font = tierFont;
  return Math.ceil(measure.measureText(text).width) + 16;
}

/** Writes the tier name at the left edge of each layer, at screen size whatever the zoom. */
function drawLevelLabels(
  context: CanvasRenderingContext2D,
  boxes: ReturnType<typeof tierLabelBoxes>,
) {
  context.save();
  context.setTransform(window.devicePixelRatio, 0, 0, window.devicePixelRatio, 0, 0);
  context.font = tierFont;
  context.textBaseline = 'middle';
  for (const box of boxes) {
    context.fillStyle = 'rgba(241, 245, 249, 0.92)';
    context.fillRect(box.left, box.top, box.width, box.height);
    context.fillStyle = '#334155';
    context.fillText(box.text, box.left + 8, box.top + box.height / 2);
  }
  context.restore();
}

/** The room right of the tier names where the chain is fitted, in screen pixels. */
function chainRoomOf(element: HTMLElement, labels: Record<number, string> | undefined) {
  const names = Object.values(labels ?? {});
  const reserve = names.length ? Math.max(...names.map(tierLabelWidth)) + 8 : 12;
  const margin = 8;
  return {
    reserve,
    roomX: Math.max(element.clientWidth - reserve - margin, 1),
    roomY: Math.max(element.clientHeight - 2 * margin, 1),
  };
}

/** The shape of that room (width over height), which the chain's columns spread to fill. */
function chainRoom(element: HTMLElement, labels: Record<number, string> | undefined) {
  const { roomX, roomY } = chainRoomOf(element, labels);
  return element.clientHeight > 0 ? roomX / roomY : undefined;
}

/**
 * The supply chain fitted whole, every tier in view, beside the column of tier names (they
 * had been drawn over the leftmost entities): at most the zoom of 1.
 */
function fitChain(
  instance: Network,
  element: HTMLElement,
  placement: ChainPlacement,
  labels: Record<number, string> | undefined,
) {
  const { reserve, roomX, roomY } = chainRoomOf(element, labels);
  const { left, top, right, bottom } = placement.bounds;
  const width = Math.max(right - left, 1);
  const height = Math.max(bottom - top, 1);
  const scale = Math.min(roomX / width, roomY / height, 1);
  // The box's centre at the middle of the room right of the tier names.
  const screenX = reserve + roomX / 2;
  instance.moveTo({
    position: {
      x: (left + right) / 2 - (screenX - element.clientWidth / 2) / scale,
      y: (top + bottom) / 2,
    },
    scale,
    animation: false,
  });
}

/** What a label is when shown: its full text, font size and the node's radius. */
interface LabelSource {
  label: string;
  fontSize: number;
  size: number;
  /** The icon's border width (it is drawn over the icon's edge, half outside). */
  border: number;
  /** A key person's or organisation's (label-importance): named at the legible size at any zoom, dimmed or not. */
  key: boolean;
  priority: number;
}

/** A relation's name to place: its text, ends and colour; on a found path, named at any zoom. */
interface EdgeLabelSource {
  label: string;
  from: string;
  to: string;
  colour: string;
  highlighted: boolean;
}

/** vis-network's own edges (not in its typings): their geometry (the label sits at the curve's midpoint) and the label each holds. */
type EdgeBodies = {
  body?: {
    edges?: Record<
      string,
      {
        edgeType?: { getPoint(t: number): { x: number; y: number } };
        options?: { label?: string };
      }
    >;
  };
};

/** vis-network's event bus (not in its typings), for its own redraw blocking. */
type Body = { body: { emitter: { emit(event: string): void } } };

/**
 * Runs `change` with vis-network's redraws held: without this each DataSet change and option
 * change redraws the whole chart at once (with physics off a data change draws synchronously),
 * three or four full draws of a large chart before the one that counts. One draw follows.
 */
function batched(instance: Network, change: () => void, draw = true) {
  const { emitter } = (instance as unknown as Body).body;
  emitter.emit('_blockRedraw');
  try {
    change();
  } finally {
    emitter.emit('_allowRedraw');
  }
  if (draw) emitter.emit('_requestRedraw');
}

/** vis-network's own node bodies (not in its typings), for moving many nodes at once. */
type NodeBodies = {
  body: { nodes: Record<string, { x: number; y: number; predefinedPosition: boolean }> };
};

/**
 * Moves nodes that are otherwise unchanged, as a node update with only x and y would, without
 * vis-network parsing each node's options again (the DataSet keeps the look; positions live
 * on the canvas, as after a drag). `moveNode` would schedule a redraw per node.
 */
function moveBodies(instance: Network, moves: [string, number, number][]) {
  const nodes = (instance as unknown as NodeBodies).body.nodes;
  for (const [id, x, y] of moves) {
    const node = nodes[id];
    if (!node) continue;
    node.x = Math.trunc(x);
    node.y = Math.trunc(y);
    node.predefinedPosition = true;
  }
}

/**
 * Large charts (no declutter): the nodes whose labels vis-network would draw now, on screen
 * (with a margin for long labels) at a size of at least `minLabelPx` − 1 (below that
 * vis-network skips them), that it does not have yet.
 */
function labelsComingIntoView(
  instance: Network,
  element: HTMLElement,
  nodeLabels: Map<string, LabelSource>,
  revealed: Set<string>,
): string[] {
  const scale = instance.getScale();
  const smallest = (minLabelPx - 1) / scale;
  let any = false;
  for (const source of nodeLabels.values()) if (source.fontSize >= smallest) any = true;
  if (!any) return [];
  const margin = 200;
  const topLeft = instance.DOMtoCanvas({ x: -margin, y: -margin });
  const bottomRight = instance.DOMtoCanvas({
    x: element.clientWidth + margin,
    y: element.clientHeight + margin,
  });
  const positions = instance.getPositions();
  const coming: string[] = [];
  for (const [id, source] of nodeLabels) {
    if (revealed.has(id) || !source.label || source.fontSize < smallest) continue;
    const position = positions[id];
    if (!position) continue;
    if (position.x < topLeft.x || position.x > bottomRight.x) continue;
    if (position.y < topLeft.y || position.y > bottomRight.y) continue;
    coming.push(id);
  }
  return coming;
}

/** Plain data equal (vis options: objects, arrays, strings, numbers, booleans), `skip` keys left out at the top. */
function sameData(a: unknown, b: unknown, skip?: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key in left) {
    if (skip?.has(key) || left[key] === undefined) continue;
    count += 1;
    if (!sameData(left[key], right[key])) return false;
  }
  for (const key in right) if (!skip?.has(key) && right[key] !== undefined) count -= 1;
  return count === 0;
}

/** What an element looks like apart from where it is and its label (kept apart: the declutter blanks it). */
const lookSkips = new Set(['x', 'y', 'label']);

/**
 * A relation's label blanked by the declutter: vis-network keeps a relation's old label when
 * given an empty one (it copies only a "valid" label), so a drawn label could not be taken
 * away and labels piled up when zoomed in. A space is a label, drawn as nothing.
 */
const blankEdgeLabel = ' ';

/** An element as last given to the DataSet: as it came in props, and the label the set holds. */
interface Applied<T> {
  element: T;
  label: string | undefined;
}

/** Entities' names' white halo (the font's stroke width), in canvas units. */
const nodeHalo = 4;

const centred = (x: number, width: number) => ({ left: x - width / 2, width });

/** How far the glyphs of these lines reach above and below vis-network's hanging baseline, in canvas units at `fontSize`. */
function glyphExtent(lines: string[], fontSize: number): { ascent: number; descent: number } {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return { ascent: fontSize * 0.1, descent: fontSize };
  measure.font = `${fontSize}px ${labelFace}`;
  measure.textBaseline = 'hanging';
  let ascent = 0;
  let descent = 0;
  for (const line of lines) {
    const metrics = measure.measureText(line);
    ascent = Math.max(ascent, metrics.actualBoundingBoxAscent);
    descent = Math.max(descent, metrics.actualBoundingBoxDescent);
  }
  measure.textBaseline = 'alphabetic';
  return { ascent, descent };
}

let measure: CanvasRenderingContext2D | null = null;
function textWidth(text: string, fontPx: number): number {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return text.length * fontPx;
  measure.font = `${fontPx}px ${labelFace}`;
  return measure.measureText(text).width;
}

/**
 * Where each label would be drawn on screen now, for those vis-network would draw (at least
 * the minimum size): node labels under the icon, relation labels at the middle of the curve.
 */
function labelCandidates(
  instance: Network,
  nodeLabels: Map<string, LabelSource>,
  edgeLabels: Map<string, EdgeLabelSource>,
  selected: ReadonlySet<string>,
  /**
   * Whether a name may stand above its icon. Not in the supply chain: there it stands just
   * under the row above's icons and reads as theirs (刘某(逮捕) under 赵某飞).
   */
  above = true,
): LabelCandidate[] {
  const scale = instance.getScale();
  const positions = instance.getPositions();
  const candidates: LabelCandidate[] = [];
  for (const [id, source] of nodeLabels) {
    const position = positions[id];
    // A found path's names, and the key people's and organisations' (leaders, sources, those
    // under a measure or at large: label-importance), at the legible size however far out: the
    // chart draws them itself where vis-network would not (ownDrawn). Fitted or zoomed out, the
    // chart had named no one.
    const fontPx = Math.max(
      source.fontSize * scale,
      source.priority >= mustShowPriority || source.key ? minLabelPx : 0,
    );
    if (!position || !source.label || fontPx < minLabelPx) continue;
    const lines = source.label.split('\n');
    const centre = instance.canvasToDOM(position);
    // Drawn by vis-network: the box its glyphs cover. Drawn by the chart (below vis-network's
    // size): centred in its box, the box just under the icon and its border.
    const own = source.fontSize * scale < minLabelPx;
    const { left, top, width, height } = own
      ? {
          ...centred(centre.x, Math.max(...lines.map((line) => textWidth(line, fontPx))) + 4),
          top: centre.y + (source.size + source.border / 2) * scale + 2,
          height: lines.length * fontPx * 1.2 + 2,
        }
      : nodeLabelBox({
          ...centre,
          scale,
          radius: source.size,
          fontSize: source.fontSize,
          halo: nodeHalo,
          lines: lines.length,
          width: Math.max(...lines.map((line) => textWidth(line, fontPx))),
          ...glyphExtent(lines, source.fontSize),
        });
    // Zoomed out, and for principals' names where neither under nor above the icon is free,
    // right or left of the icon, drawn by the chart (a neighbour's icon 2 px into the room under
    // 何某丽 had left her unnamed).
    const side = (source.size + source.border / 2) * scale + 3;
    const besideWidth = Math.max(...lines.map((line) => textWidth(line, fontPx))) + 4;
    const besideHeight = lines.length * fontPx * 1.2 + 2;
    const beside =
      own || source.priority >= principalPriority
        ? [
            { left: centre.x + side, top: centre.y - besideHeight / 2 },
            { left: centre.x - side - besideWidth, top: centre.y - besideHeight / 2 },
          ].map((place) => ({
            ...place,
            width: besideWidth,
            height: besideHeight,
            beside: true,
          }))
        : [];
    candidates.push({
      id,
      kind: 'node',
      // A selected or found entity is named before the rest (not over icons, as a path is).
      priority: selected.has(id) ? Math.max(source.priority, selectedPriority) : source.priority,
      left,
      top,
      width,
      height,
      fontPx,
      places: [
        ...(above ? [{ left, top: centre.y - (top - centre.y) - height, raised: true }] : []),
        ...beside,
      ],
    });
  }
  // Relations are named once zoomed in far enough for 13 px at canvas scale, then at 12 px on
  // screen however far in: zooming in makes room for them between the entities (names and
  // icons grow with the zoom; at the canvas's scale a name under a third entity stayed there).
  // A found path's relations are named at the legible size at any zoom, before the rest: the
  // path's steps read along it (its phones and accounts had been linked by unnamed lines).
  const legible = edgeFontSize * scale >= minLabelPx;
  const zoomedPx = Math.min(edgeFontSize * scale, edgeLabelPx);
  {
    const bodies = (instance as unknown as EdgeBodies).body?.edges ?? {};
    for (const [id, edge] of edgeLabels) {
      const from = positions[edge.from];
      const to = positions[edge.to];
      if (!from || !to || (!legible && !edge.highlighted)) continue;
      const fontPx = legible ? zoomedPx : minLabelPx;
      const width = textWidth(edge.label, fontPx) + 4;
      const height = fontPx * 1.2 + 2;
      // Along the curve and beside it (edgeLabelPlaces: the printed chart's rule too).
      const at = (t: number) =>
        instance.canvasToDOM(
          bodies[id]?.edgeType?.getPoint(t) ?? {
            x: from.x + (to.x - from.x) * t,
            y: from.y + (to.y - from.y) * t,
          },
        );
      const places = edgeLabelPlaces(at, width, height);
      // A found path's short relation (a phone beside its owner): no spot on or by its line may
      // be free, so further out beside its middle too, as the path must be named along its length.
      if (edge.highlighted) {
        const [a, b] = [at(0.45), at(0.55)];
        const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
        const [nx, ny] = [-(b.y - a.y) / length, (b.x - a.x) / length];
        const middle = at(0.5);
        for (const reach of [height * 1.5, height * 2.5, width])
          for (const side of [1, -1])
            places.push({ x: middle.x + side * nx * reach, y: middle.y + side * ny * reach });
      }
      const [first, ...rest] = places.map((point) => ({
        left: point.x - width / 2,
        top: point.y - height / 2,
      }));
      candidates.push({
        id,
        kind: 'edge',
        // After every entity's name, phones' and accounts' too: relations are named from a zoom
        // on (13 px at canvas scale), and ranked above the things they took the room of the
        // numbers shown a notch before (zooming in hid 13726459018 and 13908829731).
        priority: edge.highlighted ? mustShowPriority : relationPriority,
        ...first!,
        width,
        height,
        fontPx,
        places: rest,
      });
    }
  }
  return candidates;
}

/**
 * A name drawn over the chart by the chart itself: a relation's, or a found path's entity's
 * below vis-network's size threshold. Where (canvas units, its centre) and what.
 */
interface OverlayLabel {
  kind: 'node' | 'edge';
  x: number;
  y: number;
  /** Font size in canvas units: the chosen screen size at the zoom it was chosen at. */
  size: number;
  text: string;
  colour: string;
}

/**
 * Relations' names, drawn by the chart rather than by vis-network, which can only put a name
 * at the middle of its line (where it had been hidden under another entity) and turns it along
 * the line: level, at the spot the declutter chose, at the relation's colour, in canvas units
 * so they follow pan and zoom until the declutter looks again. A found path's entities' names
 * too, where the zoom is below vis-network's threshold (it would not draw them); a name's lines
 * one under the other.
 */
function drawOverlayLabels(context: CanvasRenderingContext2D, labels: OverlayLabel[]) {
  if (!labels.length) return;
  context.save();
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.lineJoin = 'round';
  context.strokeStyle = '#ffffff';
  for (const label of labels) {
    context.font = `${label.size}px ${labelFace}`;
    context.lineWidth = label.size / 3;
    context.fillStyle = label.colour;
    const lines = label.text.split('\n');
    lines.forEach((line, index) => {
      const y = label.y + (index - (lines.length - 1) / 2) * label.size * 1.2;
      context.strokeText(line, label.x, y);
      context.fillText(line, label.x, y);
    });
  }
  context.restore();
}

/** A relation's colour as given to vis-network (a colour, or an object with one). */
function edgeColour(edge: Edge): string {
  const colour = edge.color as string | { color?: string } | undefined;
  return (typeof colour === 'string' ? colour : colour?.color) ?? '#475569';
}

/** A relation's name: after the entities' (a dimmed one's too), before nothing. */
const relationPriority = 1;

/** A selected entity's label, before all but a highlighted path's. */
const selectedPriority = 900;

/** Each entity's icon on screen, whole: a name over a neighbour's icon hides whose icon it is. */
function iconBoxes(instance: Network, nodeLabels: Map<string, LabelSource>) {
  const scale = instance.getScale();
  const positions = instance.getPositions();
  return [...nodeLabels].flatMap(([id, source]) => {
    const position = positions[id];
    if (!position) return [];
    const centre = instance.canvasToDOM(position);
    const half = (source.size + source.border / 2) * scale;
    return [{ id, left: centre.x - half, top: centre.y - half, width: 2 * half, height: 2 * half }];
  });
}

/**
 * The force layout comes out round; the canvas is wide. Stretch the layout along the wider
 * axis (at most 1.6×) so the fit that follows uses the canvas instead of a disc in its middle.
 */
function stretchToCanvas(instance: Network, element: HTMLElement) {
  const positions = Object.entries(instance.getPositions());
  if (positions.length < 3 || !element.clientHeight) return;
  const xs = positions.map(([, p]) => p.x);
  const ys = positions.map(([, p]) => p.y);
  const width = Math.max(...xs) - Math.min(...xs) || 1;
  const height = Math.max(...ys) - Math.min(...ys) || 1;
  const want = element.clientWidth / element.clientHeight;
  const ratio = want / (width / height);
  if (Math.abs(Math.log(ratio)) < 0.1) return;
  const stretchX = ratio > 1 ? Math.min(ratio, 1.6) : 1;
  const stretchY = ratio < 1 ? Math.min(1 / ratio, 1.6) : 1;
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  for (const [id, p] of positions)
    instance.moveNode(id, cx + (p.x - cx) * stretchX, cy + (p.y - cy) * stretchY);
}

/** Zoom at which people's and organisations' names (18 px) are drawn at 13 px. */
const readableScale = 13 / 18;

/**
 * A force layout spaces entities for physics, not for reading: fitted into a laptop's canvas
 * its names come out under the legible size. When the fit would be below the readable zoom,
 * pull the layout together and push apart whatever then
 * overlaps, icon and name, so the fit that follows shows the names.
 */
function compactToReadable(
  instance: Network,
  element: HTMLElement,
  labels: Map<string, LabelSource>,
) {
  const entries = Object.entries(instance.getPositions());
  if (entries.length < 3 || entries.length > declutterUpTo) return;
  const sources = entries.map(([id]) => labels.get(id));
  // Each entity's icon and name as drawn: the name under the icon, its widest line (the legal
  // status under a name is often wider than it), down to the glyphs' foot (nodeLabelBox). The
  // box is separated about its own middle, below the icon's centre by half the name's height.
  const names = sources.map((source) => {
    const lines = source?.label ? source.label.split('\n') : [];
    const fontSize = source?.fontSize ?? 14;
    return {
      width: Math.max(0, ...lines.map((line) => textWidth(line, fontSize))) + nodeHalo,
      height: lines.length
        ? fontSize / 2 +
          4 +
          (lines.length - 1) * fontSize +
          glyphExtent(lines, fontSize).descent +
          nodeHalo / 2
        : 0,
    };
  });
  const radii = sources.map((source) => (source?.size ?? 16) + (source?.border ?? 1) / 2);
  const points = entries.map(([, p], index) => ({ x: p.x, y: p.y + names[index]!.height / 2 }));
  const widths = names.map((name, index) => Math.max(2 * radii[index]!, name.width) + 8);
  const heights = names.map((name, index) => 2 * radii[index]! + name.height + 2);
  // Separating grows the layout again: a few rounds of shrink and separate converge.
  for (let round = 0; round < 4; round += 1) {
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const width = Math.max(...xs) - Math.min(...xs) + 120;
    const height = Math.max(...ys) - Math.min(...ys) + 120;
    const fit = Math.min(element.clientWidth / width, element.clientHeight / height);
    if (fit >= readableScale) break;
    const shrink = Math.max(fit / readableScale, 0.6);
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
    const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
    for (const point of points) {
      point.x = cx + (point.x - cx) * shrink;
      point.y = cy + (point.y - cy) * shrink;
    }
    // Separating pushes a pair up and down unless their boxes overlap far less across than
    // down: English names ("(Released on bail)") are wide, so every push was vertical and the
    // layout came out a tall strip (18 of the 50 off a 1366×768 canvas). No taller than the
    // canvas at the readable zoom, then (or than the layout is now): a pair at that edge moves
    // sideways, where the wide canvas has room.
    const span = (Math.max(...ys) - Math.min(...ys)) * shrink;
    const half = Math.max(span, element.clientHeight / readableScale - 120) / 2;
    separate(points, {
      widths,
      height: heights,
      box: { left: -Infinity, top: cy - half, right: Infinity, bottom: cy + half },
    });
  }
  entries.forEach(([id], index) =>
    instance.moveNode(id, points[index]!.x, points[index]!.y - names[index]!.height / 2),
  );
}

/**
 * Clears the room under each principal's icon (a person under a measure: label-importance) that
 * its name needs, moving the lesser entities there aside (makeRoomForNames): the force layout
 * spaces icons, and a phone just under 刘某, 周某 or 许某 had left each unnamed at the default view.
 */
function roomForPrincipalNames(instance: Network, labels: Map<string, LabelSource>) {
  if (labels.size > declutterUpTo) return;
  const positions = instance.getPositions();
  // The most important names get their room first (a leader's before a phone-holder's): a
  // principal cleared for stays, the rest move out of its way.
  const ranked = [...labels].sort(
    ([a, left], [b, right]) => right.priority - left.priority || a.localeCompare(b),
  );
  const items = ranked.flatMap(([id, source]) => {
    const position = positions[id];
    if (!position) return [];
    const lines = source.label.split('\n');
    return [
      {
        id,
        x: position.x,
        y: position.y,
        // The icon with its border, and the name as wide as drawn: as the declutter checks them.
        radius: source.size + source.border / 2,
        labelWidth:
          Math.max(
            0,
            ...lines.map((line) =>
              Math.max(textEms(line) * source.fontSize, textWidth(line, source.fontSize)),
            ),
          ) +
          nodeHalo +
          2,
        // Down to the glyphs' foot as vis-network draws them (nodeLabelBox).
        labelHeight:
          source.fontSize / 2 +
          4 +
          (lines.length - 1) * source.fontSize +
          glyphExtent(lines, source.fontSize).descent +
          nodeHalo / 2,
        principal: source.priority >= principalPriority,
      },
    ];
  });
  for (const [id, x, y] of makeRoomForNames(items)) instance.moveNode(id, x, y);
}

/** A person's or organisation's label priority with a legal measure (label-importance). */
const principalPriority = 100 + measureImportance;

/**
 * The first view, and the force layout's after another: the whole chart fitted. Zoomed in
 * further to keep names legible it had cut the chart's edges off (梁某 above the canvas of a
 * 1366×768 laptop until fitted by hand); the names too small there show on zooming in.
 */
function initialView(instance: Network) {
  instance.fit({ animation: false });
}

/** vis-network's image cache (not in its typings): an icon is drawn once it is initialised. */
type ImageCache = {
  images?: { images?: Record<string, { image: HTMLImageElement; initialized(): boolean }> };
};

/** Resolves when every image the network has asked for has loaded or failed (at most 5 s). */
function iconsLoaded(instance: Network): Promise<void> {
  const cached = Object.values((instance as unknown as ImageCache).images?.images ?? {});
  const waits = cached
    .filter((entry) => !entry.initialized())
    .map(
      (entry) =>
        new Promise<void>((resolve) => {
          // vis-network's own load listener came first: it has initialised the image by then.
          entry.image.addEventListener('load', () => resolve(), { once: true });
          entry.image.addEventListener('error', () => resolve(), { once: true });
        }),
    );
  return Promise.race([
    Promise.all(waits).then(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, 5_000)),
  ]);
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
  /** What the DataSets hold, by ID: only what changed is given to vis-network again. */
  const appliedNodes = useRef(new Map<string, Applied<Node>>());
  const appliedEdges = useRef(new Map<string, Applied<Edge>>());
  /** The relation options (straight or curved) last set: setting them again reparses every relation. */
  const appliedEdgeOptions = useRef('');
  /**
   * Large charts get their entities' labels only once they come into view at a readable size
   * (vis-network measures every label it holds when it fits or first draws the chart, though
   * at the fitted zoom it draws none of them); these have theirs.
   */
  const lazyLabels = useRef(false);
  const revealed = useRef(new Set<string>());
  /** A layout held while the positions were awaited: done when they come (or do not). */
  const heldRelayout = useRef(false);
  /** Positions set while held (a saved view's entities come before its relations): fitted when done. */
  const heldMove = useRef(false);
  /** Cluster IDs made on the canvas, opened before the data changes and made again after. */
  const grouped = useRef<string[]>([]);
  const handlers = useRef(props);
  handlers.current = props;
  /** Full labels as given, and which are blanked because they would overlap or be too small. */
  const nodeLabels = useRef(new Map<string, LabelSource>());
  const edgeLabels = useRef(new Map<string, EdgeLabelSource>());
  /**
   * Relations' names the declutter chose, and a found path's names too small for vis-network,
   * drawn after vis-network's own drawing.
   */
  const overlayLabels = useRef<OverlayLabel[]>([]);
  const blanked = useRef(new Set<string>());
  /** Entities whose label the declutter put above the icon: the font's vertical shift given. */
  const raised = useRef(new Map<string, number>());
  /** Selected or found entities: named first. */
  const selected = useRef(new Set<string>());
  const declutter = useRef<() => void>(() => undefined);
  /** The supply-chain layout last placed: its rows carry the tier names, its bounds the fit. */
  const chainPlaced = useRef<ChainPlacement | null>(null);

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
    instance.on('select', (event: { nodes: IdType[] }) => {
      selected.current = new Set(event.nodes.map(String));
      declutter.current();
      handlers.current.onSelect(event.nodes.map(String));
    });
    instance.on(
      'oncontext',
      (event: { pointer: { DOM: { x: number; y: number } }; event: Event }) => {
        event.event.preventDefault();
        const nodeId = instance.getNodeAt(event.pointer.DOM);
        // In the window's coordinates: the menu floats over the page, not inside the chart.
        const box = container.current!.getBoundingClientRect();
        handlers.current.onContextMenu({
          nodeId: nodeId === undefined || instance.isCluster(nodeId) ? null : String(nodeId),
          x: box.left + event.pointer.DOM.x,
          y: box.top + event.pointer.DOM.y,
        });
      },
    );
    const element = container.current!;
    /** The tier names drawn now (none outside the supply-chain layout). */
    const tierBoxes = () => {
      const labels = handlers.current.levelLabels;
      const placed = chainPlaced.current;
      return labels && placed && handlers.current.layout === 'chain'
        ? tierLabelBoxes(instance, placed.rows, labels)
        : [];
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Labels: none under the minimum size, none overlapping another; the rest on hover
    // (tooltip) or when zoomed in. Runs when the view settles, not every frame.
    const runDeclutter = () => {
      if (network.current !== instance) return;
      // Not while the layout runs (it declutters once done): labels given to vis-network in the
      // middle of its physics changed the layout with the machine's speed, two layouts of one
      // chart, one of them leaving 何某丽 and 冯某 unnamed.
      if (element.dataset['stable'] === 'false') return;
      if (lazyLabels.current) {
        const coming = labelsComingIntoView(
          instance,
          element,
          nodeLabels.current,
          revealed.current,
        );
        const updates: Node[] = [];
        for (const id of coming) {
          revealed.current.add(id);
          const label = nodeLabels.current.get(id)!.label;
          updates.push({ id, label });
          const applied = appliedNodes.current.get(id);
          if (applied) applied.label = label;
        }
        if (updates.length) nodeSet.update(updates);
      }
      // The tier names down the left edge are obstacles too: no label is drawn under one.
      const tiers = tierBoxes();
      const chosen =
        nodeLabels.current.size > declutterUpTo
          ? null
          : chooseLabels(
              labelCandidates(
                instance,
                nodeLabels.current,
                edgeLabels.current,
                selected.current,
                handlers.current.layout !== 'chain',
              ),
              { width: element.clientWidth, height: element.clientHeight },
              [
                ...iconBoxes(instance, nodeLabels.current),
                ...tiers.map((tier) => ({ ...tier, id: `tier:${tier.text}` })),
              ],
            );
      if (chosen) {
        const scale = instance.getScale();
        const positions = instance.getPositions();
        // Names chosen where vis-network draws none (a found path's or a key person's, zoomed
        // out; one beside its icon): drawn by the chart, their entities' own labels left blank.
        const ownDrawn = new Set(
          chosen
            .filter(
              (label) =>
                label.kind === 'node' &&
                (label.beside === true ||
                  nodeLabels.current.get(label.id)!.fontSize * scale < minLabelPx),
            )
            .map((label) => label.id),
        );
        const shown = new Set(
          chosen
            .filter((label) => !(label.kind === 'node' && ownDrawn.has(label.id)))
            .map((label) => `${label.kind}:${label.id}`),
        );
        const nodeUpdates: Node[] = [];
        // A label put above its icon: vis-network draws it under, shifted up by the icon and
        // the label's box (in canvas units); one put back under loses the shift.
        const shifts = new Map<string, Node['font']>();
        for (const label of chosen) {
          if (label.kind !== 'node' || ownDrawn.has(label.id)) continue;
          // From under the icon to above it: the box's offset below the centre twice, and its height.
          const centreY = instance.canvasToDOM(positions[label.id] ?? { x: 0, y: 0 }).y;
          const under = centreY + (centreY - label.top - label.height);
          const shift = label.raised ? (label.top - under) / scale : 0;
          if (Math.abs((raised.current.get(label.id) ?? 0) - shift) < 0.5) continue;
          if (shift) raised.current.set(label.id, shift);
          else raised.current.delete(label.id);
          // The whole font: the DataSet replaces an item's fields, it does not merge them.
          const font = appliedNodes.current.get(label.id)?.element.font;
          shifts.set(label.id, { ...(typeof font === 'object' ? font : {}), vadjust: shift });
        }
        for (const [id, source] of nodeLabels.current) {
          const key = `node:${id}`;
          if (shown.has(key) === !blanked.current.has(key)) continue;
          if (shown.has(key)) blanked.current.delete(key);
          else blanked.current.add(key);
          const text = shown.has(key) ? source.label : '';
          const font = shifts.get(id);
          shifts.delete(id);
          nodeUpdates.push(font ? { id, label: text, font } : { id, label: text });
          const applied = appliedNodes.current.get(id);
          if (applied) applied.label = text;
        }
        const drawn = chosen.flatMap((label): OverlayLabel[] => {
          const source =
            label.kind === 'edge'
              ? edgeLabels.current.get(label.id)
              : ownDrawn.has(label.id)
                ? { ...nodeLabels.current.get(label.id)!, colour: nodeLabelColour }
                : undefined;
          if (!source) return [];
          const at = instance.DOMtoCanvas({
            x: label.left + label.width / 2,
            y: label.top + label.height / 2,
          });
          const size = label.fontPx / scale;
          const kind = label.kind === 'edge' ? 'edge' : 'node';
          return [{ kind, x: at.x, y: at.y, size, text: source.label, colour: source.colour }];
        });
        if (JSON.stringify(drawn) !== JSON.stringify(overlayLabels.current)) {
          overlayLabels.current = drawn;
          instance.redraw();
        }
        for (const [id, font] of shifts) nodeUpdates.push({ id, font });
        if (nodeUpdates.length) nodeSet.update(nodeUpdates);
      } else if (overlayLabels.current.length) {
        overlayLabels.current = [];
        instance.redraw();
      }
      // For tests: the labels drawn, in screen pixels.
      element.dataset['labels'] = JSON.stringify(
        (chosen ?? []).map((label) => ({
          id: label.id,
          kind: label.kind,
          text:
            label.kind === 'node'
              ? nodeLabels.current.get(label.id)?.label
              : edgeLabels.current.get(label.id)?.label,
          box: [label.left, label.top, label.width, label.height].map(Math.round),
          fontPx: Math.round(label.fontPx * 10) / 10,
        })),
      );
      // For tests: the relation labels vis-network holds to draw (as it has them, not as sent).
      const edges = (instance as unknown as EdgeBodies).body?.edges ?? {};
      element.dataset['edgeLabelsHeld'] = String(
        Object.values(edges).filter((edge) => (edge.options?.label ?? '').trim() !== '').length,
      );
      element.dataset['edgeLabelsDrawn'] = String(
        overlayLabels.current.filter((label) => label.kind === 'edge').length,
      );
      // For tests: the entities' names the chart drew itself (a found path's, zoomed out).
      element.dataset['namesDrawn'] = JSON.stringify(
        overlayLabels.current.filter((label) => label.kind === 'node').map((label) => label.text),
      );
      element.dataset['labelled'] = element.dataset['layouts'] ?? '0';
    };
    declutter.current = () => {
      clearTimeout(timer);
      timer = setTimeout(runDeclutter, 120);
    };
    instance.on('stabilizationIterationsDone', () => {
      instance.setOptions({ physics: { enabled: false } });
      stretchToCanvas(instance, element);
      compactToReadable(instance, element, nodeLabels.current);
      stretchToCanvas(instance, element);
      roomForPrincipalNames(instance, nodeLabels.current);
      initialView(instance);
      markStable(instance, element, handlers.current.onStable);
      declutter.current();
    });
    instance.on('dragEnd', () => {
      publishPositions(instance, element);
      declutter.current();
    });
    instance.on('zoom', () => {
      publishView(instance, element);
      declutter.current();
    });
    instance.on('animationFinished', () => {
      publishView(instance, element);
      declutter.current();
    });
    instance.on('afterDrawing', (context: CanvasRenderingContext2D) => {
      drawOverlayLabels(context, overlayLabels.current);
      const tiers = tierBoxes();
      if (tiers.length) drawLevelLabels(context, tiers);
      // For tests: the tier names drawn, in screen pixels.
      const published = JSON.stringify(
        tiers.map((tier) => ({
          text: tier.text,
          box: [tier.left, tier.top, tier.width, tier.height].map(Math.round),
        })),
      );
      if (element.dataset['tiers'] !== published) element.dataset['tiers'] = published;
    });
    // vis-network leaves its tooltip up when the pointer leaves the canvas from a node.
    const hideTooltip = () =>
      element.querySelectorAll<HTMLElement>('.vis-tooltip').forEach((tooltip) => {
        tooltip.style.visibility = 'hidden';
      });
    element.addEventListener('pointerleave', hideTooltip);
    instance.on('blurNode', hideTooltip);
    return () => {
      element.removeEventListener('pointerleave', hideTooltip);
      clearTimeout(timer);
      instance.destroy();
      network.current = null;
    };
    // The instance lives as long as the component (the sets never change); handlers are read through a ref.
  }, [nodeSet, edgeSet]);

  useEffect(() => {
    const instance = network.current;
    if (!instance) return;
    const waiting = props.waiting === true;
    const movePositions = appliedVersion.current !== props.positionsVersion;
    appliedVersion.current = props.positionsVersion;
    // A new look (highlight, colours, labels) only restyles; the layout runs again only when
    // entities or relations come or go, the layout changes, or positions are set.
    const structure = `${props.layout}|${props.nodes.map((node) => node.id).join(',')}|${props.edges.map((edge) => edge.id).join(',')}`;
    let relayout = movePositions || structure !== appliedStructure.current;
    appliedStructure.current = structure;
    // Awaiting positions: the elements are built now, laid out and drawn when they come.
    if (waiting && relayout) heldRelayout.current = true;
    let fitMoved = movePositions;
    if (waiting && movePositions) heldMove.current = true;
    if (!waiting && heldRelayout.current) {
      heldRelayout.current = false;
      relayout = true;
      fitMoved ||= heldMove.current;
      heldMove.current = false;
    }
    const hold = waiting && heldRelayout.current;
    const force = props.layout === 'force' && props.nodes.length <= 3_000;
    const { edges: edgeOptions, ...otherOptions } = layoutOptions(props.layout, props.nodes.length);
    // Without physics the options go before the data: physics left on from the last layout
    // would otherwise start on the new elements.
    const optionsFirst = relayout && !force;
    const chain = props.layout === 'chain';
    batched(
      instance,
      () => {
        // Relation options before the relations: set after, they rebuild every relation's geometry.
        const edgeKey = JSON.stringify(edgeOptions);
        if (relayout && edgeKey !== appliedEdgeOptions.current) {
          instance.setOptions({ edges: edgeOptions });
          appliedEdgeOptions.current = edgeKey;
        }
        if (relayout && container.current) container.current.dataset['stable'] = 'false';
        const applyLayoutOptions = () => instance.setOptions(otherOptions);
        if (optionsFirst) applyLayoutOptions();
        openClusters(instance, grouped.current);
        const wanted = new Set(props.nodes.map((node) => String(node.id)));
        const goneNodes = nodeSet.getIds().filter((id) => !wanted.has(String(id)));
        nodeSet.remove(goneNodes);
        for (const id of goneNodes) appliedNodes.current.delete(String(id));
        nodeLabels.current = new Map(
          props.nodes.map((node) => {
            const fontSize = (node.font as { size?: number } | undefined)?.size ?? 14;
            // A highlighted entity (graph-model: the thick border) first, a dimmed one last.
            const highlighted = (node.borderWidth ?? 0) >= 6;
            const dimmed = (node.opacity ?? 1) < 1;
            // People and organisations before objects; among them the leaders, sources and
            // those under a measure (label-importance) before the rest.
            const importance = props.labelImportance?.get(String(node.id)) ?? 0;
            const named = (fontSize >= 18 ? 100 : 10) + importance;
            return [
              String(node.id),
              {
                label: String(node.label ?? ''),
                fontSize,
                size: node.size ?? 16,
                border: node.borderWidth ?? 1,
                key: fontSize >= 18 && importance >= keyImportance,
                priority: highlighted ? mustShowPriority : dimmed ? named / 10 : named,
              },
            ];
          }),
        );
        edgeLabels.current = new Map(
          props.edges
            .filter((edge) => edge.label)
            .map((edge) => [
              String(edge.id),
              {
                label: String(edge.label),
                from: String(edge.from),
                to: String(edge.to),
                ...(edgeColour(edge) === highlightColour
                  ? { colour: pathLabelColour, highlighted: true }
                  : { colour: edgeColour(edge), highlighted: false }),
              },
            ]),
        );
        // The supply chain is placed here, on each relayout: from scratch, or where a saved
        // view put every entity (positions set on purpose).
        let placed: Positions | null = null;
        if (chain && relayout && !hold) {
          const placement = chainPositions(
            props.nodes.map((node) => {
              const id = String(node.id);
              const source = nodeLabels.current.get(id)!;
              return {
                id,
                level: typeof node.level === 'number' ? node.level : Number.MAX_SAFE_INTEGER,
                owner: props.chainOwners?.get(id),
                radius: source.size,
                ...chainLabelBox(source.label, source.fontSize),
              };
            }),
            props.edges.map((edge) => ({ from: String(edge.from), to: String(edge.to) })),
            container.current ? chainRoom(container.current, props.levelLabels) : undefined,
          );
          chainPlaced.current = placement;
          const saved =
            movePositions && props.nodes.every((node) => props.positions[String(node.id)]);
          if (!saved) placed = placement.positions;
        }
        const moving = movePositions || placed !== null;
        const places = placed ?? props.positions;
        // Labels blanked by the declutter stay blank until it looks again (no flash).
        const lazy = props.nodes.length > declutterUpTo;
        if (!lazy) revealed.current.clear();
        lazyLabels.current = lazy;
        const blank = { node: '', edge: blankEdgeLabel };
        // Where the declutter runs the chart draws the relations' names itself (drawOverlayLabels).
        const ownEdgeLabels = props.nodes.length <= declutterUpTo;
        const label = (kind: 'node' | 'edge', id: IdType | undefined, text: string | undefined) =>
          (kind === 'edge' && ownEdgeLabels) ||
          blanked.current.has(`${kind}:${String(id)}`) ||
          (lazy && kind === 'node' && !revealed.current.has(String(id)))
            ? blank[kind]
            : text;
        // Only what changed goes to vis-network (it parses every option of every element it
        // gets); unchanged entities whose positions were set are moved. Existing nodes keep
        // where the user put them unless positions were set on purpose.
        // A label the declutter put above its icon stays there when the entity's look changes.
        const shifted = (node: Node): Node => {
          const shift = raised.current.get(String(node.id));
          const font = typeof node.font === 'object' ? node.font : {};
          return shift ? { ...node, font: { ...font, vadjust: shift } } : node;
        };
        const nodeUpdates: Node[] = [];
        const moves: [string, number, number][] = [];
        for (const node of props.nodes) {
          const id = String(node.id);
          const shownLabel = label('node', node.id, node.label);
          const applied = appliedNodes.current.get(id);
          const place = places[id];
          if (applied && sameData(applied.element, node, lookSkips)) {
            if (applied.label !== shownLabel) nodeUpdates.push({ id, label: shownLabel ?? '' });
            if (moving && place) moves.push([id, place.x, place.y]);
          } else if (applied && !moving) {
            // The elements carry no positions: a changed look leaves the entity where it is.
            nodeUpdates.push({ ...shifted(node), label: shownLabel });
          } else {
            nodeUpdates.push({ ...shifted(node), x: place?.x, y: place?.y, label: shownLabel });
          }
          appliedNodes.current.set(id, { element: node, label: shownLabel ?? '' });
        }
        if (nodeUpdates.length) nodeSet.update(nodeUpdates);
        moveBodies(instance, moves);
        const wantedEdges = new Set(props.edges.map((edge) => String(edge.id)));
        const goneEdges = edgeSet.getIds().filter((id) => !wantedEdges.has(String(id)));
        edgeSet.remove(goneEdges);
        for (const id of goneEdges) appliedEdges.current.delete(String(id));
        const edgeUpdates: Edge[] = [];
        for (const edge of props.edges) {
          const id = String(edge.id);
          const shownLabel = edge.label ? label('edge', edge.id, edge.label) : edge.label;
          const applied = appliedEdges.current.get(id);
          if (applied && sameData(applied.element, edge, lookSkips)) {
            if (applied.label !== shownLabel) edgeUpdates.push({ id, label: shownLabel ?? '' });
          } else {
            edgeUpdates.push(edge.label ? { ...edge, label: shownLabel } : edge);
          }
          appliedEdges.current.set(id, { element: edge, label: shownLabel });
        }
        if (edgeUpdates.length) edgeSet.update(edgeUpdates);
        if (!hold) declutter.current();
        grouped.current = makeClusters(instance, handlers.current.clusters);
        if (!relayout) return;
        if (!optionsFirst) applyLayoutOptions();
        if (hold) {
          // Measures every label now, while the positions are computed (fitting the view and
          // the first draw need the sizes; a node keeps them until its label or font changes).
          (instance as unknown as Body).body.emitter.emit('_resizeNodes');
          return;
        }
        if (chain && chainPlaced.current && container.current)
          fitChain(instance, container.current, chainPlaced.current, props.levelLabels);
        // The community ring too opens fitted, centred (on its busiest entity at the legible
        // zoom it had shown a corner of the ring): its key people are named at any zoom.
        else if (!force && fitMoved) instance.fit({ animation: false });
      },
      !hold,
    );
    if (!relayout || hold) return;
    if (force) {
      instance.stabilize(props.nodes.length > 500 ? 200 : 500);
    } else {
      const element = container.current!;
      // The batch above asked vis-network for one redraw on the next frame.
      instance.once('afterDrawing', () => {
        markStable(instance, element, handlers.current.onStable);
        declutter.current();
      });
    }
  }, [
    props.nodes,
    props.edges,
    props.labelImportance,
    props.layout,
    props.positions,
    props.positionsVersion,
    props.waiting,
    props.chainOwners,
    props.levelLabels,
    nodeSet,
    edgeSet,
  ]);

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
    getTierRows: () => {
      const labels = handlers.current.levelLabels;
      const placed = chainPlaced.current;
      if (handlers.current.layout !== 'chain' || !labels || !placed) return [];
      return Object.entries(labels).flatMap(([level, name]) => {
        const y = placed.rows.get(Number(level));
        return y === undefined ? [] : [{ y: Math.round(y), name }];
      });
    },
    fit: () => {
      const instance = network.current;
      if (!instance) return;
      if (handlers.current.layout === 'chain' && chainPlaced.current && container.current) {
        fitChain(instance, container.current, chainPlaced.current, handlers.current.levelLabels);
        publishView(instance, container.current);
        declutter.current();
        return;
      }
      const animated = !prefersReducedMotion();
      instance.fit({
        animation: animated && { duration: 300, easingFunction: 'easeInOutQuad' },
      });
      // Without animation vis-network fires neither 'zoom' nor 'animationFinished': the view
      // published and the labels chosen stayed those of the zoom before (names drawn tiny).
      if (!animated && container.current) {
        publishView(instance, container.current);
        declutter.current();
      }
    },
    focus: (nodeId) => {
      network.current?.focus(nodeId, {
        scale: 1.2,
        animation: !prefersReducedMotion() && { duration: 400, easingFunction: 'easeInOutQuad' },
      });
      network.current?.selectNodes([nodeId]);
      // Without animation no event publishes the new view (with it, its end does again).
      if (network.current && container.current) publishView(network.current, container.current);
      // Found on the chart: named first (vis-network fires no select event for this).
      selected.current = new Set([nodeId]);
      declutter.current();
    },
    select: (nodeIds) => {
      selected.current = new Set(nodeIds);
      declutter.current();
      network.current?.selectNodes(nodeIds.filter((id) => nodeSet.get(id)));
    },
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
          nodes: nodeSet.get().map((node) => ({
            ...node,
            // Labels held back until they come into view are drawn in the copy.
            ...(lazyLabels.current && !revealed.current.has(String(node.id))
              ? { label: nodeLabels.current.get(String(node.id))?.label ?? node.label }
              : {}),
            ...positions[String(node.id)],
            fixed: true,
          })),
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
        // The copy loads its own icon images: drawn before they load, every entity is an
        // empty ring. Drawn once they have (or failed, or after a few seconds).
        await iconsLoaded(copy);
        const names = overlayLabels.current;
        copy.on('afterDrawing', (context: CanvasRenderingContext2D) =>
          drawOverlayLabels(context, names),
        );
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
