import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../../../electron/api/domain/case-vocabulary';
import {
  isStepBack,
  stepBackReasons,
  type StepBackReason,
} from '../../../../../electron/api/domain/case-workflow';
import type { CaseDetail } from '../../../../../electron/api/schemas/case-schemas';
import { useProcedure, useProcedureMutation } from '../../../api/hooks';
import { useErrorText } from '../../../app/useErrorText';
import { buttonTestId } from '../../../components/button-test-id';

/** Moves a case to one of the statuses its workflow allows now, with the date of the change. */
export function TransitionModal({
  detail,
  open,
  onClose,
}: {
  detail: CaseDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{
    to: CaseStatus;
    on: Dayjs;
    mergedIntoCaseId?: string;
    reason?: StepBackReason;
    note?: string;
  }>();
  const to = Form.useWatch('to', form);
  const back = to ? isStepBack(detail.status, to) : false;
  const others = useProcedure(
    'cases.list',
    { pageSize: 500, sort: { field: 'caseNo', order: 'asc' } },
    { enabled: open && to === 'merged' },
  );
  const transition = useProcedureMutation('cases.transition', {
    onSuccess: () => {
      void message.success(t('cases2.statusChanged'));
      onClose();
    },
  });
  return (
    <Modal
      open={open}
      title={t('cases2.transition')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={transition.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        transition.reset();
        onClose();
      }}
      destroyOnHidden
      okButtonProps={buttonTestId('transition-submit')}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ to: detail.allowedTransitions[0], on: dayjs() }}
        onFinish={(values) =>
          transition.mutate({
            id: detail.id,
            to: values.to,
            on: values.on.format('YYYY-MM-DD'),
            mergedIntoCaseId: values.mergedIntoCaseId,
            reason: back ? values.reason : undefined,
            note: back ? values.note : undefined,
          })
        }
      >
        <Form.Item name="to" label={t('cases2.transitionTo')} rules={[{ required: true }]}>
          <Select
            data-testid="transition-to"
            options={detail.allowedTransitions.map((status) => ({
              value: status,
              label: isStepBack(detail.status, status)
                ? t('cases2.stepBackTo', { status: t(`enums.caseStatus.${status}`) })
                : t(`enums.caseStatus.${status}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="on" label={t('cases2.transitionOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {back && (
          <>
            <Form.Item
              name="reason"
              label={t('cases2.stepBackReason')}
              rules={[{ required: true }]}
            >
              <Select
                data-testid="transition-reason"
                options={stepBackReasons.map((value) => ({
                  value,
                  label: t(`cases2.stepBackReasons.${value}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="note" label={t('cases2.stepBackNote')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
        {to === 'merged' && (
          <Form.Item
            name="mergedIntoCaseId"
            label={t('cases2.mergedInto')}
            rules={[{ required: true }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(others.data?.rows ?? [])
                .filter((row) => row.id !== detail.id)
                .map((row) => ({ value: row.id, label: `${row.caseNo} ${row.title}` }))}
            />
          </Form.Item>
        )}
      </Form>
      {transition.isError && <Alert type="error" showIcon title={errorText(transition.error)} />}
    </Modal>
  );
}
