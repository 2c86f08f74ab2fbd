import { FolderOpenOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  maxAttachmentBytes,
  maxInlineAttachmentBytes,
} from '../../../../electron/api/domain/attachment-limits';
import {
  attachmentKinds,
  type AttachmentKind,
} from '../../../../electron/api/schemas/attachment-schemas';
import { ownerKey, type AttachmentOwner } from './attachment-owner';

/**
 * Above the file list: the new file's type and what it is about, the upload button (and in the
 * desktop app the by-path button for large files), and the size limit.
 */
export function AttachmentUploadBar({
  kind,
  onKindChange,
  owners,
  target,
  onTargetChange,
  byPath,
  uploading,
  addingLarge,
  onUpload,
  onAddLarge,
}: {
  kind: AttachmentKind;
  onKindChange: (kind: AttachmentKind) => void;
  owners: AttachmentOwner[];
  /** The chosen owner's `ownerKey`. */
  target: string;
  onTargetChange: (target: string) => void;
  byPath: boolean;
  uploading: boolean;
  addingLarge: boolean;
  onUpload: (file: File) => Promise<void>;
  onAddLarge: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Space style={{ marginBottom: 12 }} wrap>
      <Select
        aria-label={t('attachment.kind')}
        data-testid="attachment-kind"
        style={{ width: 130 }}
        value={kind}
        onChange={onKindChange}
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
          onChange={onTargetChange}
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
          await onUpload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={uploading} data-testid="attachment-upload">
          {t('attachment.upload')}
        </Button>
      </Upload>
      {byPath && (
        <Button
          icon={<FolderOpenOutlined />}
          loading={addingLarge}
          onClick={onAddLarge}
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
  );
}
