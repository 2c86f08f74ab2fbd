import { Alert, App, Col, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  catalogueEntry,
  drugCatalog,
  mixtureGuidance,
  searchCatalogue,
  type DrugCode,
} from '../../../../../electron/api/domain/drug-catalog';
import { countedQuantity, implausibility } from '../../../../../electron/api/domain/drug-counting';
import {
  contentToMicrograms,
  countUnits,
  decimalOf,
  normaliseQuantity,
  quantityUnits,
  weightBases,
  type QuantityUnit,
  type WeightBasis,
} from '../../../../../electron/api/domain/quantity';
import type { CaseDetail } from '../../../../../electron/api/schemas/case-schemas';
import type { SeizureRow } from '../../../../../electron/api/schemas/seizure-schemas';
import { useErrorText } from '../../../app/useErrorText';
import { EntityPicker } from '../../../components/EntityPicker';
import { RecordFormModal } from '../../../components/RecordFormModal';
import { useRecordForm } from '../../../components/useRecordForm';
import { TypedDatePicker } from '../../../components/TypedDatePicker';
import { useQuantityText } from '../../../components/QuantityText';
import { caseSuggestions } from './case-suggestions';

interface Values {
  seizedAt: Dayjs;
  drugType: DrugCode;
  form?: string;
  quantityValue: string;
  quantityUnit: QuantityUnit;
  weightBasis?: WeightBasis;
  contentPerUnit?: string;
  purityPercent?: string;
  cashYuan?: string;
  fromEntityId?: string;
  locationEntityId?: string;
  place?: string;
  evidenceNo?: string;
  tools?: string;
  notes?: string;
}

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
  const quantityText = useQuantityText();
  const { form, create, update, save } = useRecordForm<
    Values,
    'seizures.create',
    'seizures.update'
  >({
    create: 'seizures.create',
    update: 'seizures.update',
    editing: Boolean(editing),
    alsoRefreshes: ['cases'],
    onSaved: onClose,
  });
  const value = Form.useWatch('quantityValue', form);
  const unit = Form.useWatch('quantityUnit', form);
  const drugType = Form.useWatch('drugType', form);
  const weightBasis = Form.useWatch('weightBasis', form);
  const contentText = Form.useWatch('contentPerUnit', form);
  const preview = value && unit ? normaliseQuantity(value, unit) : null;
  const entry = drugType ? catalogueEntry(drugType) : undefined;
  const contentMicrograms = contentText ? contentToMicrograms(contentText) : null;
  const countable =
    preview?.ok && drugType
      ? {
          drugType,
          quantityNormalised: preview.value,
          normalisedUnit: preview.unit,
          quantityUnit: unit,
          contentMicrograms,
        }
      : null;
  const counted = countable ? countedQuantity(countable) : null;
  const asksContent =
    preview?.ok && (preview.unit === 'count' || preview.unit === 'ml' || entry?.medicine === true);
  const substance = entry ? catalogueEntry(entry.substance ?? entry.code) : undefined;
  const mixture = drugType ? mixtureGuidance(drugType) : null;
  const { modal } = App.useApp();

  const send = (values: Values, confirmedImplausible: boolean) => {
    const seizure = {
      ...values,
      caseId: detail.id,
      seizedAt: values.seizedAt.toISOString(),
      confirmedImplausible,
    };
    if (editing) update.mutate({ id: editing.id, seizure });
    else create.mutate(seizure);
  };
  const submit = (values: Values) => {
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
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          editing
            ? {
                seizedAt: dayjs(editing.seizedAt),
                drugType: editing.drugType as DrugCode,
                form: editing.form ?? undefined,
                quantityValue: editing.quantityValue,
                quantityUnit: editing.quantityUnit,
                weightBasis: editing.weightBasis ?? undefined,
                contentPerUnit: editing.contentPerUnit ?? undefined,
                purityPercent:
                  editing.purityBasisPoints !== null
                    ? decimalOf(editing.purityBasisPoints, 2)
                    : undefined,
                cashYuan: editing.cashFen !== null ? decimalOf(editing.cashFen, 2) : undefined,
                fromEntityId: editing.fromEntityId ?? undefined,
                locationEntityId: editing.locationEntityId ?? undefined,
                place: editing.place ?? undefined,
                evidenceNo: editing.evidenceNo ?? undefined,
                tools: editing.tools ?? undefined,
                notes: editing.notes ?? undefined,
              }
            : {
                seizedAt: dayjs(),
                drugType: 'methamphetamine',
                quantityUnit: 'g',
                weightBasis: 'net',
              }
        }
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
          <Col span={8}>
            <Form.Item
              name="quantityValue"
              label={t('seizure.quantity')}
              rules={[{ required: true }]}
              extra={
                preview?.ok ? (
                  <Typography.Text type="success" data-testid="seizure-normalised">
                    ={' '}
                    {quantityText(
                      preview.value,
                      preview.unit,
                      preview.unit === 'count'
                        ? (countUnits.find((count) => count === unit) ?? null)
                        : null,
                    )}
                  </Typography.Text>
                ) : preview ? (
                  <Typography.Text type="danger">
                    {t('errors.seizures.invalidQuantity')}
                  </Typography.Text>
                ) : undefined
              }
            >
              <Input data-testid="seizure-quantity" inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="quantityUnit" label={t('seizure.unit')} rules={[{ required: true }]}>
              <Select
                data-testid="seizure-unit"
                options={quantityUnits.map((value) => ({
                  value,
                  label: t(`enums.quantityUnit.${value}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            {preview?.ok && preview.unit === 'mg' ? (
              <Form.Item
                name="weightBasis"
                label={t('seizure.weightBasis')}
                extra={
                  weightBasis === 'gross' ? (
                    <Typography.Text type="warning">{t('seizure.grossWarning')}</Typography.Text>
                  ) : undefined
                }
              >
                <Select
                  data-testid="seizure-weight-basis"
                  allowClear
                  options={weightBases.map((basis) => ({
                    value: basis,
                    label: t(`seizure.weightBases.${basis}`),
                  }))}
                />
              </Form.Item>
            ) : null}
          </Col>
          <Col span={6}>
            {asksContent ? (
              <Form.Item
                name="contentPerUnit"
                label={t('seizure.contentPerUnit')}
                tooltip={t('seizure.contentHelp')}
                extra={
                  counted !== null ? (
                    <Typography.Text type="success" data-testid="seizure-counted">
                      {t('seizure.countedPreview', { quantity: quantityText(counted, 'mg') })}
                    </Typography.Text>
                  ) : (
                    <Typography.Text type="warning" data-testid="seizure-content-missing">
                      {t('seizure.contentMissing')}
                    </Typography.Text>
                  )
                }
              >
                <Input data-testid="seizure-content" inputMode="decimal" />
              </Form.Item>
            ) : null}
          </Col>
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
