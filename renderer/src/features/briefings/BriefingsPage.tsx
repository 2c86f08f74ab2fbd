import {
  FilePdfOutlined,
  FileWordOutlined,
  PrinterOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Select, Space, Spin, Switch } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  classifications,
  type Classification,
} from '../../../../electron/api/schemas/briefing-schemas';
import { fullIdNumbersRole } from '../../../../electron/api/domain/roles';
import { invoke } from '../../api/client';
import { useProcedure } from '../../api/hooks';
import { useCan } from '../../app/SessionContext';
import { useErrorText } from '../../app/useErrorText';
import { PageHeader } from '../../components/PageHeader';
import { CasePicker } from '../graph/CasePicker';
import { BriefingItemsCard } from './BriefingItemsCard';
import { downloadDocument } from './file-download';

interface BriefingChoices {
  classification: Classification;
  unmaskIds: boolean;
  viewId: string | undefined;
  language: 'zh-CN' | 'en';
}

/**
 * 案情简报: pick a case and the options, see the document exactly as it will print (the same
 * HTML the PDF is made from, in a sandboxed frame), then print it or save it as PDF or Word.
 */
export function BriefingsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const caseId = params.get('case') ?? undefined;
  const mayUnmask = useCan(fullIdNumbersRole);
  const [choices, setChoices] = useState<BriefingChoices>({
    classification: 'internal',
    unmaskIds: false,
    viewId: undefined,
    language: i18n.language === 'en' ? 'en' : 'zh-CN',
  });
  const [busy, setBusy] = useState<'pdf' | 'docx' | undefined>();
  const frame = useRef<HTMLIFrameElement>(null);
  const caseDetail = useProcedure('cases.get', { id: caseId ?? '' }, { enabled: !!caseId });
  const views = useProcedure('graph.views.list', { caseId }, { enabled: !!caseId });

  // The preview is the HTML the PDF is printed from; each one generated is audited, so it is
  // not refetched behind the user's back.
  const preview = useProcedure(
    'reports.briefing',
    { caseId: caseId ?? '', format: 'html', ...choices },
    { enabled: !!caseId, refetchOnWindowFocus: false, staleTime: Infinity, retry: false },
  );
  const html = preview.data?.content;

  const save = async (format: 'pdf' | 'docx') => {
    if (!caseId) return;
    setBusy(format);
    try {
      const file = await invoke('reports.briefing', { caseId, format, ...choices });
      downloadDocument(file);
      void message.success(t('briefings.saved', { name: file.fileName }));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(undefined);
    }
  };

  const print = () => frame.current?.contentWindow?.print();

  return (
    <>
      <PageHeader
        title={t('briefings.title')}
        extra={
          <CasePicker
            value={caseId}
            currentLabel={
              caseDetail.data ? `${caseDetail.data.caseNo} ${caseDetail.data.title}` : undefined
            }
            onChange={(id) => setParams({ case: id })}
          />
        }
      />
      {!caseId ? (
        <Empty description={t('briefings.pickCase')} />
      ) : (
        <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
          <Card size="small" title={t('briefings.options')} style={{ width: 280, flex: 'none' }}>
            <Form layout="vertical" size="small">
              <Form.Item label={t('briefings.classification')}>
                <Select
                  data-testid="briefing-classification"
                  value={choices.classification}
                  onChange={(classification) => setChoices({ ...choices, classification })}
                  options={classifications.map((value) => ({
                    value,
                    label: t(`briefings.classifications.${value}`),
                  }))}
                />
              </Form.Item>
              <Form.Item label={t('briefings.graphView')}>
                <Select
                  allowClear
                  placeholder={t('briefings.graphGenerated')}
                  value={choices.viewId}
                  onChange={(viewId?: string) => setChoices({ ...choices, viewId })}
                  options={(views.data ?? []).map((view) => ({ value: view.id, label: view.name }))}
                />
              </Form.Item>
              <Form.Item label={t('briefings.language')}>
                <Select
                  value={choices.language}
                  onChange={(language) => setChoices({ ...choices, language })}
                  options={[
                    { value: 'zh-CN', label: '中文' },
                    { value: 'en', label: 'English' },
                  ]}
                />
              </Form.Item>
              <Form.Item label={t('briefings.unmaskIds')} extra={t('briefings.unmaskHint')}>
                <Switch
                  data-testid="briefing-unmask"
                  disabled={!mayUnmask}
                  checked={choices.unmaskIds}
                  onChange={(unmaskIds) => setChoices({ ...choices, unmaskIds })}
                />
              </Form.Item>
            </Form>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Button
                block
                icon={<ReloadOutlined />}
                loading={preview.isFetching}
                onClick={() => void preview.refetch()}
              >
                {t('briefings.refresh')}
              </Button>
              <Button block icon={<PrinterOutlined />} disabled={!html} onClick={print}>
                {t('briefings.print')}
              </Button>
              <Button
                block
                type="primary"
                icon={<FilePdfOutlined />}
                loading={busy === 'pdf'}
                onClick={() => void save('pdf')}
                data-testid="briefing-pdf"
              >
                {t('briefings.pdf')}
              </Button>
              <Button
                block
                icon={<FileWordOutlined />}
                loading={busy === 'docx'}
                onClick={() => void save('docx')}
                data-testid="briefing-docx"
              >
                {t('briefings.docx')}
              </Button>
            </Space>
            <BriefingItemsCard caseId={caseId} onChanged={() => void preview.refetch()} />
          </Card>
          <div style={{ flex: 1, minWidth: 0 }}>
            {html ? (
              <iframe
                ref={frame}
                title={t('briefings.preview')}
                data-testid="briefing-preview"
                // No scripts in the document; same origin only so the app can print the frame.
                sandbox="allow-same-origin allow-modals"
                srcDoc={html}
                style={{
                  width: '100%',
                  height: 'calc(100vh - 150px)',
                  border: '1px solid #e2e8f0',
                  background: '#fff',
                }}
              />
            ) : preview.error ? (
              <Alert type="error" showIcon title={errorText(preview.error)} />
            ) : (
              <Spin style={{ display: 'block', marginTop: 80 }} />
            )}
          </div>
        </div>
      )}
    </>
  );
}
