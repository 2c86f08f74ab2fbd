import { Alert, App, Button, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import { riskGrades } from '../../../../electron/api/domain/person-vocabulary';
import { riskGradeColours } from '../../../../electron/api/domain/risk-grades';
import { timeZoneNames } from '../../../../electron/api/domain/time-zone';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../electron/api/schemas/settings-schemas';
import { useProcedure, useProcedureMutation } from '../../api/hooks';
import { useCan } from '../../app/SessionContext';
import { useErrorText } from '../../app/useErrorText';

export function WorkspaceSettingsForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const isAdmin = useCan('admin');
  const settings = useProcedure('settings.get', {});
  const update = useProcedureMutation('settings.update', {
    onSuccess: () => void message.success(t('settings.saved')),
  });
  if (!settings.data) return null;

  return (
    <Form<Settings>
      layout="vertical"
      disabled={!isAdmin}
      initialValues={settings.data}
      onFinish={(values) => update.mutate(values)}
    >
      <Form.Item
        name="unitName"
        label={t('settings.unitName')}
        rules={[{ required: true, max: 80 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="timeZone"
        label={t('settings.timeZone')}
        extra={t('settings.timeZoneHint')}
        rules={[{ required: true }]}
      >
        <Select
          showSearch
          style={{ maxWidth: 320 }}
          options={timeZoneNames().map((zone) => ({ value: zone, label: zone }))}
          data-testid="settings-time-zone"
        />
      </Form.Item>
      <Form.Item name="idleLockMinutes" label={t('settings.idleLock')} rules={[{ required: true }]}>
        <InputNumber min={1} max={240} precision={0} />
      </Form.Item>
      <Form.Item label={t('settings.riskGrades')} extra={t('settings.riskGradesHint')}>
        {riskGrades.map((grade) => (
          <Space key={grade} style={{ display: 'flex', marginBottom: 8 }} align="baseline">
            <Tag style={{ width: 40, textAlign: 'center' }}>{t(`enums.riskGrade.${grade}`)}</Tag>
            <Form.Item name={['riskGrades', grade, 'label']} noStyle rules={[{ max: 10 }]}>
              <Input
                placeholder={t(`enums.riskGrade.${grade}`)}
                style={{ width: 140 }}
                data-testid={`risk-grade-label-${grade}`}
              />
            </Form.Item>
            <Form.Item name={['riskGrades', grade, 'colour']} noStyle>
              <Select
                style={{ width: 120 }}
                options={riskGradeColours.map((colour) => ({
                  value: colour,
                  label: <Tag color={colour}>{t(`settings.colours.${colour}`)}</Tag>,
                }))}
              />
            </Form.Item>
          </Space>
        ))}
      </Form.Item>
      {update.isError && (
        <Alert type="error" showIcon title={errorText(update.error)} style={{ marginBottom: 16 }} />
      )}
      {isAdmin && (
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('common.save')}
        </Button>
      )}
    </Form>
  );
}
