import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntityKind } from '../../../../electron/api/domain/entity-kinds';
import type { LegalStatus } from '../../../../electron/api/domain/person-vocabulary';
import type { RelationType } from '../../../../electron/api/domain/relation-types';
import { legalStatusColours, relationStyles } from './graph-model';
import { kindIcon } from './node-icons';

function RelationSample({ type }: { type: RelationType }) {
  const style = relationStyles[type];
  const dash = Array.isArray(style.dashes) ? style.dashes.join(' ') : undefined;
  return (
    <svg width="44" height="12" aria-hidden>
      <line
        x1="2"
        y1="6"
        x2="34"
        y2="6"
        stroke={style.color}
        strokeWidth={style.width}
        strokeDasharray={dash}
      />
      <path d="M34 1 L43 6 L34 11 z" fill={style.color} />
    </svg>
  );
}

const rowStyle = { display: 'flex', alignItems: 'center', gap: 8, fontSize: 13 } as const;

/** What the icons, lines and rings on the chart mean, for what is on the chart. */
export function LegendPanel({
  kinds,
  relationTypes,
  statuses,
  communities = false,
}: {
  kinds: EntityKind[];
  relationTypes: RelationType[];
  /** The legal statuses on the chart: a ring the chart does not draw is not explained. */
  statuses: LegalStatus[];
  /** The community circles are drawn: a border without a status is a community's colour. */
  communities?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid="graph-legend">
      <Typography.Text strong>{t('graph.legend.kinds')}</Typography.Text>
      <Space orientation="vertical" size={4} style={{ display: 'flex', margin: '6px 0 12px' }}>
        {kinds.map((kind) => (
          <span key={kind} style={rowStyle}>
            <img src={kindIcon(kind)} width={20} height={20} alt="" />
            {t(`enums.entityKind.${kind}`)}
          </span>
        ))}
      </Space>
      <Typography.Text strong>{t('graph.legend.relations')}</Typography.Text>
      <Space orientation="vertical" size={4} style={{ display: 'flex', margin: '6px 0 12px' }}>
        {relationTypes.map((type) => (
          <span key={type} style={rowStyle}>
            <RelationSample type={type} />
            {t(`enums.relationType.${type}`)}
          </span>
        ))}
      </Space>
      {statuses.length > 0 && <Typography.Text strong>{t('graph.legend.status')}</Typography.Text>}
      <Space orientation="vertical" size={4} style={{ display: 'flex', marginTop: 6 }}>
        {statuses.map((status) => (
          <span key={status} style={rowStyle}>
            <span
              style={{
                width: 18,
                height: 18,
                borderRadius: '50%',
                border: `4px solid ${legalStatusColours[status]}`,
                boxSizing: 'border-box',
              }}
            />
            {t(`enums.legalStatus.${status}`)}
          </span>
        ))}
      </Space>
      {communities && (
        <Typography.Paragraph
          type="secondary"
          style={{ fontSize: 12, marginTop: 12 }}
          data-testid="graph-legend-communities"
        >
          {t('graph.legend.communityHint')}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12 }}>
        {t('graph.legend.arrowHint')}
      </Typography.Paragraph>
    </div>
  );
}
