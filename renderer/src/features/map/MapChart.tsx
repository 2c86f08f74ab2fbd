import { LinesChart, ScatterChart } from 'echarts/charts';
import {
  GeoComponent,
  GraphicComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { registerChinaMap } from './china-map';
import { classificationTitle } from './map-option';

echarts.use([
  LinesChart,
  ScatterChart,
  GeoComponent,
  GraphicComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  // Without it ECharts ignores every series' labelLayout: no label gave way to another.
  LabelLayout,
  SVGRenderer,
]);

export interface MapChartHandle {
  /**
   * The map as drawn now (zoom, pan and hidden layers included), as an SVG document, with
   * `mark` as its classification mark (the screen keeps its own).
   */
  toSvg(mark: string): string;
  size(): { width: number; height: number };
}

/**
 * One ECharts instance over the shipped boundary data, drawn as SVG so the export is the
 * picture on screen. With `onPick`, a click on the map reports its longitude and latitude.
 */
export function MapChart({
  option,
  onPick,
  ref,
}: {
  option: echarts.EChartsCoreOption;
  onPick?: (lng: number, lat: number) => void;
  ref?: Ref<MapChartHandle>;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>(null);
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);

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

  useImperativeHandle(ref, () => ({
    toSvg: (mark) => {
      const instance = chart.current;
      if (!instance) return '';
      // Merged, not replaced: only the second title changes, the zoom and hidden layers stay.
      const shown = (option as { title?: { text?: string }[] }).title?.[1]?.text ?? '';
      instance.setOption({ title: [{}, classificationTitle(mark)] });
      try {
        return instance.renderToSVGString();
      } finally {
        instance.setOption({ title: [{}, classificationTitle(shown)] });
      }
    },
    size: () => ({
      width: chart.current?.getWidth() ?? 0,
      height: chart.current?.getHeight() ?? 0,
    }),
  }));

  return (
    <div
      ref={element}
      data-testid="map-chart"
      style={{ height: '100%', minHeight: 420, cursor: onPick ? 'crosshair' : undefined }}
    />
  );
}
