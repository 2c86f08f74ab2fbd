import { otherLevel } from '../../api/domain/chain-tiers';
import type { ChainAnalysis, GraphData } from '../../api/schemas/graph-schemas';
import { chartWords } from '../graph/chart-document';
import { textEms } from '../../api/domain/chart-look';
import { boxesOverlap, type Box } from '../../api/domain/box-overlap';
import { chartSvg, ellipsise, iconSymbols } from '../graph/chart-svg-renderer';
import { xmlText as escapeXml } from '../graph/xml-text';
import type { DocumentLanguage } from '../../api/i18n/chinese-format';
import { documentText } from '../../api/i18n/document-text';

type Positions = Record<string, { x: number; y: number }>;

const fontFamily = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','SimHei',sans-serif";
const chartWidth = 680;

function svgOpen(width: number, height: number): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${fontFamily}">` +
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#64748b"/></marker></defs>' +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`
  );
}

/** A line from one circle's rim to the other's, so arrowheads are not hidden under nodes. */
function rimLine(
  from: { x: number; y: number },
  to: { x: number; y: number },
  radius: number,
): string {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const f = (value: number) => value.toFixed(1);
  return `x1="${f(from.x + ux * radius)}" y1="${f(from.y + uy * radius)}" x2="${f(to.x - ux * radius)}" y2="${f(to.y - uy * radius)}"`;
}

/**
 * The gang chart as a static SVG for briefings, drawn by the chart renderer (the icons,
 * relation styles and labels of the screen, and a legend): the positions of a saved view or
 * of the automatic layout, fitted into the page width.
 */
export function gangChartSvg(
  data: GraphData,
  positions: Positions,
  language: DocumentLanguage = 'zh-CN',
): string {
  const placed = data.nodes.filter((node) => positions[node.id]);
  if (!placed.length) return `${svgOpen(chartWidth, 60)}</svg>`;
  const linked = new Set(data.edges.flatMap((edge) => [edge.from, edge.to]));
  const connected = placed.filter((node) => linked.has(node.id));
  const isolated = placed.filter((node) => !linked.has(node.id));
  // Half linear, half by rank along each axis: dense clusters open up, the shape stays.
  const spread = (values: number[]): number[] => {
    const min = Math.min(...values);
    const range = Math.max(...values) - min || 1;
    const order = values.map((_, index) => index).sort((a, b) => values[a]! - values[b]!);
    const rank = new Array<number>(values.length);
    order.forEach((index, position) => {
      rank[index] = values.length > 1 ? position / (values.length - 1) : 0.5;
    });
    return values.map((value, index) => 0.5 * ((value - min) / range) + 0.5 * rank[index]!);
  };
  const xs = spread(connected.map((node) => positions[node.id]!.x));
  const ys = spread(connected.map((node) => positions[node.id]!.y));
  const box = { width: 600, height: 360 };
  const at: Positions = {};
  connected.forEach((node, index) => {
    at[node.id] = { x: xs[index]! * box.width, y: ys[index]! * box.height };
  });
  // Unlinked entities go in rows at the foot, so they do not stretch the chart's extent.
  const footRows = Math.ceil(isolated.length / 10);
  isolated.forEach((node, index) => {
    at[node.id] = {
      x: ((index % 10) + 0.5) * (box.width / 10),
      y: box.height + 50 + Math.floor(index / 10) * 50,
    };
  });
  return chartSvg(data, at, {
    width: chartWidth,
    height: 520 + footRows * 50,
    words: chartWords(language),
    legend: 'bottom',
  });
}

/**
 * The supply chain as layers, upstream at the top (source → factory → transport → dealers →
 * retail → users), one row per tier with its name at the left, supply arrows between them and
 * transport dashed, with a legend of the two. Only the entities the chain gives a tier (a
 * suspect's relative, a gang, a phone had stood in its owner's row: a non-suspect printed as a
 * dealer).
 */
export function supplyChainSvg(
  data: GraphData,
  chain: ChainAnalysis,
  tierName: (level: number) => string,
  language: DocumentLanguage = 'zh-CN',
): string {
  const shown = new Set(data.nodes.map((node) => node.id));
  const members = chain.members.filter(
    (member) => member.tier !== null && member.level < otherLevel && shown.has(member.entityId),
  );
  const levels = [...new Set(members.map((member) => member.level))].sort((a, b) => a - b);
  const crowded = members.length > 40;
  // Each person's legal status, short, under the name (刑拘, 逮捕, 在逃): what a chain's reader
  // asks of every link. At large in red, as the chart rings it.
  const { chainDiagram } = documentText(language);
  const statusOf = new Map(
    data.nodes.flatMap((node) =>
      !crowded && node.legalStatus && node.legalStatus !== 'none'
        ? [
            [
              node.id,
              {
                text: chainDiagram.statusShort[node.legalStatus],
                atLarge: node.legalStatus === 'at_large',
              },
            ],
          ]
        : [],
    ),
  );
  const anyStatus = members.some((member) => statusOf.has(member.entityId));
  const rowHeight = anyStatus ? 72 : 64;
  const labelWidth = 110;
  const legendHeight = 28;
  const rowsHeight = Math.max(levels.length, 1) * rowHeight + 20;
  const height = rowsHeight + legendHeight;
  const parts = [
    svgOpen(chartWidth, height),
    `<defs>${iconSymbols(members.map((member) => member.kind))}</defs>`,
  ];
  const at = new Map<string, { x: number; y: number }>();
  // Each row in the order of where its members' suppliers and customers already stand (the
  // mean of their places; by name where none): in name order the lines had criss-crossed.
  const linked = new Map<string, string[]>();
  for (const edge of data.edges)
    if (edge.type === 'supplies' || edge.type === 'transports_for') {
      linked.set(edge.from, [...(linked.get(edge.from) ?? []), edge.to]);
      linked.set(edge.to, [...(linked.get(edge.to) ?? []), edge.from]);
    }
  const placedAbove = (entityId: string) => {
    const xs = (linked.get(entityId) ?? []).flatMap((other) => {
      const point = at.get(other);
      return point ? [point.x] : [];
    });
    return xs.length ? xs.reduce((sum, x) => sum + x, 0) / xs.length : null;
  };
  levels.forEach((level, row) => {
    const byName = members
      .filter((member) => member.level === level)
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
    const keys = new Map(
      byName.map((member, index) => [
        member.entityId,
        placedAbove(member.entityId) ??
          labelWidth + ((index + 0.5) * (chartWidth - labelWidth - 20)) / byName.length,
      ]),
    );
    const inRow = [...byName].sort((a, b) => keys.get(a.entityId)! - keys.get(b.entityId)!);
    const y = 10 + row * rowHeight + rowHeight / 2;
    parts.push(
      `<rect x="0" y="${10 + row * rowHeight}" width="${chartWidth}" height="${rowHeight}" fill="${row % 2 ? '#ffffff' : '#f1f5f9'}"/>`,
      `<text x="8" y="${y + 4}" font-size="12" font-weight="bold" fill="#334155">${escapeXml(tierName(level))}</text>`,
    );
    const span = chartWidth - labelWidth - 20;
    inRow.forEach((member, index) => {
      const x = labelWidth + ((index + 0.5) * span) / inRow.length;
      at.set(member.entityId, { x, y });
    });
  });
  const lineStyle = {
    supplies: 'stroke="#dc2626" stroke-width="1.4"',
    transports_for: 'stroke="#d97706" stroke-width="1.4" stroke-dasharray="5 3"',
  };
  const labelColour = { supplies: '#b91c1c', transports_for: '#b45309' };
  // The icon's centre is 6 above the row's line (its name under it): lines run between icon
  // centres and stop at the rim, so an arrowhead lands on the icon, not on the name under it.
  const iconCentre = (point: { x: number; y: number }) => ({ x: point.x, y: point.y - 6 });
  // What a relation's name may not cover: icons, names, other relations' names.
  const occupied: Box[] = members.flatMap((member) => {
    const { x, y } = at.get(member.entityId)!;
    const icon: Box = [x - 10, y - 16, 20, 20];
    if (crowded) return [icon];
    const width = textEms(ellipsise(member.label)) * 11;
    const status = statusOf.get(member.entityId);
    const statusWidth = status ? (textEms(status.text) + 1) * 10 : 0;
    return [
      icon,
      [x - width / 2, y + 5, width, 14] as Box,
      ...(status ? [[x - statusWidth / 2, y + 19, statusWidth, 12] as Box] : []),
    ];
  });
  const words = chartWords(language);
  const lines: string[] = [];
  const names: string[] = [];
  for (const edge of data.edges) {
    if (edge.type !== 'supplies' && edge.type !== 'transports_for') continue;
    const from = at.get(edge.from);
    const to = at.get(edge.to);
    if (!from || !to) continue;
    const [a, b] = [iconCentre(from), iconCentre(to)];
    lines.push(`<line ${rimLine(a, b, 11)} ${lineStyle[edge.type]} marker-end="url(#arrow)"/>`);
    const text = words.edgeNames[edge.type];
    const width = textEms(text) * 10 + 4;
    for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
      const point = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
      const box: Box = [point.x - width / 2, point.y - 6, width, 12];
      if (occupied.some((other) => boxesOverlap(box, other))) continue;
      occupied.push(box);
      names.push(
        `<text class="edge-label" x="${point.x.toFixed(1)}" y="${(point.y + 3.5).toFixed(1)}" font-size="10" text-anchor="middle" fill="${labelColour[edge.type]}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(text)}</text>`,
      );
      break;
    }
  }
  parts.push(...lines, ...names);
  const typeNames = words.relationNames;
  const legendY = rowsHeight + legendHeight / 2;
  (['supplies', 'transports_for'] as const).forEach((type, index) => {
    const x = labelWidth + index * 200;
    parts.push(
      `<line x1="${x}" y1="${legendY}" x2="${x + 36}" y2="${legendY}" ${lineStyle[type]} marker-end="url(#arrow)"/>`,
      `<text x="${x + 44}" y="${legendY + 4}" font-size="11" fill="#334155">${escapeXml(typeNames[type])}</text>`,
    );
  });
  if (anyStatus)
    parts.push(
      `<text class="status-legend" x="${labelWidth + 340}" y="${legendY + 4}" font-size="11" fill="#334155">${escapeXml(chainDiagram.statusLegend)}</text>`,
    );
  for (const member of members) {
    const { x, y } = at.get(member.entityId)!;
    parts.push(
      `<use class="node-icon" xlink:href="#icon-${member.kind}" href="#icon-${member.kind}" x="${(x - 9).toFixed(1)}" y="${(y - 15).toFixed(1)}" width="18" height="18"><title>${escapeXml(member.label)}</title></use>`,
    );
    if (!crowded)
      parts.push(
        `<text x="${x.toFixed(1)}" y="${(y + 16).toFixed(1)}" font-size="11" text-anchor="middle" fill="#0f172a" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(ellipsise(member.label))}</text>`,
      );
    const status = statusOf.get(member.entityId);
    if (status)
      parts.push(
        `<text class="node-status" x="${x.toFixed(1)}" y="${(y + 28).toFixed(1)}" font-size="10" text-anchor="middle" fill="${status.atLarge ? '#b91c1c' : '#475569'}" stroke="#ffffff" stroke-width="3" paint-order="stroke">(${escapeXml(status.text)})</text>`,
      );
  }
  parts.push('</svg>');
  return parts.join('');
}

/** Height of an SVG produced here (for rasterising it at its own size). */
export function svgSize(svg: string): { width: number; height: number } {
  const match = /width="(\d+)" height="(\d+)"/.exec(svg);
  return { width: Number(match?.[1] ?? chartWidth), height: Number(match?.[2] ?? 400) };
}
