import {
  DeleteOutlined,
  DownloadOutlined,
  EyeOutlined,
  FolderOpenOutlined,
  SaveOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  maxAttachmentBytes,
  maxInlineAttachmentBytes,
} from '../../../../electron/api/domain/attachment-limits';
import {
  attachmentKinds,
  type AttachmentKind,
  type AttachmentRow,
} from '../../../../electron/api/schemas/attachment-schemas';
import { invoke } from '../../api/client';
import { useProcedure, useProcedureMutation } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';
import { formatDateTime } from '../../components/format';
import { base64ToBlob, fileToBase64, formatBytes } from './file-content';

/** Something in the case a file can be linked to (a person, an identifier, a seizure, an event). */
export interface AttachmentOwner {
  ownerType: AttachmentRow['ownerType'];
  ownerId: string;
  label: string;
}

interface Props {
  ownerType: AttachmentRow['ownerType'];
  ownerId: string;
  /** A case's panel lists the case's own files and those of its seizures, events and people. */
  listByCase?: boolean;
  /** Other things a new file may be linked to instead of the panel's owner. */
  owners?: AttachmentOwner[];
  readOnly?: boolean;
}

const ownerKey = (owner: Pick<AttachmentOwner, 'ownerType' | 'ownerId'>) =>
  `${owner.ownerType}:${owner.ownerId}`;

/**
 * Evidence files: upload (encrypted in the workspace, SHA-256 shown) with a type and what the
 * file is about, preview, save, delete. In the desktop app a large file is read and saved by
 * path (streamed in the main process); elsewhere small files go inline.
 */
export function AttachmentsPanel({
  ownerType,
  ownerId,
  listByCase = false,
  owners = [],
  readOnly = false,
}: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<{ url: string; name: string } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [kind, setKind] = useState<AttachmentKind>('other');
  const ownOwner = { ownerType, ownerId };
  const [target, setTarget] = useState(ownerKey(ownOwner));
  const info = useProcedure('app.info', {});
  const byPath = Boolean(info.data?.canPickFile);
  const list = useProcedure(
    'attachments.list',
    listByCase ? { caseId: ownerId } : { ownerType, ownerId },
  );
  const ownerLabels = useMemo(
    () => new Map(owners.map((owner) => [ownerKey(owner), owner.label])),
    [owners],
  );
  const chosen =
    owners.find((owner) => ownerKey(owner) === target) ??
    ({ ...ownOwner, label: '' } satisfies AttachmentOwner);
  const onSaved = () => void message.success(t('common.saved'));
  const add = useProcedureMutation('attachments.add', {
    alsoRefreshes: ['cases'],
    onSuccess: onSaved,
  });
  const addFile = useProcedureMutation('attachments.addFile', {
    alsoRefreshes: ['cases'],
    onSuccess: onSaved,
  });
  const remove = useProcedureMutation('attachments.delete', { alsoRefreshes: ['cases'] });

  const open = async (row: AttachmentRow, mode: 'preview' | 'download') => {
    setFailure(null);
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

  const saveTo = async (row: AttachmentRow) => {
    setFailure(null);
    try {
      const picked = await invoke('attachments.pickFile', {
        mode: 'save',
        suggestedName: row.fileName,
      });
      if (!picked.path) return;
      const saved = await invoke('attachments.saveTo', { id: row.id, path: picked.path });
      void message.success(t('attachment.savedTo', { path: saved.path }));
    } catch (error) {
      setFailure(error);
    }
  };

  const addLarge = async () => {
    setFailure(null);
    try {
      const picked = await invoke('attachments.pickFile', { mode: 'open' });
      if (!picked.path) return;
      addFile.mutate({
        ownerType: chosen.ownerType,
        ownerId: chosen.ownerId,
        caseId: listByCase ? ownerId : undefined,
        kind,
        path: picked.path,
      });
    } catch (error) {
      setFailure(error);
    }
  };

  const error = add.error ?? addFile.error ?? remove.error ?? failure;
  return (
    <>
      {!readOnly && (
        <Space style={{ marginBottom: 12 }} wrap>
          <Select
            aria-label={t('attachment.kind')}
            data-testid="attachment-kind"
            style={{ width: 130 }}
            value={kind}
            onChange={setKind}
            options={attachmentKinds.map((value) => ({
              value,
              label: t(`attachment.kinds.${value}`),
            }))}
          />
          {owners.length > 0 && (
            <Select
              aria-label={t('attachment.owner')}
              data-testid="attachment-owner"
              style={{ width: 220 }}
              value={target}
              onChange={setTarget}
              showSearch={{ optionFilterProp: 'label' }}
              options={owners.map((owner) => ({
                value: ownerKey(owner),
                label: `${t(`attachment.ownerType.${owner.ownerType}`)}：${owner.label}`,
              }))}
            />
          )}
          <Upload
            showUploadList={false}
            multiple
            beforeUpload={async (file) => {
              setFailure(null);
              add.mutate({
                ownerType: chosen.ownerType,
                ownerId: chosen.ownerId,
                caseId: listByCase ? ownerId : undefined,
                kind,
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
          {byPath && (
            <Button
              icon={<FolderOpenOutlined />}
              loading={addFile.isPending}
              onClick={() => void addLarge()}
              data-testid="attachment-add-large"
            >
              {t('attachment.addLarge')}
            </Button>
          )}
          <Typography.Text type="secondary">
            {byPath
              ? t('attachment.largeLimit', { limit: maxAttachmentBytes / 2 ** 30 })
              : t('attachment.limit', { limit: maxInlineAttachmentBytes / 2 ** 20 })}
          </Typography.Text>
        </Space>
      )}
      {error !== null && error !== undefined && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={errorText(error)}
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
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('attachment.fileName'), dataIndex: 'fileName', ellipsis: true },
          {
            title: t('attachment.kind'),
            dataIndex: 'kind',
            width: 100,
            render: (value: AttachmentKind) => <Tag>{t(`attachment.kinds.${value}`)}</Tag>,
          },
          ...(listByCase
            ? [
                {
                  title: t('attachment.owner'),
                  key: 'owner',
                  width: 160,
                  ellipsis: true,
                  render: (_value: unknown, row: AttachmentRow) =>
                    row.ownerType === ownerType && row.ownerId === ownerId
                      ? t(`attachment.ownerType.${row.ownerType}`)
                      : `${t(`attachment.ownerType.${row.ownerType}`)}：${ownerLabels.get(ownerKey(row)) ?? ''}`,
                },
              ]
            : []),
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
            width: 140,
            fixed: 'right',
            render: (_value, row) => (
              <Space>
                {row.mimeType.startsWith('image/') && row.sizeBytes <= maxInlineAttachmentBytes && (
                  <Button
                    size="small"
                    icon={<EyeOutlined />}
                    onClick={() => void open(row, 'preview')}
                    aria-label={t('common.preview')}
                  />
                )}
                {byPath ? (
                  <Button
                    size="small"
                    icon={<SaveOutlined />}
                    onClick={() => void saveTo(row)}
                    aria-label={t('attachment.saveTo')}
                  />
                ) : (
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    onClick={() => void open(row, 'download')}
                    aria-label={t('common.download')}
                  />
                )}
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
