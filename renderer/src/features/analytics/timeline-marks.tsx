import type { TimelineMarkKind } from '../../../../electron/api/schemas/analytics-schemas';

/** Colours of the mark kinds (also the legend's). */
export const markColours: Record<TimelineMarkKind, string> = {
  call: '#1677ff',
  sms: '#69b1ff',
  transfer: '#389e0d',
  seizure: '#cf1322',
  measure: '#722ed1',
  caught: '#9254de',
  status: '#fa8c16',
  event: '#d48806',
};

/** One mark's outline centred on (x, y), as path data (so a kind's marks are one path). */
export function shapePath(kind: TimelineMarkKind, x: number, y: number): string {
  const circle = (r: number) =>
    `M${x - r} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
  const box = (w: number, h: number) => `M${x - w / 2} ${y - h / 2}h${w}v${h}h${-w}Z`;
  switch (kind) {
    case 'call':
      return circle(4);
    case 'sms':
      return box(6, 6);
    case 'transfer':
      return `M${x} ${y - 5}L${x + 5} ${y}L${x} ${y + 5}L${x - 5} ${y}Z`;
    case 'seizure':
      return `M${x} ${y - 6}L${x + 6} ${y + 5}L${x - 6} ${y + 5}Z`;
    case 'measure':
      return box(8, 8);
    case 'caught':
    case 'event':
      return circle(5);
    case 'status':
      return box(3, 18);
  }
}

/**
 * Kinds drawn from the bottom up: large, rare marks first, so a seizure on the day of an
 * arrest event, or a call beside a measure, stays visible on top.
 */
export const drawOrder: TimelineMarkKind[] = [
  'event',
  'status',
  'measure',
  'caught',
  'transfer',
  'call',
  'sms',
  'seizure',
];

/** Fill and outline of a kind's marks. */
export function shapePaint(kind: TimelineMarkKind) {
  if (kind === 'caught') return { fill: 'none', stroke: markColours.caught, strokeWidth: 2.5 };
  if (kind === 'event') return { fill: markColours.event, stroke: '#874d00', strokeWidth: 1 };
  return { fill: markColours[kind] };
}

/** One mark (the legend's sample). */
export function MarkShape({ kind, x, y }: { kind: TimelineMarkKind; x: number; y: number }) {
  return <path d={shapePath(kind, x, y)} {...shapePaint(kind)} />;
}
