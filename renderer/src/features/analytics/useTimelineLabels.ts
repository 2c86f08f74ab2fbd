import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  TimelineLine,
  TimelineMark,
} from '../../../../electron/api/schemas/analytics-schemas';
import { drugName, formatYuan } from '../../components/format';
import { useDynamicText } from '../../i18n/dynamic-text';
import { chinaDay, formatChina } from './timeline-scale';

/**
 * The timeline's texts: a line's label (the case's line names its number) and a mark's one-line
 * description (when, what kind, on which line, what), shown when the pointer is over it.
 */
export function useTimelineLabels(lines: TimelineLine[] | undefined) {
  const { t, i18n } = useTranslation();
  const dynamicText = useDynamicText();
  const lineLabel = useMemo(
    () => (line: TimelineLine) =>
      line.kind === 'case' ? t('analytics.timeline.caseLine', { caseNo: line.label }) : line.label,
    [t],
  );
  const markTitle = useMemo(() => {
    const lineNames = new Map((lines ?? []).map((line) => [line.id, lineLabel(line)]));
    return (mark: TimelineMark) => {
      const when =
        mark.precision === 'day' ? chinaDay(Date.parse(mark.at)) : formatChina(Date.parse(mark.at));
      const kind = t(`analytics.timeline.kinds.${mark.kind}`);
      const on = lineNames.get(mark.lineId) ?? '';
      let what: string;
      if (mark.kind === 'seizure')
        what = `${drugName(mark.label, i18n.language)} ${mark.detail ?? ''}`;
      else if (mark.kind === 'measure') what = dynamicText(`enums.legalStatus.${mark.label}`);
      else if (mark.kind === 'caught') what = '';
      else if (mark.kind === 'status')
        what = dynamicText(`analytics.timeline.statusDates.${mark.label}`);
      else if (mark.kind === 'event')
        what = `${dynamicText(`enums.eventKind.${mark.detail}`)} ${mark.label}`;
      else if (mark.kind === 'transfer')
        what = `→ ${mark.label} ¥${formatYuan(Number(mark.detail ?? 0))}`;
      else
        what = `↔ ${mark.label || t('analytics.timeline.withheld')} ${t('analytics.timeline.seconds', { seconds: mark.detail ?? 0 })}`;
      const hand =
        mark.count !== null
          ? `（${t('analytics.timeline.handEntered', { count: mark.count })}）`
          : '';
      return `${when} ${kind} ${on} ${what}${hand}`.replace(/\s+/g, ' ').trim();
    };
  }, [lines, lineLabel, t, dynamicText, i18n.language]);
  return { lineLabel, markTitle };
}
