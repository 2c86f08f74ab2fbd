import type { CaseDetail } from '../../../../../electron/api/schemas/case-schemas';
import type { PickableEntity } from '../../../components/EntityPicker';

/** The case's own people and entities, offered first wherever an entity is picked. */
export function caseSuggestions(detail: CaseDetail): PickableEntity[] {
  return [
    ...detail.persons.map((person) => ({
      id: person.entityId,
      kind: 'person' as const,
      label: person.name,
      identifier: person.idNumber,
      person: {
        idNumber: person.idNumber,
        birthDate: person.birthDate,
        household: person.household,
        roleInCase: person.roleInCase,
      },
    })),
    ...detail.members.map((member) => ({
      id: member.entityId,
      kind: member.kind,
      label: member.label,
      identifier: member.identifier,
    })),
  ];
}
