import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Select, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { eventKinds, type EventKind } from '../../../../../electron/api/domain/event-kinds';
import type { CaseDetail } from '../../../../../electron/api/schemas/case-schemas';
import type { TimelineEvent } from '../../../../../electron/api/schemas/event-schemas';
import { useProcedure, useProcedureMutation } from '../../../api/hooks';
import { useCan } from '../../../app/SessionContext';
import { KindTag } from '../../../components/KindTag';
import { caseSuggestions } from './case-suggestions';
import { EventFormModal } from './EventFormModal';
import { RowActions } from '../../../components/RowActions';

const kindColours: Partial<Record<EventKind, string>> = {
  arrest: 'red',
  seizure: 'red',
  search: 'orange',
  wastewater_alert: 'purple',
  test: 'purple',
  transfer: 'gold',
  call: 'blue',
  meeting: 'blue',
};

/** The local day an event belongs to: its date, or its instant in local time. */
function dayOf(event: TimelineEvent): string {
  return event.precision === 'day'
    ? event.occurredAt
    : dayjs(event.occurredAt).format('YYYY-MM-DD');
}

/** The case's events, vertically, grouped by day; filtered by entity and kind. */
export function TimelineTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const canWrite = useCan('investigator');
  const [entityId, setEntityId] = useState<string>();
  const [kinds, setKinds] = useState<EventKind[]>([]);
  const [form, setForm] = useState<{ editing?: TimelineEvent } | null>(null);
  const timeline = useProcedure('events.timeline', {
    caseId: detail.id,
    entityId,
    kinds: kinds.length ? kinds : undefined,
  });
  const remove = useProcedureMutation('events.delete', { alsoRefreshes: ['cases'] });

  const days = new Map<string, TimelineEvent[]>();
  for (const event of timeline.data ?? [])
    days.set(dayOf(event), [...(days.get(dayOf(event)) ?? []), event]);

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 240 }}
          placeholder={t('event.filterEntity')}
          value={entityId}
          onChange={setEntityId}
          showSearch={{ optionFilterProp: 'label' }}
          options={caseSuggestions(detail).map((entity) => ({
            value: entity.id,
            label: entity.label,
          }))}
          data-testid="timeline-entity"
        />
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 260 }}
          placeholder={t('event.filterKind')}
          value={kinds}
          onChange={setKinds}
          options={eventKinds.map((value) => ({ value, label: t(`enums.eventKind.${value}`) }))}
        />
        {canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setForm({})}
            data-testid="event-add"
          >
            {t('event.add')}
          </Button>
        )}
      </Space>
      {days.size === 0 ? (
        <Empty description={t('event.empty')} />
      ) : (
        <Timeline
          data-testid="timeline"
          items={[...days.entries()].map(([day, events]) => ({
            key: day,
            color: kindColours[events[0]!.kind] ?? 'gray',
            children: (
              <div>
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  {day}
                </Typography.Title>
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {events.map((event) => (
                    <Card key={event.id} size="small" styles={{ body: { padding: '8px 12px' } }}>
                      <Space
                        style={{ justifyContent: 'space-between', width: '100%' }}
                        align="start"
                      >
                        <Space orientation="vertical" size={2}>
                          <Space size={6} wrap>
                            <Tag color={kindColours[event.kind]}>
                              {t(`enums.eventKind.${event.kind}`)}
                            </Tag>
                            {event.precision === 'minute' && (
                              <Typography.Text type="secondary">
                                {dayjs(event.occurredAt).format('HH:mm')}
                              </Typography.Text>
                            )}
                            <Typography.Text strong>{event.title}</Typography.Text>
                            {event.place && (
                              <Typography.Text type="secondary">· {event.place}</Typography.Text>
                            )}
                          </Space>
                          {event.description && (
                            <Typography.Text>{event.description}</Typography.Text>
                          )}
                          <Space size={4} wrap>
                            {event.entities.map((entity) => (
                              <Link key={entity.id} to={`/entities/${entity.id}`}>
                                <KindTag kind={entity.kind} />
                                {entity.label}
                              </Link>
                            ))}
                          </Space>
                        </Space>
                        {canWrite && (
                          <RowActions
                            onEdit={() => setForm({ editing: event })}
                            onDelete={() => remove.mutate({ id: event.id })}
                          />
                        )}
                      </Space>
                    </Card>
                  ))}
                </Space>
              </div>
            ),
          }))}
        />
      )}
      {form && (
        <EventFormModal detail={detail} editing={form.editing} onClose={() => setForm(null)} />
      )}
    </>
  );
}
