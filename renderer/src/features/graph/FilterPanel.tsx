import { Button, Checkbox, Select, Slider, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  informationCredibilities,
  sourceReliabilities,
} from '../../../../electron/api/domain/relation-types';
import type { GraphEdge, GraphNode } from '../../../../electron/api/schemas/graph-schemas';
import { nodeKinds, periodBounds, type ChartFilters } from './graph-model';

interface Props {
  nodes: GraphNode[];
  edges: GraphEdge[];
  filters: ChartFilters;
  onChange(filters: ChartFilters): void;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div style={{ marginBottom: 14 }}>
      <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
        {title}
      </Typography.Text>
      {children}
    </div>
  );
}

/** Days between two ISO dates: the time window slider works in days from the first relation. */
const dayOffset = (from: string, date: string) => dayjs(date).diff(dayjs(from), 'day');
const dayAt = (from: string, offset: number) => dayjs(from).add(offset, 'day').format('YYYY-MM-DD');

/**
 * What the chart shows: relation types, entity kinds, grading, the case a relation was
 * recorded in, and a time window over relation periods (the temporal view).
 */
export function FilterPanel({ nodes, edges, filters, onChange }: Props) {
  const { t } = useTranslation();
  const types = [...new Set(edges.map((edge) => edge.type))].sort();
  const kinds = nodeKinds(nodes).sort();
  const cases = [
    ...new Map(
      edges
        .filter((edge) => edge.caseId)
        .map((edge) => [edge.caseId!, edge.caseNo ?? edge.caseId!]),
    ).entries(),
  ].sort((a, b) => a[1].localeCompare(b[1]));
  const bounds = periodBounds(edges);
  const span = bounds ? dayOffset(bounds[0], bounds[1]) : 0;
  const window = filters.period;
  const sliderValue: [number, number] = bounds
    ? [
        window?.[0] ? dayOffset(bounds[0], window[0]) : 0,
        window?.[1] ? dayOffset(bounds[0], window[1]) : span,
      ]
    : [0, 0];
  const active = Object.values(filters).some(
    (value) => value !== undefined && (!Array.isArray(value) || value.length > 0),
  );

  return (
    <div data-testid="graph-filters">
      <Section title={t('graph.filters.relationTypes')}>
        <Checkbox.Group
          value={filters.relationTypes ?? types}
          onChange={(chosen) =>
            onChange({
              ...filters,
              relationTypes: chosen.length === types.length ? undefined : chosen,
            })
          }
        >
          <Space orientation="vertical" size={2}>
            {types.map((type) => (
              <Checkbox key={type} value={type}>
                {t(`enums.relationType.${type}`)} (
                {edges.filter((edge) => edge.type === type).length})
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      </Section>
      <Section title={t('graph.filters.kinds')}>
        <Checkbox.Group
          value={filters.kinds ?? kinds}
          onChange={(chosen) =>
            onChange({ ...filters, kinds: chosen.length === kinds.length ? undefined : chosen })
          }
        >
          <Space wrap size={[8, 2]}>
            {kinds.map((kind) => (
              <Checkbox key={kind} value={kind}>
                {t(`enums.entityKind.${kind}`)}
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      </Section>
      <Section title={t('graph.filters.grading')}>
        <Space wrap>
          <Select
            allowClear
            size="small"
            style={{ width: 150 }}
            placeholder={t('graph.filters.minReliability')}
            value={filters.minReliability}
            onChange={(minReliability) => onChange({ ...filters, minReliability })}
            options={sourceReliabilities.map((grade) => ({
              value: grade,
              label: t('graph.filters.reliabilityAtLeast', { grade }),
            }))}
            data-testid="filter-reliability"
          />
          <Select
            allowClear
            size="small"
            style={{ width: 150 }}
            placeholder={t('graph.filters.maxCredibility')}
            value={filters.maxCredibility}
            onChange={(maxCredibility) => onChange({ ...filters, maxCredibility })}
            options={informationCredibilities.map((grade) => ({
              value: grade,
              label: t('graph.filters.credibilityAtLeast', { grade }),
            }))}
          />
        </Space>
      </Section>
      {cases.length > 0 && (
        <Section title={t('graph.filters.cases')}>
          <Select
            mode="multiple"
            allowClear
            size="small"
            style={{ width: '100%' }}
            placeholder={t('graph.filters.allCases')}
            value={filters.caseIds ?? []}
            onChange={(caseIds) =>
              onChange({ ...filters, caseIds: caseIds.length ? caseIds : undefined })
            }
            options={cases.map(([id, caseNo]) => ({ value: id, label: caseNo }))}
          />
        </Section>
      )}
      <Section title={t('graph.filters.period')}>
        {bounds && span > 0 ? (
          <>
            <Slider
              range
              min={0}
              max={span}
              value={sliderValue}
              tooltip={{
                formatter: (offset) => (offset === undefined ? '' : dayAt(bounds[0], offset)),
              }}
              onChange={([from, to]) =>
                onChange({
                  ...filters,
                  period:
                    from === 0 && to === span
                      ? undefined
                      : [
                          from === 0 ? null : dayAt(bounds[0], from!),
                          to === span ? null : dayAt(bounds[0], to!),
                        ],
                })
              }
              data-testid="filter-period"
            />
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12 }}
              data-testid="filter-period-text"
            >
              {dayAt(bounds[0], sliderValue[0])} ~ {dayAt(bounds[0], sliderValue[1])}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">{t('graph.filters.noPeriods')}</Typography.Text>
        )}
      </Section>
      <Button size="small" disabled={!active} onClick={() => onChange({})}>
        {t('graph.filters.clear')}
      </Button>
    </div>
  );
}
