import { useEffect, useRef } from 'react';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { registerChinaMap } from './china-map';
import { echarts } from './map-echarts';

/**
 * One ECharts instance over the shipped boundary data, drawn as SVG. With `onPick`, a click on
 * the map reports its longitude and latitude. (Exports draw a page of their own: map-page.ts.)
 */
export function MapChart({
  option,
  onPick,
}: {
  option: EChartsCoreOption;
  onPick?: (lng: number, lat: number) => void;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts>(null);
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

  return (
    <div
      ref={element}
      data-testid="map-chart"
      style={{ height: '100%', minHeight: 420, cursor: onPick ? 'crosshair' : undefined }}
    />
  );
}
