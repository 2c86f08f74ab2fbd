import { Alert, App, Button, DatePicker, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { invoke } from '../../api/client';
import { useErrorText } from '../../app/useErrorText';

export type Range = [Dayjs, Dayjs] | null;

/** A picked range as China calendar days, both whole (what the analytics procedures take). */
export function periodOf(range: Range): { from?: string; to?: string } {
  return range ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : {};
}

export function PeriodPicker({
  value,
  onChange,
  testId,
}: {
  value: Range;
  onChange(range: Range): void;
  testId?: string;
}) {
  return (
    <DatePicker.RangePicker
      value={value}
      onChange={(dates) => onChange(dates && dates[0] && dates[1] ? [dates[0], dates[1]] : null)}
      data-testid={testId}
    />
  );
}

export function ErrorAlert({ error }: { error: unknown }) {
  const errorText = useErrorText();
  if (!error) return null;
  return <Alert type="error" showIcon message={errorText(error)} style={{ marginBottom: 12 }} />;
}

/** Opens the chart around one entity (the chart's own "expand from here"). */
export function useAddToChart() {
  const navigate = useNavigate();
  return (entityId: string) => navigate(`/graph?entity=${encodeURIComponent(entityId)}`);
}

/** Saves the entities as a new chart view, laid out by force, and opens it. */
export function useSendToChart() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  /**
   * `period` (China days) opens the chart filtered to relations active in it; `positions`
   * places the entities as given (the money flow's columns) instead of a force layout.
   */
  const send = async (
    name: string,
    nodeIds: string[],
    period?: [string, string],
    positions?: Record<string, { x: number; y: number }>,
  ) => {
    setBusy(true);
    try {
      const view = await invoke('graph.views.save', {
        name,
        state: {
          nodeIds: [...new Set(nodeIds)],
          positions: positions ?? {},
          layout: positions ? 'manual' : 'force',
          ...(period ? { filters: { period } } : {}),
        },
      });
      void message.success(t('analytics.sentToChart'));
      navigate(`/graph?view=${encodeURIComponent(view.id)}`);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return { send, busy };
}

/**
 * Above a result table: how many rows are shown of how many found, when given, the button
 * that saves the result as a new chart view, and any further actions (加入简报) after it.
 */
export function ResultHeader({
  shown,
  total,
  onSendToChart,
  sending,
  children,
}: {
  shown: number;
  total: number;
  onSendToChart?: () => void;
  sending?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Space style={{ marginBottom: 8 }}>
      <span>{t('analytics.shownOf', { shown, total })}</span>
      {onSendToChart && (
        <Button loading={sending} onClick={onSendToChart}>
          {t('analytics.sendToChart')}
        </Button>
      )}
      {children}
    </Space>
  );
}
