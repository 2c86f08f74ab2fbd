import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitStats } from '../../../../electron/api/schemas/stats-schemas';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** Cases solved and suspects caught per month (bars), drugs seized in kg (line, right axis). */
export function MonthlyChart({ months }: { months: UnitStats['months'] }) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 56, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: months.map((month) => month.month) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', name: t('statistics.kg'), position: 'right' },
      ],
      series: [
        { name: t('statistics.casesSolved'), type: 'bar', data: months.map((m) => m.casesSolved) },
        {
          name: t('statistics.suspectsArrested'),
          type: 'bar',
          data: months.map((m) => m.suspectsArrested),
        },
        {
          name: t('statistics.drugsKg'),
          type: 'line',
          yAxisIndex: 1,
          // Display only: the exact figures are in the table and the XLSX.
          data: months.map((m) => m.drugsMilligrams / 1_000_000),
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [months, t]);
  return <div ref={element} style={{ height: 280 }} data-testid="stats-monthly-chart" />;
}
