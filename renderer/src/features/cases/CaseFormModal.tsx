import { Alert, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  offenceTypes,
  supervisionLevels,
  type OffenceType,
  type SupervisionLevel,
} from '../../../../electron/api/domain/case-vocabulary';
import { isCaseNo, normaliseCaseNo } from '../../../../electron/api/domain/case-number';
import type { CaseDetail, CaseRow } from '../../../../electron/api/schemas/case-schemas';
import { useSession } from '../../app/SessionContext';
import { useErrorText } from '../../app/useErrorText';
import { RecordFormModal } from '../../components/RecordFormModal';
import { useRecordForm } from '../../components/useRecordForm';

interface Values {
  caseNo: string;
  title: string;
  offenceType: OffenceType;
  supervisionLevel: SupervisionLevel;
  unit?: string;
  leadInvestigator?: string;
  acceptedOn?: Dayjs;
  openedOn: Dayjs;
  summary?: string;
}

/** Opens a new case, or edits one (`editing`); the status changes elsewhere, through the workflow. */
export function CaseFormModal({
  open,
  onClose,
  onSaved,
  editing,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (row: CaseRow) => void;
  editing?: CaseDetail;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const session = useSession();
  const { form, create, update, save } = useRecordForm<Values, 'cases.create', 'cases.update'>({
    create: 'cases.create',
    update: 'cases.update',
    editing: Boolean(editing),
    alsoRefreshes: ['search'],
    savedText: editing ? t('common.saved') : t('cases.created'),
    onSaved: (row) => {
      form.resetFields();
      onSaved(row);
    },
  });

  return (
    <RecordFormModal
      form={form}
      open={open}
      title={editing ? t('cases2.edit') : t('cases.create')}
      width={720}
      confirmLoading={save.isPending}
      onClose={() => {
        save.reset();
        onClose();
      }}
      destroyOnHidden
      submitTestId="case-create-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          editing
            ? {
                caseNo: editing.caseNo,
                title: editing.title,
                offenceType: editing.offenceType,
                supervisionLevel: editing.supervisionLevel,
                unit: editing.unit ?? undefined,
                leadInvestigator: editing.leadInvestigator ?? undefined,
                acceptedOn: editing.acceptedOn ? dayjs(editing.acceptedOn) : undefined,
                openedOn: dayjs(editing.openedOn ?? undefined),
                summary: editing.summary ?? undefined,
              }
            : {
                offenceType: 'trafficking',
                supervisionLevel: 'ordinary',
                openedOn: dayjs(),
                unit: session.unitName || undefined,
                leadInvestigator: session.user.displayName,
              }
        }
        onFinish={(values) => {
          const fields = {
            ...values,
            acceptedOn: values.acceptedOn?.format('YYYY-MM-DD') ?? null,
            openedOn: values.openedOn.format('YYYY-MM-DD'),
          };
          if (editing) update.mutate({ id: editing.id, fields });
          else create.mutate(fields);
        }}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="caseNo"
              label={t('cases.caseNo')}
              extra={t('cases.caseNoHint')}
              // Checked in the stored form: (禁) and [2026] are accepted and shown as （禁）〔2026〕.
              rules={[
                { required: true, message: t('cases.caseNoHint') },
                {
                  validator: (_rule, value?: string) =>
                    !value || isCaseNo(normaliseCaseNo(value))
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('cases.caseNoHint'))),
                },
              ]}
            >
              <Input
                data-testid="case-no"
                onBlur={(event) =>
                  event.target.value &&
                  form.setFieldValue('caseNo', normaliseCaseNo(event.target.value))
                }
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="title"
              label={t('cases.caseTitle')}
              rules={[{ required: true, whitespace: true, max: 120 }]}
            >
              <Input data-testid="case-title" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="offenceType"
              label={t('cases.offenceType')}
              rules={[{ required: true }]}
            >
              <Select
                options={offenceTypes.map((value) => ({
                  value,
                  label: t(`enums.offenceType.${value}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
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
          </Col>
          <Col span={12}>
            <Form.Item name="unit" label={t('cases.unit')} rules={[{ max: 80 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="leadInvestigator"
              label={t('cases.leadInvestigator')}
              rules={[{ max: 40 }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="acceptedOn" label={t('cases2.acceptedOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="openedOn" label={t('cases.openedOn')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="summary" label={t('cases.summary')} rules={[{ max: 10000 }]}>
              <Input.TextArea rows={4} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {save.isError && <Alert type="error" showIcon title={errorText(save.error)} />}
    </RecordFormModal>
  );
}
