import { callColumnBuffers } from './call-columns';
import type { ImportPlan } from './import-plan';
import {
  packRecords,
  packedRecordBuffers,
  unpackRecords,
  type PackedRecords,
} from './record-columns';
import type { TableFile } from './table-parse';

/**
 * A plan made in the parser thread, as it crosses to the main thread: the records by column
 * (a call list's are columns already, call-columns; the others are packed, record-columns),
 * with the rows the plan keeps (the rejected ones; a seizure ledger's all).
 */
export interface PlanOnTheWire {
  format: TableFile['format'];
  encoding: TableFile['encoding'];
  separator?: TableFile['separator'];
  sheetNames?: string[];
  plan: Omit<ImportPlan, 'data'> & {
    data:
      | Extract<ImportPlan['data'], { template: 'calls' }>
      | { template: Exclude<ImportPlan['data']['template'], 'calls'>; packed: PackedRecords };
  };
}

/**
 * What the main thread keeps of the file once it is planned: its format, encoding, separator,
 * sheets.
 */
export type PlannedTable = Pick<TableFile, 'format' | 'encoding' | 'separator' | 'sheetNames'>;

export function packPlan(file: PlannedTable, plan: ImportPlan): PlanOnTheWire {
  return {
    format: file.format,
    encoding: file.encoding,
    ...(file.separator ? { separator: file.separator } : {}),
    sheetNames: file.sheetNames,
    plan: {
      ...plan,
      data:
        plan.data.template === 'calls'
          ? plan.data
          : { template: plan.data.template, packed: packRecords(plan.data.records) },
    },
  };
}

export function planBuffers(wire: PlanOnTheWire): ArrayBuffer[] {
  const { data } = wire.plan;
  return 'packed' in data ? packedRecordBuffers(data.packed) : callColumnBuffers(data.records);
}

export function unpackPlan(wire: PlanOnTheWire): { file: PlannedTable; plan: ImportPlan } {
  const { data, ...rest } = wire.plan;
  return {
    file: {
      format: wire.format,
      encoding: wire.encoding,
      ...(wire.separator ? { separator: wire.separator } : {}),
      sheetNames: wire.sheetNames,
    },
    plan: {
      ...rest,
      data:
        'packed' in data
          ? ({ template: data.template, records: unpackRecords(data.packed) } as ImportPlan['data'])
          : data,
    },
  };
}
