import { Col, Form, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  accountTypes,
  locationTypes,
  organisationTypes,
  type EntityKind,
} from '../../../../electron/api/domain/entity-kinds';
import { areaColours } from '../../../../electron/api/domain/person-vocabulary';
import type { zhCN } from '../../../../electron/api/i18n/zh-CN';
import type { PickableEntity } from '../../components/EntityPicker';
import { TypedDatePicker } from '../../components/TypedDatePicker';
import { useDynamicText } from '../../i18n/dynamic-text';
import { OwnerFields } from './OwnerFields';
import { PersonFields } from './PersonFields';
import { textField } from './text-field';

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
  const dynamicText = useDynamicText();
  const f = (key: keyof typeof zhCN.entity.fields) => t(`entity.fields.${key}`);
  const options = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((value) => ({ value, label: dynamicText(`${prefix}.${value}`) }));

  switch (kind) {
    case 'person':
      return <PersonFields />;
    case 'organisation':
      return (
        <Row gutter={16}>
          <Col span={12}>
            {textField('name', f('name'), { required: true, max: 100, testId: 'entity-name' })}
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
          <Col span={12}>{textField('venueType', f('venueType'), { max: 40 })}</Col>
          <Col span={12}>{textField('creditCode', f('creditCode'), { max: 18 })}</Col>
          <Col span={24}>
            <Form.Item name="licenceNumbers" label={f('licenceNumbers')} initialValue={[]}>
              <Select mode="tags" open={false} />
            </Form.Item>
          </Col>
          <Col span={24}>{textField('address', f('address'))}</Col>
        </Row>
      );
    case 'location':
      return (
        <Row gutter={16}>
          <Col span={12}>
            {textField('name', f('name'), { required: true, max: 100, testId: 'entity-name' })}
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
          <Col span={24}>{textField('address', f('address'))}</Col>
          <Col span={12}>{textField('region', f('region'), { max: 100 })}</Col>
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
            {textField('number', f('number'), { required: true, max: 30, testId: 'entity-phone' })}
          </Col>
          <Col span={12}>{textField('carrier', f('carrier'), { max: 30 })}</Col>
          <Col span={12}>{textField('imei', f('imei'), { max: 20 })}</Col>
          <OwnerFields nameField="registeredName" suggestions={ownerSuggestions} />
        </Row>
      );
    case 'vehicle':
      return (
        <Row gutter={16}>
          <Col span={12}>
            {textField('plate', f('plate'), { required: true, max: 12, testId: 'entity-plate' })}
          </Col>
          <Col span={12}>{textField('vehicleType', f('vehicleType'), { max: 30 })}</Col>
          <Col span={12}>{textField('model', f('model'), { max: 60 })}</Col>
          <Col span={12}>{textField('colour', f('colour'), { max: 20 })}</Col>
          <Col span={12}>{textField('vin', f('vin'), { max: 17 })}</Col>
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
            {textField('accountNo', f('accountNo'), {
              required: true,
              max: 64,
              testId: 'entity-account',
            })}
          </Col>
          <Col span={12}>{textField('institution', f('institution'), { max: 60 })}</Col>
          <Col span={12} />
          <OwnerFields nameField="holderName" suggestions={ownerSuggestions} />
        </Row>
      );
    case 'parcel':
      return (
        <Row gutter={16}>
          <Col span={12}>{textField('waybillNo', f('waybillNo'), { required: true, max: 40 })}</Col>
          <Col span={12}>{textField('carrier', f('carrier'), { max: 40 })}</Col>
          <Col span={12}>{textField('origin', f('origin'), { max: 100 })}</Col>
          <Col span={12}>{textField('destination', f('destination'), { max: 100 })}</Col>
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
          <Col span={24}>{textField('contents', f('contents'))}</Col>
        </Row>
      );
  }
}
