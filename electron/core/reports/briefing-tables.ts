import type { BriefingModel } from './briefing-model';

/**
 * One table of the briefing: its columns, rows, which columns may wrap (HTML/PDF) and their
 * relative widths (Word). Both outputs draw the same tables from here.
 */
export interface DocumentTable {
  head: string[];
  rows: string[][];
  wrap: number[];
  weights: number[];
}

function table(
  columns: [label: string, weight: number, wraps?: boolean][],
  rows: string[][],
): DocumentTable {
  return {
    head: columns.map(([label]) => label),
    rows,
    wrap: columns.flatMap(([, , wraps], index) => (wraps ? [index] : [])),
    weights: columns.map(([, weight]) => weight),
  };
}

/** An analysis result's table as the briefing draws it: columns of equal weight, all wrapping. */
export function analysisTable(columns: string[], rows: string[][]): DocumentTable {
  return table(
    columns.map((label) => [label, 1, true] as [string, number, boolean]),
    rows,
  );
}

export function briefingTables(model: BriefingModel) {
  const c = model.text.columns;
  return {
    legalStatuses: table(
      [
        [c.legalStatus, 1],
        [c.suspects, 1],
      ],
      model.legalStatuses.map((row) => [row.status, String(row.count)]),
    ),
    drugTotals: table(
      [
        [c.drug, 3],
        [c.total, 2],
        [c.count, 1],
        [c.statutoryTier, 2],
      ],
      model.drugTotals.map((row) => [row.drug, row.total, String(row.count), row.tier]),
    ),
    timeline: table(
      [
        [c.date, 3],
        [c.kind, 2],
        [c.event, 6, true],
        [c.eventPlace, 4, true],
      ],
      model.timeline.map((row) => [row.date, row.kind, row.title, row.place]),
    ),
    suspects: table(
      [
        [c.name, 10],
        [c.gender, 5],
        [c.birthDate, 14],
        [c.idNumber, 22],
        [c.household, 16, true],
        [c.role, 11],
        [c.tier, 11],
        [c.legalStatus, 15, true],
      ],
      model.suspects.map((row) => [
        row.name,
        row.gender,
        row.birthDate,
        row.idNumber,
        row.household,
        row.role,
        row.tier,
        [row.legalStatus, row.legalStatusOn].filter(Boolean).join(' '),
      ]),
    ),
    seizures: table(
      [
        [c.evidenceNo, 16],
        [c.seizedAt, 14],
        [c.drug, 17],
        [c.quantity, 11],
        [c.purity, 8],
        [c.place, 22, true],
        [c.from, 10],
      ],
      model.seizures.map((row) => [
        row.evidenceNo,
        row.seizedAt,
        row.drug,
        row.quantity,
        row.purity,
        row.place,
        row.from,
      ]),
    ),
    leads: table(
      [
        [c.name, 1],
        [c.gap, 1],
        [c.tier, 1],
        [c.suppliesTo, 1],
        [c.legalStatus, 1],
      ],
      model.leads.map((row) => [
        row.name,
        row.gap,
        row.tier,
        String(row.suppliesTo),
        row.legalStatus,
      ]),
    ),
  };
}
