import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { timelineMarkKinds } from '../../../../electron/api/schemas/analytics-schemas';
import { MarkShape, markColours } from './timeline-marks';

/** Every mark kind's shape and colour, named, above the chart. */
export function TimelineLegend() {
  const { t } = useTranslation();
  return (
    <Space wrap size={16} style={{ marginBottom: 6 }} data-testid="timeline-legend">
      {timelineMarkKinds.map((kind) => (
        <span key={kind} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          <svg width={14} height={18} aria-hidden>
            <MarkShape kind={kind} x={7} y={9} />
          </svg>
          <span style={{ color: markColours[kind] }}>{t(`analytics.timeline.kinds.${kind}`)}</span>
        </span>
      ))}
    </Space>
  );
}
