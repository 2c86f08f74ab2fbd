import { App, Alert, Button, Checkbox, Form, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ProcedureInput } from '../../../../electron/api/contract';
import type { EntityKind } from '../../../../electron/api/domain/entity-kinds';
import type {
  TimelineLine,
  TimelineMark,
} from '../../../../electron/api/schemas/analytics-schemas';
import { timelineMarkKinds } from '../../../../electron/api/schemas/analytics-schemas';
import { invoke } from '../../api/client';
import { useProcedure } from '../../api/hooks';
import { useCan } from '../../app/SessionContext';
import { useErrorText } from '../../app/useErrorText';
import { EntityPicker } from '../../components/EntityPicker';
import { drugName, formatYuan } from '../../components/format';
import { svgToPng } from '../../components/svg-picture';
import { CasePicker } from '../graph/CasePicker';
import { downloadText, downloadUrl } from '../graph/downloads';
import { ErrorAlert, useSendToChart } from './analytics-shared';
import { AddToBriefingButton } from './AddToBriefingButton';
import {
  MarkShape,
  TimelineChart,
  markColours,
  type TimeWindow,
  type TimelineChartHandle,
} from './TimelineChart';
import { chinaDay, fitWindow, formatChina, zoomWindow } from './timeline-scale';

type Query = ProcedureInput<'analytics.timeline'>;
const pageSize = 5_000;

/** Measures the width of an element (the chart fills its card). */
function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => setWidth(element.clientWidth || fallback);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [fallback]);
  return { ref, width };
}

/**
 * 时间线: entities (or a case's suspects, phones and accounts) as lines over time, with their
 * calls, texts, transfers, seizures, measures, case dates and events as marks. A selected
 * period filters the timeline (and can open on the chart); the picture exports as SVG or PNG.
 */
export function TimelineTab() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const canWrite = useCan('investigator');
  const chartToView = useSendToChart();
  const [params] = useSearchParams();
  const [caseId, setCaseId] = useState<string | undefined>(params.get('case') ?? undefined);
  const [entities, setEntities] = useState<{ id: string; label: string }[]>([]);
  const [query, setQuery] = useState<Query | null>(
    params.get('case') ? { caseId: params.get('case')!, limit: pageSize, offset: 0 } : null,
  );
  const result = useProcedure('analytics.timeline', query ?? { caseId: '' }, {
    enabled: query !== null,
  });
  const data = result.data;
  const [selection, setSelection] = useState<TimeWindow | null>(null);
  const chart = useRef<TimelineChartHandle>(null);
  const { ref: box, width } = useWidth(1100);

  // A new result is shown whole (a filtered one: its period); zooming and panning then move
  // the window over it.
  const filteredFrom = query?.from;
  const filteredTo = query?.to;
  const fitted = useMemo<TimeWindow>(() => {
    if (data && filteredFrom && filteredTo)
      return [Date.parse(filteredFrom), Date.parse(filteredTo)];
    return data?.marks.length
      ? fitWindow(Date.parse(data.marks[0]!.at), Date.parse(data.marks.at(-1)!.at))
      : [0, 1];
  }, [data, filteredFrom, filteredTo]);
  const [moved, setMoved] = useState<{ of: unknown; window: TimeWindow } | null>(null);
  const window = moved && moved.of === data ? moved.window : fitted;
  const setWindow = (next: TimeWindow) => setMoved({ of: data, window: next });

  const run = () => {
    setSelection(null);
    setQuery({
      caseId,
      entityIds: entities.length ? entities.map((entity) => entity.id) : undefined,
      limit: pageSize,
      offset: 0,
    });
  };

  const lineLabel = useMemo(
    () => (line: TimelineLine) =>
      line.kind === 'case' ? t('analytics.timeline.caseLine', { caseNo: line.label }) : line.label,
    [t],
  );
  const markTitle = useMemo(() => {
    const lineNames = new Map((data?.lines ?? []).map((line) => [line.id, lineLabel(line)]));
    return (mark: TimelineMark) => {
      const when =
        mark.precision === 'day' ? chinaDay(Date.parse(mark.at)) : formatChina(Date.parse(mark.at));
      const kind = t(`analytics.timeline.kinds.${mark.kind}`);
      const on = lineNames.get(mark.lineId) ?? '';
      let what: string;
      if (mark.kind === 'seizure')
        what = `${drugName(mark.label, i18n.language)} ${mark.detail ?? ''}`;
      else if (mark.kind === 'measure')
        what = t(`enums.legalStatus.${mark.label}` as 'enums.legalStatus.none');
      else if (mark.kind === 'caught') what = '';
      else if (mark.kind === 'status')
        what = t(
          `analytics.timeline.statusDates.${mark.label}` as 'analytics.timeline.statusDates.opened',
        );
      else if (mark.kind === 'event')
        what = `${t(`enums.eventKind.${mark.detail}` as 'enums.eventKind.other')} ${mark.label}`;
      else if (mark.kind === 'transfer')
        what = `→ ${mark.label} ¥${formatYuan(Number(mark.detail ?? 0))}`;
      else
        what = `↔ ${mark.label} ${t('analytics.timeline.seconds', { seconds: mark.detail ?? 0 })}`;
      const hand =
        mark.count !== null
          ? `（${t('analytics.timeline.handEntered', { count: mark.count })}）`
          : '';
      return `${when} ${kind} ${on} ${what}${hand}`.replace(/\s+/g, ' ').trim();
    };
  }, [data, lineLabel, t, i18n.language]);

  const filterToSelection = () => {
    if (!query || !selection) return;
    setQuery({
      ...query,
      from: new Date(selection[0]).toISOString(),
      to: new Date(selection[1]).toISOString(),
      offset: 0,
    });
    setSelection(null);
  };
  const clearFilter = () =>
    query && setQuery({ ...query, from: undefined, to: undefined, offset: 0 });

  const exportAs = async (format: 'svg' | 'png') => {
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

  // Lines with no mark on this page are left out unless asked for (a case's phones without
  // records would otherwise fill the chart); the case's own line always stays.
  const [allLines, setAllLines] = useState(false);
  const shownLines = useMemo(() => {
    if (!data || allLines) return data?.lines ?? [];
    const used = new Set(data.marks.flatMap((mark) => [mark.lineId, mark.toLineId]));
    return data.lines.filter((line) => line.kind === 'case' || used.has(line.id));
  }, [data, allLines]);

  const entityIdsOnChart = (data?.lines ?? [])
    .filter((line) => line.kind !== 'case')
    .map((line) => line.id);

  return (
    <>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label={t('analytics.timeline.entities')}>
          <Space wrap>
            {entities.map((entity) => (
              <Tag
                key={entity.id}
                closable
                onClose={() => setEntities(entities.filter((e) => e.id !== entity.id))}
              >
                {entity.label}
              </Tag>
            ))}
            <div style={{ width: 240 }}>
              <EntityPicker
                placeholder={t('analytics.timeline.entitiesHint')}
                kinds={['person', 'phone', 'account', 'organisation', 'vehicle'] as EntityKind[]}
                onChange={(id) => {
                  invoke('entities.get', { id })
                    .then((entity) =>
                      setEntities((list) =>
                        list.some((e) => e.id === id)
                          ? list
                          : [...list, { id, label: entity.label }],
                      ),
                    )
                    .catch((error: unknown) => void message.error(errorText(error)));
                }}
                testId="timeline-entities"
              />
            </div>
          </Space>
        </Form.Item>
        <Form.Item label={t('analytics.timeline.orCase')}>
          <CasePicker value={caseId} onChange={setCaseId} width={260} />
        </Form.Item>
        <Button
          type="primary"
          onClick={run}
          disabled={!entities.length && !caseId}
          loading={result.isFetching}
          data-testid="timeline-run"
        >
          {t('analytics.timeline.run')}
        </Button>
      </Form>
      <ErrorAlert error={result.error} />
      {data && (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <span data-testid="timeline-count">
              {t('analytics.timeline.shown', { shown: data.marks.length, total: data.total })}
            </span>
            <Checkbox
              checked={allLines}
              onChange={(event) => setAllLines(event.target.checked)}
              data-testid="timeline-all-lines"
            >
              {t('analytics.timeline.allLines', { count: data.lines.length })}
            </Checkbox>
            <Button
              size="small"
              onClick={() => setWindow(zoomWindow(window, (window[0] + window[1]) / 2, 0.5))}
            >
              {t('analytics.timeline.zoomIn')}
            </Button>
            <Button
              size="small"
              onClick={() => setWindow(zoomWindow(window, (window[0] + window[1]) / 2, 2))}
            >
              {t('analytics.timeline.zoomOut')}
            </Button>
            <Button
              size="small"
              disabled={!data.first}
              onClick={() => setWindow(fitWindow(Date.parse(data.first!), Date.parse(data.last!)))}
            >
              {t('analytics.timeline.fit')}
            </Button>
            <Button size="small" onClick={() => void exportAs('svg')} data-testid="timeline-svg">
              {t('analytics.timeline.exportSvg')}
            </Button>
            <Button size="small" onClick={() => void exportAs('png')} data-testid="timeline-png">
              {t('analytics.timeline.exportPng')}
            </Button>
            <AddToBriefingButton
              caseId={query?.caseId}
              source="timeline"
              title={`${t('analytics.timeline.tab')}${query?.from && query.to ? ` ${formatChina(Date.parse(query.from))} – ${formatChina(Date.parse(query.to))}` : ''}`}
              figure={() => chart.current}
            />
          </Space>
          {query?.from && query.to && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 8 }}
              data-testid="timeline-filtered"
              message={t('analytics.timeline.filtered', {
                from: formatChina(Date.parse(query.from)),
                to: formatChina(Date.parse(query.to)),
              })}
              action={
                <Button size="small" onClick={clearFilter}>
                  {t('analytics.timeline.clearFilter')}
                </Button>
              }
            />
          )}
          {selection && (
            <Alert
              type="success"
              style={{ marginBottom: 8 }}
              data-testid="timeline-selection"
              message={t('analytics.timeline.selected', {
                from: formatChina(selection[0]),
                to: formatChina(selection[1]),
              })}
              action={
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    onClick={filterToSelection}
                    data-testid="timeline-filter"
                  >
                    {t('analytics.timeline.filter')}
                  </Button>
                  {canWrite && entityIdsOnChart.length > 0 && (
                    <Button
                      size="small"
                      loading={chartToView.busy}
                      onClick={() =>
                        void chartToView.send(
                          t('analytics.timeline.viewName', {
                            from: chinaDay(selection[0]),
                            to: chinaDay(selection[1]),
                          }),
                          entityIdsOnChart,
                          [chinaDay(selection[0]), chinaDay(selection[1])],
                        )
                      }
                    >
                      {t('analytics.timeline.toChart')}
                    </Button>
                  )}
                  <Button size="small" onClick={() => setSelection(null)}>
                    {t('analytics.timeline.clearSelection')}
                  </Button>
                </Space>
              }
            />
          )}
          {data.total > data.marks.length && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              message={t('analytics.timeline.partial', {
                from: (query?.offset ?? 0) + 1,
                to: (query?.offset ?? 0) + data.marks.length,
              })}
              action={
                <Space>
                  <Button
                    size="small"
                    disabled={(query?.offset ?? 0) === 0}
                    onClick={() =>
                      query &&
                      setQuery({ ...query, offset: Math.max(0, (query.offset ?? 0) - pageSize) })
                    }
                  >
                    {t('analytics.timeline.prev')}
                  </Button>
                  <Button
                    size="small"
                    disabled={(query?.offset ?? 0) + data.marks.length >= data.total}
                    onClick={() =>
                      query && setQuery({ ...query, offset: (query.offset ?? 0) + pageSize })
                    }
                  >
                    {t('analytics.timeline.next')}
                  </Button>
                </Space>
              }
            />
          )}
          <Space wrap size={16} style={{ marginBottom: 6 }} data-testid="timeline-legend">
            {timelineMarkKinds.map((kind) => (
              <span key={kind} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
                <svg width={14} height={18} aria-hidden>
                  <MarkShape kind={kind} x={7} y={9} />
                </svg>
                <span style={{ color: markColours[kind] }}>
                  {t(`analytics.timeline.kinds.${kind}`)}
                </span>
              </span>
            ))}
          </Space>
          <div
            ref={box}
            style={{ width: '100%', overflowX: 'hidden', border: '1px solid #e5e7eb' }}
          >
            {data.marks.length === 0 ? (
              <Typography.Paragraph type="secondary" style={{ padding: 16, margin: 0 }}>
                {t('analytics.timeline.empty')}
              </Typography.Paragraph>
            ) : (
              <TimelineChart
                ref={chart}
                lines={shownLines}
                marks={data.marks}
                window={window}
                onWindowChange={setWindow}
                selection={selection}
                onSelect={setSelection}
                lineLabel={lineLabel}
                markTitle={markTitle}
                width={width}
              />
            )}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('analytics.timeline.hint')}
          </Typography.Text>
        </>
      )}
    </>
  );
}
