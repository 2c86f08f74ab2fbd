import { Col, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { EntityPicker, type PickableEntity } from '../../components/EntityPicker';
import { textField } from './text-field';

/**
 * The registered owner (机主/户名) picked among recorded people and organisations; the text field
 * (`nameField`) is the fallback label, shown only while no owner is picked.
 */
export function OwnerFields({
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
        <Col span={12}>{textField(nameField, t('entity.fields.ownerUnrecorded'), { max: 40 })}</Col>
      )}
    </>
  );
}
