import { DownloadOutlined, EyeOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxInlineAttachmentBytes } from '../../../../electron/api/domain/attachment-limits';
import type {
  AttachmentKind,
  AttachmentRow,
} from '../../../../electron/api/schemas/attachment-schemas';
import { useProcedure } from '../../api/hooks';
import { useErrorText } from '../../app/useErrorText';
import { formatDateTime } from '../../components/format';
import { RowActions } from '../../components/RowActions';
import { AttachmentUploadBar } from './AttachmentUploadBar';
import { ownerKey, type AttachmentOwner } from './attachment-owner';
import { formatBytes } from './file-content';
import { useAttachmentFiles, type NewFileTarget } from './useAttachmentFiles';

interface Props {
  ownerType: AttachmentRow['ownerType'];
  ownerId: string;
  /** A case's panel lists the case's own files and those of its seizures, events and people. */
  listByCase?: boolean;
  /** Other things a new file may be linked to instead of the panel's owner. */
  owners?: AttachmentOwner[];
  readOnly?: boolean;
}

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
  const newFile: NewFileTarget = {
    ownerType: chosen.ownerType,
    ownerId: chosen.ownerId,
    caseId: listByCase ? ownerId : undefined,
    kind,
  };
  const files = useAttachmentFiles();
  const { error } = files;

  return (
    <>
      {!readOnly && (
        <AttachmentUploadBar
          kind={kind}
          onKindChange={setKind}
          owners={owners}
          target={target}
          onTargetChange={setTarget}
          byPath={byPath}
          uploading={files.uploading}
          addingLarge={files.addingLarge}
          onUpload={(file) => files.upload(file, newFile)}
          onAddLarge={() => void files.addLarge(newFile)}
        />
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
              <RowActions onDelete={readOnly ? undefined : () => files.remove(row)}>
                {row.mimeType.startsWith('image/') && row.sizeBytes <= maxInlineAttachmentBytes && (
                  <Button
                    size="small"
                    icon={<EyeOutlined />}
                    onClick={() => void files.open(row, 'preview')}
                    aria-label={t('common.preview')}
                  />
                )}
                {byPath ? (
                  <Button
                    size="small"
                    icon={<SaveOutlined />}
                    onClick={() => void files.saveTo(row)}
                    aria-label={t('attachment.saveTo')}
                  />
                ) : (
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    onClick={() => void files.open(row, 'download')}
                    aria-label={t('common.download')}
                  />
                )}
              </RowActions>
            ),
          },
        ]}
      />
      <Modal
        open={files.preview !== null}
        title={files.preview?.name}
        footer={null}
        width={900}
        onCancel={files.closePreview}
      >
        {files.preview && (
          <img src={files.preview.url} alt={files.preview.name} style={{ maxWidth: '100%' }} />
        )}
      </Modal>
    </>
  );
}
