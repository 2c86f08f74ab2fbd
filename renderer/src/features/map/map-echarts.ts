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

/** ECharts with what the map draws: on screen (MapChart) and on the printed page (map-page). */
export { echarts };
