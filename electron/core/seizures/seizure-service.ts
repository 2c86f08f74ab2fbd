import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { catalogueEntry } from '../../api/domain/drug-catalog';
import { implausibility } from '../../api/domain/drug-counting';
import {
  contentToMicrograms,
  normaliseQuantity,
  purityToBasisPoints,
  yuanToFen,
} from '../../api/domain/quantity';
import type { SeizureRow, seizureInputSchema } from '../../api/schemas/seizure-schemas';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import { seizuresTable } from '../db/schema';
import { assertCaseExists, assertLiveEntity } from '../membership/case-guards';
import { assertNotFuture } from '../settings/future-dates';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { findSeizure } from './seizure-queries';
import { insertSeizure, type SeizureInsert } from './seizure-repository';

type SeizureFields = z.output<typeof seizureInputSchema>;

/**
 * Checks quantity, purity, cash, case and people before anything is written: the rules of manual
 * entry, which a case package's seizures go through too.
 */
export function prepareSeizure(tx: Executor, fields: SeizureFields, now?: string): SeizureInsert {
  assertCaseExists(tx, fields.caseId);
  // Entered by hand (a package's received case counts in no 成绩单): seized by today.
  if (now) assertNotFuture(tx, now, fields.seizedAt);
  if (fields.fromEntityId) assertLiveEntity(tx, fields.fromEntityId);
  if (fields.locationEntityId) assertLiveEntity(tx, fields.locationEntityId);
  const quantity = normaliseQuantity(fields.quantityValue, fields.quantityUnit);
  if (!quantity.ok)
    throw new AppError('seizures.invalidQuantity', 'The quantity is not valid', {
      problem: quantity.problem,
    });
  let contentMicrograms: number | null = null;
  if (fields.contentPerUnit) {
    contentMicrograms = contentToMicrograms(fields.contentPerUnit);
    if (contentMicrograms === null)
      throw new AppError(
        'seizures.invalidContent',
        'The content per unit must be a positive number of milligrams',
      );
  }
  if (!fields.confirmedImplausible) {
    const reason = implausibility({
      drugType: fields.drugType,
      quantityNormalised: quantity.value,
      normalisedUnit: quantity.unit,
      quantityUnit: fields.quantityUnit,
      contentMicrograms,
    });
    if (reason)
      throw new AppError('seizures.implausibleQuantity', 'The quantity needs confirmation', {
        reason,
      });
  }
  let purityBasisPoints: number | null = null;
  if (fields.purityPercent) {
    purityBasisPoints = purityToBasisPoints(fields.purityPercent);
    if (purityBasisPoints === null)
      throw new AppError('seizures.invalidPurity', 'Purity must be a percentage from 0 to 100');
  }
  let cashFen: number | null = null;
  if (fields.cashYuan) {
    cashFen = yuanToFen(fields.cashYuan);
    if (cashFen === null)
      throw new AppError('seizures.invalidCash', 'The cash amount is not a valid sum in yuan');
  }
  return {
    caseId: fields.caseId,
    seizedAt: new Date(fields.seizedAt).toISOString(),
    place: fields.place ?? null,
    locationEntityId: fields.locationEntityId ?? null,
    fromEntityId: fields.fromEntityId ?? null,
    drugType: fields.drugType,
    form: fields.form ?? null,
    quantityValue: fields.quantityValue.trim().normalize('NFKC').replace(/,/g, ''),
    quantityUnit: fields.quantityUnit,
    weightBasis: quantity.unit === 'mg' ? (fields.weightBasis ?? null) : null,
    contentPerUnit: contentMicrograms === null ? null : fields.contentPerUnit!.trim(),
    contentMicrograms,
    purityBasisPoints,
    cashFen,
    tools: fields.tools ?? null,
    evidenceNo: fields.evidenceNo ?? null,
    notes: fields.notes ?? null,
  };
}

/** What a seizure's audit record says of it (drug, quantity as entered and normalised). */
export function seizureAuditFacts(row: SeizureRow) {
  const drug = catalogueEntry(row.drugType);
  return {
    caseId: row.caseId,
    drugType: row.drugType,
    drug: drug?.zh ?? row.drugType,
    quantity: `${row.quantityValue} ${row.quantityUnit}`,
    normalised: `${row.quantityNormalised} ${row.normalisedUnit}`,
    weightBasis: row.weightBasis,
    contentPerUnit: row.contentPerUnit,
    evidenceNo: row.evidenceNo,
  };
}

export function createSeizure(workspace: UnlockedWorkspace, fields: SeizureFields): SeizureRow {
  return workspace.write(
    (tx) =>
      findSeizure(
        tx,
        insertSeizure(
          tx,
          prepareSeizure(tx, fields, workspace.now()),
          workspace.user.id,
          workspace.now(),
        ),
      )!,
    (row) => ({
      action: 'seizures.created',
      targetType: 'seizure',
      targetId: row.id,
      details: seizureAuditFacts(row),
    }),
  );
}

function existingSeizure(tx: Executor, id: string): SeizureRow {
  const row = findSeizure(tx, id);
  if (!row) throw new AppError('seizures.notFound', 'No such seizure');
  return row;
}

export function updateSeizure(
  workspace: UnlockedWorkspace,
  id: string,
  fields: SeizureFields,
): SeizureRow {
  let before: SeizureRow | undefined;
  return workspace.write(
    (tx) => {
      before = existingSeizure(tx, id);
      const prepared = prepareSeizure(tx, fields, workspace.now());
      const quantity = normaliseQuantity(prepared.quantityValue, prepared.quantityUnit);
      if (!quantity.ok)
        throw new AppError('seizures.invalidQuantity', 'The quantity is not valid', {
          problem: quantity.problem,
        });
      tx.update(seizuresTable)
        .set({
          ...prepared,
          quantityNormalised: quantity.value,
          normalisedUnit: quantity.unit,
          updatedAt: workspace.now(),
          updatedBy: workspace.user.id,
        })
        .where(eq(seizuresTable.id, id))
        .run();
      return findSeizure(tx, id)!;
    },
    (row) => ({
      action: 'seizures.updated',
      targetType: 'seizure',
      targetId: id,
      details: { ...seizureAuditFacts(row), before: before ? seizureAuditFacts(before) : null },
    }),
  );
}

export function deleteSeizure(workspace: UnlockedWorkspace, id: string): void {
  let before: SeizureRow | undefined;
  workspace.write(
    (tx) => {
      before = existingSeizure(tx, id);
      tx.update(seizuresTable)
        .set({
          deletedAt: workspace.now(),
          updatedAt: workspace.now(),
          updatedBy: workspace.user.id,
        })
        .where(eq(seizuresTable.id, id))
        .run();
    },
    () => ({
      action: 'seizures.deleted',
      targetType: 'seizure',
      targetId: id,
      details: before ? seizureAuditFacts(before) : {},
    }),
  );
}
