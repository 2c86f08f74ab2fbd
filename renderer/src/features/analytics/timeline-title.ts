import { escapeMarkup } from '../../components/markup-text';

/** What the title band of an exported timeline says. */
interface TimelineTitle {
  /** 时间线 · A3301052026030015 “3·15”…, or the entities' names. */
  title: string;
  /** The period, the day it was drawn, the unit, the user. */
  subtitle: string;
  /** The classification mark (内部, 秘密, 机密), empty for none. */
  mark: string;
}

/** Height of the title band above the chart, in SVG pixels. */
export const titleBand = 64;

/**
 * The timeline as a picture for a report: its SVG under a title band naming the case, the
 * period, the day, the unit and the user, with the classification mark in red at the right,
 * as the chart's and the map's exports carry them (the timeline's had carried none).
 */
export function titledTimelineSvg(
  chartSvg: string,
  size: { width: number; height: number },
  title: TimelineTitle,
): { svg: string; width: number; height: number } {
  const inner = chartSvg.replace(/^<\?xml[^>]*>\s*/, '');
  const height = size.height + titleBand;
  const font = 'PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif';
  const svg = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${height}" viewBox="0 0 ${size.width} ${height}">`,
    `<rect x="0" y="0" width="${size.width}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="26" font-family="${font}" font-size="16" font-weight="bold" fill="#1f1f1f">${escapeMarkup(title.title)}</text>`,
    `<text x="16" y="48" font-family="${font}" font-size="12" fill="#595959">${escapeMarkup(title.subtitle)}</text>`,
    title.mark
      ? `<text x="${size.width - 16}" y="30" text-anchor="end" font-family="${font}" font-size="18" font-weight="bold" fill="#cf1322">${escapeMarkup(title.mark)}</text>`
      : '',
    `<line x1="0" y1="${titleBand - 4}" x2="${size.width}" y2="${titleBand - 4}" stroke="#d9d9d9"/>`,
    `<g transform="translate(0 ${titleBand})">${inner}</g>`,
    '</svg>',
  ].join('\n');
  return { svg, width: size.width, height };
}
