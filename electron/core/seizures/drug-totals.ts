import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { substanceOf } from '../../api/domain/drug-catalog';
import {
  substanceTotals,
  thresholdsOf,
  type CountableSeizure,
} from '../../api/domain/drug-counting';
import type { CountUnit } from '../../api/domain/quantity';
import type {
  DrugFigureBasis,
  DrugTotal,
  PersonDrugTotal,
  SubstanceTotalRow,
} from '../../api/schemas/seizure-schemas';
import type { Executor } from '../db/database-types';
import { entitiesTable, relationsTable, seizuresTable } from '../db/schema';

interface CaseSeizure extends CountableSeizure {
  fromEntityId: string | null;
  fromName: string | null;
}

/**
 * The cases merged (并案) into this one, directly or through another merged case. After 并案
 * the survivor is one case: courts add the merged case's quantities to the survivor's, per
 * drug and per person.
 */
export function casesMergedInto(db: Executor, caseId: string): { id: string; caseNo: string }[] {
  return db.all<{ id: string; caseNo: string }>(sql`
    WITH RECURSIVE merged(id) AS (
      SELECT ${caseId}
      UNION
      SELECT c.id FROM cases c JOIN merged m ON c.merged_into_case_id = m.id
      WHERE c.status = 'merged' AND c.deleted_at IS NULL
    )
    SELECT c.id AS id, c.case_no AS caseNo FROM cases c JOIN merged m ON m.id = c.id
    WHERE c.id != ${caseId} ORDER BY c.case_no`);
}

function caseSeizures(db: Executor, caseIds: string[]): CaseSeizure[] {
  return db
    .select({
      drugType: seizuresTable.drugType,
      quantityNormalised: seizuresTable.quantityNormalised,
      normalisedUnit: seizuresTable.normalisedUnit,
      quantityUnit: seizuresTable.quantityUnit,
      contentMicrograms: seizuresTable.contentMicrograms,
      weightBasis: seizuresTable.weightBasis,
      fromEntityId: seizuresTable.fromEntityId,
      fromName: entitiesTable.label,
    })
    .from(seizuresTable)
    .leftJoin(entitiesTable, eq(entitiesTable.id, seizuresTable.fromEntityId))
    .where(and(inArray(seizuresTable.caseId, caseIds), isNull(seizuresTable.deletedAt)))
    .orderBy(asc(seizuresTable.seizedAt), asc(seizuresTable.id))
    .all();
}

/** The case's supply relations that record a drug and quantity, as countable quantities. */
function caseSupplies(db: Executor, caseIds: string[]): CaseSeizure[] {
  const rows = db
    .select({
      drugType: relationsTable.drugType,
      quantityNormalised: relationsTable.quantityNormalised,
      normalisedUnit: relationsTable.normalisedUnit,
      quantityUnit: relationsTable.quantityUnit,
      fromEntityId: relationsTable.fromEntityId,
      fromName: entitiesTable.label,
    })
    .from(relationsTable)
    .innerJoin(entitiesTable, eq(entitiesTable.id, relationsTable.fromEntityId))
    .where(
      and(
        inArray(relationsTable.caseId, caseIds),
        eq(relationsTable.type, 'supplies'),
        isNotNull(relationsTable.drugType),
        isNull(relationsTable.deletedAt),
        isNull(entitiesTable.deletedAt),
      ),
    )
    .orderBy(asc(relationsTable.startedOn), asc(relationsTable.id))
    .all();
  return rows.flatMap((row) =>
    row.drugType && row.quantityNormalised !== null && row.normalisedUnit && row.quantityUnit
      ? [
          {
            drugType: row.drugType,
            quantityNormalised: row.quantityNormalised,
            normalisedUnit: row.normalisedUnit,
            quantityUnit: row.quantityUnit,
            contentMicrograms: null,
            fromEntityId: row.fromEntityId,
            fromName: row.fromName,
          },
        ]
      : [],
  );
}

/** Quantities grouped by the person they are attributed to. */
function byPerson(quantities: readonly CaseSeizure[]) {
  const people = new Map<string, { name: string; quantities: CaseSeizure[] }>();
  for (const quantity of quantities) {
    if (!quantity.fromEntityId) continue;
    const person = people.get(quantity.fromEntityId);
    if (person) person.quantities.push(quantity);
    else
      people.set(quantity.fromEntityId, { name: quantity.fromName ?? '', quantities: [quantity] });
  }
  return people;
}

/**
 * Each person's total per substance: the seizures attributed to them where there are any for
 * that substance (缴获), otherwise what their supply relations record (据供述/交易记录). The two
 * are never added together, so a seized parcel the supplier also admitted is not counted twice.
 */
function personTotals(seizures: CaseSeizure[], supplies: CaseSeizure[]): PersonDrugTotal[] {
  const rows: PersonDrugTotal[] = [];
  const seized = byPerson(seizures);
  const supplied = byPerson(supplies);
  const add = (entityId: string, name: string, basis: DrugFigureBasis, of: CaseSeizure[]) => {
    for (const total of substanceTotals(of)) {
      const sources = of.filter((item) => substanceOf(item.drugType) === total.substance).length;
      rows.push({ ...total, entityId, name, basis, sources });
    }
  };
  for (const [entityId, person] of seized) add(entityId, person.name, 'seized', person.quantities);
  for (const [entityId, person] of supplied) {
    const seizedSubstances = new Set(
      (seized.get(entityId)?.quantities ?? []).map((item) => substanceOf(item.drugType)),
    );
    const rest = person.quantities.filter(
      (item) => !seizedSubstances.has(substanceOf(item.drugType)),
    );
    add(entityId, person.name, 'supplied', rest);
  }
  return rows.sort(
    (a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.substance.localeCompare(b.substance),
  );
}

interface CaseDrugFigures {
  drugTotals: DrugTotal[];
  substanceTotals: SubstanceTotalRow[];
  personDrugTotals: PersonDrugTotal[];
}

/**
 * A case's seizures as courts count them: the exact total of each form as recorded (per
 * normalised unit; counts per 片/支/瓶), each substance's forms added up with its tier, and
 * each person's total from the seizures attributed to them, or from their supply relations.
 * `caseIds` is the case and the cases merged into it (casesMergedInto).
 */
export function caseDrugFigures(db: Executor, caseIds: string[]): CaseDrugFigures {
  const seizures = caseSeizures(db, caseIds);
  const bySubstance = substanceTotals(seizures);
  const tierOfSubstance = new Map(bySubstance.map((total) => [total.substance, total.tier]));
  const forms = new Map<string, DrugTotal>();
  for (const seizure of seizures) {
    const countUnit =
      seizure.normalisedUnit === 'count' ? (seizure.quantityUnit as CountUnit) : null;
    const key = `${seizure.drugType}|${seizure.normalisedUnit}|${countUnit ?? ''}`;
    const total = forms.get(key);
    if (total) {
      total.total += seizure.quantityNormalised;
      total.seizures += 1;
      continue;
    }
    const substance = substanceOf(seizure.drugType);
    forms.set(key, {
      drugType: seizure.drugType,
      substance,
      unit: seizure.normalisedUnit,
      countUnit,
      total: seizure.quantityNormalised,
      seizures: 1,
      tier: tierOfSubstance.get(substance) ?? 'notApplicable',
      thresholds: thresholdsOf(substance),
    });
  }
  const personDrugTotals = personTotals(seizures, caseSupplies(db, caseIds));
  return {
    drugTotals: [...forms.values()].sort(
      (a, b) =>
        a.drugType.localeCompare(b.drugType) ||
        a.unit.localeCompare(b.unit) ||
        (a.countUnit ?? '').localeCompare(b.countUnit ?? ''),
    ),
    substanceTotals: bySubstance,
    personDrugTotals,
  };
}
