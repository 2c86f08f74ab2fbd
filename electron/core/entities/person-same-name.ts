import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { maskResidentId } from '../../api/domain/resident-id';
import type { SameNamePerson, sameNameInput } from '../../api/schemas/person-schemas';
import type { Executor } from '../db/database-types';
import { caseEntitiesTable, entitiesTable, personsTable } from '../db/schema';

/**
 * Live persons recorded under exactly this name, with what tells them apart (masked ID number,
 * birth year, 户籍地, role in the case): those already in `caseId` first. Two "刘某军" are common.
 */
export function personsOfSameName(
  db: Executor,
  input: z.output<typeof sameNameInput>,
): SameNamePerson[] {
  const rows = db
    .select({
      entityId: entitiesTable.id,
      name: personsTable.name,
      idNumber: personsTable.idNumber,
      birthDate: personsTable.birthDate,
      gender: personsTable.gender,
      household: personsTable.household,
      roleInCase: input.caseId
        ? sql<
            string | null
          >`(SELECT role_in_case FROM case_entities WHERE case_id = ${input.caseId} AND entity_id = ${entitiesTable.id})`
        : sql<string | null>`NULL`,
      caseCount: sql<number>`(SELECT count(*) FROM ${caseEntitiesTable} WHERE ${caseEntitiesTable.entityId} = ${entitiesTable.id})`,
    })
    .from(personsTable)
    .innerJoin(entitiesTable, eq(entitiesTable.id, personsTable.entityId))
    .where(
      and(
        eq(personsTable.name, input.name),
        isNull(entitiesTable.deletedAt),
        isNull(entitiesTable.mergedIntoId),
      ),
    )
    .limit(50)
    .all();
  return rows
    .map((row) => ({
      entityId: row.entityId,
      name: row.name,
      idNumberMasked: row.idNumber ? maskResidentId(row.idNumber) : null,
      birthYear: row.birthDate ? Number(row.birthDate.slice(0, 4)) : null,
      gender: row.gender,
      household: row.household,
      roleInCase: row.roleInCase as SameNamePerson['roleInCase'],
      caseCount: Number(row.caseCount),
    }))
    .sort((a, b) => Number(b.roleInCase !== null) - Number(a.roleInCase !== null));
}
