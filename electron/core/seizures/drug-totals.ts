import { and, asc, eq, isNull } from 'drizzle-orm';
import { substanceOf } from '../../api/domain/drug-catalog';
import {
  substanceTotals,
  thresholdsOf,
  type CountableSeizure,
} from '../../api/domain/drug-counting';
import type { CountUnit } from '../../api/domain/quantity';
import type {
  DrugTotal,
  PersonDrugTotal,
  SubstanceTotalRow,
} from '../../api/schemas/seizure-schemas';
import type { Executor } from '../db/database-types';
import { entitiesTable, seizuresTable } from '../db/schema';

interface CaseSeizure extends CountableSeizure {
  fromEntityId: string | null;
  fromName: string | null;
}

function caseSeizures(db: Executor, caseId: string): CaseSeizure[] {
  return db
    .select({
      drugType: seizuresTable.drugType,
      quantityNormalised: seizuresTable.quantityNormalised,
      normalisedUnit: seizuresTable.normalisedUnit,
      quantityUnit: seizuresTable.quantityUnit,
      contentMicrograms: seizuresTable.contentMicrograms,
      fromEntityId: seizuresTable.fromEntityId,
      fromName: entitiesTable.label,
    })
    .from(seizuresTable)
    .leftJoin(entitiesTable, eq(entitiesTable.id, seizuresTable.fromEntityId))
    .where(and(eq(seizuresTable.caseId, caseId), isNull(seizuresTable.deletedAt)))
    .orderBy(asc(seizuresTable.seizedAt), asc(seizuresTable.id))
    .all();
}

interface CaseDrugFigures {
  drugTotals: DrugTotal[];
  substanceTotals: SubstanceTotalRow[];
  personDrugTotals: PersonDrugTotal[];
}

/**
 * A case's seizures as courts count them: the exact total of each form as recorded (per
 * normalised unit; counts per 片/支/瓶), each substance's forms added up with its tier, and
 * each person's total from the seizures attributed to them.
 */
export function caseDrugFigures(db: Executor, caseId: string): CaseDrugFigures {
  const seizures = caseSeizures(db, caseId);
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
  const people = new Map<string, { name: string; seizures: CaseSeizure[] }>();
  for (const seizure of seizures) {
    if (!seizure.fromEntityId) continue;
    const person = people.get(seizure.fromEntityId);
    if (person) person.seizures.push(seizure);
    else people.set(seizure.fromEntityId, { name: seizure.fromName ?? '', seizures: [seizure] });
  }
  const personDrugTotals = [...people.entries()]
    .flatMap(([entityId, person]) =>
      substanceTotals(person.seizures).map((total) => ({
        ...total,
        entityId,
        name: person.name,
      })),
    )
    .sort(
      (a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.substance.localeCompare(b.substance),
    );
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
