import {
  forwardRef,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type {
  TimelineLine,
  TimelineMark,
  TimelineMarkKind,
} from '../../../../electron/api/schemas/analytics-schemas';
import { timeTicks, zoomWindow } from './timeline-scale';

export type TimeWindow = [number, number];

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

const gutter = 168;
const rightPad = 16;
const axisHeight = 32;
const rowHeight = 30;
const bottomPad = 12;
const font = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

export interface TimelineChartHandle {
  /** The chart as a standalone SVG document (fonts and colours inline). */
  toSvg(): string;
  size(): { width: number; height: number };
}

/** One mark's shape, centred on (x, y). */
export function MarkShape({ kind, x, y }: { kind: TimelineMarkKind; x: number; y: number }) {
  const fill = markColours[kind];
  switch (kind) {
    case 'call':
      return <circle cx={x} cy={y} r={4} fill={fill} />;
    case 'sms':
      return <rect x={x - 3} y={y - 3} width={6} height={6} fill={fill} />;
    case 'transfer':
      return <path d={`M${x} ${y - 5}L${x + 5} ${y}L${x} ${y + 5}L${x - 5} ${y}Z`} fill={fill} />;
    case 'seizure':
      return <path d={`M${x} ${y - 6}L${x + 6} ${y + 5}L${x - 6} ${y + 5}Z`} fill={fill} />;
    case 'measure':
      return <rect x={x - 4} y={y - 4} width={8} height={8} fill={fill} />;
    case 'caught':
      return <circle cx={x} cy={y} r={5} fill="#fff" stroke={fill} strokeWidth={2.5} />;
    case 'status':
      return <rect x={x - 1.5} y={y - 9} width={3} height={18} fill={fill} />;
    case 'event':
      return <circle cx={x} cy={y} r={5} fill={fill} stroke="#874d00" strokeWidth={1} />;
  }
}

/**
 * i2-style theme lines drawn by hand in SVG: one horizontal line per entity (and the case), a
 * mark per dated fact, a link between two lines for a call or transfer between them. The wheel
 * zooms around the pointer (years to minutes), Shift+wheel or dragging the axis pans, dragging
 * on the chart selects a period. Marks outside the window are not drawn.
 */
export const TimelineChart = forwardRef<
  TimelineChartHandle,
  {
    lines: TimelineLine[];
    marks: TimelineMark[];
    window: TimeWindow;
    onWindowChange(window: TimeWindow): void;
    selection: TimeWindow | null;
    onSelect(selection: TimeWindow | null): void;
    lineLabel(line: TimelineLine): string;
    markTitle(mark: TimelineMark): string;
    width: number;
  }
>(function TimelineChart(
  { lines, marks, window, onWindowChange, selection, onSelect, lineLabel, markTitle, width },
  ref,
) {
  const svg = useRef<SVGSVGElement>(null);
  const height = axisHeight + lines.length * rowHeight + bottomPad;
  const plotWidth = Math.max(1, width - gutter - rightPad);
  const [start, end] = window;
  const x = (ms: number) => gutter + ((ms - start) / (end - start)) * plotWidth;
  const timeAt = (px: number) => start + ((px - gutter) / plotWidth) * (end - start);
  const rowOf = useMemo(() => new Map(lines.map((line, index) => [line.id, index])), [lines]);
  const y = (row: number) => axisHeight + row * rowHeight + rowHeight / 2;
  const times = useMemo(() => marks.map((mark) => Date.parse(mark.at)), [marks]);
  const ticks = timeTicks(start, end, plotWidth);

  useImperativeHandle(ref, () => ({
    toSvg: () => {
      const copy = svg.current!.cloneNode(true) as SVGSVGElement;
      copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
      copy.querySelector('[data-role=brush]')?.remove();
      return `<?xml version="1.0" encoding="UTF-8"?>\n${copy.outerHTML}`;
    },
    size: () => ({ width, height }),
  }));

  // The wheel zooms the chart, not the page: a non-passive listener may cancel the scroll.
  const latest = useRef({ window, onWindowChange, timeAt });
  useLayoutEffect(() => {
    latest.current = { window, onWindowChange, timeAt };
  });
  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const { window: current, onWindowChange: change, timeAt: at } = latest.current;
      const box = element.getBoundingClientRect();
      const span = current[1] - current[0];
      if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        const delta = ((event.shiftKey ? event.deltaY : event.deltaX) / plotWidth) * span;
        change([current[0] + delta, current[1] + delta]);
        return;
      }
      change(zoomWindow(current, at(event.clientX - box.left), event.deltaY > 0 ? 1.25 : 0.8));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [plotWidth]);

  // A drag on the plot selects a period; a drag on the axis pans.
  const [drag, setDrag] = useState<
    | { mode: 'brush'; from: number; to: number }
    | { mode: 'pan'; fromPx: number; window: TimeWindow }
    | null
  >(null);
  const pointerX = (event: React.PointerEvent) =>
    event.clientX - svg.current!.getBoundingClientRect().left;
  const onPointerDown = (event: React.PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    const px = pointerX(event);
    if (px < gutter) return;
    const top = event.clientY - svg.current!.getBoundingClientRect().top;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    if (top < axisHeight) setDrag({ mode: 'pan', fromPx: px, window });
    else setDrag({ mode: 'brush', from: timeAt(px), to: timeAt(px) });
  };
  const onPointerMove = (event: React.PointerEvent<SVGSVGElement>) => {
    if (!drag) return;
    const px = pointerX(event);
    if (drag.mode === 'pan') {
      const shift = ((drag.fromPx - px) / plotWidth) * (drag.window[1] - drag.window[0]);
      onWindowChange([drag.window[0] + shift, drag.window[1] + shift]);
    } else setDrag({ ...drag, to: timeAt(Math.min(gutter + plotWidth, Math.max(gutter, px))) });
  };
  const onPointerUp = () => {
    if (drag?.mode === 'brush') {
      const [from, to] = drag.from < drag.to ? [drag.from, drag.to] : [drag.to, drag.from];
      // A click (under 3 px) clears the selection instead of making a sliver.
      onSelect(x(to) - x(from) < 3 ? null : [from, to]);
    }
    setDrag(null);
  };
  const shownSelection: TimeWindow | null =
    drag?.mode === 'brush'
      ? [Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)]
      : selection;

  const links: React.ReactNode[] = [];
  const shapes: React.ReactNode[] = [];
  marks.forEach((mark, index) => {
    const at = times[index]!;
    if (at < start || at > end) return;
    const row = rowOf.get(mark.lineId);
    if (row === undefined) return;
    const px = x(at);
    const other = mark.toLineId === null ? undefined : rowOf.get(mark.toLineId);
    if (other !== undefined)
      links.push(
        <line
          key={mark.id}
          x1={px}
          x2={px}
          y1={y(row)}
          y2={y(other)}
          stroke={markColours[mark.kind]}
          strokeOpacity={0.55}
          strokeWidth={1.5}
          data-link={mark.kind}
        />,
      );
    shapes.push(
      <g key={mark.id} data-mark={mark.kind}>
        <title>{markTitle(mark)}</title>
        <MarkShape kind={mark.kind} x={px} y={y(row)} />
        {other !== undefined && <MarkShape kind={mark.kind} x={px} y={y(other)} />}
      </g>,
    );
  });

  return (
    <svg
      ref={svg}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      fontFamily={font}
      fontSize={12}
      style={{ display: 'block', userSelect: 'none', touchAction: 'none' }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      data-testid="timeline-chart"
      data-start={new Date(start).toISOString()}
      data-end={new Date(end).toISOString()}
    >
      <rect x={0} y={0} width={width} height={height} fill="#ffffff" />
      <rect x={gutter} y={0} width={plotWidth} height={axisHeight} fill="#f5f7fa" cursor="grab" />
      <g data-role="axis">
        {ticks.map((tick) => (
          <g key={tick.at}>
            <line
              x1={x(tick.at)}
              x2={x(tick.at)}
              y1={axisHeight - 6}
              y2={height - bottomPad}
              stroke={tick.major ? '#c7ccd4' : '#eceef2'}
            />
            {/* A label that would run off the right edge is left to the next window. */}
            {x(tick.at) + tick.label.length * 7 < gutter + plotWidth + rightPad && (
              <text x={x(tick.at) + 3} y={axisHeight - 11} fill="#4b5563" data-tick="">
                {tick.label}
              </text>
            )}
          </g>
        ))}
      </g>
      {lines.map((line, row) => (
        <g key={line.id} data-line={line.kind}>
          <line
            x1={gutter}
            x2={gutter + plotWidth}
            y1={y(row)}
            y2={y(row)}
            stroke={line.kind === 'case' ? '#fa8c16' : '#9ca3af'}
            strokeWidth={line.kind === 'case' ? 2 : 1}
          />
          <text x={8} y={y(row) + 4} fill="#111827" fontWeight={line.kind === 'case' ? 600 : 400}>
            {truncate(lineLabel(line), 22)}
          </text>
        </g>
      ))}
      <g>{links}</g>
      <g>{shapes}</g>
      {shownSelection && (
        <rect
          data-role="brush"
          data-testid="timeline-brush"
          x={Math.max(gutter, x(shownSelection[0]))}
          y={axisHeight}
          width={Math.max(
            0,
            Math.min(gutter + plotWidth, x(shownSelection[1])) -
              Math.max(gutter, x(shownSelection[0])),
          )}
          height={height - axisHeight - bottomPad}
          fill="#1677ff"
          fillOpacity={0.12}
          stroke="#1677ff"
          strokeOpacity={0.6}
          pointerEvents="none"
        />
      )}
    </svg>
  );
});

/** A label cut to fit the gutter (the full one is on the line's title in the legend). */
function truncate(text: string, max: number): string {
  let width = 0;
  let cut = 0;
  for (const char of text) {
    width += char.charCodeAt(0) > 0x2e80 ? 2 : 1;
    if (width > max) return `${text.slice(0, cut)}…`;
    cut += char.length;
  }
  return text;
}
