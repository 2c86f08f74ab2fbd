import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type {
  TimelineLine,
  TimelineMark,
  TimelineResult,
} from '../../electron/api/schemas/analytics-schemas';
import type { SessionInfo } from '../../electron/api/schemas/session-schemas';
import { SessionProvider } from '../../renderer/src/app/SessionContext';
import { AnalyticsPage } from '../../renderer/src/features/analytics/AnalyticsPage';
import { TimelineChart } from '../../renderer/src/features/analytics/TimelineChart';
import { timeTicks } from '../../renderer/src/features/analytics/timeline-scale';
import { installFakeBridge, Providers } from './fake-bridge';

const lines: TimelineLine[] = [
  { id: 'case-1', kind: 'case', label: 'TL-01' },
  { id: 'p', kind: 'person', label: '王某' },
  { id: 'ph1', kind: 'phone', label: '13900000011' },
  { id: 'ph2', kind: 'phone', label: '13900000012' },
];
const mark = (
  id: string,
  kind: TimelineMark['kind'],
  at: string,
  lineId: string,
  toLineId: string | null = null,
): TimelineMark => ({
  id,
  kind,
  at,
  precision: 'minute',
  lineId,
  toLineId,
  label: kind === 'seizure' ? 'methamphetamine' : '13900000012',
  detail: kind === 'seizure' ? '381 g' : '60',
  count: null,
});
const marks: TimelineMark[] = [
  mark('status:opened', 'status', '2026-03-31T16:00:00.000Z', 'case-1'),
  mark('call:1', 'call', '2026-04-05T02:00:00.000Z', 'ph1', 'ph2'),
  mark('sms:2', 'sms', '2026-04-06T00:00:00.000Z', 'ph1'),
  mark('transfer:3', 'transfer', '2026-04-08T00:00:00.000Z', 'p', 'ph2'),
  mark('seizure:4', 'seizure', '2026-04-20T03:00:00.000Z', 'p'),
  // Outside the window below: not drawn.
  mark('call:5', 'call', '2026-06-01T00:00:00.000Z', 'ph1', 'ph2'),
];
// April 2026 in China time.
const april: [number, number] = [
  Date.parse('2026-03-31T16:00:00.000Z'),
  Date.parse('2026-04-30T16:00:00.000Z'),
];

/** Marks (or links) drawn per kind, from each kind's path. */
function counts(chart: HTMLElement, attribute: 'data-mark' | 'data-link'): Record<string, number> {
  return Object.fromEntries(
    [...chart.querySelectorAll(`[${attribute}]`)].map((path) => [
      path.getAttribute(attribute),
      Number(path.getAttribute('data-count')),
    ]),
  );
}

function drawChart(onWindowChange = vi.fn(), onSelect = vi.fn()) {
  render(
    <TimelineChart
      lines={lines}
      marks={marks}
      window={april}
      onWindowChange={onWindowChange}
      selection={null}
      onSelect={onSelect}
      lineLabel={(line) => line.label}
      markTitle={(m) => `${m.kind} ${m.at}`}
      width={1000}
    />,
  );
  return screen.getByTestId('timeline-chart');
}

describe('TimelineChart', () => {
  it('draws one line per entity, the marks in the window, links between lines and week ticks', () => {
    const chart = drawChart();
    expect(chart.querySelectorAll('[data-line]')).toHaveLength(4);
    // One path per kind, with how many marks it draws.
    expect(counts(chart, 'data-mark')).toEqual({
      call: 1,
      sms: 1,
      transfer: 1,
      seizure: 1,
      status: 1,
    });
    expect(counts(chart, 'data-link')).toEqual({ call: 1, transfer: 1 });
    // A call between two lines: a dot on each (rows 2 and 3), joined by a link at its time.
    const call = chart.querySelector('[data-mark=call]')!.getAttribute('d')!;
    expect(call.match(/M/g)).toHaveLength(2);
    const link = chart.querySelector('[data-link=call]')!.getAttribute('d')!;
    expect(link).toMatch(/^M[\d.]+ 107V137$/);
    // A 30-day window 816 px wide: a tick each Monday, China time.
    expect([...chart.querySelectorAll('[data-tick]')].map((t) => t.textContent)).toEqual([
      '2026-04-06',
      '2026-04-13',
      '2026-04-20',
      '2026-04-27',
    ]);
    expect(within(chart).getByText('王某')).toBeInTheDocument();
  });

  it('zooms around the pointer with the wheel and selects a period by dragging', () => {
    const onWindowChange = vi.fn();
    const onSelect = vi.fn();
    const chart = drawChart(onWindowChange, onSelect);
    const plot = 1000 - 168 - 16;
    const span = april[1] - april[0];
    fireEvent.wheel(chart, { deltaY: -100, clientX: 168 + plot / 2 });
    const [from, to] = onWindowChange.mock.calls[0]![0] as [number, number];
    expect(to - from).toBeCloseTo(span * 0.8, -1);
    expect((from + to) / 2).toBeCloseTo((april[0] + april[1]) / 2, -1);

    fireEvent.pointerDown(chart, {
      button: 0,
      clientX: 168 + plot / 4,
      clientY: 100,
      pointerId: 1,
    });
    fireEvent.pointerMove(chart, { clientX: 168 + plot / 2, clientY: 100, pointerId: 1 });
    fireEvent.pointerUp(chart, { clientX: 168 + plot / 2, clientY: 100, pointerId: 1 });
    const [selFrom, selTo] = onSelect.mock.calls[0]![0] as [number, number];
    // Pointing at the seizure on 王某's line (row 1) names it.
    const seizureX = 168 + ((Date.parse('2026-04-20T03:00:00.000Z') - april[0]) / span) * plot;
    fireEvent.pointerMove(chart, { clientX: seizureX + 3, clientY: 32 + 30 + 15 });
    expect(screen.getByTestId('timeline-hover')).toHaveTextContent(
      'seizure 2026-04-20T03:00:00.000Z',
    );
    expect(selFrom).toBeCloseTo(april[0] + span / 4, -1);
    expect(selTo).toBeCloseTo(april[0] + span / 2, -1);
  });
});

describe('timeTicks', () => {
  it('goes from years to minutes as the window narrows', () => {
    const at = (iso: string) => Date.parse(iso);
    const labels = (from: string, to: string) =>
      timeTicks(at(from), at(to), 800).map((tick) => tick.label);
    expect(labels('2019-12-31T16:00:00Z', '2025-12-31T16:00:00Z')).toEqual([
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
      '2026',
    ]);
    expect(labels('2026-03-31T16:00:00Z', '2026-04-01T16:00:00Z')).toEqual([
      '04-01',
      '03:00',
      '06:00',
      '09:00',
      '12:00',
      '15:00',
      '18:00',
      '21:00',
      '04-02',
    ]);
    expect(labels('2026-04-01T02:00:00Z', '2026-04-01T02:20:00Z')).toEqual([
      '10:00',
      '10:05',
      '10:10',
      '10:15',
      '10:20',
    ]);
  });
});

const session: SessionInfo = {
  workspacePath: '/ws',
  workspaceName: '工作区',
  unitName: '禁毒支队',
  isDemo: false,
  user: { id: 'u', username: 'u', displayName: '用户', role: 'investigator' },
  idleLockMinutes: 10,
  auditIntegrity: 'ok',
};

/** The first five marks of the fixture, as the core returns them for case-1. */
const fiveMarks: TimelineResult = {
  lines,
  marks: marks.slice(0, 5),
  total: 5,
  first: marks[0]!.at,
  last: marks[4]!.at,
};

function renderCaseTimeline() {
  render(
    <Providers>
      <SessionProvider session={session}>
        <MemoryRouter initialEntries={['/analytics?tab=timeline&case=case-1']}>
          <AnalyticsPage />
        </MemoryRouter>
      </SessionProvider>
    </Providers>,
  );
}

describe('时间线 tab', () => {
  it('opens a case timeline from the URL: count, legend and every mark drawn', async () => {
    const calls = installFakeBridge({
      'cases.list': () => ({ ok: true, value: { rows: [], total: 0 } }),
      'analytics.timeline': () => ({ ok: true, value: fiveMarks }),
    });
    renderCaseTimeline();
    expect(await screen.findByTestId('timeline-count')).toHaveTextContent('显示 5 个标记，共 5 个');
    expect(calls.find((call) => call.procedure === 'analytics.timeline')?.input).toEqual({
      caseId: 'case-1',
      limit: 5000,
      offset: 0,
    });
    const chart = screen.getByTestId('timeline-chart');
    expect(Object.values(counts(chart, 'data-mark')).reduce((a, b) => a + b)).toBe(5);
    expect(within(chart).getByText('案件 TL-01')).toBeInTheDocument();
    const legend = screen.getByTestId('timeline-legend');
    for (const kind of ['通话', '短信', '转账', '缴获', '强制措施', '到案', '案件进程', '事件'])
      expect(within(legend).getByText(kind)).toBeInTheDocument();
    expect(screen.getByTestId('briefing-add-timeline')).toBeInTheDocument();
  });

  it('a brushed period opens on the chart as a view filtered to it', async () => {
    const calls = installFakeBridge({
      'cases.list': () => ({ ok: true, value: { rows: [], total: 0 } }),
      'analytics.timeline': () => ({ ok: true, value: fiveMarks }),
      'graph.views.save': () => ({ ok: true, value: { id: 'view-1' } }),
    });
    renderCaseTimeline();
    const chart = await screen.findByTestId('timeline-chart');
    // The chart is 1,100 px wide here (jsdom measures nothing); its window is the marks' span
    // with 4 % either side: a drag over its second quarter is 5–10 April, China time.
    const plot = 1100 - 168 - 16;
    fireEvent.pointerDown(chart, { button: 0, clientX: 168 + plot / 4, clientY: 100 });
    fireEvent.pointerMove(chart, { clientX: 168 + plot / 2, clientY: 100 });
    fireEvent.pointerUp(chart, { clientX: 168 + plot / 2, clientY: 100 });
    const selection = await screen.findByTestId('timeline-selection');
    expect(selection).toHaveTextContent('已选时段：2026-04-05 11:24 至 2026-04-10 17:30');
    fireEvent.click(within(selection).getByRole('button', { name: '在关系图中查看此时段' }));
    await waitFor(() =>
      expect(calls.find((call) => call.procedure === 'graph.views.save')?.input).toEqual({
        name: '时间线 2026-04-05 至 2026-04-10',
        state: {
          nodeIds: ['p', 'ph1', 'ph2'],
          positions: {},
          layout: 'force',
          filters: { period: ['2026-04-05', '2026-04-10'] },
        },
      }),
    );
  });
});
