import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Input,
  Progress,
  Result,
  Space,
  Table,
  Tag,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  PackageReview,
  PackageSummary,
} from '../../../../electron/api/schemas/package-schemas';
import { getBridge } from '../../api/bridge';
import { invoke } from '../../api/client';
import { useErrorText } from '../../app/useErrorText';
import { drugName } from '../../components/format';
import { KindTag } from '../../components/KindTag';
import { FileDrop } from './FileDrop';
import type { PickedFile } from './import-wizard';

/**
 * 导入协查包: open the package with its passphrase, review matches and differences, then import.
 * A large package is checked in core's thread: its progress shows, with a cancel button. A
 * seizure over a plausible quantity is listed and must be confirmed, as in manual entry.
 */
export function PackageImport() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [file, setFile] = useState<PickedFile>();
  const [passphrase, setPassphrase] = useState('');
  const [review, setReview] = useState<PackageReview>();
  const [summary, setSummary] = useState<PackageSummary>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [running, setRunning] = useState<{ id: string; done: number; total: number }>();
  const [confirmed, setConfirmed] = useState(false);

  useEffect(
    () =>
      getBridge().on('import.progressed', (event) =>
        setRunning((now) => (now && now.id === event.importId ? { ...now, ...event } : now)),
      ),
    [],
  );

  const act = async (task: (importId: string) => Promise<void>) => {
    const id = `pkg-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    setBusy(true);
    setError(undefined);
    setRunning({ id, done: 0, total: 0 });
    try {
      await task(id);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
      setRunning(undefined);
    }
  };
  const input = (importId: string) => ({
    contentBase64: file!.contentBase64,
    passphrase,
    importId,
  });
  const implausible = review?.implausibleSeizures ?? [];
  const progress =
    busy && running && running.total > 0 ? (
      <Space style={{ marginTop: 12 }} data-testid="package-progress">
        <Progress
          percent={Math.floor((running.done / running.total) * 100)}
          size="small"
          style={{ width: 240 }}
        />
        <span>{t('packageImport.checking', running)}</span>
        <Button
          size="small"
          onClick={() => void invoke('package.cancel', { importId: running.id })}
          data-testid="package-cancel"
        >
          {t('packageImport.cancel')}
        </Button>
      </Space>
    ) : null;

  if (summary)
    return (
      <Result
        status="success"
        title={t('packageImport.done')}
        subTitle={t('packageImport.doneDetail', summary)}
        data-testid="package-done"
      />
    );
  return (
    <Card>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {!review ? (
        <Space orientation="vertical" style={{ width: '100%', maxWidth: 560 }}>
          <FileDrop accept=".qlpkg" file={file} prompt={t('packageImport.drop')} onPick={setFile} />
          <Input.Password
            placeholder={t('packageImport.passphrase')}
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
            data-testid="package-open-passphrase"
          />
          <Button
            type="primary"
            disabled={!file || !passphrase}
            loading={busy}
            onClick={() =>
              void act(async (importId) => {
                setConfirmed(false);
                setReview(await invoke('package.review', input(importId)));
              })
            }
            data-testid="package-review"
          >
            {t('packageImport.open')}
          </Button>
          {progress}
        </Space>
      ) : (
        <>
          <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('packageImport.case')}>
              {review.caseNo
                ? `${review.caseNo} ${review.caseTitle ?? ''}`
                : t('packageImport.noCase')}
            </Descriptions.Item>
            <Descriptions.Item label={t('packageImport.entities')}>
              {t('packageImport.entityCounts', {
                total: review.entities.length,
                matched: review.entities.filter((item) => item.status === 'matched').length,
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('packageImport.counts')}>
              {t('packageImport.countsDetail', review.counts)}
            </Descriptions.Item>
          </Descriptions>
          {review.caseExists ? (
            <Alert
              type="error"
              showIcon
              title={t('errors.package.caseExists', { caseNo: review.caseNo ?? '' })}
            />
          ) : null}
          {implausible.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="package-implausible"
              title={t('packageImport.implausibleTitle', { count: implausible.length })}
              description={
                <>
                  <ul style={{ margin: '4px 0' }}>
                    {implausible.map((item) => (
                      <li key={item.row}>
                        {t('packageImport.implausibleItem', {
                          row: item.row,
                          caseNo: item.caseNo ?? '',
                          drug: drugName(item.drugType, i18n.language),
                          quantity: item.quantity,
                        })}
                      </li>
                    ))}
                  </ul>
                  <Checkbox
                    checked={confirmed}
                    onChange={(event) => setConfirmed(event.target.checked)}
                    data-testid="package-implausible-confirm"
                  >
                    {t('packageImport.implausibleConfirm')}
                  </Checkbox>
                </>
              }
            />
          ) : null}
          <Table
            size="small"
            rowKey="id"
            dataSource={review.entities}
            pagination={{ pageSize: 10 }}
            data-testid="package-entities"
            columns={[
              {
                key: 'kind',
                title: t('entities.kind'),
                render: (_, row) => <KindTag kind={row.kind} />,
              },
              { key: 'label', dataIndex: 'label', title: t('packageImport.label') },
              {
                key: 'status',
                title: t('packageImport.status'),
                render: (_, row) =>
                  row.status === 'matched' ? (
                    <Tag color="blue">
                      {t('packageImport.matched', { label: row.existingLabel ?? '' })}
                    </Tag>
                  ) : (
                    <Tag color="green">{t('packageImport.new')}</Tag>
                  ),
              },
              {
                key: 'differences',
                title: t('packageImport.differences'),
                render: (_, row) => row.differences.join('、'),
              },
            ]}
          />
          <Space style={{ marginTop: 12 }}>
            <Button onClick={() => setReview(undefined)}>{t('import.back')}</Button>
            <Button
              type="primary"
              disabled={review.caseExists || (implausible.length > 0 && !confirmed)}
              loading={busy}
              onClick={() =>
                void act(async (importId) =>
                  setSummary(
                    await invoke('package.import', {
                      ...input(importId),
                      ...(implausible.length > 0 && { confirmedImplausible: confirmed }),
                    }),
                  ),
                )
              }
              data-testid="package-import"
            >
              {t('packageImport.confirm')}
            </Button>
          </Space>
          {progress}
        </>
      )}
    </Card>
  );
}
