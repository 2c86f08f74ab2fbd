import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CasePerson } from '../../api/schemas/person-schemas';
import type { addPersonToCaseInput, personInputSchema } from '../../api/schemas/person-schemas';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import { caseEntitiesTable, casesTable, personsTable } from '../db/schema';
import { parsePhone } from '../../api/domain/identifiers';
import { findHolder, prepareEntity } from './entity-identifiers';
import { insertEntity } from './entity-repository';
import { linkEntityToCase } from '../membership/case-link';
import { insertRelation } from '../relations/relation-repository';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { listCasePersons } from './person-queries';

type PersonCreate = z.output<typeof personInputSchema>;
type AddPersonToCase = z.output<typeof addPersonToCaseInput>;

/** Checks a new person (ID number, duplicates) and returns the row to insert. */
function preparePerson(db: Executor, input: PersonCreate, today: Date) {
  return prepareEntity(db, { ...input, kind: 'person' }, today);
}

/** Adds a new or existing person to a case with a role and legal status, in one transaction. */
export function addPersonToCase(workspace: UnlockedWorkspace, input: AddPersonToCase): CasePerson {
  // Checked before the transaction so a wrong number names itself and changes nothing.
  for (const phone of input.phones)
    if (!parsePhone(phone).ok) throw new AppError('entities.invalidPhone', 'Not a phone number');
  return workspace.write(
    (tx) => {
      const found = tx
        .select({ id: casesTable.id })
        .from(casesTable)
        .where(eq(casesTable.id, input.caseId))
        .get();
      if (!found) throw new AppError('cases.notFound', 'No such case');
      const now = workspace.now();
      let entityId = input.entityId;
      if (input.person) {
        const prepared = preparePerson(tx, input.person, workspace.clock.now());
        entityId = insertEntity(tx, prepared.entity, workspace.user.id, now, prepared.notes);
      } else {
        const person = tx
          .select({ id: personsTable.entityId })
          .from(personsTable)
          .where(eq(personsTable.entityId, entityId!))
          .get();
        if (!person) throw new AppError('entities.notFound', 'No such person');
        const member = tx
          .select({ id: caseEntitiesTable.id })
          .from(caseEntitiesTable)
          .where(
            and(
              eq(caseEntitiesTable.caseId, input.caseId),
              eq(caseEntitiesTable.entityId, entityId!),
            ),
          )
          .get();
        if (member)
          throw new AppError('persons.alreadyInCase', 'The person is already in this case');
      }
      linkPhones(tx, workspace, input, entityId!, now);
      const caseEntityId = linkEntityToCase(
        tx,
        {
          caseId: input.caseId,
          entityId: entityId!,
          roleInCase: input.roleInCase,
          legalStatus: input.legalStatus,
          legalStatusOn: input.legalStatusOn ?? null,
          caughtOn: input.caughtOn ?? null,
        },
        workspace.user.id,
        now,
      );
      tx.update(casesTable)
        .set({ updatedAt: now, updatedBy: workspace.user.id })
        .where(eq(casesTable.id, input.caseId))
        .run();
      return listCasePersons(tx, input.caseId).find(
        (person) => person.caseEntityId === caseEntityId,
      )!;
    },
    (person) => ({
      action: 'cases.personAdded',
      targetType: 'case',
      targetId: input.caseId,
      details: {
        entityId: person.entityId,
        roleInCase: person.roleInCase,
        legalStatus: person.legalStatus,
        newPerson: Boolean(input.person),
        ...(input.phones.length ? { phones: input.phones.length } : {}),
      },
    }),
  );
}

/**
 * The phones typed on the person form: each number is found (or recorded) as a phone entity,
 * put in the case, and linked to the person by a 使用 (uses, actual user) relation; the
 * registered owner (机主) is a different relation, `owns`, recorded where it is known.
 */
function linkPhones(
  tx: Executor,
  workspace: UnlockedWorkspace,
  input: AddPersonToCase,
  personId: string,
  now: string,
): void {
  for (const raw of new Set(input.phones)) {
    const parsed = parsePhone(raw);
    if (!parsed.ok) throw new AppError('entities.invalidPhone', 'Not a phone number');
    const holder = findHolder(tx, 'phone', parsed.value);
    let phoneId: string;
    if (holder && !holder.deleted_at) {
      phoneId = holder.id;
    } else {
      const prepared = prepareEntity(tx, { kind: 'phone', number: raw }, workspace.clock.now());
      phoneId = insertEntity(tx, prepared.entity, workspace.user.id, now, prepared.notes);
    }
    const member = tx
      .select({ id: caseEntitiesTable.id })
      .from(caseEntitiesTable)
      .where(
        and(eq(caseEntitiesTable.caseId, input.caseId), eq(caseEntitiesTable.entityId, phoneId)),
      )
      .get();
    if (!member)
      linkEntityToCase(
        tx,
        { caseId: input.caseId, entityId: phoneId, roleInCase: 'involved', legalStatus: 'none' },
        workspace.user.id,
        now,
      );
    insertRelation(
      tx,
      {
        fromEntityId: personId,
        toEntityId: phoneId,
        type: 'uses',
        directed: true,
        startedOn: null,
        endedOn: null,
        amountFen: null,
        eventCount: null,
        durationSeconds: null,
        source: null,
        reliability: null,
        credibility: null,
        caseId: input.caseId,
        notes: null,
      },
      workspace.user.id,
      now,
    );
  }
}
