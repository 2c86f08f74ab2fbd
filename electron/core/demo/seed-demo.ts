import { eq } from 'drizzle-orm';
import { computeCheckCharacter } from '../../api/domain/resident-id';
import { insertCase } from '../cases/case-service';
import { insertEntity } from '../entities/entity-repository';
import { linkEntityToCase } from '../membership/case-link';
import { recordMeasure } from '../membership/case-measures';
import { insertEvent } from '../events/event-repository';
import { insertRelation } from '../relations/relation-repository';
import { insertSeizure } from '../seizures/seizure-repository';
import { organisationsTable } from '../db/schema';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { createWorkspace } from '../vault/workspace-vault';
import type { VaultEnv } from '../vault/vault-env';
import {
  demoCases,
  demoEvents,
  demoMemberships,
  demoRelations,
  demoSeizures,
  demoThings,
  demoUnit,
  type DemoCaseKey,
} from './demo-cases';
import { applyDemoCoordinates } from './demo-coordinates';
import { demoPeople, type DemoPerson } from './demo-people';

/** The demo workspace's sign-in, printed by the CLI and shown on the unlock screen. */
export const demoCredentials = { username: 'demo', password: 'Quanlian@2026' } as const;

/** A fictional but valid ID number: region, birth date, a sequence of the right parity, check digit. */
function demoIdNumber(person: DemoPerson, index: number): string {
  const sequence = 100 + ((index * 37) % 800);
  const parityFixed = person.gender === 'male' ? sequence | 1 : sequence & ~1;
  const first17 = `${person.region}${person.born}${String(parityFixed).padStart(3, '0')}`;
  return `${first17}${computeCheckCharacter(first17)}`;
}

interface DemoCounts {
  cases: number;
  persons: number;
  entities: number;
  relations: number;
  seizures: number;
  events: number;
}

/** Writes the demo dataset into an unlocked workspace in one audited transaction. */
function seedDemo(workspace: UnlockedWorkspace): DemoCounts {
  const actor = workspace.user.id;
  const now = workspace.now();
  return workspace.write(
    (tx) => {
      const caseIds = new Map<DemoCaseKey, string>();
      for (const demoCase of demoCases) {
        const { key, status, solvedOn, prosecutedOn, ...fields } = demoCase;
        const id = insertCase(tx, fields, actor, now, {
          status,
          solvedOn: solvedOn ?? null,
          prosecutedOn: prosecutedOn ?? null,
        });
        caseIds.set(key, id);
      }
      const caseId = (key: DemoCaseKey) => caseIds.get(key)!;

      const entityIds = new Map<string, string>();
      demoPeople.forEach((person, index) => {
        const id = insertEntity(
          tx,
          {
            kind: 'person',
            name: person.name,
            aliases: person.aliases ?? [],
            gender: person.gender,
            birthDate: `${person.born.slice(0, 4)}-${person.born.slice(4, 6)}-${person.born.slice(6, 8)}`,
            idNumber: person.noIdNumber ? null : demoIdNumber(person, index),
            household: person.household,
            address: person.address ?? null,
            riskGrade: person.riskGrade ?? null,
          },
          actor,
          now,
        );
        entityIds.set(person.key, id);
      });
      for (const thing of demoThings)
        entityIds.set(thing.key, insertEntity(tx, thing.entity, actor, now));
      const entityId = (key: string) => {
        const id = entityIds.get(key);
        if (!id) throw new Error(`Demo data refers to an unknown key: ${key}`);
        return id;
      };

      for (const member of demoMemberships) {
        const caseEntityId = linkEntityToCase(
          tx,
          {
            caseId: caseId(member.caseKey),
            entityId: entityId(member.person),
            roleInCase: member.role,
            legalStatus: member.status,
            legalStatusOn: member.statusOn ?? null,
            chainTier: member.tier ?? null,
            caughtOn: member.caughtOn ?? null,
          },
          actor,
          now,
        );
        for (const earlier of member.earlier ?? [])
          recordMeasure(
            tx,
            {
              caseEntityId,
              caseId: caseId(member.caseKey),
              entityId: entityId(member.person),
              measure: earlier.measure,
              takenOn: earlier.on,
            },
            actor,
            now,
          );
      }
      // Both gangs of the methamphetamine case were broken in the round-up.
      for (const key of ['gang_lihua', 'gang_zhang'])
        tx.update(organisationsTable)
          .set({ brokenOn: '2026-06-28' })
          .where(eq(organisationsTable.entityId, entityId(key)))
          .run();
      for (const thing of demoThings) {
        for (const key of thing.cases) {
          linkEntityToCase(
            tx,
            {
              caseId: caseId(key),
              entityId: entityId(thing.key),
              roleInCase: 'involved',
              legalStatus: 'none',
            },
            actor,
            now,
          );
        }
      }

      let relationCount = 0;
      for (const relation of demoRelations) {
        insertRelation(
          tx,
          {
            fromEntityId: entityId(relation.from),
            toEntityId: entityId(relation.to),
            type: relation.type,
            directed: relation.directed ?? true,
            startedOn: relation.startedOn ?? null,
            endedOn: relation.endedOn ?? null,
            amountFen: relation.amountFen ?? null,
            eventCount: relation.eventCount ?? null,
            durationSeconds: relation.durationSeconds ?? null,
            source: relation.source ?? null,
            reliability: relation.reliability ?? null,
            credibility: relation.credibility ?? null,
            caseId: caseId(relation.caseKey),
          },
          actor,
          now,
        );
        relationCount += 1;
      }
      for (const thing of demoThings) {
        const caseKey = thing.cases[0]!;
        for (const user of thing.users ?? []) {
          insertRelation(
            tx,
            {
              fromEntityId: entityId(user),
              toEntityId: entityId(thing.key),
              type: 'uses',
              caseId: caseId(caseKey),
            },
            actor,
            now,
          );
          relationCount += 1;
        }
        for (const owner of thing.owners ?? []) {
          insertRelation(
            tx,
            {
              fromEntityId: entityId(owner),
              toEntityId: entityId(thing.key),
              type: 'owns',
              caseId: caseId(caseKey),
            },
            actor,
            now,
          );
          relationCount += 1;
        }
      }

      for (const seizure of demoSeizures) {
        insertSeizure(
          tx,
          {
            caseId: caseId(seizure.caseKey),
            seizedAt: seizure.seizedAt,
            place: seizure.place,
            locationEntityId: seizure.location ? entityId(seizure.location) : null,
            fromEntityId: seizure.from ? entityId(seizure.from) : null,
            drugType: seizure.drugType,
            form: seizure.form,
            quantityValue: seizure.quantityValue,
            quantityUnit: seizure.quantityUnit,
            purityBasisPoints: seizure.purityBasisPoints ?? null,
            cashFen: seizure.cashFen ?? null,
            tools: seizure.tools ?? null,
            evidenceNo: seizure.evidenceNo,
          },
          actor,
          now,
        );
      }
      for (const event of demoEvents) {
        insertEvent(
          tx,
          {
            caseId: caseId(event.caseKey),
            kind: event.kind,
            occurredAt: event.occurredAt,
            precision: event.precision ?? 'minute',
            title: event.title,
            place: event.place ?? null,
            entityIds: event.entities.map(entityId),
          },
          actor,
          now,
        );
      }
      applyDemoCoordinates(tx, entityId);
      return {
        cases: demoCases.length,
        persons: demoPeople.length,
        entities: demoPeople.length + demoThings.length,
        relations: relationCount,
        seizures: demoSeizures.length,
        events: demoEvents.length,
      };
    },
    (counts) => ({
      action: 'demo.seeded',
      targetType: 'workspace',
      targetId: workspace.workspaceId,
      details: { ...counts },
    }),
  );
}

/** Creates the demo workspace in `dir`, seeds it and returns it unlocked. */
export async function createDemoWorkspace(
  dir: string,
  env: VaultEnv,
): Promise<{ workspace: UnlockedWorkspace; recoveryKey: string; counts: DemoCounts }> {
  const created = await createWorkspace(
    {
      dir,
      name: '演示工作区（虚构数据）',
      unitName: demoUnit,
      admin: {
        username: demoCredentials.username,
        displayName: '演示管理员',
        password: demoCredentials.password,
      },
      isDemo: true,
    },
    env,
  );
  try {
    return { ...created, counts: seedDemo(created.workspace) };
  } catch (error) {
    created.workspace.close('error');
    throw error;
  }
}
