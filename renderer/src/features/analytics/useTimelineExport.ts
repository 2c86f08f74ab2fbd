import { App } from 'antd';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureInput } from '../../../../electron/api/contract';
import { invoke } from '../../api/client';
import { useSession } from '../../app/SessionContext';
import { classificationMark, pictureSubtitle } from '../../components/picture-heading';
import { useErrorText } from '../../app/useErrorText';
import { svgToPng } from '../../components/svg-picture';
import { useWorkspaceDay } from '../../components/workspace-day';
import { downloadText, downloadUrl } from '../graph/downloads';
import type { PrintChoices } from '../graph/PrintExportModal';
import type { TimelineChartHandle } from './TimelineChart';
import { titledTimelineSvg } from './timeline-title';

/** What the exported picture's title band names: the case (its number) or the entities, the period. */
interface TimelineHeading {
  title: string;
  caseNo: string | null;
  period: string;
}

/**
 * Saves the timeline as drawn, as SVG or PNG under a title band (case, period, day, unit, user,
 * the classification chosen), once the export is recorded in the audit log (with the query that
 * drew it); success and failure are told in a message.
 */
export function useTimelineExport(
  chart: RefObject<TimelineChartHandle | null>,
  query: ProcedureInput<'analytics.timeline'> | null,
  heading: TimelineHeading,
) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const session = useSession();
  const today = useWorkspaceDay();
  return async ({ format, classification }: PrintChoices): Promise<boolean> => {
    if (!chart.current || !query || format === 'pdf') return false;
    try {
      await invoke('analytics.recordTimelineExport', {
        caseId: query.caseId,
        entityIds: query.entityIds ?? [],
        format,
        from: query.from,
        to: query.to,
        classification,
      });
      const day = today();
      const { svg, width, height } = titledTimelineSvg(
        chart.current.toSvg(),
        chart.current.size(),
        {
          title: heading.title,
          subtitle: pictureSubtitle(t, session, heading.period, day),
          mark: classificationMark(t, classification),
        },
      );
      const fileName = `quanlian-timeline-${heading.caseNo ? `${heading.caseNo}-` : ''}${day}.${format}`;
      if (format === 'svg') downloadText(svg, fileName, 'image/svg+xml');
      else downloadUrl(await svgToPng(svg, width, height), fileName);
      void message.success(t('analytics.timeline.exported'));
      return true;
    } catch (error) {
      void message.error(errorText(error));
      return false;
    }
  };
}
