import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  identityDocumentTypes,
  parseIdentityDocument,
  type IdentityDocumentType,
} from '../../../../electron/api/domain/identity-documents';
import {
  genders,
  personColours,
  riskGrades,
} from '../../../../electron/api/domain/person-vocabulary';
import { useRiskGradeName } from '../../components/RiskGrade';
import { TypedDatePicker } from '../../components/TypedDatePicker';
import { textField } from './text-field';

/** A person's form fields: the identity document is checked as typed and fills in gender and birth date. */
export function PersonFields() {
  const { t } = useTranslation();
  const riskGradeName = useRiskGradeName();
  const idNumber = Form.useWatch('idNumber');
  const idType = (Form.useWatch('idType') as IdentityDocumentType | undefined) ?? 'resident_id';
  const parsedId =
    typeof idNumber === 'string' && idNumber ? parseIdentityDocument(idType, idNumber) : null;
  return (
    <Row gutter={16}>
      <Col span={12}>
        {textField('name', t('persons.name'), { required: true, max: 40, testId: 'entity-name' })}
      </Col>
      <Col span={12}>
        <Form.Item name="idType" label={t('persons.idType')}>
          <Select
            placeholder={t('idTypes.resident_id')}
            allowClear
            data-testid="entity-id-type"
            options={identityDocumentTypes.map((value) => ({
              value,
              label: t(`idTypes.${value}`),
            }))}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name="idNumber"
          label={t('persons.idNumber')}
          validateTrigger="onBlur"
          extra={
            parsedId?.ok && parsedId.value.birthDate && parsedId.value.gender
              ? t('persons.idNumberValid', {
                  birthDate: parsedId.value.birthDate,
                  gender: t(`enums.gender.${parsedId.value.gender}`),
                })
              : undefined
          }
          rules={[
            {
              validator: (_rule, value: string | undefined) => {
                if (!value) return Promise.resolve();
                const parsed = parseIdentityDocument(idType, value);
                return parsed.ok
                  ? Promise.resolve()
                  : Promise.reject(
                      new Error(
                        t('errors.persons.invalidIdNumber', {
                          reason: t(`idProblems.${parsed.problem}`, {
                            expected: parsed.expectedCheck ?? '',
                          }),
                        }),
                      ),
                    );
              },
            },
          ]}
        >
          <Input maxLength={20} data-testid="entity-id-number" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="aliases" label={t('persons.aliases')}>
          <Select mode="tags" open={false} placeholder={t('persons.aliasesPlaceholder')} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="gender" label={t('persons.gender')} initialValue="unknown">
          <Select
            disabled={parsedId?.ok}
            options={genders.map((value) => ({ value, label: t(`enums.gender.${value}`) }))}
          />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="birthDate" label={t('persons.birthDate')}>
          <TypedDatePicker disabled={parsedId?.ok} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={12}>{textField('household', t('persons.household'), { max: 120 })}</Col>
      <Col span={12}>{textField('address', t('persons.address'))}</Col>
      <Col span={12}>
        <Form.Item name="riskGrade" label={t('entity.fields.riskGrade')}>
          <Select
            allowClear
            options={riskGrades.map((value) => ({ value, label: riskGradeName(value).label }))}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="personColour" label={t('entity.fields.personColour')}>
          <Select allowClear options={personColours.map((value) => ({ value, label: value }))} />
        </Form.Item>
      </Col>
    </Row>
  );
}
