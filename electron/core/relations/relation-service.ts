import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { normaliseQuantity, yuanToFen } from '../../api/domain/quantity';
import type { RelationRow } from '../../api/schemas/entity-schemas';
import type { relationInputSchema } from '../../api/schemas/relation-schemas';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import { relationsTable } from '../db/schema';
import { assertCaseExists, assertLiveEntity } from '../membership/case-guards';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { listRelations } from './relation-queries';
import { insertRelation, type RelationInsert } from './relation-repository';

type RelationFields = z.output<typeof relationInputSchema>;

/**
 * Checks a relation's ends, period, amount, supplied drug and case before anything is written:
 * the rules of manual entry (a case package's relations go through `relationColumns`).
 */
function prepareRelation(tx: Executor, fields: RelationFields): RelationInsert {
  if (fields.fromEntityId === fields.toEntityId)
    throw new AppError('relations.selfLink', 'A relation needs two different entities');
  assertLiveEntity(tx, fields.fromEntityId);
  assertLiveEntity(tx, fields.toEntityId);
  if (fields.caseId) assertCaseExists(tx, fields.caseId);
  return relationColumns(fields);
}

/**
 * The rules of `prepareRelation` that read no database (period, amount, supplied drug): a case
 * package's relations are checked by them in its checking thread, whose ends are the package's
 * own entities, alive by construction.
 */
export function relationColumns(fields: RelationFields): RelationInsert {
  if (fields.fromEntityId === fields.toEntityId)
    throw new AppError('relations.selfLink', 'A relation needs two different entities');
  if (fields.startedOn && fields.endedOn && fields.endedOn < fields.startedOn) {
    throw new AppError('relations.invalidPeriod', 'The period ends before it starts');
  }
  let amountFen: number | null = null;
  if (fields.amountYuan) {
    amountFen = yuanToFen(fields.amountYuan);
    if (amountFen === null)
      throw new AppError('relations.invalidAmount', 'The amount is not a valid sum in yuan');
  }
  return {
    ...suppliedDrug(fields),
    fromEntityId: fields.fromEntityId,
    toEntityId: fields.toEntityId,
    type: fields.type,
    directed: fields.directed,
    startedOn: fields.startedOn ?? null,
    endedOn: fields.endedOn ?? null,
    amountFen,
    eventCount: fields.eventCount ?? null,
    durationSeconds: fields.durationSeconds ?? null,
    source: fields.source ?? null,
    reliability: fields.reliability ?? null,
    credibility: fields.credibility ?? null,
    caseId: fields.caseId ?? null,
    notes: fields.notes ?? null,
  };
}

/**
 * The drug and quantity a supply relation carries (据供述/交易记录), normalised exactly like a
 * seizure's; other types carry none. Drug and quantity come together or not at all.
 */
function suppliedDrug(fields: RelationFields) {
  // A unit alone is the form's default, not something the user entered.
  const given = Boolean(fields.drugType || fields.quantityValue);
  if (!given)
    return {
      drugType: null,
      quantityValue: null,
      quantityUnit: null,
      quantityNormalised: null,
      normalisedUnit: null,
    };
  if (fields.type !== 'supplies')
    throw new AppError('relations.drugOnlyOnSupply', 'Only a supply relation carries a drug', {
      type: fields.type,
    });
  if (!fields.drugType || !fields.quantityValue || !fields.quantityUnit)
    throw new AppError('relations.drugIncomplete', 'A supplied drug needs its type and quantity', {
      missing: !fields.drugType ? 'drugType' : 'quantity',
    });
  const quantity = normaliseQuantity(fields.quantityValue, fields.quantityUnit);
  if (!quantity.ok)
    throw new AppError('relations.invalidQuantity', 'The supplied quantity is not valid', {
      problem: quantity.problem,
    });
  return {
    drugType: fields.drugType,
    quantityValue: fields.quantityValue,
    quantityUnit: fields.quantityUnit,
    quantityNormalised: quantity.value,
    normalisedUnit: quantity.unit,
  };
}

function existingRelation(tx: Executor, id: string) {
  const relation = tx.select().from(relationsTable).where(eq(relationsTable.id, id)).get();
  if (!relation || relation.deletedAt) throw new AppError('relations.notFound', 'No such relation');
  return relation;
}

export function createRelation(workspace: UnlockedWorkspace, fields: RelationFields): RelationRow {
  return workspace.write(
    (tx) => {
      const id = insertRelation(
        tx,
        prepareRelation(tx, fields),
        workspace.user.id,
        workspace.now(),
      );
      return listRelations(tx, { id })[0]!;
    },
    (row) => ({
      action: 'relations.created',
      targetType: 'relation',
      targetId: row.id,
      details: { caseId: row.caseId, type: row.type, from: row.fromEntityId, to: row.toEntityId },
    }),
  );
}

export function updateRelation(
  workspace: UnlockedWorkspace,
  id: string,
  fields: RelationFields,
): RelationRow {
  let before: ReturnType<typeof existingRelation> | undefined;
  return workspace.write(
    (tx) => {
      before = existingRelation(tx, id);
      // A call record names its list's target phone as an end of its relation: other ends
      // would put the records on phones they are not from.
      const endsChanged =
        fields.fromEntityId !== before.fromEntityId || fields.toEntityId !== before.toEntityId;
      if (
        endsChanged &&
        tx.get(sql`SELECT 1 FROM call_records WHERE relation_num = ${before.num} LIMIT 1`)
      )
        throw new AppError(
          'relations.importedEnds',
          'The ends of a relation of imported call records cannot change',
        );
      tx.update(relationsTable)
        .set({
          ...prepareRelation(tx, fields),
          updatedAt: workspace.now(),
          updatedBy: workspace.user.id,
        })
        .where(eq(relationsTable.id, id))
        .run();
      return listRelations(tx, { id })[0]!;
    },
    (row) => ({
      action: 'relations.updated',
      targetType: 'relation',
      targetId: id,
      details: { caseId: row.caseId, before, after: row },
    }),
  );
}

export function deleteRelation(workspace: UnlockedWorkspace, id: string): void {
  let before: ReturnType<typeof existingRelation> | undefined;
  workspace.write(
    (tx) => {
      before = existingRelation(tx, id);
      tx.update(relationsTable)
        .set({
          deletedAt: workspace.now(),
          updatedAt: workspace.now(),
          updatedBy: workspace.user.id,
        })
        .where(eq(relationsTable.id, id))
        .run();
    },
    () => ({
      action: 'relations.deleted',
      targetType: 'relation',
      targetId: id,
      details: { caseId: before?.caseId ?? null, type: before?.type },
    }),
  );
}
