import {
  edgeLabelBeside,
  edgeLabelPlaces,
  ellipsise,
  kindGlyphs,
  labelColumns,
  relationStyles,
  separate,
  textEms,
} from '../../api/domain/chart-look';
import { entityKinds, kindColours, type EntityKind } from '../../api/domain/entity-kinds';
import { relationTypes, type RelationType } from '../../api/domain/relation-types';
import type { GraphData, GraphEdge } from '../../api/schemas/graph-schemas';
import { xmlText } from './xml-text';
import { boxesOverlap, type Box } from '../../api/domain/box-overlap';
import {
  curveAt,
  curvePoints,
  placeNames,
  placedIndex,
  polygonMeetsBox,
  routeRelation,
  trimCurve,
  type Curve,
  type PlacedName,
  type Point,
} from './chart-routing';

export type Positions = Record<string, { x: number; y: number }>;

/** Landscape pages at 96 px per inch (CSS pixels), the unit Chromium prints SVG in. */
export const pageSizes = {
  A4: { width: 1123, height: 794 },
  A3: { width: 1587, height: 1123 },
} as const;
export type PageSize = keyof typeof pageSizes;

/** What the title block of a printed chart says. */
interface ChartTitle {
  caseNo: string | null;
  caseTitle: string | null;
  unit: string;
  date: string;
  user: string;
  /** 内部 / 秘密 / 机密, or empty for none. */
  classification: string;
}

/** Words the drawing needs, in the document's language. */
export interface ChartWords {
  kindNames: Record<EntityKind, string>;
  relationNames: Record<RelationType, string>;
  /** Names on the relations themselves: short ones in Chinese (供货, 资金往来). */
  edgeNames: Record<RelationType, string>;
  /** Between a field's name and its value (：, ": "). */
  colon: string;
  legend: string;
  /** The legend's words for the red ring: 在逃 (at large). */
  atLarge: string;
  /** Each legal status's name, printed under a person's name as the screen shows it (逮捕). */
  statusNames: Record<string, string>;
  caseNo: string;
  unit: string;
  user: string;
  date: string;
  /** "{{nodes}} entities, {{edges}} relations". */
  scale: string;
  /** "{{count}} relations unnamed": those whose name found no room on the page. */
  unlabelled: string;
  /** "{{count}} entities unnamed": things whose name found no room (people never go unnamed). */
  unnamedEntities: string;
}

interface ChartSvgOptions {
  width: number;
  height: number;
  words: ChartWords;
  title?: ChartTitle | null;
  /** Legend at the right (pages) or under the chart (briefings); none when null. */
  legend?: 'right' | 'bottom' | null;
  /** Icon diameter; by default it shrinks as the chart grows. */
  iconSize?: number;
  /**
   * The supply-chain layout's rows (y as in the positions) and the tier name of each: the
   * entities stay on their rows, as on screen, and each name is printed at the left of its row.
   */
  tiers?: { y: number; name: string }[];
}

const fontFamily = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','SimHei',sans-serif";
const labelFont = 11;
/** The smallest name printed: 10 px is about 7 pt on an A4 or A3 page. */
const labelFloor = 10;
/** A white edge round printed text, so the lines under a name or a label do not cross it. */
const halo = ' stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"';
export { ellipsise };

const f = (value: number) => (Math.round(value * 10) / 10).toString();

/** One `<symbol>` per kind: the same icon as on screen (kind colour, white glyph). */
export function iconSymbols(kinds: Iterable<EntityKind>): string {
  return [...new Set(kinds)]
    .map(
      (kind) =>
        `<symbol id="icon-${kind}" viewBox="0 0 64 64"><circle cx="32" cy="32" r="32" fill="${kindColours[kind]}"/><g fill="#ffffff">${kindGlyphs[kind]}</g></symbol>`,
    )
    .join('');
}

/**
 * The arrowhead marker: a 10-unit triangle drawn 9 px long and wide, placed at refX 9, so its
 * point lies this far past the end of its relation's path.
 */
const arrowOverhang = 0.9;
const arrowLength = 9;

/** An arrowhead at the end of its drawn relation, along the curve's last course: its corners. */
function arrowhead(drawn: Curve): Point[] {
  const end = drawn.to;
  const before = drawn.controls.at(-1) ?? drawn.from;
  const length = Math.hypot(end.x - before.x, end.y - before.y) || 1;
  const [ux, uy] = [(end.x - before.x) / length, (end.y - before.y) / length];
  const corners = [
    [arrowOverhang, 0],
    [arrowOverhang - arrowLength, arrowLength / 2],
    [arrowOverhang - arrowLength, -arrowLength / 2],
  ].map(([along, across]) => ({
    x: end.x + ux * along! - uy * across!,
    y: end.y + uy * along! + ux * across!,
  }));
  return corners;
}

/** The box round an arrowhead's corners. */
function arrowheadBox(corners: Point[]): Box {
  const xs = corners.map((corner) => corner.x);
  const ys = corners.map((corner) => corner.y);
  const [left, top] = [Math.min(...xs), Math.min(...ys)];
  return [left, top, Math.max(...xs) - left, Math.max(...ys) - top];
}

function arrowMarkers(types: Iterable<RelationType>): string {
  return [...new Set(types)]
    .map(
      (type) =>
        `<marker id="arrow-${type}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${relationStyles[type].color}"/></marker>`,
    )
    .join('');
}

const dashArray = (dashes: boolean | number[]) =>
  Array.isArray(dashes) ? ` stroke-dasharray="${dashes.join(' ')}"` : '';

interface LegendItem {
  kind?: EntityKind;
  type?: RelationType;
  /** The red ring round an entity at large (在逃). */
  ring?: true;
  text: string;
  width: number;
}

/** Legend items laid out in rows no wider than `width`: kinds first, then relation types. */
function flowLegend(items: LegendItem[], width: number, rowHeight: number) {
  const placed: { item: LegendItem; x: number; y: number }[] = [];
  let x = 0;
  let y = 0;
  for (const item of items) {
    if (x > 0 && x + item.width > width) {
      x = 0;
      y += rowHeight;
    }
    placed.push({ item, x, y });
    x += item.width + 14;
  }
  return { placed, height: items.length ? y + rowHeight : 0 };
}

function legendItems(data: GraphData, words: ChartWords): LegendItem[] {
  const kinds = entityKinds.filter((kind) => data.nodes.some((node) => node.kind === kind));
  const types = relationTypes.filter((type) => data.edges.some((edge) => edge.type === type));
  return [
    ...kinds.map((kind) => ({
      kind,
      text: words.kindNames[kind],
      width: 22 + textEms(words.kindNames[kind]) * 12,
    })),
    ...types.map((type) => ({
      type,
      text: words.relationNames[type],
      width: 36 + textEms(words.relationNames[type]) * 12,
    })),
    // The ring is the print's most telling mark: said, where drawn.
    ...(data.nodes.some((node) => node.legalStatus === 'at_large')
      ? [{ ring: true as const, text: words.atLarge, width: 22 + textEms(words.atLarge) * 12 }]
      : []),
  ];
}

function drawLegend(
  placed: { item: LegendItem; x: number; y: number }[],
  origin: { x: number; y: number },
  /** Types drawn with an arrowhead: the legend's line has it too. */
  directed: ReadonlySet<RelationType>,
): string {
  const parts = ['<g class="legend">'];
  for (const { item, x, y } of placed) {
    const left = origin.x + x;
    const middle = origin.y + y + 9;
    if (item.kind)
      parts.push(
        `<use class="legend-icon" xlink:href="#icon-${item.kind}" href="#icon-${item.kind}" x="${f(left)}" y="${f(middle - 8)}" width="16" height="16"/>`,
        `<text x="${f(left + 21)}" y="${f(middle + 4)}" font-size="12" fill="#0f172a">${xmlText(item.text)}</text>`,
      );
    else if (item.ring)
      parts.push(
        `<circle class="legend-ring" cx="${f(left + 8)}" cy="${f(middle)}" r="7" fill="none" stroke="#dc2626" stroke-width="2.5"/>`,
        `<text x="${f(left + 21)}" y="${f(middle + 4)}" font-size="12" fill="#0f172a">${xmlText(item.text)}</text>`,
      );
    else if (item.type) {
      const style = relationStyles[item.type];
      parts.push(
        `<line class="legend-relation" x1="${f(left)}" y1="${f(middle)}" x2="${f(left + 28)}" y2="${f(middle)}" stroke="${style.color}" stroke-width="${style.width}"${dashArray(style.dashes)}${directed.has(item.type) ? ` marker-end="url(#arrow-${item.type})"` : ''}/>`,
        `<text x="${f(left + 34)}" y="${f(middle + 4)}" font-size="12" fill="#0f172a">${xmlText(item.text)}</text>`,
      );
    }
  }
  parts.push('</g>');
  return parts.join('');
}

function titleBlock(title: ChartTitle, words: ChartWords, width: number, margin: number): string {
  const right = width - margin;
  const boxWidth = title.classification ? textEms(title.classification) * 18 + 20 : 0;
  // A long title is cut short before the classification mark (it had run under the mark and
  // off the page): 20 px a full-width character, columns counted in half ones.
  const titleColumns = Math.max(4, Math.floor(((right - boxWidth - 16 - margin) / 20) * 2));
  const parts = ['<g class="title-block">'];
  parts.push(
    `<text x="${margin}" y="${margin + 20}" font-size="20" font-weight="bold" fill="#0f172a">${xmlText(ellipsise(title.caseTitle ?? '', titleColumns))}</text>`,
    `<text x="${margin}" y="${margin + 44}" font-size="13" fill="#334155">${xmlText(
      [
        title.caseNo ? `${words.caseNo}${words.colon}${title.caseNo}` : '',
        title.unit ? `${words.unit}${words.colon}${title.unit}` : '',
      ]
        .filter(Boolean)
        .join('\u3000'),
    )}</text>`,
    `<text x="${right}" y="${margin + 44}" font-size="13" fill="#334155" text-anchor="end">${xmlText(
      `${words.user}${words.colon}${title.user}\u3000${words.date}${words.colon}${title.date}`,
    )}</text>`,
  );
  if (title.classification) {
    parts.push(
      `<rect class="classification" x="${f(right - boxWidth)}" y="${margin}" width="${f(boxWidth)}" height="26" fill="none" stroke="#dc2626" stroke-width="2"/>`,
      `<text x="${f(right - boxWidth / 2)}" y="${margin + 19}" font-size="18" font-weight="bold" fill="#dc2626" text-anchor="middle">${xmlText(title.classification)}</text>`,
    );
  }
  parts.push(
    `<line x1="${margin}" y1="${margin + 56}" x2="${right}" y2="${margin + 56}" stroke="#0f172a" stroke-width="1.5"/>`,
    '</g>',
  );
  return parts.join('');
}

/** Pairs of entities with their relations, so parallel relations can be bent apart. */
function parallelOffsets(edges: GraphEdge[]): Map<string, number> {
  const groups = new Map<string, GraphEdge[]>();
  for (const edge of edges) {
    const key =
      edge.from < edge.to ? `${edge.from}\u0000${edge.to}` : `${edge.to}\u0000${edge.from}`;
    groups.set(key, [...(groups.get(key) ?? []), edge]);
  }
  const offsets = new Map<string, number>();
  for (const group of groups.values())
    group.forEach((edge, index) => {
      // Offsets are measured to the left of the pair's canonical direction (low ID → high ID).
      const offset = index - (group.length - 1) / 2;
      offsets.set(edge.id, edge.from < edge.to ? offset : -offset);
    });
  return offsets;
}

/** Around the page's content; the title block's height; the legend's column on the right. */
const pageMargin = 24;
const titleHeight = 68;
const legendColumn = 170;

/** The column of tier names at a printed chain's left. */
export function tierColumnWidth(names: string[]): number {
  return names.length ? Math.max(...names.map((name) => textEms(name))) * 13 + 16 : 0;
}

/**
 * Width over height of the room a titled page with its legend on the right leaves the chart,
 * right of a column of tier names `tierNames` wide: the shape a supply chain is laid out to.
 */
export function titledChartAspect(page: PageSize, tierNames: number): number {
  const { width, height } = pageSizes[page];
  const roomX = width - 2 * pageMargin - (legendColumn + 24) - (tierNames + 8);
  const roomY = height - 2 * pageMargin - titleHeight;
  return roomX / roomY;
}

/**
 * A chart as a standalone SVG: the same icons, colours, dashes and arrows as on screen, names
 * under the entities (cut with an ellipsis, the full text as a tooltip), each relation's short
 * name on it, parallel relations bent apart, and optionally a title block (case, unit, user,
 * date, classification mark) and a legend of the kinds and relation types present. The one
 * renderer behind chart exports (SVG, PNG, PDF), the briefing's gang chart and the CLI.
 */
export function chartSvg(data: GraphData, positions: Positions, options: ChartSvgOptions): string {
  const { width, height, words } = options;
  const margin = pageMargin;
  const placedNodes = data.nodes.filter((node) => positions[node.id]);
  const shown = new Set(placedNodes.map((node) => node.id));
  const edges = data.edges.filter((edge) => shown.has(edge.from) && shown.has(edge.to));
  const drawn: GraphData = { nodes: placedNodes, edges, truncated: data.truncated };

  let top = margin;
  const parts: string[] = [];
  if (options.title) {
    parts.push(titleBlock(options.title, words, width, margin));
    top += titleHeight;
  }
  const box = { x: margin, y: top, width: width - 2 * margin, height: height - top - margin };
  const items = options.legend ? legendItems(drawn, words) : [];
  const directed = new Set(edges.filter((edge) => edge.directed).map((edge) => edge.type));
  const scaleText = words.scale
    .replace('{{nodes}}', String(placedNodes.length))
    .replace('{{edges}}', String(edges.length));
  /** Where the legend says how many relations are unnamed, once the names are placed. */
  let noteAt: Point | null = null;
  if (options.legend === 'right') {
    const column = legendColumn;
    const flowed = flowLegend(items, column, 22);
    noteAt = { x: width - margin - column, y: top + 24 + flowed.height + 38 };
    parts.push(
      `<text x="${f(width - margin - column)}" y="${f(top + 14)}" font-size="14" font-weight="bold" fill="#0f172a">${xmlText(words.legend)}</text>`,
      drawLegend(flowed.placed, { x: width - margin - column, y: top + 24 }, directed),
      `<text class="scale" x="${f(width - margin - column)}" y="${f(top + 24 + flowed.height + 20)}" font-size="12" fill="#475569">${xmlText(scaleText)}</text>`,
      `<line x1="${f(width - margin - column - 12)}" y1="${f(top)}" x2="${f(width - margin - column - 12)}" y2="${f(height - margin)}" stroke="#cbd5e1"/>`,
    );
    box.width -= column + 24;
  } else if (options.legend === 'bottom') {
    const flowed = flowLegend(items, box.width, 22);
    const legendTop = height - margin - flowed.height - 18;
    noteAt = { x: margin + textEms(scaleText) * 12 + 24, y: height - margin };
    parts.push(
      `<line x1="${margin}" y1="${f(legendTop - 8)}" x2="${width - margin}" y2="${f(legendTop - 8)}" stroke="#cbd5e1"/>`,
      drawLegend(flowed.placed, { x: margin, y: legendTop }, directed),
      `<text class="scale" x="${margin}" y="${f(height - margin)}" font-size="12" fill="#475569">${xmlText(scaleText)}</text>`,
    );
    box.height = legendTop - 16 - top;
  }

  // Only rows within the entities' extent (a row named past it would be printed off the page).
  const rowsSpan = placedNodes.map((node) => positions[node.id]!.y);
  const tiers = (options.tiers ?? []).filter(
    (tier) => tier.y >= Math.min(...rowsSpan) && tier.y <= Math.max(...rowsSpan),
  );
  const chain = tiers.length > 0;
  // The column of tier names at the chart's left, as on screen: the entities right of it.
  const tierColumn = chain ? tierColumnWidth(tiers.map((tier) => tier.name)) : 0;
  if (chain) {
    box.x += tierColumn + 8;
    box.width -= tierColumn + 8;
  }
  const count = placedNodes.length;
  let icon = options.iconSize ?? (count <= 60 ? 34 : count <= 150 ? 26 : count <= 400 ? 18 : 10);
  const showLabels = count <= 400;
  const showEdgeLabels = edges.length <= 300;
  // Fit the layout into the box, leaving room for the labels under the icons.
  const xs = placedNodes.map((node) => positions[node.id]!.x);
  const ys = placedNodes.map((node) => positions[node.id]!.y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const spanX = Math.max(...xs) - minX;
  const spanY = Math.max(...ys) - minY;
  const padRadius = icon / 2;
  const padX = showLabels ? Math.max(padRadius, labelColumns * labelFont * 0.3) : padRadius;
  const padTop = padRadius + 2;
  const padBottom = padRadius + (showLabels ? labelFont + 6 : 2);
  const innerWidth = Math.max(box.width - 2 * padX, 1);
  const innerHeight = Math.max(box.height - padTop - padBottom, 1);
  // Each axis is stretched to the box, but never more than 1.6 times the other, so the
  // chart uses the page without distorting the layout beyond recognition.
  const fitX = spanX > 0 ? innerWidth / spanX : Infinity;
  const fitY = spanY > 0 ? innerHeight / spanY : Infinity;
  const base = Math.min(fitX, fitY, 2);
  const usedScale = Number.isFinite(base) ? base : 1;
  const scaleX = Number.isFinite(fitX) ? Math.min(fitX, usedScale * 1.6) : usedScale;
  const scaleY = Number.isFinite(fitY) ? Math.min(fitY, usedScale * 1.6) : usedScale;
  const offsetX = box.x + padX + (innerWidth - Math.max(spanX, 0) * scaleX) / 2;
  const offsetY = box.y + padTop + (innerHeight - Math.max(spanY, 0) * scaleY) / 2;
  // A row's y on the page, in whole pixels: every entity of a row and its tier name at one y.
  const pageY = (y: number) => {
    const onPage = offsetY + (y - minY) * scaleY;
    return chain ? Math.round(onPage) : onPage;
  };
  const points = placedNodes.map((node) => ({
    x: offsetX + (positions[node.id]!.x - minX) * scaleX,
    y: pageY(positions[node.id]!.y),
  }));
  if (chain) {
    // The chain's things sit close beside their owners (screen units: 44 apart at the nearest);
    // their icons shrink with the page's scale rather than cover one another.
    const nearest = Math.min(
      Infinity,
      ...points.flatMap((p, i) =>
        points.slice(i + 1).flatMap((q) => (q.y === p.y ? [Math.abs(q.x - p.x)] : [])),
      ),
    );
    if (Number.isFinite(nearest)) icon = Math.max(10, Math.min(icon, Math.floor(nearest - 2)));
  }
  const radius = icon / 2;
  // A person's legal status under the name, as on screen: the printed chart had kept only the
  // 在逃 ring, and who was arrested, on bail or detained was lost on paper.
  const statusOf = (node: GraphData['nodes'][number]) =>
    showLabels && node.legalStatus && node.legalStatus !== 'none'
      ? (words.statusNames[node.legalStatus] ?? null)
      : null;
  const statusFont = Math.round(labelFont * 0.9);
  const anyStatus = placedNodes.some((node) => statusOf(node) !== null);
  // Entities pushed apart where names would collide; the supply chain keeps its rows (its names
  // are decluttered instead, below).
  if (count <= 400 && !chain)
    separate(points, {
      // The name or the status under it, whichever is wider: 周某's (取保候审) had run under
      // 陈某辉's icon in the briefing.
      widths: placedNodes.map(
        (node) =>
          Math.max(
            icon,
            showLabels ? textEms(ellipsise(node.label)) * labelFont : 0,
            statusOf(node) ? (textEms(statusOf(node)!) + 1) * statusFont : 0,
          ) + 6,
      ),
      height: icon + (showLabels ? labelFont + 8 + (anyStatus ? statusFont + 2 : 0) : 4),
      box: {
        left: box.x + padX,
        top: box.y + padTop,
        right: box.x + box.width - padX,
        bottom: box.y + box.height - padBottom,
      },
    });
  const at = new Map(placedNodes.map((node, index) => [node.id, points[index]!]));

  // What the page already holds: each entity's icon (its ring too) and, until the names are
  // placed, its name where it usually goes, under the icon.
  const iconBoxes = new Map(
    placedNodes.map((node) => {
      const { x, y } = at.get(node.id)!;
      return [node.id, [x - radius, y - radius, icon, icon] as Box];
    }),
  );
  const statusFontOf = (font: number) => Math.round(font * 0.9);
  // The name and the status under it, at a font size: the wider line and both lines' height.
  const nameSize = (node: GraphData['nodes'][number], font: number) => {
    const status = statusOf(node);
    return {
      width: Math.max(
        textEms(ellipsise(node.label)) * font,
        status ? (textEms(status) + 1) * statusFontOf(font) : 0,
      ),
      height: font + 3 + (status ? statusFontOf(font) + 2 : 0),
    };
  };
  const ringOf = (node: GraphData['nodes'][number]) =>
    radius + (node.legalStatus === 'at_large' ? 3.75 : 0);
  const usualName = (node: GraphData['nodes'][number]): Box => {
    const { x, y } = at.get(node.id)!;
    const { width, height } = nameSize(node, labelFont);
    return [x - width / 2, y + radius + 2, width, height];
  };
  // The tier names, each at the left of its row, at the height of its entities.
  const tierBoxes = tiers.map((tier) => {
    const width = textEms(tier.name) * 13 + 16;
    return {
      name: tier.name,
      y: pageY(tier.y),
      box: [margin, pageY(tier.y) - 12, width, 24] as Box,
    };
  });

  // Each relation's way: straight (or bent apart from its parallels) unless that runs through
  // a third entity's icon or name; then round them. On the supply chain's rows a call between
  // two phones had run straight through 刘某 and 陈某辉, as if they had made it.
  const placedAt = placedNodes.map((node) => {
    const { x, y } = at.get(node.id)!;
    return { id: node.id, x, y, r: ringOf(node), name: showLabels ? usualName(node) : undefined };
  });
  const placedById = new Map(placedAt.map((placed) => [placed.id, placed]));
  const offsets = parallelOffsets(edges);
  const pairKey = (edge: GraphEdge) =>
    edge.from < edge.to ? `${edge.from}\u0000${edge.to}` : `${edge.to}\u0000${edge.from}`;
  const routesOfPair = new Map<string, Curve[]>();
  const others = placedIndex(placedAt);
  const routes = edges.map((edge) => {
    const taken = routesOfPair.get(pairKey(edge)) ?? [];
    const curve = routeRelation(placedById.get(edge.from)!, placedById.get(edge.to)!, {
      bend: offsets.get(edge.id) ?? 0,
      step: Math.max(radius, 12),
      others,
      // Hundreds of entities: fewer bends tried; over 400 (dots, no names) straight lines.
      tries: count > 400 ? 0 : count > 150 ? 4 : 10,
      taken,
      frame: [box.x, box.y, box.width, box.height],
    });
    routesOfPair.set(pairKey(edge), [...taken, curve]);
    return curve;
  });
  // Each relation as drawn: from the rim of its start (or the ring round it) to the rim of its
  // end, where an arrow's point touches it; the arrowhead's box is kept clear of every name
  // (in the ring layout 许某→梁某's point had ended under 梁某's name, 1.1 px short of his icon).
  const drawnRoutes = edges.map((edge, index) =>
    trimCurve(
      routes[index]!,
      placedById.get(edge.from)!.r + 1,
      placedById.get(edge.to)!.r + (edge.directed ? arrowOverhang : 1),
    ),
  );
  const arrowheads = edges.flatMap((edge, index) =>
    edge.directed ? [arrowhead(drawnRoutes[index]!)] : [],
  );
  const arrowBoxes = arrowheads.map(arrowheadBox);

  // Every entity named, where its name covers nothing (paper cannot be hovered): 17 of the
  // demo's 50 had been printed nameless, a person and 11 of 12 phones among them. People and
  // organisations first; a smaller font down to the print's floor (10 px, about 7 pt on an A4
  // or A3 page); then set apart with a leader line.
  const names = showLabels
    ? placeNames(
        placedNodes.map((node) => ({
          id: node.id,
          ...at.get(node.id)!,
          r: ringOf(node),
          principal: node.kind === 'person' || node.kind === 'organisation',
          size: (font: number) => nameSize(node, font),
        })),
        {
          fonts: [labelFont, labelFloor],
          icons: iconBoxes,
          blocked: [...tierBoxes.map((tier) => tier.box), ...arrowBoxes],
          frame: [box.x, box.y, box.width, box.height],
          relations: routes.map((curve) => curvePoints(curve, 24)),
        },
      )
    : { placed: new Map<string, PlacedName>(), unplaced: [] as string[] };
  // A relation's name covers no icon, tier name, entity's name (with a little room: "supplies"
  // had sat right under "(At large)") or another relation's name.
  const occupied: Box[] = [
    ...iconBoxes.values(),
    ...tierBoxes.map((tier) => tier.box),
    ...[...names.placed.values()].map(
      ({ box: [left, top, width, height] }) => [left - 2, top - 2, width + 4, height + 4] as Box,
    ),
  ];
  const edgeLabelFont = 10;
  const inChart = (candidate: Box) =>
    candidate[0] >= box.x &&
    candidate[1] >= box.y &&
    candidate[0] + candidate[2] <= box.x + box.width &&
    candidate[1] + candidate[3] <= box.y + box.height;
  // Along the curve from its middle towards either end, on the line; then beside it, touching
  // it (a short relation between two close entities has no room on its line): 26 of the demo's
  // 59 relations had been named on A4.
  const labelAt = (curve: Curve, text: string): Point | null => {
    const width = textEms(text) * edgeLabelFont + 4;
    const height = 12;
    const along = (t: number) => curveAt(curve, t);
    const places = [
      ...edgeLabelPlaces(along, width, height),
      // Then a little further off the line: clear of an arrowhead beside it (a short relation's
      // name had nowhere else to go once names kept off the arrowheads).
      ...edgeLabelBeside(along, width, height, arrowLength / 2 + 1),
    ];
    for (const point of places) {
      const candidate: Box = [point.x - width / 2, point.y - height / 2, width, height];
      if (!inChart(candidate) || occupied.some((other) => boxesOverlap(candidate, other))) continue;
      // Nor an arrowhead: its white halo would hide the point (the triangle itself, not its
      // box, which had cost six relations their names on A4).
      if (arrowheads.some((corners) => polygonMeetsBox(corners, candidate))) continue;
      occupied.push(candidate);
      return point;
    }
    return null;
  };

  const defs = `<defs>${iconSymbols(placedNodes.map((node) => node.kind).concat(items.flatMap((item) => (item.kind ? [item.kind] : []))))}${arrowMarkers(edges.filter((edge) => edge.directed).map((edge) => edge.type))}</defs>`;
  const edgeParts: string[] = ['<g class="edges">'];
  const edgeLabels: string[] = ['<g class="edge-labels">'];
  const labelled: { curve: Curve; type: RelationType; text?: string }[] = [];
  edges.forEach((edge, index) => {
    const curve = routes[index]!;
    const { from: start, controls, to: end } = drawnRoutes[index]!;
    const style = relationStyles[edge.type];
    const path =
      controls.length === 0
        ? `M${f(start.x)} ${f(start.y)}L${f(end.x)} ${f(end.y)}`
        : `M${f(start.x)} ${f(start.y)}${controls.length === 1 ? 'Q' : 'C'}${controls.map((c) => `${f(c.x)} ${f(c.y)} `).join('')}${f(end.x)} ${f(end.y)}`;
    edgeParts.push(
      `<path class="edge" data-type="${edge.type}" d="${path}" fill="none" stroke="${style.color}" stroke-width="${style.width}"${dashArray(style.dashes)}${edge.directed ? ` marker-end="url(#arrow-${edge.type})"` : ''}/>`,
    );
    if (showEdgeLabels) labelled.push({ curve, type: edge.type });
  });
  // Placed with the chain's relations first (供货, 运输, 资金往来…, in the types' order: theirs
  // are the labels kept where space is short), written in the relations' order.
  const byChain = [...labelled].sort(
    (x, y) => relationTypes.indexOf(x.type) - relationTypes.indexOf(y.type),
  );
  for (const item of byChain) {
    const mid = labelAt(item.curve, words.edgeNames[item.type]);
    if (mid)
      item.text = `<text class="edge-label" x="${f(mid.x)}" y="${f(mid.y + 3.5)}" font-size="${edgeLabelFont}" text-anchor="middle" fill="${relationStyles[item.type].color}"${halo}>${xmlText(words.edgeNames[item.type])}</text>`;
  }
  for (const { text } of labelled) if (text) edgeLabels.push(text);
  const unnamed = labelled.filter((item) => !item.text).length + edges.length - labelled.length;
  // What the page could not name is said (the full names are in the SVG's tooltips).
  const unnamedEntities = showLabels ? names.unplaced.length : placedNodes.length;
  const notes = [
    unnamedEntities > 0 ? words.unnamedEntities.replace('{{count}}', String(unnamedEntities)) : '',
    unnamed > 0 ? words.unlabelled.replace('{{count}}', String(unnamed)) : '',
  ].filter(Boolean);
  if (noteAt)
    notes.forEach((note, index) =>
      parts.push(
        `<text class="unlabelled" x="${f(noteAt!.x)}" y="${f(noteAt!.y + index * 16)}" font-size="12" fill="#475569">${xmlText(note)}</text>`,
      ),
    );
  edgeParts.push('</g>');
  edgeLabels.push('</g>');

  const nameParts = (node: GraphData['nodes'][number]) => {
    const place = names.placed.get(node.id);
    if (!place) return '';
    const [left, top, width] = place.box;
    const status = statusOf(node);
    const centre = left + width / 2;
    return [
      place.leader
        ? `<line class="name-leader" x1="${f(place.leader[0].x)}" y1="${f(place.leader[0].y)}" x2="${f(place.leader[1].x)}" y2="${f(place.leader[1].y)}" stroke="#64748b" stroke-width="0.75"/>`
        : '',
      `<text class="node-label" x="${f(centre)}" y="${f(top + place.font)}" font-size="${place.font}" text-anchor="middle" fill="#0f172a"${halo}>${xmlText(ellipsise(node.label))}</text>`,
      status
        ? `<text class="node-status" x="${f(centre)}" y="${f(top + place.font + statusFontOf(place.font) + 2)}" font-size="${statusFontOf(place.font)}" text-anchor="middle" fill="${node.legalStatus === 'at_large' ? '#b91c1c' : '#475569'}"${halo}>(${xmlText(status)})</text>`
        : '',
    ].join('');
  };
  const nodeParts: string[] = ['<g class="nodes">'];
  for (const node of placedNodes) {
    const { x, y } = at.get(node.id)!;
    nodeParts.push(
      `<g class="node" data-kind="${node.kind}"><title>${xmlText(node.label)}</title>`,
      node.legalStatus === 'at_large'
        ? `<circle cx="${f(x)}" cy="${f(y)}" r="${f(radius + 2.5)}" fill="none" stroke="#dc2626" stroke-width="2.5"/>`
        : '',
      `<use class="node-icon" xlink:href="#icon-${node.kind}" href="#icon-${node.kind}" x="${f(x - radius)}" y="${f(y - radius)}" width="${f(icon)}" height="${f(icon)}"/>`,
      nameParts(node),
      '</g>',
    );
  }
  nodeParts.push('</g>');

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${fontFamily}">`,
    defs,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    ...tierBoxes.map(
      (tier) =>
        `<g class="tier" data-y="${tier.y}"><rect x="${f(tier.box[0])}" y="${f(tier.box[1])}" width="${f(tier.box[2])}" height="${tier.box[3]}" fill="#f1f5f9"/><text x="${f(tier.box[0] + 8)}" y="${tier.y + 4.5}" font-size="13" font-weight="600" fill="#334155">${xmlText(tier.name)}</text></g>`,
    ),
    ...edgeParts,
    ...edgeLabels,
    ...nodeParts,
    '</svg>',
  ].join('');
}
