import { Alert, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { eventKinds, type EventKind } from '../../../../../electron/api/domain/event-kinds';
import type { CaseDetail } from '../../../../../electron/api/schemas/case-schemas';
import type { TimelineEvent } from '../../../../../electron/api/schemas/event-schemas';
import { useErrorText } from '../../../app/useErrorText';
import { KindTag } from '../../../components/KindTag';
import { caseSuggestions } from './case-suggestions';
import { RecordFormModal } from '../../../components/RecordFormModal';
import { useRecordForm } from '../../../components/useRecordForm';
import { TypedDatePicker } from '../../../components/TypedDatePicker';

interface Values {
  kind: EventKind;
  occurredAt: Dayjs;
  dayOnly: boolean;
  title: string;
  description?: string;
  place?: string;
  entityIds: string[];
}

/** A dated happening on the case timeline, linked to the entities it involves. */
export function EventFormModal({
  detail,
  editing,
  onClose,
}: {
  detail: CaseDetail;
  editing?: TimelineEvent;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { form, create, update, save } = useRecordForm<Values, 'events.create', 'events.update'>({
    create: 'events.create',
    update: 'events.update',
    editing: Boolean(editing),
    alsoRefreshes: ['cases'],
    onSaved: onClose,
  });
  const dayOnly = Form.useWatch('dayOnly', form);

  const submit = ({ dayOnly: onlyDay, occurredAt, ...values }: Values) => {
    const event = {
      ...values,
      caseId: detail.id,
      occurredAt: onlyDay ? occurredAt.format('YYYY-MM-DD') : occurredAt.toISOString(),
    };
    if (editing) update.mutate({ id: editing.id, event });
    else create.mutate(event);
  };

  return (
    <RecordFormModal
      form={form}
      open
      width={720}
      title={editing ? t('event.edit') : t('event.add')}
      confirmLoading={save.isPending}
      onClose={onClose}
      submitTestId="event-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          editing
            ? {
                kind: editing.kind,
                occurredAt: dayjs(editing.occurredAt),
                dayOnly: editing.precision === 'day',
                title: editing.title,
                description: editing.description ?? undefined,
                place: editing.place ?? undefined,
                entityIds: editing.entities.map((entity) => entity.id),
              }
            : { kind: 'meeting', occurredAt: dayjs(), dayOnly: false, entityIds: [] }
        }
      >
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="kind" label={t('event.kind')} rules={[{ required: true }]}>
              <Select
                options={eventKinds.map((value) => ({
                  value,
                  label: t(`enums.eventKind.${value}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="occurredAt" label={t('event.occurredAt')} rules={[{ required: true }]}>
              <TypedDatePicker
                showTime={dayOnly ? false : { format: 'HH:mm' }}
                format={dayOnly ? 'YYYY-MM-DD' : 'YYYY-MM-DD HH:mm'}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="dayOnly" label=" " valuePropName="checked">
              <Checkbox>{t('event.dayOnly')}</Checkbox>
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="title"
              label={t('event.title')}
              rules={[{ required: true, whitespace: true, max: 200 }]}
            >
              <Input data-testid="event-title" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="place" label={t('event.place')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="entityIds" label={t('event.entities')}>
              <Select
                mode="multiple"
                showSearch={{ optionFilterProp: 'title' }}
                options={caseSuggestions(detail).map((entity) => ({
                  value: entity.id,
                  title: entity.label,
                  label: (
                    <span>
                      <KindTag kind={entity.kind} />
                      {entity.label}
                    </span>
                  ),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={t('event.description')}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {save.isError && <Alert type="error" showIcon title={errorText(save.error)} />}
    </RecordFormModal>
  );
}
