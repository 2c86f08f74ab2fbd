import { Alert, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entityKinds, type EntityKind } from '../../../../electron/api/domain/entity-kinds';
import type { EntityDetail } from '../../../../electron/api/schemas/entity-schemas';
import { useErrorText } from '../../app/useErrorText';
import { EntityFields } from './EntityFields';
import { toEntityInput, toFormValues } from './entity-form-values';
import { RecordFormModal } from '../../components/RecordFormModal';
import { useRecordForm } from '../../components/useRecordForm';
import type { PickableEntity } from '../../components/EntityPicker';

interface Props {
  open: boolean;
  onClose: () => void;
  onSaved?: (detail: EntityDetail) => void;
  /** Edit this entity; otherwise create one. */
  editing?: EntityDetail;
  /** Create straight into this case. */
  caseId?: string;
  kinds?: readonly EntityKind[];
  /** Offered when the identifier is already recorded: use that entity instead. */
  onUseExisting?: (entityId: string) => void;
  /** People and organisations offered first as 机主/户名 (the case's own). */
  ownerSuggestions?: PickableEntity[];
}

/** Creates or edits an entity of any kind; duplicate identifiers offer the existing entity. */
export function EntityFormModal({
  open,
  onClose,
  onSaved,
  editing,
  caseId,
  kinds = entityKinds,
  onUseExisting,
  ownerSuggestions = [],
}: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [kind, setKind] = useState<EntityKind>(editing?.kind ?? kinds[0]!);
  const {
    form,
    create,
    update,
    save: mutation,
  } = useRecordForm<Record<string, unknown>, 'entities.create', 'entities.update'>({
    create: 'entities.create',
    update: 'entities.update',
    editing: Boolean(editing),
    alsoRefreshes: ['cases', 'search', 'relations'],
    onSaved: (detail) => {
      form.resetFields();
      onSaved?.(detail);
      onClose();
    },
  });
  const duplicateOf =
    mutation.error &&
    ['persons.duplicateIdNumber', 'entities.duplicateIdentifier'].includes(mutation.error.code)
      ? mutation.error.details
      : null;

  const submit = (values: Record<string, unknown>) => {
    const entity = toEntityInput(kind, values);
    if (editing) update.mutate({ id: editing.id, entity });
    else create.mutate({ entity, caseId });
  };

  return (
    <RecordFormModal
      form={form}
      open={open}
      width={760}
      title={editing ? t('entity.edit') : t('entity.create')}
      confirmLoading={mutation.isPending}
      onClose={() => {
        mutation.reset();
        onClose();
      }}
      destroyOnHidden
      submitTestId="entity-submit"
    >
      {!editing && kinds.length > 1 && (
        <Form layout="vertical" component="div">
          <Form.Item label={t('entity.kind')}>
            <Select
              value={kind}
              onChange={(next) => {
                setKind(next);
                mutation.reset();
              }}
              options={kinds.map((value) => ({ value, label: t(`enums.entityKind.${value}`) }))}
              data-testid="entity-kind"
            />
          </Form.Item>
        </Form>
      )}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={editing ? toFormValues(editing) : undefined}
        onFinish={submit}
        key={kind}
      >
        <EntityFields
          kind={kind}
          ownerSuggestions={
            editing?.owner && !ownerSuggestions.some((entity) => entity.id === editing.owner?.id)
              ? [editing.owner, ...ownerSuggestions]
              : ownerSuggestions
          }
        />
        <Form.Item name="notes" label={t('entity.fields.notes')} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
      {mutation.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(mutation.error)}
          action={
            duplicateOf && onUseExisting ? (
              <Button
                size="small"
                onClick={() => {
                  onUseExisting(String(duplicateOf['entityId']));
                  mutation.reset();
                  onClose();
                }}
                data-testid="use-existing"
              >
                {t('entity.useExisting', { name: String(duplicateOf['name']) })}
              </Button>
            ) : undefined
          }
        />
      )}
    </RecordFormModal>
  );
}
