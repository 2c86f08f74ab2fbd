import { useEffect, useRef } from 'react';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { registerChinaMap } from './china-map';
import { echarts } from './map-echarts';
import { southSeaRect } from './map-legend';
import type { MapView } from './map-option';

/**
 * The view as ECharts draws it now: its centre and zoom, and its scale (pixels per degree)
 * read from the projection of two points, to a few per cent (markers are grouped at it, so a
 * re-draw is asked for only when it changes that much). Also left on the element for tests.
 */
function measureView(instance: ECharts, element: HTMLElement): MapView | null {
  const geo = (instance.getOption() as { geo?: { center?: number[]; zoom?: number }[] }).geo?.[0];
  const a = instance.convertToPixel({ geoIndex: 0 }, [100, 30]);
  const b = instance.convertToPixel({ geoIndex: 0 }, [110, 40]);
  if (!geo?.center || !geo.zoom || !Array.isArray(a) || !Array.isArray(b)) return null;
  const scale = { x: (b[0]! - a[0]!) / 10, y: (a[1]! - b[1]!) / 10 };
  element.dataset['projection'] = JSON.stringify({ origin: a, scale });
  const [x0, y0] = [a[0]!, a[1]!];
  return {
    center: [geo.center[0]!, geo.center[1]!],
    zoom: geo.zoom,
    scale,
    size: { width: instance.getWidth(), height: instance.getHeight() },
    project: (lng, lat) => [x0 + (lng - 100) * scale.x, y0 - (lat - 30) * scale.y],
  };
}

/**
 * Where the South China Sea box is, in steps of 24 px, while it is in the picture: panned or
 * zoomed under the legend, the legend moves (map-legend.ts).
 */
function islandsKey(view: MapView): string {
  if (!view.project || !view.size) return '';
  const box = southSeaRect(view.project);
  const seen =
    box.x < view.size.width &&
    box.y < view.size.height &&
    box.x + box.width > 0 &&
    box.y + box.height > 0;
  return seen ? `${Math.round(box.x / 24)},${Math.round(box.y / 24)}` : 'off';
}

const quantised = (view: MapView) =>
  `${Math.round(Math.log(view.scale.x) / Math.log(1.1))} ${view.size?.width}×${view.size?.height} ${islandsKey(view)}`;

/**
 * One ECharts instance over the shipped boundary data, drawn as SVG. With `onPick`, a click on
 * the map reports its longitude and latitude. (Exports draw a page of their own: map-page.ts.)
 */
export function MapChart({
  option,
  onPick,
  view,
  onView,
}: {
  option: EChartsCoreOption;
  onPick?: (lng: number, lat: number) => void;
  /** The view the option was made for (none: the option's own fit). */
  view?: MapView;
  /** The view drawn, when its scale or size is not the one the option was made for. */
  onView?: (view: MapView) => void;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts>(null);
  const pick = useRef(onPick);
  const viewed = useRef(onView);
  const madeFor = useRef(view);
  useEffect(() => {
    pick.current = onPick;
    viewed.current = onView;
    madeFor.current = view;
  }, [onPick, onView, view]);

  useEffect(() => {
    if (!element.current) return;
    registerChinaMap();
    const instance = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.getZr().on('click', (event) => {
      if (!pick.current) return;
      const lngLat = instance.convertFromPixel({ geoIndex: 0 }, [event.offsetX, event.offsetY]);
      if (Array.isArray(lngLat) && lngLat.every(Number.isFinite))
        pick.current(Math.round(lngLat[0]! * 1e6) / 1e6, Math.round(lngLat[1]! * 1e6) / 1e6);
    });
    // Measured once the picture is drawn; a roam ends in a drawing too. Told only when the
    // scale moved by a step from the one the option was made for: panning, and the re-draw
    // this asks for, change nothing; another case's map, made for no view, is told again.
    instance.on('finished', () => {
      if (!element.current) return;
      const drawn = measureView(instance, element.current);
      if (!drawn || (madeFor.current && quantised(drawn) === quantised(madeFor.current))) return;
      viewed.current?.(drawn);
    });
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={element}
      data-testid="map-chart"
      style={{ height: '100%', minHeight: 420, cursor: onPick ? 'crosshair' : undefined }}
    />
  );
}
