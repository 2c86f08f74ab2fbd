import { DownOutlined, ExportOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullIdNumbersRole } from '../../../../electron/api/domain/roles';
import { invoke } from '../../api/client';
import { useCan } from '../../app/SessionContext';
import { useErrorText } from '../../app/useErrorText';
import { downloadDocument } from '../briefings/file-download';

/** 导出: the case as Excel (every table) or JSON, or as a passphrase-sealed case package (协查包). */
export function CaseExportMenu({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [sealing, setSealing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ passphrase: string; repeat: string }>();
  // A package carries full ID numbers: leads and administrators only (checked again in core).
  const maySeal = useCan(fullIdNumbersRole);

  const run = async (task: () => Promise<Parameters<typeof downloadDocument>[0]>) => {
    setBusy(true);
    try {
      const file = await task();
      downloadDocument(file);
      void message.success(t('caseExport.saved', { name: file.fileName }));
      return true;
    } catch (error) {
      void message.error(errorText(error));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Dropdown
        menu={{
          items: [
            { key: 'xlsx', label: t('caseExport.xlsx') },
            { key: 'json', label: t('caseExport.json') },
            { type: 'divider' },
            { key: 'package', label: t('caseExport.package'), disabled: !maySeal },
          ],
          onClick: ({ key }) => {
            if (key === 'package') setSealing(true);
            else
              void run(() =>
                invoke('cases.export', { id: caseId, format: key as 'xlsx' | 'json' }),
              );
          },
        }}
      >
        <Button icon={<ExportOutlined />} loading={busy} data-testid="case-export">
          {t('caseExport.title')} <DownOutlined />
        </Button>
      </Dropdown>
      <Modal
        open={sealing}
        title={t('caseExport.packageTitle')}
        okText={t('caseExport.seal')}
        confirmLoading={busy}
        destroyOnHidden
        onCancel={() => setSealing(false)}
        onOk={() =>
          void form.validateFields().then(async ({ passphrase }) => {
            if (await run(() => invoke('package.export', { caseId, passphrase })))
              setSealing(false);
          })
        }
      >
        <p>{t('caseExport.packageHint')}</p>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="passphrase"
            label={t('caseExport.passphrase')}
            rules={[{ required: true, min: 10, message: t('caseExport.passphraseRule') }]}
          >
            <Input.Password autoComplete="new-password" data-testid="package-passphrase" />
          </Form.Item>
          <Form.Item
            name="repeat"
            label={t('caseExport.repeat')}
            dependencies={['passphrase']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value === getFieldValue('passphrase')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('caseExport.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="package-passphrase-repeat" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
