import { App, Button, Form, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityKind } from '../../../../electron/api/domain/entity-kinds';
import { invoke } from '../../api/client';
import { useErrorText } from '../../app/useErrorText';
import { EntityPicker } from '../../components/EntityPicker';
import { CasePicker } from '../graph/CasePicker';

/** What the timeline shows: picked entities (each a tag), or a case; 绘制 draws it. */
export function TimelineQueryForm({
  initialCaseId,
  running,
  onRun,
}: {
  initialCaseId: string | undefined;
  running: boolean;
  onRun(caseId: string | undefined, entityIds: string[]): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [caseId, setCaseId] = useState<string | undefined>(initialCaseId);
  const [entities, setEntities] = useState<{ id: string; label: string }[]>([]);
  return (
    <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
      <Form.Item label={t('analytics.timeline.entities')}>
        <Space wrap>
          {entities.map((entity) => (
            <Tag
              key={entity.id}
              closable
              onClose={() => setEntities(entities.filter((e) => e.id !== entity.id))}
            >
              {entity.label}
            </Tag>
          ))}
          <div style={{ width: 240 }}>
            <EntityPicker
              placeholder={t('analytics.timeline.entitiesHint')}
              kinds={['person', 'phone', 'account', 'organisation', 'vehicle'] as EntityKind[]}
              onChange={(id) => {
                invoke('entities.get', { id })
                  .then((entity) =>
                    setEntities((list) =>
                      list.some((e) => e.id === id) ? list : [...list, { id, label: entity.label }],
                    ),
                  )
                  .catch((error: unknown) => void message.error(errorText(error)));
              }}
              testId="timeline-entities"
            />
          </div>
        </Space>
      </Form.Item>
      <Form.Item label={t('analytics.timeline.orCase')}>
        <CasePicker value={caseId} onChange={setCaseId} width={260} />
      </Form.Item>
      <Button
        type="primary"
        onClick={() =>
          onRun(
            caseId,
            entities.map((entity) => entity.id),
          )
        }
        disabled={!entities.length && !caseId}
        loading={running}
        data-testid="timeline-run"
      >
        {t('analytics.timeline.run')}
      </Button>
    </Form>
  );
}
