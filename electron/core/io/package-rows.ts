import * as z from 'zod';
import { caseStatuses, type CaseStatus } from '../../api/domain/case-vocabulary';
import { chainTiers, sourceStatuses } from '../../api/domain/person-vocabulary';
import { caseAddEntityInput, caseCreateInput } from '../../api/schemas/case-schemas';
import { relationInputSchema } from '../../api/schemas/relation-schemas';
import { seizureInputSchema } from '../../api/schemas/seizure-schemas';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import type { casesTable } from '../db/schema';
import { caseColumns } from '../cases/case-service';
import { relationColumns } from '../relations/relation-service';
import type { RelationInsert } from '../relations/relation-repository';
import { prepareSeizure } from '../seizures/seizure-service';
import type { SeizureInsert } from '../seizures/seizure-repository';
import type { CaseSnapshot } from './case-snapshot';

// A package's rows are what another workstation says, and anyone can seal one (the passphrase
// is the sender's choice): each row goes through the rules of manual entry before it is written,
// and only the fields those rules produce are written, never the package's own derived columns
// (a normalised quantity, a procedure).

/**
 * The refusal of a package's row: its list, and its place in that list as the user counts it,
 * from 1 (`index` is the list's array index; the case, a list of one, is its row 1). Some
 * callers had given the index and others the row, so one list's first row was 0 and another's 1.
 */
export function invalidRow(list: string, index: number, field: string): AppError {
  return new AppError('package.invalidRow', 'A row of the package breaks the entry rules', {
    list,
    row: index + 1,
    field,
  });
}

function firstField(error: z.ZodError): string {
  return error.issues[0]?.path.join('.') || 'value';
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const nullable = (value: unknown) => (typeof value === 'string' ? value : null);

/** The order of the dates a case's workflow sets; each step on or after the one before. */
const datedSteps = ['openedOn', 'solvedOn', 'prosecutedOn', 'closedOn'] as const;

/** The dates a status has when reached through the workflow, and those it cannot have. */
const datesOfStatus: Record<CaseStatus, (typeof datedSteps)[number][]> = {
  filed: [],
  investigating: [],
  solved: ['solvedOn'],
  prosecuted: ['solvedOn', 'prosecutedOn'],
  closed: ['solvedOn', 'prosecutedOn', 'closedOn'],
  withdrawn: ['closedOn'],
  merged: ['closedOn'],
};

/**
 * The case row as `cases.create` would write it, with the status and the dates the workflow
 * would have set. A merged case is refused: the case it joined is not in the package.
 */
export function checkedCase(
  row: NonNullable<CaseSnapshot['case']>,
): Omit<typeof casesTable.$inferInsert, 'id' | 'createdAt' | 'updatedAt'> {
  const fields = caseCreateInput.safeParse({
    caseNo: row.caseNo,
    title: row['title'],
    offenceType: row['offenceType'],
    supervisionLevel: row['supervisionLevel'],
    unit: row['unit'] ?? undefined,
    leadInvestigator: row['leadInvestigator'] ?? undefined,
    acceptedOn: row['acceptedOn'] ?? undefined,
    openedOn: row['openedOn'],
    summary: row['summary'] ?? undefined,
  });
  if (!fields.success) throw invalidRow('case', 0, firstField(fields.error));
  const status = z.enum(caseStatuses).exclude(['merged']).safeParse(row['status']);
  if (!status.success) throw invalidRow('case', 0, 'status');
  const dates = {
    openedOn: fields.data.openedOn,
    solvedOn: nullable(row['solvedOn']),
    prosecutedOn: nullable(row['prosecutedOn']),
    closedOn: nullable(row['closedOn']),
  };
  const needed = datesOfStatus[status.data];
  let previous = fields.data.acceptedOn ?? null;
  for (const step of datedSteps) {
    const value = dates[step];
    if (step !== 'openedOn' && needed.includes(step) !== (value !== null))
      throw invalidRow('case', 0, step);
    if (value === null) continue;
    if (!z.iso.date().safeParse(value).success || (previous !== null && value < previous))
      throw invalidRow('case', 0, step);
    previous = value;
  }
  return {
    ...caseColumns(fields.data),
    status: status.data,
    solvedOn: dates.solvedOn,
    prosecutedOn: dates.prosecutedOn,
    closedOn: dates.closedOn,
    mergedIntoCaseId: null,
    deletedAt: null,
  };
}

/** A member's role, legal status and dates, checked as `cases.addEntity` checks them. */
export function checkedMember(
  member: CaseSnapshot['caseEntities'][number],
  row: number,
  caseId: string,
  entityId: string,
) {
  const fields = caseAddEntityInput.safeParse({
    caseId,
    entityId,
    roleInCase: member['roleInCase'],
    legalStatus: member['legalStatus'],
    legalStatusOn: member['legalStatusOn'] ?? undefined,
    caughtOn: member['caughtOn'] ?? undefined,
  });
  if (!fields.success) throw invalidRow('caseEntities', row, firstField(fields.error));
  const extra = z
    .object({
      chainTier: z.enum(chainTiers).nullish(),
      sourceStatus: z.enum(sourceStatuses).nullish(),
      notes: z.string().max(2000).nullish(),
    })
    .safeParse({
      chainTier: member['chainTier'],
      sourceStatus: member['sourceStatus'],
      notes: member['notes'],
    });
  if (!extra.success) throw invalidRow('caseEntities', row, firstField(extra.error));
  return {
    caseId,
    entityId,
    roleInCase: fields.data.roleInCase,
    legalStatus: fields.data.legalStatus,
    legalStatusOn: fields.data.legalStatusOn ?? null,
    caughtOn: fields.data.caughtOn ?? null,
    chainTier: extra.data.chainTier ?? null,
    sourceStatus: extra.data.sourceStatus ?? null,
    notes: extra.data.notes ?? null,
  };
}

/** Purity and cash back into the words they were entered in, for the entry rules to read. */
function percentOf(basisPoints: unknown): string | undefined {
  return typeof basisPoints === 'number' ? (basisPoints / 100).toFixed(2) : undefined;
}
function yuanOf(fen: unknown): string | undefined {
  return typeof fen === 'number' && Number.isSafeInteger(fen)
    ? `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`
    : undefined;
}

/**
 * A seizure as `seizures.create` would write it: the quantity normalised here from its value
 * and unit (the package's own normalised figure is not read), an implausible quantity (over a
 * tonne, a million tablets) refused unless the user confirmed it, purity, content and cash checked and converted again.
 */
export function checkedSeizure(
  tx: Executor,
  seizure: CaseSnapshot['seizures'][number],
  row: number,
  ids: {
    caseId: string;
    fromEntityId: string | null;
    locationEntityId: string | null;
    /** The user confirmed the package's implausible quantities (package-implausible). */
    confirmedImplausible: boolean;
  },
): SeizureInsert {
  const fields = seizureInputSchema.safeParse({
    caseId: ids.caseId,
    seizedAt: seizure['seizedAt'],
    place: text(seizure['place']),
    locationEntityId: ids.locationEntityId,
    fromEntityId: ids.fromEntityId,
    drugType: seizure['drugType'],
    form: text(seizure['form']),
    quantityValue: seizure['quantityValue'],
    quantityUnit: seizure['quantityUnit'],
    weightBasis: seizure['weightBasis'] ?? undefined,
    contentPerUnit: text(seizure['contentPerUnit']),
    purityPercent: percentOf(seizure['purityBasisPoints']),
    cashYuan: yuanOf(seizure['cashFen']),
    tools: text(seizure['tools']),
    evidenceNo: text(seizure['evidenceNo']),
    notes: text(seizure['notes']),
    confirmedImplausible: ids.confirmedImplausible,
  });
  if (!fields.success) throw invalidRow('seizures', row, firstField(fields.error));
  try {
    return prepareSeizure(tx, fields.data);
  } catch (error) {
    if (error instanceof AppError && error.code === 'seizures.implausibleQuantity')
      throw new AppError('package.implausibleQuantity', 'A seizure in the package needs checking', {
        row: row + 1,
        quantity: `${fields.data.quantityValue} ${fields.data.quantityUnit}`,
        evidenceNo: fields.data.evidenceNo ?? null,
      });
    if (error instanceof AppError && error.code.startsWith('seizures.'))
      throw invalidRow('seizures', row, error.code);
    throw error;
  }
}

/**
 * A relation as `relations.create` would write it: a supplied drug's quantity normalised here
 * from its value and unit, the amount converted again, the period checked. Reads no database
 * (it runs in the package's checking thread): its ends are the package's own entities, which
 * the import creates or finds alive here, and its case is the package's case or none.
 */
export function checkedRelation(
  relation: CaseSnapshot['relations'][number],
  row: number,
): RelationInsert & { messageCount: number | null } {
  const fields = relationInputSchema.safeParse({
    fromEntityId: relation.fromEntityId,
    toEntityId: relation.toEntityId,
    caseId: relation.caseId,
    type: relation['type'],
    directed: relation['directed'] ?? undefined,
    startedOn: relation['startedOn'] ?? undefined,
    endedOn: relation['endedOn'] ?? undefined,
    amountYuan: yuanOf(relation['amountFen']),
    eventCount: relation['eventCount'] ?? undefined,
    durationSeconds: relation['durationSeconds'] ?? undefined,
    drugType: relation['drugType'] ?? undefined,
    quantityValue: text(relation['quantityValue']),
    quantityUnit: relation['quantityUnit'] ?? undefined,
    source: text(relation['source']),
    reliability: relation['reliability'] ?? undefined,
    credibility: relation['credibility'] ?? undefined,
    notes: text(relation['notes']),
  });
  if (!fields.success) throw invalidRow('relations', row, firstField(fields.error));
  const messages = z
    .number()
    .int()
    .min(0)
    .max(10_000_000)
    .nullish()
    .safeParse(relation['messageCount']);
  if (!messages.success) throw invalidRow('relations', row, 'messageCount');
  try {
    return { ...relationColumns(fields.data), messageCount: messages.data ?? null };
  } catch (error) {
    if (error instanceof AppError && error.code.startsWith('relations.'))
      throw invalidRow('relations', row, error.code);
    throw error;
  }
}
