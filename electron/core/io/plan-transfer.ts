import type { ImportPlan } from './import-plan';
import {
  packRecords,
  packedRecordBuffers,
  unpackRecords,
  type PackedRecords,
} from './record-columns';
import type { TableFile } from './table-parse';

/**
 * A plan made in the parser thread, as it crosses to the main thread: the records packed by
 * column (record-columns), and of the file's rows only those the rejected-rows file needs.
 * A seizure ledger keeps every row: its holders are matched on the main thread, against the
 * workspace, and a row refused there is quoted from the file.
 */
export interface PlanOnTheWire {
  format: TableFile['format'];
  encoding: TableFile['encoding'];
  plan: Omit<ImportPlan, 'data'> & {
    data: { template: ImportPlan['data']['template']; packed: PackedRecords };
  };
}

/** What the main thread keeps of the file once it is planned: its format and encoding. */
export type PlannedTable = Pick<TableFile, 'format' | 'encoding'>;

export function packPlan(file: TableFile, plan: ImportPlan): PlanOnTheWire {
  const rejected = new Set(plan.problems.map((problem) => problem.line));
  const rows =
    plan.data.template === 'seizures'
      ? plan.rows
      : plan.rows.filter((row) => rejected.has(row.line));
  return {
    format: file.format,
    encoding: file.encoding,
    plan: {
      ...plan,
      rows,
      data: { template: plan.data.template, packed: packRecords(plan.data.records) },
    },
  };
}

export function planBuffers(wire: PlanOnTheWire): ArrayBuffer[] {
  return packedRecordBuffers(wire.plan.data.packed);
}

export function unpackPlan(wire: PlanOnTheWire): { file: PlannedTable; plan: ImportPlan } {
  const { data, ...rest } = wire.plan;
  return {
    file: { format: wire.format, encoding: wire.encoding },
    plan: {
      ...rest,
      data: { template: data.template, records: unpackRecords(data.packed) } as ImportPlan['data'],
    },
  };
}
