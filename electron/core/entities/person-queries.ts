import { and, asc, eq, isNull } from 'drizzle-orm';
import type { CasePerson } from '../../api/schemas/person-schemas';
import type { Executor } from '../db/database-types';
import { caseEntitiesTable, entitiesTable, personsTable } from '../db/schema';

export function listCasePersons(db: Executor, caseId: string): CasePerson[] {
  return db
    .select({
      caseEntityId: caseEntitiesTable.id,
      entityId: entitiesTable.id,
      name: personsTable.name,
      aliases: personsTable.aliases,
      gender: personsTable.gender,
      birthDate: personsTable.birthDate,
      idNumber: personsTable.idNumber,
      household: personsTable.household,
      roleInCase: caseEntitiesTable.roleInCase,
      legalStatus: caseEntitiesTable.legalStatus,
      legalStatusOn: caseEntitiesTable.legalStatusOn,
      caughtOn: caseEntitiesTable.caughtOn,
      sourceStatus: caseEntitiesTable.sourceStatus,
    })
    .from(caseEntitiesTable)
    .innerJoin(entitiesTable, eq(entitiesTable.id, caseEntitiesTable.entityId))
    .innerJoin(personsTable, eq(personsTable.entityId, entitiesTable.id))
    .where(and(eq(caseEntitiesTable.caseId, caseId), isNull(entitiesTable.deletedAt)))
    .orderBy(asc(caseEntitiesTable.createdAt), asc(caseEntitiesTable.id))
    .all();
}
