import { Col, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  countUnits,
  quantityUnits,
  weightBases,
} from '../../../../../electron/api/domain/quantity';
import { useQuantityText } from '../../../components/QuantityText';
import type { SeizureQuantity } from './useSeizureQuantity';

/**
 * The amount's columns of the seizure form: quantity (its normalised value shown as typed), unit,
 * net or gross weight (for weights), content per pill or ampoule (for counted units).
 */
export function SeizureQuantityFields({
  quantity: { preview, unit, weightBasis, counted, asksContent },
}: {
  quantity: SeizureQuantity;
}) {
  const { t } = useTranslation();
  const quantityText = useQuantityText();
  return (
    <>
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
    </>
  );
}
