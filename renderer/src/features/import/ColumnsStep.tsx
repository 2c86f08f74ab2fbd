import { Alert, App, Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { importFields } from '../../../../electron/api/domain/import-templates';
import type { ImportMapping, ImportPreview } from '../../../../electron/api/schemas/import-schemas';
import { useProcedureMutation } from '../../api/hooks';
import { useImportLabels } from './import-labels';
import { fileFormatText, savedMapping, type WizardAction, type WizardState } from './import-wizard';

/** A column's letters as a spreadsheet names it: A … Z, AA, AB … (column 27 had been A again). */
function columnLetters(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** Step 2: which column of the file holds which field; saved sets of columns; file-wide values. */
export function ColumnsStep({
  state,
  preview,
  savedMappings,
  dispatch,
  onCheck,
}: {
  state: WizardState;
  preview: ImportPreview;
  /** The saved sets of columns (all templates). */
  savedMappings: readonly ImportMapping[] | undefined;
  dispatch: Dispatch<WizardAction>;
  onCheck: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { template, mapping } = state;
  // The heading's owner is said only when the user typed none (what is typed wins).
  const typedOwner = (template === 'calls' ? state.ownNumber : state.ownAccount).trim() !== '';
  const labels = useImportLabels(template);
  const saveMapping = useProcedureMutation('import.mappings.save');
  const choose = (choice: Extract<WizardAction, { type: 'chose' }>['choice']) =>
    dispatch({ type: 'chose', choice });

  const applySaved = (name: string) => {
    const saved = savedMappings?.find((item) => item.name === name);
    if (saved) choose({ mapping: savedMapping(saved.columns, preview.headers) });
  };
  // One column chosen for two fields (the IMEI's column as the length too) is said.
  const fieldsOf = new Map<number, string[]>();
  for (const [field, column] of Object.entries(mapping))
    fieldsOf.set(column, [...(fieldsOf.get(column) ?? []), labels.field(field)]);
  const twice = [...fieldsOf].filter(([, fields]) => fields.length > 1);
  const headerOptions = preview.headers.map((header, index) => ({
    value: index,
    label: `${columnLetters(index)} · ${header || t('import.unnamedColumn')}`,
  }));

  return (
    <Card
      title={t('import.columnsTitle', {
        header: preview.headerLine,
        encoding: fileFormatText(preview),
      })}
    >
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          placeholder={t('import.savedMappings')}
          style={{ width: 240 }}
          onChange={applySaved}
          options={(savedMappings ?? [])
            .filter((item) => item.template === template)
            .map((item) => ({ value: item.name, label: item.name }))}
        />
        <Input
          placeholder={t('import.mappingName')}
          value={state.mappingName}
          onChange={(event) => choose({ mappingName: event.target.value })}
          style={{ width: 200 }}
        />
        <Button
          disabled={!state.mappingName.trim()}
          onClick={() =>
            saveMapping.mutate(
              {
                name: state.mappingName.trim(),
                template,
                columns: Object.fromEntries(
                  Object.entries(mapping).map(([field, column]) => [
                    field,
                    preview.headers[column] ?? '',
                  ]),
                ),
              },
              { onSuccess: () => void message.success(t('import.mappingSaved')) },
            )
          }
        >
          {t('import.saveMapping')}
        </Button>
      </Space>
      <Alert
        type="info"
        showIcon
        title={t(`import.requiredHint.${template}`)}
        style={{ marginBottom: 12 }}
      />
      {preview.platform ? (
        <Alert
          type="success"
          showIcon
          data-testid="import-platform"
          title={t('import.platformFound', {
            platform: t(`import.platforms.${preview.platform}`),
            owner: preview.owner ?? '—',
          })}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {preview.ownerKnownBy && preview.owner && !typedOwner ? (
        <Alert
          type="warning"
          showIcon
          data-testid="import-owner-name-only"
          title={t(`import.ownerNameOnly.${preview.ownerKnownBy}`, { owner: preview.owner })}
          description={t('import.ownerNameOnlyApp')}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {!preview.platform && preview.owner && !typedOwner ? (
        <Alert
          type="success"
          showIcon
          data-testid="import-owner"
          title={t('import.ownerFound', { owner: preview.owner })}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {twice.length ? (
        <Alert
          type="warning"
          showIcon
          data-testid="import-column-twice"
          title={t('import.columnTwice', {
            columns: twice
              .map(
                ([column, fields]) =>
                  `${headerOptions[column]?.label ?? column}（${fields.join('、')}）`,
              )
              .join('；'),
          })}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {template === 'calls' ? (
        <Space style={{ marginBottom: 12 }}>
          {t('import.areaCode')}
          <Input
            value={state.areaCode}
            placeholder="0871"
            onChange={(event) => choose({ areaCode: event.target.value.trim() })}
            style={{ width: 120 }}
            data-testid="import-area-code"
          />
        </Space>
      ) : null}
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={importFields[template]}
        columns={[
          {
            key: 'field',
            title: t('import.field'),
            render: (_, field) => (
              <Space>
                {labels.field(field.key)}
                {field.required ? <Tag color="red">{t('common.required')}</Tag> : null}
              </Space>
            ),
          },
          {
            key: 'column',
            title: t('import.column'),
            render: (_, field) => (
              <Select
                allowClear
                style={{ width: 320 }}
                value={mapping[field.key]}
                options={headerOptions}
                // A wide file's column is found by typing its letters or its name.
                showSearch={{ optionFilterProp: 'label' }}
                data-testid={`map-${field.key}`}
                onChange={(column?: number) => {
                  const next = { ...mapping };
                  if (column === undefined) delete next[field.key];
                  else next[field.key] = column;
                  choose({ mapping: next });
                }}
              />
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 16 }}>
        <Button onClick={() => dispatch({ type: 'wentTo', step: 0 })}>{t('import.back')}</Button>
        <Button type="primary" loading={state.busy} onClick={onCheck} data-testid="import-check">
          {t('import.check')}
        </Button>
      </Space>
    </Card>
  );
}
