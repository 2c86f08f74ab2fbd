import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  offenceTypes,
  supervisionLevels,
  type OffenceType,
  type SupervisionLevel,
} from '../../../../electron/api/domain/case-vocabulary';
import type { CaseRow } from '../../../../electron/api/schemas/case-schemas';
import { useProcedureMutation } from '../../api/hooks';
import { useSession } from '../../app/SessionContext';
import { useErrorText } from '../../app/useErrorText';

interface Values {
  caseNo: string;
  title: string;
  offenceType: OffenceType;
  supervisionLevel: SupervisionLevel;
  unit?: string;
  leadInvestigator?: string;
  openedOn: Dayjs;
  summary?: string;
}

export function CreateCaseModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (row: CaseRow) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const session = useSession();
  const [form] = Form.useForm<Values>();
  const create = useProcedureMutation('cases.create', {
    onSuccess: (row) => {
      void message.success(t('cases.created'));
      form.resetFields();
      onCreated(row);
    },
  });

  return (
    <Modal
      open={open}
      title={t('cases.create')}
      width={720}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        create.reset();
        onClose();
      }}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'case-create-submit' } as never}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          offenceType: 'trafficking',
          supervisionLevel: 'ordinary',
          openedOn: dayjs(),
          unit: session.unitName || undefined,
          leadInvestigator: session.user.displayName,
        }}
        onFinish={(values) =>
          create.mutate({
            ...values,
            openedOn: values.openedOn.format('YYYY-MM-DD'),
          })
        }
      >
        <Form.Item
          name="caseNo"
          label={t('cases.caseNo')}
          extra={t('cases.caseNoHint')}
          rules={[
            { required: true, pattern: /^[A-Za-z0-9-]{3,40}$/, message: t('cases.caseNoHint') },
          ]}
        >
          <Input data-testid="case-no" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('cases.caseTitle')}
          rules={[{ required: true, whitespace: true, max: 120 }]}
        >
          <Input data-testid="case-title" />
        </Form.Item>
        <Form.Item name="offenceType" label={t('cases.offenceType')} rules={[{ required: true }]}>
          <Select
            options={offenceTypes.map((value) => ({
              value,
              label: t(`enums.offenceType.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="supervisionLevel"
          label={t('cases.supervisionLevel')}
          rules={[{ required: true }]}
        >
          <Select
            options={supervisionLevels.map((value) => ({
              value,
              label: t(`enums.supervisionLevel.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="unit" label={t('cases.unit')} rules={[{ max: 80 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="leadInvestigator"
          label={t('cases.leadInvestigator')}
          rules={[{ max: 40 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="openedOn" label={t('cases.openedOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="summary" label={t('cases.summary')} rules={[{ max: 10000 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
      {create.isError && <Alert type="error" showIcon title={errorText(create.error)} />}
    </Modal>
  );
}
