import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import {
  canTransition,
  isStepBack,
  stepBackClears,
  transitionDateField,
} from '../../api/domain/case-workflow';
import { procedureOf } from '../../api/domain/case-vocabulary';
import type { CaseRow, caseCreateInput, caseTransitionInput } from '../../api/schemas/case-schemas';
import { AppError } from '../app-error';
import { assertNotFuture } from '../settings/future-dates';
import type { Executor } from '../db/database-types';
import { newId } from '../db/ids';
import { casesTable } from '../db/schema';
import { indexCase } from '../search/search-indexer';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { existingCase } from '../membership/case-guards';
import { findCaseRow } from './case-queries';

export type CaseFields = z.output<typeof caseCreateInput>;

/**
 * Numbers are stored normalised (caseNoSchema), so 滨公(禁)立字[2026]15号 meets the stored
 * 滨公（禁）立字〔2026〕15号 here; the refusal names the case that holds the number.
 */
function assertCaseNoFree(tx: Executor, caseNo: string, exceptId?: string): void {
  const existing = tx
    .select({ id: casesTable.id, caseNo: casesTable.caseNo, title: casesTable.title })
    .from(casesTable)
    .where(and(eq(casesTable.caseNo, caseNo), exceptId ? ne(casesTable.id, exceptId) : undefined))
    .get();
  if (existing)
    throw new AppError('cases.duplicateCaseNo', 'A case with this number exists', {
      caseId: existing.id,
      caseNo: existing.caseNo,
      title: existing.title,
    });
}

/** The columns `cases.create` writes from its fields (a case package's case is written the same way). */
export function caseColumns(fields: CaseFields) {
  return {
    caseNo: fields.caseNo.toUpperCase(),
    title: fields.title,
    offenceType: fields.offenceType,
    procedure: procedureOf(fields.offenceType),
    supervisionLevel: fields.supervisionLevel,
    unit: fields.unit ?? null,
    leadInvestigator: fields.leadInvestigator ?? null,
    acceptedOn: fields.acceptedOn ?? null,
    openedOn: fields.openedOn,
    summary: fields.summary ?? null,
  };
}

export function insertCase(
  tx: Executor,
  fields: CaseFields,
  actorId: string,
  now: string,
  extra: Partial<typeof casesTable.$inferInsert> = {},
): string {
  const id = newId();
  tx.insert(casesTable)
    .values({
      ...caseColumns(fields),
      status: 'filed',
      ...extra,
      id,
      createdAt: now,
      updatedAt: now,
      createdBy: actorId,
      updatedBy: actorId,
    })
    .run();
  indexCase(tx, id);
  return id;
}

/** Opens a new case (status 立案). Case numbers are unique in the workspace. */
export function createCase(workspace: UnlockedWorkspace, fields: CaseFields): CaseRow {
  return workspace.write(
    (tx) => {
      assertCaseNoFree(tx, fields.caseNo.toUpperCase());
      assertNotFuture(tx, workspace.now(), fields.openedOn);
      return findCaseRow(tx, insertCase(tx, fields, workspace.user.id, workspace.now()))!;
    },
    (row) => ({
      action: 'cases.created',
      targetType: 'case',
      targetId: row.id,
      details: { caseNo: row.caseNo, title: row.title },
    }),
  );
}

/** The status each workflow date is recorded by. */
const stepOfDate = { solvedOn: 'solved', prosecutedOn: 'prosecuted', closedOn: 'closed' } as const;

/** Edits a case's fields; the audit record lists what changed, from and to. */
export function updateCase(workspace: UnlockedWorkspace, id: string, fields: CaseFields): CaseRow {
  let changes: Record<string, { from: unknown; to: unknown }> = {};
  return workspace.write(
    (tx) => {
      const before = existingCase(tx, id);
      const after = caseColumns(fields);
      if (after.caseNo !== before.caseNo) assertCaseNoFree(tx, after.caseNo, id);
      assertNotFuture(tx, workspace.now(), after.openedOn);
      // 立案 after a date the workflow recorded (破案, 移送起诉…): refused as a transition dated
      // before filing is; it had moved the case's 立案 into another period after the fact.
      const laterStep = (['solvedOn', 'prosecutedOn', 'closedOn'] as const).find(
        (field) => after.openedOn && before[field] && before[field]! < after.openedOn,
      );
      if (laterStep)
        throw new AppError(
          'cases.dateBeforeFiling',
          'A recorded date is before the new filing date',
          {
            from: before.status,
            to: stepOfDate[laterStep],
            on: before[laterStep]!,
            openedOn: after.openedOn!,
          },
        );
      changes = Object.fromEntries(
        Object.entries(after)
          .filter(([key, value]) => before[key as keyof typeof before] !== value)
          .map(([key, value]) => [key, { from: before[key as keyof typeof before], to: value }]),
      );
      tx.update(casesTable)
        .set({ ...after, updatedAt: workspace.now(), updatedBy: workspace.user.id })
        .where(eq(casesTable.id, id))
        .run();
      indexCase(tx, id);
      return findCaseRow(tx, id)!;
    },
    () => ({
      action: 'cases.updated',
      targetType: 'case',
      targetId: id,
      details: { caseId: id, changes },
    }),
  );
}

/** Moves a case along its workflow (立案 → 侦查 → 破案 → 移送起诉 → 结案, 撤案, 并案) and dates it. */
export function transitionCase(
  workspace: UnlockedWorkspace,
  input: z.output<typeof caseTransitionInput>,
): CaseRow {
  let from = '';
  return workspace.write(
    (tx) => {
      const current = existingCase(tx, input.id);
      from = current.status;
      if (!canTransition(current.status, input.to)) {
        throw new AppError('cases.invalidTransition', 'This status change is not allowed', {
          from: current.status,
          to: input.to,
        });
      }
      if (input.to === 'merged') {
        if (!input.mergedIntoCaseId || input.mergedIntoCaseId === input.id) {
          throw new AppError('cases.mergeTargetMissing', 'A merged case needs the case it joins', {
            from: current.status,
            to: input.to,
          });
        }
        existingCase(tx, input.mergedIntoCaseId);
      }
      const back = isStepBack(current.status, input.to);
      if (back && !input.reason) {
        throw new AppError('cases.reasonRequired', 'A step back needs a reason', {
          from: current.status,
          to: input.to,
        });
      }
      assertNotFuture(tx, workspace.now(), input.on);
      if (current.openedOn && input.on < current.openedOn) {
        throw new AppError('cases.dateBeforeFiling', 'The date is before the case was opened', {
          from: current.status,
          to: input.to,
          on: input.on,
          openedOn: current.openedOn,
        });
      }
      const dateField = transitionDateField[input.to];
      // A 破案 or 移送起诉 again after a 退回补充侦查 keeps the first date (stepBackClears).
      const dated =
        dateField && !back && !(dateField !== 'closedOn' && current[dateField] !== null);
      tx.update(casesTable)
        .set({
          status: input.to,
          ...(dated ? { [dateField]: input.on } : {}),
          ...(back
            ? Object.fromEntries(
                stepBackClears(current.status, input.reason!).map((f) => [f, null]),
              )
            : {}),
          ...(input.to === 'merged' ? { mergedIntoCaseId: input.mergedIntoCaseId } : {}),
          updatedAt: workspace.now(),
          updatedBy: workspace.user.id,
        })
        .where(eq(casesTable.id, input.id))
        .run();
      return findCaseRow(tx, input.id)!;
    },
    () => ({
      action: 'cases.statusChanged',
      targetType: 'case',
      targetId: input.id,
      details: {
        caseId: input.id,
        from,
        to: input.to,
        on: input.on,
        mergedIntoCaseId: input.mergedIntoCaseId ?? null,
        ...(input.reason ? { reason: input.reason, note: input.note ?? null } : {}),
      },
    }),
  );
}
