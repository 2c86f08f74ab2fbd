import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { CaseDetail, CaseListInput, CaseRow } from '../../api/schemas/case-schemas';
import type { z } from 'zod';
import type { caseListInput } from '../../api/schemas/case-schemas';
import type { Executor } from '../db/database-types';
import { containsPattern } from '../db/like-pattern';
import { casesTable } from '../db/schema';
import { listCasePersons } from '../people/person-queries';

// Correlated subqueries are written out: drizzle leaves the outer column unqualified there.
const suspectCount = sql<number>`(SELECT count(*) FROM case_entities ce WHERE ce.case_id = cases.id AND ce.role_in_case = 'suspect')`;

const rowColumns = {
  id: casesTable.id,
  caseNo: casesTable.caseNo,
  title: casesTable.title,
  offenceType: casesTable.offenceType,
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
  updatedAt: casesTable.updatedAt,
  status: casesTable.status,
};

/** One page of cases, filtered and sorted in SQL. */
export function listCases(
  db: Executor,
  input: z.output<typeof caseListInput>,
): { rows: CaseRow[]; total: number } {
  const conditions: SQL[] = [isNull(casesTable.deletedAt)];
  if (input.text) {
    const pattern = containsPattern(input.text);
    conditions.push(
      or(
        sql`${casesTable.caseNo} LIKE ${pattern} ESCAPE '\\'`,
        sql`${casesTable.title} LIKE ${pattern} ESCAPE '\\'`,
      )!,
    );
  }
  if (input.statuses?.length) conditions.push(inArray(casesTable.status, input.statuses));
  if (input.offenceTypes?.length)
    conditions.push(inArray(casesTable.offenceType, input.offenceTypes));
  if (input.supervisionLevels?.length)
    conditions.push(inArray(casesTable.supervisionLevel, input.supervisionLevels));
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

export function findCaseRow(db: Executor, id: string): CaseRow | undefined {
  return db
    .select(rowColumns)
    .from(casesTable)
    .where(and(eq(casesTable.id, id), isNull(casesTable.deletedAt)))
    .get();
}

export function getCaseDetail(db: Executor, id: string): CaseDetail | undefined {
  const row = db
    .select({
      ...rowColumns,
      summary: casesTable.summary,
      prosecutedOn: casesTable.prosecutedOn,
      closedOn: casesTable.closedOn,
      createdAt: casesTable.createdAt,
    })
    .from(casesTable)
    .where(and(eq(casesTable.id, id), isNull(casesTable.deletedAt)))
    .get();
  if (!row) return undefined;
  return { ...row, persons: listCasePersons(db, id) };
}

export type { CaseListInput };
