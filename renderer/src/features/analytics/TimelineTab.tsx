import { Alert, Button, Checkbox, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ProcedureInput } from '../../../../electron/api/contract';
import { useProcedure } from '../../api/hooks';
import { useCan } from '../../app/SessionContext';
import { ErrorAlert, useSendToChart } from './analytics-shared';
import { AddToBriefingButton } from './AddToBriefingButton';
import { TimelineChart, type TimeWindow, type TimelineChartHandle } from './TimelineChart';
import { TimelineLegend } from './TimelineLegend';
import { TimelineQueryForm } from './TimelineQueryForm';
import { chinaDay, fitWindow, formatChina, zoomWindow } from './timeline-scale';
import { PrintExportModal } from '../graph/PrintExportModal';
import { useElementWidth } from './useElementWidth';
import { useTimelineExport } from './useTimelineExport';
import { useTimelineLabels } from './useTimelineLabels';

type Query = ProcedureInput<'analytics.timeline'>;
const pageSize = 5_000;

/**
 * 时间线: entities (or a case's suspects, phones and accounts) as lines over time, with their
 * calls, texts, transfers, seizures, measures, case dates and events as marks. A selected
 * period filters the timeline (and can open on the chart); the picture exports as SVG or PNG.
 */
export function TimelineTab() {
  const { t } = useTranslation();
  const canWrite = useCan('investigator');
  const chartToView = useSendToChart();
  const [params] = useSearchParams();
  const [query, setQuery] = useState<Query | null>(
    params.get('case') ? { caseId: params.get('case')!, limit: pageSize, offset: 0 } : null,
  );
  const result = useProcedure('analytics.timeline', query ?? { caseId: '' }, {
    enabled: query !== null,
  });
  const data = result.data;
  const [selection, setSelection] = useState<TimeWindow | null>(null);
  const chart = useRef<TimelineChartHandle>(null);
  const { ref: box, width } = useElementWidth(1100);

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

  const run = (caseId: string | undefined, entityIds: string[]) => {
    setSelection(null);
    setQuery({
      caseId,
      entityIds: entityIds.length ? entityIds : undefined,
      limit: pageSize,
      offset: 0,
    });
  };

  const { lineLabel, markTitle } = useTimelineLabels(data?.lines);

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

  const caseLine = data?.lines.find((line) => line.kind === 'case');
  const [exporting, setExporting] = useState<'closed' | 'open' | 'busy'>('closed');
  const exportAs = useTimelineExport(chart, query, {
    title: `${t('analytics.timeline.tab')} · ${
      caseLine
        ? caseLine.label
        : (data?.lines ?? [])
            .slice(0, 3)
            .map((line) => line.label)
            .join('、')
    }`,
    caseNo: caseLine?.label ?? null,
    period:
      query?.from && query.to
        ? `${formatChina(Date.parse(query.from))} – ${formatChina(Date.parse(query.to))}`
        : t('map.allTime'),
  });

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
      <TimelineQueryForm
        initialCaseId={params.get('case') ?? undefined}
        running={result.isFetching}
        onRun={run}
      />
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
            <Button size="small" onClick={() => setExporting('open')} data-testid="timeline-export">
              {t('analytics.timeline.export')}
            </Button>
            {exporting !== 'closed' && (
              <PrintExportModal
                busy={exporting === 'busy'}
                title={t('analytics.timeline.exportTitle')}
                formats={['png', 'svg']}
                onExport={(choices) => {
                  setExporting('busy');
                  void exportAs(choices).then((done) => setExporting(done ? 'closed' : 'open'));
                }}
                onClose={() => setExporting('closed')}
              />
            )}
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
          <TimelineLegend />
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
