import { parsePhone } from '../../api/domain/identifiers';
import { headerKey, importFields, type ImportTemplate } from '../../api/domain/import-templates';
import type { Gender } from '../../api/domain/person-vocabulary';
import { parseResidentId } from '../../api/domain/resident-id';
import { AppError } from '../app-error';
import {
  cellText,
  parseAmount,
  parseDate,
  parseDuration,
  parseLocalDateTime,
  type Parsed,
  type ValueProblem,
} from './import-values';
import type { Cell, TableFile } from './table-file';

export interface CallRecord {
  line: number;
  caller: string;
  callee: string;
  startedAt: string;
  durationSeconds: number;
  baseStation: string | null;
}

export interface TransferRecord {
  line: number;
  fromAccount: string;
  toAccount: string;
  at: string;
  amountFen: number;
  channel: string | null;
}

export interface PersonRecord {
  line: number;
  name: string;
  idNumber: string | null;
  gender: Gender;
  birthDate: string | null;
  household: string | null;
  address: string | null;
  phone: string | null;
  aliases: string[];
}

export interface RowProblem {
  line: number;
  field: string;
  problem: ValueProblem;
  /** What the cell held, shortened: the user needs to see it to fix it. */
  value: string;
}

export type ImportRecords =
  | { template: 'calls'; records: CallRecord[] }
  | { template: 'transactions'; records: TransferRecord[] }
  | { template: 'persons'; records: PersonRecord[] };

export interface ImportPlan {
  headerLine: number;
  headers: string[];
  /** Field → column index. */
  mapping: Record<string, number>;
  rowCount: number;
  data: ImportRecords;
  problems: RowProblem[];
}

/**
 * The header row: among the first ten rows, the one naming most of the template's columns (a
 * title row or a merged group heading above it is skipped).
 */
function findHeader(file: TableFile, template: ImportTemplate): number {
  let best = 0;
  let bestScore = -1;
  const aliases = new Set(importFields[template].flatMap((field) => field.aliases.map(headerKey)));
  file.rows.slice(0, 10).forEach((row, index) => {
    const score = row.cells.filter((cell) => aliases.has(headerKey(cellText(cell)))).length;
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

/** Field → column by the headers' names; the user may change it in the wizard. */
export function suggestMapping(
  template: ImportTemplate,
  headers: string[],
): Record<string, number> {
  const keys = headers.map(headerKey);
  const mapping: Record<string, number> = {};
  for (const field of importFields[template]) {
    const column = keys.findIndex(
      (key, index) =>
        field.aliases.some((alias) => headerKey(alias) === key) &&
        !Object.values(mapping).includes(index),
    );
    if (column >= 0) mapping[field.key] = column;
  }
  return mapping;
}

const genders: Record<string, Gender> = {
  男: 'male',
  女: 'female',
  m: 'male',
  f: 'female',
  male: 'male',
  female: 'female',
};

/** Reads every data row of the file as records of the template, collecting every problem. */
export function planImport(
  file: TableFile,
  template: ImportTemplate,
  chosenMapping?: Record<string, number>,
): ImportPlan {
  const headerIndex = findHeader(file, template);
  const headerRow = file.rows[headerIndex];
  const dataRows = file.rows.slice(headerIndex + 1);
  if (!headerRow || !dataRows.length) throw new AppError('import.empty', 'No data rows');
  const headers = headerRow.cells.map(cellText);
  const mapping = chosenMapping ?? suggestMapping(template, headers);
  const missing = importFields[template]
    .filter((field) => field.required && mapping[field.key] === undefined)
    .map((field) => field.key);
  if (missing.length)
    throw new AppError('import.missingColumns', 'Required columns are not mapped', {
      fields: missing.join(', '),
    });

  const problems: RowProblem[] = [];
  const cellOf = (cells: Cell[], key: string): Cell =>
    mapping[key] === undefined ? null : (cells[mapping[key]] ?? null);
  const take = <T>(line: number, cells: Cell[], key: string, parsed: Parsed<T>): T | undefined => {
    if (parsed.ok) return parsed.value;
    problems.push({
      line,
      field: key,
      problem: parsed.problem,
      value: cellText(cellOf(cells, key)).slice(0, 40),
    });
    return undefined;
  };
  const required = (line: number, cells: Cell[], key: string): string | undefined => {
    const text = cellText(cellOf(cells, key));
    return take(
      line,
      cells,
      key,
      text ? { ok: true, value: text } : { ok: false, problem: 'required' },
    );
  };
  const phone = (line: number, cells: Cell[], key: string): string | undefined => {
    const text = required(line, cells, key);
    if (text === undefined) return undefined;
    const parsed = parsePhone(text);
    return take(
      line,
      cells,
      key,
      parsed.ok ? { ok: true, value: parsed.value } : { ok: false, problem: 'phone' },
    );
  };
  const optional = (cells: Cell[], key: string) => cellText(cellOf(cells, key)) || null;

  let data: ImportRecords;
  if (template === 'calls') {
    const records: CallRecord[] = [];
    for (const { line, cells } of dataRows) {
      const caller = phone(line, cells, 'caller');
      const callee = phone(line, cells, 'callee');
      const startedAt = take(
        line,
        cells,
        'startedAt',
        parseLocalDateTime(cellOf(cells, 'startedAt')),
      );
      const durationSeconds = take(
        line,
        cells,
        'duration',
        parseDuration(cellOf(cells, 'duration')),
      );
      if (caller && callee && caller === callee)
        problems.push({ line, field: 'callee', problem: 'sameEnds', value: callee });
      else if (caller && callee && startedAt && durationSeconds !== undefined)
        records.push({
          line,
          caller,
          callee,
          startedAt,
          durationSeconds,
          baseStation: optional(cells, 'baseStation'),
        });
    }
    data = { template, records };
  } else if (template === 'transactions') {
    const records: TransferRecord[] = [];
    for (const { line, cells } of dataRows) {
      const fromAccount = required(line, cells, 'fromAccount')?.replace(/\s+/g, '');
      const toAccount = required(line, cells, 'toAccount')?.replace(/\s+/g, '');
      const at = take(line, cells, 'at', parseLocalDateTime(cellOf(cells, 'at')));
      const amountFen = take(line, cells, 'amount', parseAmount(cellOf(cells, 'amount')));
      if (fromAccount && toAccount && fromAccount === toAccount)
        problems.push({ line, field: 'toAccount', problem: 'sameEnds', value: toAccount });
      else if (fromAccount && toAccount && at && amountFen !== undefined)
        records.push({
          line,
          fromAccount,
          toAccount,
          at,
          amountFen,
          channel: optional(cells, 'channel'),
        });
    }
    data = { template, records };
  } else {
    const records: PersonRecord[] = [];
    for (const { line, cells } of dataRows) {
      const name = required(line, cells, 'name');
      const idText = optional(cells, 'idNumber');
      let idNumber: string | null = null;
      let gender: Gender = 'unknown';
      let birthDate: string | null = null;
      let valid = name !== undefined;
      if (idText) {
        const parsed = parseResidentId(idText);
        if (parsed.ok) ({ normalised: idNumber, gender, birthDate } = parsed.value);
        else {
          problems.push({
            line,
            field: 'idNumber',
            problem: 'idNumber',
            value: idText.slice(0, 40),
          });
          valid = false;
        }
      }
      const genderText = optional(cells, 'gender');
      if (genderText && !idNumber) {
        const known = genders[genderText.toLowerCase()];
        if (known) gender = known;
        else {
          problems.push({
            line,
            field: 'gender',
            problem: 'gender',
            value: genderText.slice(0, 40),
          });
          valid = false;
        }
      }
      if (
        !birthDate &&
        cellOf(cells, 'birthDate') !== null &&
        cellText(cellOf(cells, 'birthDate'))
      ) {
        const parsed = take(line, cells, 'birthDate', parseDate(cellOf(cells, 'birthDate')));
        if (parsed === undefined) valid = false;
        birthDate = parsed ?? null;
      }
      let phoneNumber: string | null = null;
      const phoneText = optional(cells, 'phone');
      if (phoneText) {
        const parsed = parsePhone(phoneText);
        if (parsed.ok) phoneNumber = parsed.value;
        else {
          problems.push({ line, field: 'phone', problem: 'phone', value: phoneText.slice(0, 40) });
          valid = false;
        }
      }
      if (valid && name)
        records.push({
          line,
          name,
          idNumber,
          gender,
          birthDate,
          household: optional(cells, 'household'),
          address: optional(cells, 'address'),
          phone: phoneNumber,
          aliases: (optional(cells, 'aliases') ?? '')
            .split(/[,，、;；]/)
            .map((alias) => alias.trim())
            .filter(Boolean),
        });
    }
    data = { template, records };
  }
  return {
    headerLine: headerRow.line,
    headers,
    mapping,
    rowCount: dataRows.length,
    data,
    problems,
  };
}
