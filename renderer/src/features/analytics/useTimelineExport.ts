import { App } from 'antd';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureInput } from '../../../../electron/api/contract';
import { invoke } from '../../api/client';
import { useErrorText } from '../../app/useErrorText';
import { svgToPng } from '../../components/svg-picture';
import { downloadText, downloadUrl } from '../graph/downloads';
import type { TimelineChartHandle } from './TimelineChart';
import { chinaDay } from './timeline-scale';

/**
 * Saves the timeline as drawn, as SVG or PNG, once the export is recorded in the audit log
 * (with the query that drew it); success and failure are told in a message.
 */
export function useTimelineExport(
  chart: RefObject<TimelineChartHandle | null>,
  query: ProcedureInput<'analytics.timeline'> | null,
) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  return async (format: 'svg' | 'png') => {
    if (!chart.current || !query) return;
    try {
      await invoke('analytics.recordTimelineExport', {
        caseId: query.caseId,
        entityIds: query.entityIds ?? [],
        format,
        from: query.from,
        to: query.to,
      });
      const svg = chart.current.toSvg();
      const { width: w, height: h } = chart.current.size();
      const fileName = `quanlian-timeline-${chinaDay(Date.now())}.${format}`;
      if (format === 'svg') downloadText(svg, fileName, 'image/svg+xml');
      else downloadUrl(await svgToPng(svg, w, h), fileName);
      void message.success(t('analytics.timeline.exported'));
    } catch (error) {
      void message.error(errorText(error));
    }
  };
}
