import { DeleteOutlined, DownloadOutlined, EyeOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxAttachmentBytes } from '../../../../electron/api/domain/attachment-limits';
import type { AttachmentRow } from '../../../../electron/api/schemas/attachment-schemas';
import { invoke } from '../../api/client';
import { useProcedure, useProcedureMutation } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';
import { formatDateTime } from '../../components/format';
import { base64ToBlob, fileToBase64, formatBytes } from './file-content';

interface Props {
  ownerType: AttachmentRow['ownerType'];
  ownerId: string;
  /** A case's panel lists the case's own files and those of its seizures. */
  listByCase?: boolean;
  readOnly?: boolean;
}

/** Evidence files: upload (encrypted in the workspace, SHA-256 shown), preview, save, delete. */
export function AttachmentsPanel({
  ownerType,
  ownerId,
  listByCase = false,
  readOnly = false,
}: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<{ url: string; name: string } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const list = useProcedure(
    'attachments.list',
    listByCase ? { caseId: ownerId } : { ownerType, ownerId },
  );
  const add = useProcedureMutation('attachments.add', {
    alsoRefreshes: ['cases'],
    onSuccess: () => void message.success(t('common.saved')),
  });
  const remove = useProcedureMutation('attachments.delete', { alsoRefreshes: ['cases'] });

  const open = async (row: AttachmentRow, mode: 'preview' | 'download') => {
    try {
      const file = await invoke('attachments.get', { id: row.id });
      const url = URL.createObjectURL(base64ToBlob(file.contentBase64, file.mimeType));
      if (mode === 'preview') {
        setPreview({ url, name: file.fileName });
      } else {
        const link = document.createElement('a');
        link.href = url;
        link.download = file.fileName;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <>
      {!readOnly && (
        <Space style={{ marginBottom: 12 }}>
          <Upload
            showUploadList={false}
            multiple
            beforeUpload={async (file) => {
              setFailure(null);
              add.mutate({
                ownerType,
                ownerId,
                fileName: file.name,
                mimeType: file.type || 'application/octet-stream',
                contentBase64: await fileToBase64(file),
              });
              return false;
            }}
          >
            <Button
              icon={<UploadOutlined />}
              loading={add.isPending}
              data-testid="attachment-upload"
            >
              {t('attachment.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">
            {t('attachment.limit', { limit: maxAttachmentBytes / 1024 / 1024 })}
          </Typography.Text>
        </Space>
      )}
      {(add.isError || remove.isError || failure !== null) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={errorText(add.error ?? remove.error ?? failure)}
          data-testid="attachment-error"
        />
      )}
      <Table<AttachmentRow>
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.isFetching}
        dataSource={list.data}
        locale={{ emptyText: t('attachment.empty') }}
        columns={[
          { title: t('attachment.fileName'), dataIndex: 'fileName', ellipsis: true },
          { title: t('attachment.size'), dataIndex: 'sizeBytes', width: 100, render: formatBytes },
          {
            title: t('attachment.sha256'),
            dataIndex: 'sha256',
            width: 200,
            render: (sha: string) => (
              <Tooltip title={sha}>
                <Typography.Text code copyable={{ text: sha }}>
                  {sha.slice(0, 16)}…
                </Typography.Text>
              </Tooltip>
            ),
          },
          {
            title: t('attachment.uploadedAt'),
            dataIndex: 'createdAt',
            width: 150,
            render: formatDateTime,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            render: (_value, row) => (
              <Space>
                {row.mimeType.startsWith('image/') && (
                  <Button
                    size="small"
                    icon={<EyeOutlined />}
                    onClick={() => void open(row, 'preview')}
                    aria-label={t('common.preview')}
                  />
                )}
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  onClick={() => void open(row, 'download')}
                  aria-label={t('common.download')}
                />
                {!readOnly && (
                  <Popconfirm
                    title={t('common.confirmDelete')}
                    onConfirm={() => remove.mutate({ id: row.id })}
                  >
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                    />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={preview !== null}
        title={preview?.name}
        footer={null}
        width={900}
        onCancel={() => {
          if (preview) URL.revokeObjectURL(preview.url);
          setPreview(null);
        }}
      >
        {preview && <img src={preview.url} alt={preview.name} style={{ maxWidth: '100%' }} />}
      </Modal>
    </>
  );
}
