import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcedureName, ProcedureOutput } from '../../../electron/api/contract';
import { useProcedureMutation } from '../api/hooks';

/**
 * The two writes behind a create/edit dialog: `create` when nothing is being edited, `update`
 * otherwise. Either one, on success, says so (`savedText`, 已保存 by default) and calls `onSaved`.
 */
export function useRecordForm<
  Values,
  Create extends ProcedureName,
  Update extends ProcedureName,
>(options: {
  create: Create;
  update: Update;
  editing: boolean;
  /** Other areas the write changes (see useProcedureMutation). */
  alsoRefreshes?: string[];
  savedText?: string;
  onSaved: (saved: ProcedureOutput<Create> | ProcedureOutput<Update>) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { alsoRefreshes, onSaved } = options;
  const done = (saved: ProcedureOutput<Create> | ProcedureOutput<Update>) => {
    void message.success(options.savedText ?? t('common.saved'));
    onSaved(saved);
  };
  const create = useProcedureMutation(options.create, { alsoRefreshes, onSuccess: done });
  const update = useProcedureMutation(options.update, { alsoRefreshes, onSuccess: done });
  return { form, create, update, save: options.editing ? update : create };
}
