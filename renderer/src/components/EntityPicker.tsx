import { Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityKind } from '../../../electron/api/domain/entity-kinds';
import { useProcedure } from '../api/hooks';
import { KindTag } from './KindTag';
import { personDistinction, type PersonFacts } from './person-distinction';

export interface PickableEntity {
  id: string;
  kind: EntityKind;
  label: string;
  identifier?: string | null;
  /** For a person: what tells them from another of the same name (shown instead of the bare ID). */
  person?: PersonFacts;
}

/**
 * Picks an entity: first from `suggestions` (e.g. the case's own people and identifiers), and
 * by typing, from the whole workspace (names, pinyin, identifiers).
 */
export function EntityPicker({
  value,
  onChange,
  suggestions = [],
  kinds,
  placeholder,
  testId,
  allowClear = false,
}: {
  value?: string | null;
  onChange?: (id: string) => void;
  allowClear?: boolean;
  suggestions?: PickableEntity[];
  kinds?: EntityKind[];
  placeholder?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const found = useProcedure(
    'search.query',
    { text: text || ' ', limitPerGroup: 10 },
    { enabled: text.trim().length > 0 },
  );
  const fromSearch: PickableEntity[] = (found.data?.groups ?? [])
    .filter((group) => group.type !== 'case')
    .flatMap((group) =>
      group.hits.map((hit) => ({
        id: hit.id,
        kind: group.type as EntityKind,
        label: hit.title,
        identifier: hit.subtitle,
      })),
    );
  const merged = [
    ...suggestions,
    ...fromSearch.filter((hit) => !suggestions.some((s) => s.id === hit.id)),
  ].filter((entity) => !kinds || kinds.includes(entity.kind));
  const matches = (entity: PickableEntity) =>
    !text ||
    `${entity.label} ${entity.identifier ?? ''}`.toLowerCase().includes(text.toLowerCase()) ||
    fromSearch.some((hit) => hit.id === entity.id);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value ?? undefined}
      onChange={onChange}
      allowClear={allowClear}
      placeholder={placeholder ?? t('entity.pickEntity')}
      loading={found.isFetching}
      data-testid={testId}
      options={merged.filter(matches).map((entity) => ({
        value: entity.id,
        label: (
          <Space size={4}>
            <KindTag kind={entity.kind} />
            <span>{entity.label}</span>
            {entity.person ? (
              <Typography.Text type="secondary">
                {personDistinction(entity.person, t)}
              </Typography.Text>
            ) : (
              entity.identifier && (
                <Typography.Text type="secondary">{entity.identifier}</Typography.Text>
              )
            )}
          </Space>
        ),
      }))}
      notFoundContent={text ? t('search.empty') : null}
    />
  );
}
