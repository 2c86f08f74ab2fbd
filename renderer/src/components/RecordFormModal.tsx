import { App, Modal, type FormInstance, type ModalProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { buttonTestId, type ButtonTestId } from './button-test-id';

interface Props extends Omit<ModalProps, 'onCancel' | 'onOk' | 'okButtonProps'> {
  /** The form whose unsaved input the dialog protects. */
  form: FormInstance;
  /** Closes the dialog (after the user agreed to drop what they typed, if anything). */
  onClose: () => void;
  /** The test id of the save button. */
  submitTestId: ButtonTestId;
}

/**
 * The dialog around a create/edit form. Esc, the × and 取消 (and a click beside it) ask before
 * throwing away what was typed; an untouched form closes at once. OK submits the form.
 */
export function RecordFormModal({ form, onClose, submitTestId, children, ...modal }: Props) {
  const { t } = useTranslation();
  const { modal: dialogs } = App.useApp();
  const requestClose = () => {
    if (!form.isFieldsTouched()) {
      onClose();
      return;
    }
    void dialogs.confirm({
      title: t('recordForm.discardTitle'),
      content: t('recordForm.discardText'),
      okText: t('recordForm.discard'),
      okButtonProps: buttonTestId('discard-confirm', { danger: true }),
      cancelText: t('recordForm.keepEditing'),
      cancelButtonProps: buttonTestId('discard-cancel'),
      onOk: onClose,
    });
  };
  return (
    <Modal
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      {...modal}
      okButtonProps={buttonTestId(submitTestId)}
      onOk={() => form.submit()}
      onCancel={requestClose}
    >
      {children}
    </Modal>
  );
}
