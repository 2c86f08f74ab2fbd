import { Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  offenceTypes,
  supervisionLevels,
  type OffenceType,
  type SupervisionLevel,
} from '../../../../electron/api/domain/case-vocabulary';
import type { CaseListInput } from '../../../../electron/api/schemas/case-schemas';

type Range = [Dayjs | null, Dayjs | null] | null;

export interface CaseFilterValues {
  offenceTypes?: OffenceType[];
  supervisionLevels?: SupervisionLevel[];
  unit?: string;
  leadInvestigator?: string;
  opened?: Range;
  solved?: Range;
}

function range(value: Range | undefined) {
  if (!value || (!value[0] && !value[1])) return undefined;
  return { from: value[0]?.format('YYYY-MM-DD'), to: value[1]?.format('YYYY-MM-DD') };
}

/** The filter values as `cases.list` input: empty ones left out. */
export function filtersToInput(values: CaseFilterValues): Partial<CaseListInput> {
  return {
    offenceTypes: values.offenceTypes?.length ? values.offenceTypes : undefined,
    supervisionLevels: values.supervisionLevels?.length ? values.supervisionLevels : undefined,
    unit: values.unit?.trim() || undefined,
    leadInvestigator: values.leadInvestigator?.trim() || undefined,
    opened: range(values.opened),
    solved: range(values.solved),
  };
}

/** Offence, supervision level, unit, lead investigator and date ranges for the case list. */
export function CaseFilters({
  values,
  onChange,
}: {
  values: CaseFilterValues;
  onChange: (values: CaseFilterValues) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form
        layout="vertical"
        initialValues={values}
        onValuesChange={(_changed, all: CaseFilterValues) => onChange(all)}
      >
        <Row gutter={12}>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="offenceTypes" label={t('cases2.filterOffence')}>
              <Select
                mode="multiple"
                allowClear
                maxTagCount="responsive"
                options={offenceTypes.map((value) => ({
                  value,
                  label: t(`enums.offenceType.${value}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="supervisionLevels" label={t('cases2.filterLevel')}>
              <Select
                mode="multiple"
                allowClear
                maxTagCount="responsive"
                options={supervisionLevels.map((value) => ({
                  value,
                  label: t(`enums.supervisionLevel.${value}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={6}>
            <Form.Item name="unit" label={t('cases2.filterUnit')}>
              <Input allowClear />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} xl={6}>
            <Form.Item name="leadInvestigator" label={t('cases2.filterLead')}>
              <Input allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="opened" label={t('cases2.filterOpened')} style={{ marginBottom: 0 }}>
              <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="solved" label={t('cases2.filterSolved')} style={{ marginBottom: 0 }}>
              <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
