import { Alert, App, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { drugCatalog, searchCatalogue } from '../../../../../electron/api/domain/drug-catalog';
import { implausibility } from '../../../../../electron/api/domain/drug-counting';
import type { CaseDetail } from '../../../../../electron/api/schemas/case-schemas';
import type { SeizureRow } from '../../../../../electron/api/schemas/seizure-schemas';
import { useErrorText } from '../../../app/useErrorText';
import { EntityPicker } from '../../../components/EntityPicker';
import { RecordFormModal } from '../../../components/RecordFormModal';
import { TypedDatePicker } from '../../../components/TypedDatePicker';
import { useRecordForm } from '../../../components/useRecordForm';
import { caseSuggestions } from './case-suggestions';
import { seizureFormInitialValues, type SeizureFormValues } from './seizure-form-values';
import { SeizureQuantityFields } from './SeizureQuantityFields';
import { useSeizureQuantity } from './useSeizureQuantity';

/** Records or edits a seizure; the exact normalised quantity is shown as it is typed. */
export function SeizureFormModal({
  detail,
  editing,
  onClose,
}: {
  detail: CaseDetail;
  editing?: SeizureRow;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { form, create, update, save } = useRecordForm<
    SeizureFormValues,
    'seizures.create',
    'seizures.update'
  >({
    create: 'seizures.create',
    update: 'seizures.update',
    editing: Boolean(editing),
    alsoRefreshes: ['cases'],
    onSaved: onClose,
  });
  const quantity = useSeizureQuantity(form);
  const { countable, entry, substance, mixture } = quantity;
  const { modal } = App.useApp();

  const send = (values: SeizureFormValues, confirmedImplausible: boolean) => {
    const seizure = {
      ...values,
      caseId: detail.id,
      seizedAt: values.seizedAt.toISOString(),
      confirmedImplausible,
    };
    if (editing) update.mutate({ id: editing.id, seizure });
    else create.mutate(seizure);
  };
  const submit = (values: SeizureFormValues) => {
    const reason = countable ? implausibility(countable) : null;
    if (!reason) return send(values, false);
    void modal.confirm({
      title: t('seizure.confirmImplausibleTitle'),
      content: `${t(`seizure.implausibleReasons.${reason}`)}。${t('seizure.confirmImplausible')}`,
      okText: t('common.save'),
      cancelText: t('common.cancel'),
      onOk: () => send(values, true),
    });
  };

  return (
    <RecordFormModal
      form={form}
      open
      width={820}
      title={editing ? t('seizure.edit') : t('seizure.add')}
      confirmLoading={save.isPending}
      onClose={onClose}
      submitTestId="seizure-submit"
    >
      <Form<SeizureFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={seizureFormInitialValues(editing)}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="seizedAt" label={t('seizure.seizedAt')} rules={[{ required: true }]}>
              <TypedDatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
                data-testid="seizure-time"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="drugType" label={t('seizures.drugType')} rules={[{ required: true }]}>
              <Select
                showSearch={{
                  filterOption: (input, option) =>
                    searchCatalogue(input).some((found) => found.code === option?.value),
                }}
                data-testid="seizure-drug"
                options={drugCatalog.map((drug) => ({
                  value: drug.code,
                  label: i18n.language === 'en' ? `${drug.en} ${drug.zh}` : `${drug.zh} ${drug.en}`,
                }))}
              />
            </Form.Item>
          </Col>
          <SeizureQuantityFields quantity={quantity} />
          <Col span={6}>
            <Form.Item name="purityPercent" label={t('seizure.purity')}>
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="form" label={t('seizure.form')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="fromEntityId" label={t('seizure.from')}>
              <EntityPicker
                suggestions={caseSuggestions(detail)}
                kinds={['person', 'organisation']}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="cashYuan" label={t('seizure.cash')}>
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="place" label={t('seizure.place')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="locationEntityId" label={t('seizure.location')}>
              <EntityPicker suggestions={caseSuggestions(detail)} kinds={['location']} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="evidenceNo" label={t('seizure.evidenceNo')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="tools" label={t('seizure.tools')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={t('seizure.notes')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {mixture && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="seizure-mixture"
          title={t(mixture === 'meth' ? 'seizure.mixtureMeth' : 'seizure.mixtureHeroin')}
        />
      )}
      {entry?.kind === 'narcotic' && !substance?.figures && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('seizure.noFigures')} />
      )}
      {entry?.kind === 'precursor' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('seizure.precursorNote', {
            category: entry.precursorCategory ?? '—',
            listed: entry.listed ?? '—',
          })}
        />
      )}
      {save.isError && (
        <Alert type="error" showIcon title={errorText(save.error)} data-testid="seizure-error" />
      )}
    </RecordFormModal>
  );
}
