import { and, asc, desc, eq, gte, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import { caseTransitions } from '../../api/domain/case-workflow';
import type {
  CaseDetail,
  CaseMember,
  CaseRow,
  caseListInput,
} from '../../api/schemas/case-schemas';
import type { Executor } from '../db/database-types';
import { containsPattern } from '../db/like-pattern';
import {
  attachmentsTable,
  caseEntitiesTable,
  casesTable,
  entitiesTable,
  eventsTable,
  relationsTable,
  seizuresTable,
} from '../db/schema';
import { identifier } from '../entities/entity-queries';
import { listCasePersons } from '../entities/person-queries';
import { caseDrugFigures, casesMergedInto } from '../seizures/drug-totals';
import { normaliseCaseNo } from '../../api/domain/case-number';

// Correlated subqueries are written out: drizzle leaves the outer column unqualified there.
const suspectCount = sql<number>`(SELECT count(*) FROM case_entities ce WHERE ce.case_id = cases.id AND ce.role_in_case = 'suspect')`;

const rowColumns = {
  id: casesTable.id,
  caseNo: casesTable.caseNo,
  title: casesTable.title,
  offenceType: casesTable.offenceType,
  procedure: casesTable.procedure,
  status: casesTable.status,
  supervisionLevel: casesTable.supervisionLevel,
  unit: casesTable.unit,
  leadInvestigator: casesTable.leadInvestigator,
  openedOn: casesTable.openedOn,
  solvedOn: casesTable.solvedOn,
  suspectCount,
  updatedAt: casesTable.updatedAt,
};

const sortColumns = {
  caseNo: casesTable.caseNo,
  title: casesTable.title,
  openedOn: casesTable.openedOn,
  solvedOn: casesTable.solvedOn,
  updatedAt: casesTable.updatedAt,
  status: casesTable.status,
};

function like(column: SQL | AnySQLiteColumn, text: string): SQL {
  return sql`${column} LIKE ${containsPattern(text)} ESCAPE '\\'`;
}

/** One page of cases, filtered and sorted in SQL (indexes on status, dates, unit). */
export function listCases(
  db: Executor,
  input: z.output<typeof caseListInput>,
): { rows: CaseRow[]; total: number } {
  const conditions: (SQL | undefined)[] = [isNull(casesTable.deletedAt)];
  if (input.text) {
    conditions.push(
      or(
        like(casesTable.caseNo, input.text),
        like(casesTable.title, input.text),
        like(casesTable.summary, input.text),
      ),
    );
  }
  if (input.statuses?.length) conditions.push(inArray(casesTable.status, input.statuses));
  if (input.offenceTypes?.length)
    conditions.push(inArray(casesTable.offenceType, input.offenceTypes));
  if (input.supervisionLevels?.length)
    conditions.push(inArray(casesTable.supervisionLevel, input.supervisionLevels));
  if (input.unit) conditions.push(like(casesTable.unit, input.unit));
  if (input.leadInvestigator)
    conditions.push(like(casesTable.leadInvestigator, input.leadInvestigator));
  if (input.opened?.from) conditions.push(gte(casesTable.openedOn, input.opened.from));
  if (input.opened?.to) conditions.push(lte(casesTable.openedOn, input.opened.to));
  if (input.solved?.from) conditions.push(gte(casesTable.solvedOn, input.solved.from));
  if (input.solved?.to) conditions.push(lte(casesTable.solvedOn, input.solved.to));
  const where = and(...conditions);

  const column = sortColumns[input.sort.field];
  const order = input.sort.order === 'asc' ? asc(column) : desc(column);
  const rows = db
    .select(rowColumns)
    .from(casesTable)
    .where(where)
    .orderBy(order, asc(casesTable.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(casesTable)
      .where(where)
      .get()?.n ?? 0;
  return { rows, total };
}

/** The case with this number (stored upper-case, as typed otherwise). */
/** A case by its number in any spelling of brackets and spaces (stored normalised). */
export function findCaseByNumber(db: Executor, caseNo: string): CaseRow | undefined {
  return db
    .select(rowColumns)
    .from(casesTable)
    .where(and(eq(casesTable.caseNo, normaliseCaseNo(caseNo)), isNull(casesTable.deletedAt)))
    .get();
}

export function findCaseRow(db: Executor, id: string): CaseRow | undefined {
  return db
    .select(rowColumns)
    .from(casesTable)
    .where(and(eq(casesTable.id, id), isNull(casesTable.deletedAt)))
    .get();
}

const memberColumns = {
  caseEntityId: caseEntitiesTable.id,
  entityId: entitiesTable.id,
  kind: entitiesTable.kind,
  label: entitiesTable.label,
  identifier,
  roleInCase: caseEntitiesTable.roleInCase,
  chainTier: caseEntitiesTable.chainTier,
  /** 打掉 date of a gang, 捣毁 date of a place: null when not marked (or not a gang / place). */
  outcomeOn: sql<
    string | null
  >`coalesce((SELECT o.broken_on FROM organisations o WHERE o.entity_id = entities.id), (SELECT l.destroyed_on FROM locations l WHERE l.entity_id = entities.id))`,
  /** Whether the entity can be marked: a gang, or a place. */
  markable:
    sql<number>`(EXISTS (SELECT 1 FROM organisations o WHERE o.entity_id = entities.id AND o.org_type = 'gang') OR EXISTS (SELECT 1 FROM locations l WHERE l.entity_id = entities.id))`.mapWith(
      Boolean,
    ),
};

/** One membership of an entity (any kind) in a case. */
export function findCaseMember(db: Executor, caseEntityId: string): CaseMember | undefined {
  return db
    .select(memberColumns)
    .from(caseEntitiesTable)
    .innerJoin(entitiesTable, eq(entitiesTable.id, caseEntitiesTable.entityId))
    .where(eq(caseEntitiesTable.id, caseEntityId))
    .get();
}

/** Organisations, locations and identifiers in a case (persons are listed with their status). */
function listCaseMembers(db: Executor, caseId: string): CaseMember[] {
  return db
    .select(memberColumns)
    .from(caseEntitiesTable)
    .innerJoin(entitiesTable, eq(entitiesTable.id, caseEntitiesTable.entityId))
    .where(
      and(
        eq(caseEntitiesTable.caseId, caseId),
        ne(entitiesTable.kind, 'person'),
        isNull(entitiesTable.deletedAt),
      ),
    )
    .orderBy(asc(entitiesTable.kind), asc(entitiesTable.label))
    .all();
}

function countWhere(
  db: Executor,
  table:
    typeof seizuresTable | typeof relationsTable | typeof eventsTable | typeof attachmentsTable,
  caseId: string,
): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(table)
      .where(and(eq(table.caseId, caseId), isNull(table.deletedAt)))
      .get()?.n ?? 0
  );
}

export function getCaseDetail(db: Executor, id: string): CaseDetail | undefined {
  const row = db
    .select({
      ...rowColumns,
      summary: casesTable.summary,
      acceptedOn: casesTable.acceptedOn,
      prosecutedOn: casesTable.prosecutedOn,
      closedOn: casesTable.closedOn,
      mergedIntoCaseId: casesTable.mergedIntoCaseId,
      createdAt: casesTable.createdAt,
    })
    .from(casesTable)
    .where(and(eq(casesTable.id, id), isNull(casesTable.deletedAt)))
    .get();
  if (!row) return undefined;
  // The drug figures and the drug money are the merged whole's (并案): see casesMergedInto.
  const mergedCases = casesMergedInto(db, id);
  const caseIds = [id, ...mergedCases.map((merged) => merged.id)];
  const cash = db
    .select({ fen: sql<number>`coalesce(sum(${seizuresTable.cashFen}), 0)` })
    .from(seizuresTable)
    .where(and(inArray(seizuresTable.caseId, caseIds), isNull(seizuresTable.deletedAt)))
    .get();
  return {
    ...row,
    persons: listCasePersons(db, id),
    members: listCaseMembers(db, id),
    mergedCases,
    ...caseDrugFigures(db, caseIds),
    cashTotalFen: cash?.fen ?? 0,
    counts: {
      seizures: countWhere(db, seizuresTable, id),
      relations: countWhere(db, relationsTable, id),
      events: countWhere(db, eventsTable, id),
      attachments: countWhere(db, attachmentsTable, id),
    },
    allowedTransitions: [...caseTransitions[row.status]],
  };
}
