import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../electron/api/schemas/case-schemas';
import { useProcedure } from '../../api/hooks';
import { drugName, formatDateTime } from '../../components/format';
import type { AttachmentOwner } from './attachment-owner';
import { AttachmentsPanel } from './AttachmentsPanel';

/**
 * A case's files: its own and those linked to its people, identifiers, seizures and events;
 * a new file can be linked to any of them.
 */
export function CaseAttachments({ detail }: { detail: CaseDetail }) {
  const { i18n } = useTranslation();
  const seizures = useProcedure('seizures.list', { caseId: detail.id, pageSize: 500 });
  const events = useProcedure('events.timeline', { caseId: detail.id });
  const owners: AttachmentOwner[] = [
    { ownerType: 'case', ownerId: detail.id, label: detail.caseNo },
    ...detail.persons.map((person) => ({
      ownerType: 'entity' as const,
      ownerId: person.entityId,
      label: person.name,
    })),
    ...detail.members.map((member) => ({
      ownerType: 'entity' as const,
      ownerId: member.entityId,
      label: member.label,
    })),
    ...(seizures.data?.rows ?? []).map((seizure) => ({
      ownerType: 'seizure' as const,
      ownerId: seizure.id,
      label:
        `${formatDateTime(seizure.seizedAt)} ${drugName(seizure.drugType, i18n.language)} ${seizure.evidenceNo ?? ''}`.trim(),
    })),
    ...(events.data ?? []).map((event) => ({
      ownerType: 'event' as const,
      ownerId: event.id,
      label: `${formatDateTime(event.occurredAt)} ${event.title}`,
    })),
  ];
  return <AttachmentsPanel ownerType="case" ownerId={detail.id} listByCase owners={owners} />;
}
