import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Progress,
  Radio,
  Result,
  Select,
  Space,
  Steps,
  Table,
  Tabs,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  importFields,
  importTemplates,
  type ImportTemplate,
} from '../../../../electron/api/domain/import-templates';
import type { ImportPreview, ImportSummary } from '../../../../electron/api/schemas/import-schemas';
import { getBridge } from '../../api/bridge';
import { invoke } from '../../api/client';
import { useProcedure, useProcedureMutation } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';
import { drugName } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { downloadDocument } from '../briefings/file-download';
import { CasePicker } from '../graph/CasePicker';
import { PackageImport } from './PackageImport';
import { FileDrop, type PickedFile } from './FileDrop';

type Encoding = 'auto' | 'utf8' | 'gb18030';

/**
 * 导入向导: file and template → columns → preview and validation report → import with a
 * progress bar and cancel. Nothing is written before the last step; then either all or
 * nothing, or (chosen by the user) the valid rows, with the others handed back as a
 * rejected-rows file to save.
 */
function TableImport() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [step, setStep] = useState(0);
  const [template, setTemplate] = useState<ImportTemplate>('calls');
  const [encoding, setEncoding] = useState<Encoding>('auto');
  const [caseId, setCaseId] = useState<string>();
  const [file, setFile] = useState<PickedFile>();
  const [mapping, setMapping] = useState<Record<string, number>>({});
  const [preview, setPreview] = useState<ImportPreview>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [importId, setImportId] = useState<string>();
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [summary, setSummary] = useState<ImportSummary>();
  const [mappingName, setMappingName] = useState('');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [ownAccount, setOwnAccount] = useState('');
  const [areaCode, setAreaCode] = useState('');
  const mappings = useProcedure('import.mappings.list', {});
  const saveMapping = useProcedureMutation('import.mappings.save');

  useEffect(
    () =>
      getBridge().on('import.progressed', (event) => {
        if (event.importId === importId) setProgress({ done: event.done, total: event.total });
      }),
    [importId],
  );

  const request = (chosen?: Record<string, number>) =>
    file && {
      fileName: file.name,
      contentBase64: file.contentBase64,
      encoding,
      template,
      mapping: chosen,
      ownAccount: template === 'transactions' && ownAccount.trim() ? ownAccount.trim() : null,
      areaCode: template === 'calls' && /^0[1-9]\d{1,2}$/.test(areaCode) ? areaCode : null,
      caseId: caseId ?? null,
    };

  const loadPreview = async (chosen?: Record<string, number>, next?: number) => {
    const input = request(chosen);
    if (!input) return;
    setBusy(true);
    setError(undefined);
    try {
      const found = await invoke('import.preview', input);
      setPreview(found);
      setMapping(found.mapping);
      if (next !== undefined) setStep(next);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  const run = async () => {
    const input = request(mapping);
    if (!input) return;
    const id = `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    setImportId(id);
    setProgress({ done: 0, total: preview?.validCount ?? 0 });
    setSummary(undefined);
    setError(undefined);
    setStep(3);
    try {
      setSummary(await invoke('import.commit', { ...input, importId: id, skipInvalid }));
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setImportId(undefined);
    }
  };

  const applySaved = (name: string) => {
    const saved = mappings.data?.find((item) => item.name === name);
    if (!saved || !preview) return;
    const chosen: Record<string, number> = {};
    for (const [field, header] of Object.entries(saved.columns)) {
      const column = preview.headers.indexOf(header);
      if (column >= 0) chosen[field] = column;
    }
    setMapping(chosen);
  };

  const fields = importFields[template];
  const headerOptions = (preview?.headers ?? []).map((header, index) => ({
    value: index,
    label: `${String.fromCharCode(65 + (index % 26))} · ${header || t('import.unnamedColumn')}`,
  }));
  const sampleColumns = useMemo(
    () =>
      Object.keys(preview?.sample[0] ?? {}).map((key) => ({
        key,
        dataIndex: key,
        title: t(`import.fields.${template}.${key}` as never, { defaultValue: key }),
        ellipsis: true,
        // Stored in UTC; shown in the workstation's local time, as the file had it.
        render: (value: string) =>
          /^\d{4}-\d{2}-\d{2}T.*Z$/.test(value)
            ? dayjs(value).format('YYYY-MM-DD HH:mm:ss')
            : ['kind', 'farType', 'direction'].includes(key)
              ? t(`import.values.${value}` as never, { defaultValue: value })
              : key === 'drugType'
                ? drugName(value, i18n.language)
                : key === 'quantityUnit'
                  ? t(`enums.quantityUnit.${value}` as never)
                  : key === 'weightBasis'
                    ? t(`seizure.weightBases.${value}` as never)
                    : value,
      })),
    [preview, t, i18n.language, template],
  );
  const percent = progress.total ? Math.floor((progress.done / progress.total) * 100) : 0;

  return (
    <>
      <Steps
        current={step}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('import.steps.file') },
          { title: t('import.steps.columns') },
          { title: t('import.steps.check') },
          { title: t('import.steps.import') },
        ]}
      />
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 12 }}
          data-testid="import-error"
        />
      ) : null}

      {step === 0 ? (
        <Card>
          <Form layout="vertical" style={{ maxWidth: 640 }}>
            <Form.Item label={t('import.template')}>
              <Radio.Group
                value={template}
                onChange={(event) => setTemplate(event.target.value as ImportTemplate)}
                optionType="button"
                options={importTemplates.map((value) => ({
                  value,
                  label: t(`import.templates.${value}`),
                }))}
              />
            </Form.Item>
            <Form.Item label={t('import.file')} extra={t('import.fileHint')}>
              <FileDrop
                accept=".csv,.txt,.xlsx"
                file={file}
                prompt={t('import.drop')}
                onPick={setFile}
              />
            </Form.Item>
            <Form.Item label={t('import.encoding')}>
              <Select
                value={encoding}
                onChange={setEncoding}
                style={{ width: 240 }}
                options={[
                  { value: 'auto', label: t('import.encodings.auto') },
                  { value: 'utf8', label: 'UTF-8' },
                  { value: 'gb18030', label: 'GB18030 / GBK' },
                ]}
              />
            </Form.Item>
            <Form.Item label={t('import.case')} extra={t('import.caseHint')}>
              <CasePicker value={caseId} onChange={setCaseId} width={480} />
            </Form.Item>
            <Button
              type="primary"
              disabled={!file}
              loading={busy}
              onClick={() => void loadPreview(undefined, 1)}
              data-testid="import-next"
            >
              {t('import.next')}
            </Button>
          </Form>
        </Card>
      ) : null}

      {step === 1 && preview ? (
        <Card
          title={t('import.columnsTitle', {
            header: preview.headerLine,
            encoding: preview.encoding ?? 'XLSX',
          })}
        >
          <Space style={{ marginBottom: 12 }} wrap>
            <Select
              placeholder={t('import.savedMappings')}
              style={{ width: 240 }}
              onChange={applySaved}
              options={(mappings.data ?? [])
                .filter((item) => item.template === template)
                .map((item) => ({ value: item.name, label: item.name }))}
            />
            <Input
              placeholder={t('import.mappingName')}
              value={mappingName}
              onChange={(event) => setMappingName(event.target.value)}
              style={{ width: 200 }}
            />
            <Button
              disabled={!mappingName.trim()}
              onClick={() =>
                saveMapping.mutate(
                  {
                    name: mappingName.trim(),
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
          {template === 'transactions' ? (
            <Space style={{ marginBottom: 12 }}>
              {t('import.ownAccount')}
              <Input
                value={ownAccount}
                placeholder={preview.owner ?? ''}
                onChange={(event) => setOwnAccount(event.target.value)}
                style={{ width: 280 }}
                data-testid="import-own-account"
              />
            </Space>
          ) : null}
          {template === 'calls' ? (
            <Space style={{ marginBottom: 12 }}>
              {t('import.areaCode')}
              <Input
                value={areaCode}
                placeholder="0871"
                onChange={(event) => setAreaCode(event.target.value.trim())}
                style={{ width: 120 }}
                data-testid="import-area-code"
              />
            </Space>
          ) : null}
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={fields}
            columns={[
              {
                key: 'field',
                title: t('import.field'),
                render: (_, field) => (
                  <Space>
                    {t(`import.fields.${template}.${field.key}` as never)}
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
                    data-testid={`map-${field.key}`}
                    onChange={(column?: number) => {
                      const next = { ...mapping };
                      if (column === undefined) delete next[field.key];
                      else next[field.key] = column;
                      setMapping(next);
                    }}
                  />
                ),
              },
            ]}
          />
          <Space style={{ marginTop: 16 }}>
            <Button onClick={() => setStep(0)}>{t('import.back')}</Button>
            <Button
              type="primary"
              loading={busy}
              onClick={() => void loadPreview(mapping, 2)}
              data-testid="import-check"
            >
              {t('import.check')}
            </Button>
          </Space>
        </Card>
      ) : null}

      {step === 2 && preview ? (
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
            <Descriptions.Item label={t('import.encoding')}>
              {preview.encoding ?? 'XLSX'}
            </Descriptions.Item>
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
                onChange={(event) => setSkipInvalid(event.target.value as boolean)}
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
                  { key: 'line', dataIndex: 'line', title: t('import.line'), width: 80 },
                  {
                    key: 'field',
                    title: t('import.field'),
                    render: (_, row) => t(`import.fields.${template}.${row.field}` as never),
                  },
                  {
                    key: 'problem',
                    title: t('import.reason'),
                    render: (_, row) => t(`import.problemKinds.${row.problem}` as never),
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
            <Button onClick={() => setStep(1)}>{t('import.back')}</Button>
            <Button
              type="primary"
              disabled={(preview.problemCount > 0 && !skipInvalid) || preview.validCount === 0}
              onClick={() => void run()}
              data-testid="import-run"
            >
              {t('import.run', { count: preview.validCount })}
            </Button>
          </Space>
        </Card>
      ) : null}

      {step === 3 ? (
        <Card>
          {summary ? (
            <Result
              status="success"
              title={t('import.done', { count: summary.rows })}
              subTitle={
                <>
                  {summary.template === 'seizures'
                    ? t('import.seizuresCreated', { count: summary.seizuresCreated })
                    : t('import.doneDetail', summary)}
                  {summary.rejectedRows ? (
                    <div data-testid="import-rejected">
                      {t('import.rejectedDetail', { count: summary.rejectedRows })}
                    </div>
                  ) : null}
                </>
              }
              data-testid="import-done"
              extra={[
                summary.rejectedFile ? (
                  <Button
                    key="rejected"
                    onClick={() =>
                      summary.rejectedFile &&
                      downloadDocument({
                        fileName: summary.rejectedFile.fileName,
                        mimeType: 'text/csv',
                        encoding: 'base64',
                        content: summary.rejectedFile.contentBase64,
                      })
                    }
                    data-testid="import-rejected-download"
                  >
                    {t('import.saveRejected')}
                  </Button>
                ) : null,
                <Button
                  key="another"
                  onClick={() => {
                    setStep(0);
                    setFile(undefined);
                    setPreview(undefined);
                  }}
                >
                  {t('import.another')}
                </Button>,
              ]}
            />
          ) : error ? (
            <Button onClick={() => setStep(2)}>{t('import.back')}</Button>
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Progress percent={percent} data-testid="import-progress" />
              <span>{t('import.progress', progress)}</span>
              <Button
                danger
                disabled={!importId}
                onClick={() => importId && void invoke('import.cancel', { importId })}
                data-testid="import-cancel"
              >
                {t('import.cancel')}
              </Button>
            </Space>
          )}
        </Card>
      ) : null}
    </>
  );
}

/** 数据导入: tables from other systems (persons, call records, bank records) or a case package. */
export function ImportPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('import.title')} />
      <Tabs
        destroyOnHidden
        items={[
          { key: 'table', label: t('import.tabTable'), children: <TableImport /> },
          { key: 'package', label: t('import.tabPackage'), children: <PackageImport /> },
        ]}
      />
    </>
  );
}
