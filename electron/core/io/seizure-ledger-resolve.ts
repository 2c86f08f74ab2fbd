import { sql } from 'drizzle-orm';
import { normaliseCaseNo } from '../../api/domain/case-number';
import { upgradeFifteenDigitId } from '../../api/domain/identity-documents';
import { normaliseResidentId } from '../../api/domain/resident-id';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import type { ImportPlan, RowProblem } from './import-plan';

const idLike = /^(\d{15}|\d{17}[\dX])$/;

/** The ID number as persons keep it: upper-case X, 15 digits upgraded to 18. */
function storedId(text: string): string {
  const value = normaliseResidentId(text);
  return value.length === 15 ? (upgradeFifteenDigitId(value) ?? value) : value;
}

/**
 * Finds each ledger row's case (案件编号, else the case chosen for the import) and 持有人 among
 * that case's people (by ID number, else by name or alias). A row whose case does not exist,
 * or whose holder is not in the case or is ambiguous, is moved to the problems: nothing is
 * created for it (a ledger records seizures; people are entered in the case first).
 */
export function resolveSeizureLedger(db: Executor, plan: ImportPlan, caseId: string | null) {
  if (plan.data.template !== 'seizures') return;
  if (plan.mapping['caseNo'] === undefined && !caseId)
    throw new AppError(
      'import.caseRequired',
      'A seizure ledger needs a case number column or a case',
    );
  const caseIds = new Map<string, string | null>();
  const caseOf = (typed: string) => {
    // As the case form keeps it: full-width digits, lower case, any brackets round the year.
    const caseNo = normaliseCaseNo(typed);
    if (!caseIds.has(caseNo))
      caseIds.set(
        caseNo,
        db.get<{ id: string }>(
          sql`SELECT id FROM cases WHERE case_no = ${caseNo} AND deleted_at IS NULL`,
        )?.id ?? null,
      );
    return caseIds.get(caseNo)!;
  };
  const holdersOf = (inCase: string, holder: string, idNumber: string | null): string[] => {
    const id = idNumber ?? (idLike.test(normaliseResidentId(holder)) ? holder : null);
    const people = sql`SELECT DISTINCT e.id FROM case_entities ce JOIN entities e ON e.id = ce.entity_id
      JOIN persons p ON p.entity_id = e.id
      WHERE ce.case_id = ${inCase} AND e.deleted_at IS NULL AND e.merged_into_id IS NULL`;
    if (id)
      return db
        .all<{ id: string }>(sql`${people} AND p.id_number = ${storedId(id)}`)
        .map((row) => row.id);
    return db
      .all<{ id: string }>(
        sql`${people} AND (p.name = ${holder} OR e.label = ${holder}
          OR EXISTS (SELECT 1 FROM json_each(p.aliases) WHERE value = ${holder}))`,
      )
      .map((row) => row.id);
  };

  const namedAs = (entityId: string, name: string) =>
    !!db.get(
      sql`SELECT 1 FROM entities e JOIN persons p ON p.entity_id = e.id WHERE e.id = ${entityId}
        AND (p.name = ${name} OR e.label = ${name}
          OR EXISTS (SELECT 1 FROM json_each(p.aliases) WHERE value = ${name}))`,
    );

  const problems: RowProblem[] = [];
  const cellOf = (line: number, field: string) => {
    const row = plan.rows.find((item) => item.line === line);
    const column = plan.mapping[field];
    const cell = column === undefined ? null : row?.cells[column];
    return cell === null || cell === undefined ? '' : String(cell).trim().slice(0, 40);
  };
  const refuse = (line: number, field: string, problem: RowProblem['problem']) =>
    problems.push({ line, field, problem, value: cellOf(line, field) });
  plan.data.records = plan.data.records.filter((record) => {
    const inCase = record.caseNo ? caseOf(record.caseNo) : caseId;
    if (!inCase) {
      refuse(record.line, 'caseNo', record.caseNo ? 'caseNo' : 'required');
      return false;
    }
    record.caseId = inCase;
    if (!record.holder && !record.holderIdNumber) return true;
    const found = holdersOf(inCase, record.holder ?? '', record.holderIdNumber);
    const field = record.holderIdNumber ? 'holderIdNumber' : 'holder';
    if (found.length !== 1) {
      refuse(record.line, field, found.length ? 'holderAmbiguous' : 'holder');
      return false;
    }
    // A name beside the ID number must be that person's: a ledger that crossed two rows' numbers
    // would put each seizure on the other holder's tier.
    if (record.holder && record.holderIdNumber && !namedAs(found[0]!, record.holder)) {
      refuse(record.line, 'holder', 'holderMismatch');
      return false;
    }
    record.fromEntityId = found[0]!;
    return true;
  });
  // A row the case records already (the same ledger imported again, one byte changed so its
  // hash differs): counted again it had doubled the case's kilograms, its tier and the unit's
  // 成绩单. The same evidence number, drug and quantity; or, without a number, the same time too.
  plan.data.records = plan.data.records.filter((record) => {
    const same = db.get(
      sql`SELECT 1 FROM seizures WHERE case_id = ${record.caseId} AND deleted_at IS NULL
        AND drug_type = ${record.drugType} AND quantity_value = ${record.quantityValue}
        AND quantity_unit = ${record.quantityUnit}
        AND (${record.evidenceNo} IS NOT NULL AND evidence_no = ${record.evidenceNo}
          OR ${record.evidenceNo} IS NULL AND evidence_no IS NULL AND seized_at = ${record.seizedAt})
        LIMIT 1`,
    );
    if (!same) return true;
    refuse(record.line, record.evidenceNo ? 'evidenceNo' : 'drug', 'seizureRecorded');
    return false;
  });
  plan.problems.push(...problems);
  plan.problems.sort((a, b) => a.line - b.line);
}
