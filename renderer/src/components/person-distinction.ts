import type { TFunction } from 'i18next';
import type { CaseRole } from '../../../electron/api/domain/person-vocabulary';
import { maskResidentId } from '../../../electron/api/domain/resident-id';

/** What tells a person from another of the same name, as far as it is known. */
export interface PersonFacts {
  idNumber?: string | null;
  idNumberMasked?: string | null;
  birthYear?: number | null;
  birthDate?: string | null;
  household?: string | null;
  roleInCase?: CaseRole | null;
}

/**
 * One line that tells two "刘某军" apart: masked ID number (or that there is none), birth year,
 * 户籍地 and role in the case. Used by the same-name warning and by every person picker.
 */
export function personDistinction(person: PersonFacts, t: TFunction): string {
  const masked =
    person.idNumberMasked ?? (person.idNumber ? maskResidentId(person.idNumber) : null);
  const year = person.birthYear ?? (person.birthDate ? Number(person.birthDate.slice(0, 4)) : null);
  return [
    masked ?? t('personForm.noId'),
    year ? t('personForm.born', { year }) : null,
    person.household,
    person.roleInCase ? t(`enums.caseRole.${person.roleInCase}`) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}
