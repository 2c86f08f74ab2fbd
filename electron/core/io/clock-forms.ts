import type { ImportRecords } from './import-plan';
import type { Cell } from './table-file';
import { chinaOffsetSeconds } from '../../api/domain/china-time';

/**
 * How a time column beside a date column writes its clocks, counted over the whole file. A
 * clock of bare digits is read hhmmss (171647; 91647 with its leading 0 lost): a list whose
 * every such clock has four digits or fewer and reads as a time of day in hours and minutes
 * (1430, 905) writes HHMM, its rows' times are then 60 times what hhmmss gave (00:14:30 is
 * 14:30). Decided on the whole file: a list of calls made between midnight and one o'clock
 * also writes four-digit clocks, but rarely all of them, and then a 5- or 6-digit one or a
 * minute past 59 (4530 is 00:45:30, no hour 45) says hhmmss.
 */
export interface ClockForms {
  /** Bare-digit clocks of at most four digits. */
  short: number;
  /** Bare-digit clocks of five or six digits, or clocks written any other way (14:30:15). */
  other: number;
  /** A short clock that is no HHMM (its hour past 23 or its minute past 59). */
  notHhmm: boolean;
  /**
   * A clock written as text of four digits with its leading 0 (0915): hhmmss written as text
   * keeps its six digits (000915), so that is HHMM.
   */
  zeroLed: boolean;
}

export function clockForms(): ClockForms {
  return { short: 0, other: 0, notHhmm: false, zeroLed: false };
}

/** Counts one time cell read beside a date column. */
export function countClock(forms: ClockForms, cell: Cell): void {
  if (cell === null || cell === '') return;
  const text = typeof cell === 'number' ? String(cell) : typeof cell === 'string' ? cell : '';
  if (text.length <= 4 && /^\d+$/.test(text)) {
    forms.short += 1;
    const value = Number(text);
    if (Math.floor(value / 100) > 23 || value % 100 > 59) forms.notHhmm = true;
    if (typeof cell === 'string' && text.length === 4 && text[0] === '0') forms.zeroLed = true;
  } else forms.other += 1;
}

/** Two halves' counts as one file's. */
export function joinClockForms(first?: ClockForms, second?: ClockForms): ClockForms | undefined {
  if (!first || !second) return first ?? second;
  return {
    short: first.short + second.short,
    other: first.other + second.other,
    notHhmm: first.notHhmm || second.notHhmm,
    zeroLed: first.zeroLed || second.zeroLed,
  };
}

/**
 * Clocks of four digits or fewer, none longer, that say HHMM: a list of a few calls all in the
 * hour after midnight is possible (an extract around one night), ten are not. A statement's
 * few transfers all between midnight and one are not either (a 协查 reply of four rows at
 * 1430, 1615, 2010, 1122 had been read as 00:14:30…): two clocks say it there.
 */
const hhmmFromClocks = { calls: 10, transactions: 2 } as const;

/** Whether the file's clocks are HHMM. */
function writesHhmm(forms: ClockForms | undefined, template: 'calls' | 'transactions'): boolean {
  return (
    !!forms &&
    (forms.short >= hhmmFromClocks[template] || forms.zeroLed) &&
    !forms.other &&
    !forms.notHhmm
  );
}

/** A time read hhmmss from an HHMM clock (00:14:30 for 1430), as the HHMM time (14:30:00). */
function hhmmUnix(readUnix: number): number {
  const local = readUnix + chinaOffsetSeconds;
  const day = Math.floor(local / 86_400) * 86_400;
  return day + (local - day) * 60 - chinaOffsetSeconds;
}

/** Moves every time of a file that writes HHMM to the time it says (after the halves are joined). */
export function settleClocks(data: ImportRecords, forms: ClockForms | undefined): void {
  if (data.template !== 'calls' && data.template !== 'transactions') return;
  if (!writesHhmm(forms, data.template)) return;
  if (data.template === 'calls') {
    const { startedUnix, length } = data.records;
    for (let index = 0; index < length; index += 1)
      startedUnix[index] = hhmmUnix(startedUnix[index]!);
  } else if (data.template === 'transactions')
    for (const record of data.records)
      record.at = new Date(hhmmUnix(Date.parse(record.at) / 1000) * 1000).toISOString();
}
