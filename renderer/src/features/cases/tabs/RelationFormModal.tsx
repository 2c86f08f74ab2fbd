import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  drugCatalog,
  searchCatalogue,
  type DrugCode,
} from '../../../../../electron/api/domain/drug-catalog';
import {
  decimalOf,
  quantityUnits,
  type QuantityUnit,
} from '../../../../../electron/api/domain/quantity';
import {
  informationCredibilities,
  relationTypes,
  sourceReliabilities,
  type RelationType,
} from '../../../../../electron/api/domain/relation-types';
import type { RelationRow } from '../../../../../electron/api/schemas/entity-schemas';
import { useProcedureMutation } from '../../../api/hooks';
import { useErrorText } from '../../../app/useErrorText';
import { EntityPicker, type PickableEntity } from '../../../components/EntityPicker';
import { GradingHelp, useGradeLabels } from '../../../components/GradingText';
import { RecordFormModal } from '../../../components/RecordFormModal';

interface Values {
  fromEntityId: string;
  toEntityId: string;
  type: RelationType;
  directed: boolean;
  period?: [Dayjs | null, Dayjs | null];
  amountYuan?: string;
  eventCount?: number;
  durationSeconds?: number;
  drugType?: DrugCode;
  quantityValue?: string;
  quantityUnit?: QuantityUnit;
  source?: string;
  reliability?: (typeof sourceReliabilities)[number];
  credibility?: number;
  notes?: string;
}

/** Records a relation between two entities of the case, graded A–F / 1–6 (Admiralty). */
export function RelationFormModal({
  caseId,
  suggestions,
  editing,
  initial,
  onClose,
  onSaved,
}: {
  caseId?: string;
  suggestions: PickableEntity[];
  editing?: RelationRow;
  /** Ends given in advance (a relation drawn on the chart). */
  initial?: { fromEntityId: string; toEntityId: string };
  onClose: () => void;
  onSaved?: (row: RelationRow) => void;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const grade = useGradeLabels();
  const type = Form.useWatch('type', form);
  const done = (row: RelationRow) => {
    void message.success(t('common.saved'));
    onSaved?.(row);
    onClose();
  };
  const create = useProcedureMutation('relations.create', {
    alsoRefreshes: ['cases', 'entities'],
    onSuccess: done,
  });
  const update = useProcedureMutation('relations.update', {
    alsoRefreshes: ['cases', 'entities'],
    onSuccess: done,
  });
  const save = editing ? update : create;

  const submit = ({ period, ...values }: Values) => {
    // Only a supply relation carries a drug; fields left from another type are not sent.
    const supply = values.type === 'supplies';
    const relation = {
      ...values,
      drugType: supply ? (values.drugType ?? null) : null,
      quantityValue: supply ? values.quantityValue : undefined,
      quantityUnit: supply ? (values.quantityUnit ?? null) : null,
      startedOn: period?.[0]?.format('YYYY-MM-DD') ?? null,
      endedOn: period?.[1]?.format('YYYY-MM-DD') ?? null,
      caseId: caseId ?? null,
    };
    if (editing) update.mutate({ id: editing.id, relation });
    else create.mutate(relation);
  };

  return (
    <RecordFormModal
      form={form}
      open
      width={800}
      // A supply relation's drug row makes the form tall: start near the top so the buttons
      // stay in view at 1366×768.
      style={{ top: 24 }}
      title={editing ? t('relation.edit') : t('relation.add')}
      confirmLoading={save.isPending}
      onClose={onClose}
      submitTestId="relation-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          editing
            ? {
                fromEntityId: editing.fromEntityId,
                toEntityId: editing.toEntityId,
                type: editing.type as RelationType,
                directed: editing.directed,
                period: [
                  editing.startedOn ? dayjs(editing.startedOn) : null,
                  editing.endedOn ? dayjs(editing.endedOn) : null,
                ],
                amountYuan:
                  editing.amountFen !== null ? decimalOf(editing.amountFen, 2) : undefined,
                eventCount: editing.eventCount ?? undefined,
                durationSeconds: editing.durationSeconds ?? undefined,
                drugType: (editing.drugType ?? undefined) as DrugCode | undefined,
                quantityValue: editing.quantityValue ?? undefined,
                quantityUnit: editing.quantityUnit ?? 'g',
                source: editing.source ?? undefined,
                reliability: (editing.reliability ?? undefined) as Values['reliability'],
                credibility: editing.credibility ?? undefined,
                notes: editing.notes ?? undefined,
              }
            : { type: 'supplies', directed: true, quantityUnit: 'g', ...initial }
        }
      >
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="fromEntityId" label={t('relation.from')} rules={[{ required: true }]}>
              <EntityPicker suggestions={suggestions} testId="relation-from" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="directed" label={t('relation.directed')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="toEntityId" label={t('relation.to')} rules={[{ required: true }]}>
              <EntityPicker suggestions={suggestions} testId="relation-to" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="type" label={t('relation.type')} rules={[{ required: true }]}>
              <Select
                data-testid="relation-type"
                showSearch={{ optionFilterProp: 'label' }}
                options={relationTypes.map((value) => ({
                  value,
                  label: t(`enums.relationType.${value}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="period" label={t('relation.period')}>
              <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {type === 'supplies' && (
            <>
              <Col span={12}>
                <Form.Item
                  name="drugType"
                  label={t('relation.suppliedDrug')}
                  tooltip={t('relation.suppliedHelp')}
                >
                  <Select
                    allowClear
                    showSearch={{
                      filterOption: (input, option) =>
                        searchCatalogue(input).some((found) => found.code === option?.value),
                    }}
                    data-testid="relation-drug"
                    options={drugCatalog.map((drug) => ({
                      value: drug.code,
                      label:
                        i18n.language === 'en' ? `${drug.en} ${drug.zh}` : `${drug.zh} ${drug.en}`,
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="quantityValue" label={t('relation.suppliedQuantity')}>
                  <Input data-testid="relation-quantity" inputMode="decimal" />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name="quantityUnit" label={t('relation.suppliedUnit')}>
                  <Select
                    data-testid="relation-unit"
                    options={quantityUnits.map((value) => ({
                      value,
                      label: t(`enums.quantityUnit.${value}`),
                    }))}
                  />
                </Form.Item>
              </Col>
            </>
          )}
          <Col span={8}>
            <Form.Item name="amountYuan" label={t('relation.amount')}>
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="eventCount" label={t('relation.count')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="durationSeconds" label={t('relation.duration')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="source" label={t('relation.source')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="reliability"
              label={<GradingHelp>{t('relation.reliability')}</GradingHelp>}
              extra={t('grading.reliabilityHelp')}
            >
              <Select
                allowClear
                data-testid="relation-reliability"
                options={sourceReliabilities.map((value) => ({
                  value,
                  label: grade.reliability(value),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="credibility"
              label={<GradingHelp>{t('relation.credibility')}</GradingHelp>}
              extra={t('grading.credibilityHelp')}
            >
              <Select
                allowClear
                data-testid="relation-credibility"
                options={informationCredibilities.map((value) => ({
                  value,
                  label: grade.credibility(value),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={t('entity.fields.notes')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {save.isError && <Alert type="error" showIcon title={errorText(save.error)} />}
    </RecordFormModal>
  );
}
