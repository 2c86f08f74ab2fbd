import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { TypedDatePicker } from '../../components/TypedDatePicker';
import { useTranslation } from 'react-i18next';
import {
  accountTypes,
  locationTypes,
  organisationTypes,
  type EntityKind,
} from '../../../../electron/api/domain/entity-kinds';
import {
  areaColours,
  genders,
  personColours,
  riskGrades,
} from '../../../../electron/api/domain/person-vocabulary';
import { useRiskGradeName } from '../../components/RiskGrade';
import {
  identityDocumentTypes,
  parseIdentityDocument,
  type IdentityDocumentType,
} from '../../../../electron/api/domain/identity-documents';
import type { zhCN } from '../../../../electron/api/i18n/zh-CN';
import { EntityPicker, type PickableEntity } from '../../components/EntityPicker';

function text(
  name: string,
  label: string,
  options: { required?: boolean; max?: number; testId?: string } = {},
) {
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: options.required, whitespace: true, max: options.max ?? 200 }]}
    >
      <Input data-testid={options.testId} />
    </Form.Item>
  );
}

/**
 * The registered owner (机主/户名) picked among recorded people and organisations; the text field
 * (`nameField`) is the fallback label, shown only while no owner is picked.
 */
function OwnerFields({
  nameField,
  suggestions,
}: {
  nameField: 'registeredName' | 'holderName' | null;
  suggestions: PickableEntity[];
}) {
  const { t } = useTranslation();
  const ownerId = Form.useWatch('ownerEntityId') as string | null | undefined;
  return (
    <>
      <Col span={12}>
        <Form.Item
          name="ownerEntityId"
          label={t('entity.fields.owner')}
          extra={t('entity.fields.ownerHelp')}
        >
          <EntityPicker
            kinds={['person', 'organisation']}
            suggestions={suggestions}
            allowClear
            testId="entity-owner"
          />
        </Form.Item>
      </Col>
      {nameField && !ownerId && (
        <Col span={12}>{text(nameField, t('entity.fields.ownerUnrecorded'), { max: 40 })}</Col>
      )}
    </>
  );
}

/** The form fields of one entity kind; names match `entityInputSchema`. */
export function EntityFields({
  kind,
  ownerSuggestions = [],
}: {
  kind: EntityKind;
  /** People and organisations offered first as 机主/户名 (the case's, and the current owner). */
  ownerSuggestions?: PickableEntity[];
}) {
  const { t } = useTranslation();
  const f = (key: keyof typeof zhCN.entity.fields) => t(`entity.fields.${key}`);
  const options = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}` as never) as string }));
  const riskGradeName = useRiskGradeName();
  const idNumber = Form.useWatch('idNumber');
  const idType = (Form.useWatch('idType') as IdentityDocumentType | undefined) ?? 'resident_id';
  const parsedId =
    typeof idNumber === 'string' && idNumber ? parseIdentityDocument(idType, idNumber) : null;

  switch (kind) {
    case 'person':
      return (
        <Row gutter={16}>
          <Col span={12}>
            {text('name', t('persons.name'), { required: true, max: 40, testId: 'entity-name' })}
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
              <Select disabled={parsedId?.ok} options={options(genders, 'enums.gender')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="birthDate" label={t('persons.birthDate')}>
              <TypedDatePicker disabled={parsedId?.ok} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>{text('household', t('persons.household'), { max: 120 })}</Col>
          <Col span={12}>{text('address', t('persons.address'))}</Col>
          <Col span={12}>
            <Form.Item name="riskGrade" label={f('riskGrade')}>
              <Select
                allowClear
                options={riskGrades.map((value) => ({ value, label: riskGradeName(value).label }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="personColour" label={f('personColour')}>
              <Select
                allowClear
                options={personColours.map((value) => ({ value, label: value }))}
              />
            </Form.Item>
          </Col>
        </Row>
      );
    case 'organisation':
      return (
        <Row gutter={16}>
          <Col span={12}>
            {text('name', f('name'), { required: true, max: 100, testId: 'entity-name' })}
          </Col>
          <Col span={12}>
            <Form.Item
              name="orgType"
              label={f('orgType')}
              rules={[{ required: true }]}
              initialValue="gang"
            >
              <Select options={options(organisationTypes, 'enums.orgType')} />
            </Form.Item>
          </Col>
          <Col span={12}>{text('venueType', f('venueType'), { max: 40 })}</Col>
          <Col span={12}>{text('creditCode', f('creditCode'), { max: 18 })}</Col>
          <Col span={24}>
            <Form.Item name="licenceNumbers" label={f('licenceNumbers')} initialValue={[]}>
              <Select mode="tags" open={false} />
            </Form.Item>
          </Col>
          <Col span={24}>{text('address', f('address'))}</Col>
        </Row>
      );
    case 'location':
      return (
        <Row gutter={16}>
          <Col span={12}>
            {text('name', f('name'), { required: true, max: 100, testId: 'entity-name' })}
          </Col>
          <Col span={12}>
            <Form.Item
              name="locationType"
              label={f('locationType')}
              rules={[{ required: true }]}
              initialValue="stash_house"
            >
              <Select options={options(locationTypes, 'enums.locationType')} />
            </Form.Item>
          </Col>
          <Col span={24}>{text('address', f('address'))}</Col>
          <Col span={12}>{text('region', f('region'), { max: 100 })}</Col>
          <Col span={12}>
            <Form.Item name="areaColour" label={f('areaColour')}>
              <Select allowClear options={options(areaColours, 'enums.areaColour')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="latitude" label={f('latitude')}>
              <InputNumber min={-90} max={90} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="longitude" label={f('longitude')}>
              <InputNumber min={-180} max={180} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      );
    case 'phone':
      return (
        <Row gutter={16}>
          <Col span={12}>
            {text('number', f('number'), { required: true, max: 30, testId: 'entity-phone' })}
          </Col>
          <Col span={12}>{text('carrier', f('carrier'), { max: 30 })}</Col>
          <Col span={12}>{text('imei', f('imei'), { max: 20 })}</Col>
          <OwnerFields nameField="registeredName" suggestions={ownerSuggestions} />
        </Row>
      );
    case 'vehicle':
      return (
        <Row gutter={16}>
          <Col span={12}>
            {text('plate', f('plate'), { required: true, max: 12, testId: 'entity-plate' })}
          </Col>
          <Col span={12}>{text('vehicleType', f('vehicleType'), { max: 30 })}</Col>
          <Col span={12}>{text('model', f('model'), { max: 60 })}</Col>
          <Col span={12}>{text('colour', f('colour'), { max: 20 })}</Col>
          <Col span={12}>{text('vin', f('vin'), { max: 17 })}</Col>
          <OwnerFields nameField={null} suggestions={ownerSuggestions} />
        </Row>
      );
    case 'account':
      return (
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="accountType"
              label={f('accountType')}
              rules={[{ required: true }]}
              initialValue="bank"
            >
              <Select options={options(accountTypes, 'enums.accountType')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            {text('accountNo', f('accountNo'), {
              required: true,
              max: 64,
              testId: 'entity-account',
            })}
          </Col>
          <Col span={12}>{text('institution', f('institution'), { max: 60 })}</Col>
          <Col span={12} />
          <OwnerFields nameField="holderName" suggestions={ownerSuggestions} />
        </Row>
      );
    case 'parcel':
      return (
        <Row gutter={16}>
          <Col span={12}>{text('waybillNo', f('waybillNo'), { required: true, max: 40 })}</Col>
          <Col span={12}>{text('carrier', f('carrier'), { max: 40 })}</Col>
          <Col span={12}>{text('origin', f('origin'), { max: 100 })}</Col>
          <Col span={12}>{text('destination', f('destination'), { max: 100 })}</Col>
          <Col span={12}>
            <Form.Item name="shippedOn" label={f('shippedOn')}>
              <TypedDatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="weightGrams" label={f('weightGrams')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>{text('contents', f('contents'))}</Col>
        </Row>
      );
  }
}
