import { Alert, Button, Empty, Input, Select, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LegalStatus } from '../../../../../electron/api/domain/person-vocabulary';
import { measureStepBackReasons } from '../../../../../electron/api/schemas/case-schemas';
import { useProcedure, useProcedureMutation } from '../../../api/hooks';
import { useCan } from '../../../app/SessionContext';
import { useErrorText } from '../../../app/useErrorText';

type StepBackReason = (typeof measureStepBackReasons)[number];

/**
 * 强制措施记录: a person's measures in the case, newest first, each with its date (刑拘 →
 * 逮捕 → 起诉 …), and taking back the latest one with a reason (更正, 退回补充侦查).
 */
export function MeasureHistory({
  caseEntityId,
  onSteppedBack,
}: {
  caseEntityId: string;
  /** The member's status after a step back, for the form around this list. */
  onSteppedBack: (status: LegalStatus, on: string | null) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const mayWrite = useCan('investigator');
  const measures = useProcedure('cases.measures', { caseEntityId });
  const [reason, setReason] = useState<StepBackReason>('correction');
  const [note, setNote] = useState('');
  const stepBack = useProcedureMutation('cases.stepBackMeasure', {
    onSuccess: (result) => {
      setNote('');
      onSteppedBack(result.legalStatus, result.legalStatusOn);
    },
  });
  const rows = measures.data ?? [];
  const latest = rows[0];
  return (
    <div data-testid="measure-history" style={{ marginBottom: 16 }}>
      <Typography.Text strong>{t('cases2.measureHistory')}</Typography.Text>
      {rows.length ? (
        <Timeline
          style={{ marginTop: 12 }}
          items={rows.map((row) => ({
            key: row.id,
            content: (
              <span data-testid="measure-item">
                {row.takenOn ?? t('cases2.measureUndated')} ·{' '}
                {t(`enums.legalStatus.${row.measure}`)}
                {row.recordedBy ? (
                  <Typography.Text type="secondary">
                    {'  '}
                    {t('cases2.recordedBy', { user: row.recordedBy })}
                  </Typography.Text>
                ) : null}
              </span>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases2.noMeasures')} />
      )}
      {latest && mayWrite ? (
        <Space wrap>
          <Select
            value={reason}
            onChange={setReason}
            style={{ width: 220 }}
            aria-label={t('cases2.measureStepBackReason')}
            data-testid="measure-step-back-reason"
            options={measureStepBackReasons.map((value) => ({
              value,
              label: t(`cases2.measureStepBackReasons.${value}`),
            }))}
          />
          <Input
            value={note}
            onChange={(event) => setNote(event.target.value)}
            placeholder={t('cases2.measureStepBackNote')}
            style={{ width: 200 }}
          />
          <Button
            danger
            loading={stepBack.isPending}
            onClick={() => stepBack.mutate({ caseEntityId, reason, note: note.trim() || null })}
            data-testid="measure-step-back"
          >
            {t('cases2.stepBackTitle', { measure: t(`enums.legalStatus.${latest.measure}`) })}
          </Button>
        </Space>
      ) : null}
      {stepBack.isError && <Alert type="error" showIcon title={errorText(stepBack.error)} />}
    </div>
  );
}
