import { Alert, Button, Card, Descriptions, Radio, Space, Table } from 'antd';
import { planTotalsTexts } from '../../../../electron/api/domain/plan-totals-text';
import { useMemo, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { lineLabel } from '../../../../electron/api/domain/file-lines';
import type { ImportPreview } from '../../../../electron/api/schemas/import-schemas';
import { useImportLabels } from './import-labels';
import { SetAsideTable } from './SetAsideTable';
import { fileFormatText, type WizardAction, type WizardState } from './import-wizard';

const internalSampleKeys = new Set(['dayOnly', 'reversal', 'offsetOf']);

/** Step 3: the validation report (counts, each problem by line), a sample, and how to import. */
export function CheckStep({
  state,
  preview,
  dispatch,
  onRun,
  onReadSheet,
}: {
  state: WizardState;
  preview: ImportPreview;
  dispatch: Dispatch<WizardAction>;
  onRun: () => void;
  /** Reads one sheet of the workbook alone (a sheet under another header). */
  onReadSheet?: (sheet: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const { template, skipInvalid } = state;
  const labels = useImportLabels(template);
  const sampleColumns = useMemo(
    () =>
      Object.keys(preview.sample[0] ?? {})
        // Flags the import reads (a day alone, a reversal) are said in the problems and summary.
        .filter((key) => !internalSampleKeys.has(key))
        .map((key) => ({
          key,
          dataIndex: key,
          title: labels.field(key),
          ellipsis: true,
          render: (value: string) => labels.cell(key, value),
        })),
    [preview, labels],
  );

  return (
    <Card>
      <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('import.rows')}>{preview.rowCount}</Descriptions.Item>
        <Descriptions.Item label={t('import.valid')}>
          <span data-testid="import-valid">{preview.validCount}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('import.problems')}>
          <span data-testid="import-problems">{preview.problemCount}</span>
          {preview.rejectedCount ? (
            <span data-testid="import-rejected-count">
              {t('import.problemLines', { count: preview.rejectedCount })}
            </span>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('import.fileFormat')}>
          {fileFormatText(preview)}
        </Descriptions.Item>
        {planTotalsTexts(preview, (line) =>
          line.key === 'moneyTotals'
            ? t('import.moneyTotals', line.values)
            : t('import.callTotals', line.values),
        ).map((text) => (
          <Descriptions.Item key={text} label={t('import.totalsLabel')} span={4}>
            <span data-testid="import-totals">{text}</span>
          </Descriptions.Item>
        ))}
        {preview.nothingMoved ? (
          <Descriptions.Item label={t('import.nothingMovedLabel')} span={4}>
            <span data-testid="import-nothing-moved">
              {t('import.nothingMoved', { count: preview.nothingMoved })}
            </span>
          </Descriptions.Item>
        ) : null}
        {preview.sheets.length ? (
          <Descriptions.Item label={t('import.sheets')} span={4}>
            <span data-testid="import-sheets">
              {preview.sheets
                .map((sheet) =>
                  sheet.read
                    ? t('import.sheetRead', { name: sheet.name, count: sheet.rows })
                    : sheet.unread === 'owner'
                      ? t('import.sheetOtherOwner', { name: sheet.name })
                      : sheet.unread === 'hidden'
                        ? t('import.sheetHidden', { name: sheet.name })
                        : sheet.unread === 'users'
                          ? t('import.sheetUsers', { name: sheet.name })
                          : t('import.sheetSkipped', { name: sheet.name }),
                )
                .join(t('import.sheetSeparator'))}
            </span>
            {onReadSheet
              ? preview.sheets
                  .filter(
                    (sheet) => !sheet.read && sheet.unread !== 'hidden' && sheet.unread !== 'users',
                  )
                  .map((sheet) => (
                    <Button
                      key={sheet.number}
                      type="link"
                      size="small"
                      data-testid={`import-sheet-alone-${sheet.number}`}
                      onClick={() => onReadSheet(sheet.number)}
                    >
                      {t('import.readSheetAlone', { name: sheet.name })}
                    </Button>
                  ))
              : null}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {preview.problemCount ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('import.fixFirst', { count: preview.problemCount })}
            style={{ marginBottom: 12 }}
          />
          <Radio.Group
            value={skipInvalid}
            onChange={(event) =>
              dispatch({ type: 'chose', choice: { skipInvalid: event.target.value as boolean } })
            }
            style={{ marginBottom: 12 }}
            data-testid="import-mode"
            options={[
              { value: false, label: t('import.allOrNothing') },
              {
                value: true,
                label: t('import.validOnly', {
                  valid: preview.validCount,
                  rejected: preview.rejectedCount,
                }),
              },
            ]}
          />
          <Table
            size="small"
            rowKey={(row) => `${row.line}-${row.field}`}
            dataSource={preview.problems}
            pagination={{ pageSize: 10 }}
            data-testid="import-problem-table"
            columns={[
              {
                key: 'line',
                title: t('import.line'),
                width: 80,
                render: (_, row) => lineLabel(row.line, language),
              },
              {
                key: 'field',
                title: t('import.field'),
                render: (_, row) => labels.field(row.field),
              },
              {
                key: 'problem',
                title: t('import.reason'),
                render: (_, row) => labels.problem(row.problem),
              },
              {
                key: 'value',
                title: t('import.value'),
                render: (_, row) => (
                  <>
                    {row.value}
                    {row.suggestions?.length ? (
                      <div data-testid="import-suggestion">
                        {t('import.didYouMean', { names: row.suggestions.join('、') })}
                      </div>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
        </>
      ) : null}
      {preview.setAside?.length ? (
        <SetAsideTable rows={preview.setAside} count={preview.setAsideCount} language={language} />
      ) : null}
      <Table
        size="small"
        title={() => t('import.sample')}
        rowKey={(_, index) => String(index)}
        dataSource={preview.sample}
        columns={sampleColumns}
        pagination={false}
        scroll={{ x: true }}
      />
      <Space style={{ marginTop: 16 }}>
        <Button onClick={() => dispatch({ type: 'wentTo', step: 1 })}>{t('import.back')}</Button>
        <Button
          type="primary"
          disabled={(preview.problemCount > 0 && !skipInvalid) || preview.validCount === 0}
          onClick={onRun}
          data-testid="import-run"
        >
          {t('import.run', { count: preview.validCount })}
        </Button>
      </Space>
    </Card>
  );
}
