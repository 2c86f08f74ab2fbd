import { Alert, Button, Card, Descriptions, Input, Result, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  PackageReview,
  PackageSummary,
} from '../../../../electron/api/schemas/package-schemas';
import { invoke } from '../../api/client';
import { useErrorText } from '../../app/useErrorText';
import { KindTag } from '../../components/KindTag';
import { FileDrop } from './FileDrop';
import type { PickedFile } from './import-wizard';

/** 导入协查包: open the package with its passphrase, review matches and differences, then import. */
export function PackageImport() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [file, setFile] = useState<PickedFile>();
  const [passphrase, setPassphrase] = useState('');
  const [review, setReview] = useState<PackageReview>();
  const [summary, setSummary] = useState<PackageSummary>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const act = async (task: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await task();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  const input = () => ({ contentBase64: file!.contentBase64, passphrase });

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
            onClick={() => void act(async () => setReview(await invoke('package.review', input())))}
            data-testid="package-review"
          >
            {t('packageImport.open')}
          </Button>
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
              disabled={review.caseExists}
              loading={busy}
              onClick={() =>
                void act(async () => setSummary(await invoke('package.import', input())))
              }
              data-testid="package-import"
            >
              {t('packageImport.confirm')}
            </Button>
          </Space>
        </>
      )}
    </Card>
  );
}
