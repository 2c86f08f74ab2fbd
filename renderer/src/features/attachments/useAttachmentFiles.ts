import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AttachmentKind,
  AttachmentRow,
} from '../../../../electron/api/schemas/attachment-schemas';
import { invoke } from '../../api/client';
import { useProcedureMutation } from '../../api/hooks';
import type { AttachmentOwner } from './attachment-owner';
import { base64ToBlob, fileToBase64 } from './file-content';

/** Where a new file goes: what it is about, its type, and the case whose list shows it. */
export interface NewFileTarget extends Pick<AttachmentOwner, 'ownerType' | 'ownerId'> {
  kind: AttachmentKind;
  caseId: string | undefined;
}

/**
 * The panel's file work: upload (inline, or by path in the desktop app), preview, download,
 * save to a path, delete; `error` is the last failure of any of them.
 */
export function useAttachmentFiles() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<{ url: string; name: string } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
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

  const closePreview = () => {
    if (preview) URL.revokeObjectURL(preview.url);
    setPreview(null);
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

  const upload = async (file: File, target: NewFileTarget) => {
    setFailure(null);
    add.mutate({
      ...target,
      fileName: file.name,
      mimeType: file.type || 'application/octet-stream',
      contentBase64: await fileToBase64(file),
    });
  };

  const addLarge = async (target: NewFileTarget) => {
    setFailure(null);
    try {
      const picked = await invoke('attachments.pickFile', { mode: 'open' });
      if (!picked.path) return;
      addFile.mutate({ ...target, path: picked.path });
    } catch (error) {
      setFailure(error);
    }
  };

  return {
    preview,
    closePreview,
    open,
    saveTo,
    upload,
    uploading: add.isPending,
    addLarge,
    addingLarge: addFile.isPending,
    remove: (row: AttachmentRow) => remove.mutate({ id: row.id }),
    error: add.error ?? addFile.error ?? remove.error ?? failure,
  };
}
