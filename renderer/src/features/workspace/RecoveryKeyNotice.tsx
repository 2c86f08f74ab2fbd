import { CopyOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../../electron/api/contract';

/** Shows the recovery key once after creation; the user confirms before entering. */
export function RecoveryKeyNotice({
  created,
  onContinue,
}: {
  created: ProcedureOutput<'workspace.create'>;
  onContinue: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [confirmed, setConfirmed] = useState(false);

  return (
    <Card
      style={{ maxWidth: 760, width: '100%' }}
      title={
        <span>
          <SafetyCertificateOutlined /> {t('workspace.recoveryTitle')}
        </span>
      }
    >
      <Typography.Paragraph>{t('workspace.recoveryIntro')}</Typography.Paragraph>
      <Typography.Paragraph
        className="recovery-key"
        data-testid="recovery-key"
        style={{
          background: '#f6f8fa',
          padding: 16,
          textAlign: 'center',
          border: '1px dashed #94a3b8',
        }}
      >
        {created.recoveryKey}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {created.session.workspaceName} · {created.path}
      </Typography.Paragraph>
      <Space wrap>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('common.print')}
        </Button>
        <Button
          icon={<CopyOutlined />}
          onClick={() =>
            void navigator.clipboard
              ?.writeText(created.recoveryKey)
              .then(() => message.success(t('common.copied')))
          }
        >
          {t('common.copy')}
        </Button>
      </Space>
      <div style={{ marginTop: 24 }}>
        <Checkbox
          checked={confirmed}
          onChange={(event) => setConfirmed(event.target.checked)}
          data-testid="recovery-confirm"
        >
          {t('workspace.recoveryConfirm')}
        </Checkbox>
      </div>
      <Button
        type="primary"
        style={{ marginTop: 16 }}
        disabled={!confirmed}
        onClick={onContinue}
        data-testid="recovery-continue"
      >
        {t('workspace.recoveryContinue')}
      </Button>
      <div className="print-only">
        <h1>{t('workspace.recoveryPrintHeading')}</h1>
        <p>
          {created.session.workspaceName} · {created.session.unitName}
        </p>
        <p className="recovery-key">{created.recoveryKey}</p>
        <p>{t('workspace.recoveryIntro')}</p>
      </div>
    </Card>
  );
}
