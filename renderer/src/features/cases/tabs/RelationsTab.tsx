import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../electron/api/schemas/case-schemas';
import type { RelationRow } from '../../../../../electron/api/schemas/entity-schemas';
import { useProcedure, useProcedureMutation } from '../../../api/hooks';
import { useCan } from '../../../app/SessionContext';
import { RelationsTable } from '../../entities/RelationsTable';
import { caseSuggestions } from './case-suggestions';
import { RelationFormModal } from './RelationFormModal';

export function RelationsTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const canWrite = useCan('investigator');
  const [form, setForm] = useState<{ editing?: RelationRow } | null>(null);
  const relations = useProcedure('relations.list', { caseId: detail.id });
  const remove = useProcedureMutation('relations.delete', { alsoRefreshes: ['cases', 'entities'] });
  return (
    <>
      {canWrite && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() => setForm({})}
          data-testid="relation-add"
        >
          {t('relation.add')}
        </Button>
      )}
      <RelationsTable
        rows={relations.data ?? []}
        onEdit={canWrite ? (row) => setForm({ editing: row }) : undefined}
        onDelete={canWrite ? (row) => remove.mutate({ id: row.id }) : undefined}
      />
      {form && (
        <RelationFormModal
          caseId={detail.id}
          suggestions={caseSuggestions(detail)}
          editing={form.editing}
          onClose={() => setForm(null)}
        />
      )}
    </>
  );
}
