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
} from '../../../../electron/api/schemas/analytics-schemas';
import { HoverLabel, truncate } from './timeline-labels';
import {
  axisHeight,
  bottomPad,
  font,
  gutter,
  markLayers,
  nearestMark,
  rightPad,
  rowHeight,
  rowY,
} from './timeline-layout';
import { drawOrder, markColours, shapePaint } from './timeline-marks';
import { timeTicks, zoomWindow } from './timeline-scale';

export type TimeWindow = [number, number];

export interface TimelineChartHandle {
  /** The chart as a standalone SVG document (fonts and colours inline). */
  toSvg(): string;
  size(): { width: number; height: number };
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
  const y = rowY;
  const times = useMemo(() => marks.map((mark) => Date.parse(mark.at)), [marks]);
  const ticks = timeTicks(start, end, plotWidth);

  useImperativeHandle(ref, () => ({
    toSvg: () => {
      const copy = svg.current!.cloneNode(true) as SVGSVGElement;
      copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
      copy.querySelector('[data-role=brush]')?.remove();
      copy.querySelector('[data-role=hover]')?.remove();
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
    const px = pointerX(event);
    if (!drag) {
      const found = markAt(px, event.clientY - svg.current!.getBoundingClientRect().top);
      if (found?.index !== hover?.index) setHover(found);
      return;
    }
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

  const layers = useMemo(
    () => markLayers(marks, times, rowOf, [start, end], plotWidth),
    [marks, times, rowOf, start, end, plotWidth],
  );

  const [hover, setHover] = useState<{ index: number; x: number; y: number } | null>(null);
  const markAt = (px: number, top: number) => nearestMark(layers, times, px, top, timeAt(px), x);

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
      onPointerLeave={() => setHover(null)}
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
      <g data-role="links">
        {[...layers.links].map(([kind, d]) => (
          <path
            key={kind}
            d={d.join('')}
            stroke={markColours[kind]}
            strokeOpacity={0.55}
            strokeWidth={1.5}
            data-link={kind}
            data-count={d.length}
          />
        ))}
      </g>
      <g data-role="marks">
        {drawOrder
          .filter((kind) => layers.shapes.has(kind))
          .map((kind) => (
            <path
              key={kind}
              d={layers.shapes.get(kind)!.d.join('')}
              {...shapePaint(kind)}
              data-mark={kind}
              data-count={layers.shapes.get(kind)!.count}
            />
          ))}
      </g>
      {hover && !drag && (
        <HoverLabel
          x={hover.x}
          y={hover.y}
          text={markTitle(marks[hover.index]!)}
          right={gutter + plotWidth}
        />
      )}
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
