import type {
  CellPresenceResult,
  ColocationResult,
  CommonContactsResult,
  ContactProfileResult,
  MoneyTraceResult,
} from '../schemas/analytics-schemas';
import type { BriefingTable } from '../schemas/briefing-item-schemas';
import { decimalOf } from './quantity';
import { chinaMinute } from './china-time';

/**
 * Analysis results as briefing tables: the rows the investigator saw on the analysis page, in
 * words of the app's language (`label` looks a column title up in the translations).
 */
type Label = (key: string) => string;

/** An instant as China time to the minute (the documents' zone, whatever the machine's). */
function minuteOf(iso: string | null): string {
  return iso ? chinaMinute(iso) : '';
}

/** Fen as yuan with two decimals and thousands separators, exact. */
function yuan(fen: number): string {
  const negative = fen < 0;
  const [whole, fraction = ''] = decimalOf(Math.abs(fen), 2).split('.');
  return `${negative ? '-' : ''}${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction.padEnd(2, '0')}`;
}

export function commonContactsTable(result: CommonContactsResult, label: Label): BriefingTable {
  return {
    kind: 'table',
    columns: [
      label('analytics.number'),
      label('analytics.common.targets'),
      label('analytics.common.target'),
      label('analytics.calls'),
      label('analytics.messages'),
      label('analytics.duration'),
      label('analytics.first'),
      label('analytics.last'),
    ],
    rows: result.rows.map((row) => [
      row.number,
      String(row.targetCount),
      row.perTarget.map((target) => target.targetNumber).join('、'),
      String(row.calls),
      String(row.messages),
      String(row.durationSeconds),
      minuteOf(row.firstAt),
      minuteOf(row.lastAt),
    ]),
  };
}

export function contactProfileTable(result: ContactProfileResult, label: Label): BriefingTable {
  return {
    kind: 'table',
    columns: [
      label('analytics.number'),
      label('analytics.calls'),
      label('analytics.messages'),
      label('analytics.duration'),
      label('analytics.outgoing'),
      label('analytics.incoming'),
      label('analytics.first'),
      label('analytics.last'),
    ],
    rows: result.period.topByCount.map((row) => [
      row.number,
      String(row.calls),
      String(row.messages),
      String(row.durationSeconds),
      String(row.outgoing),
      String(row.incoming),
      minuteOf(row.firstAt),
      minuteOf(row.lastAt),
    ]),
  };
}

export function colocationTable(result: ColocationResult, label: Label): BriefingTable {
  return {
    kind: 'table',
    columns: [
      label('analytics.colocation.pair'),
      label('analytics.colocation.occasions'),
      label('analytics.colocation.cell'),
      label('analytics.first'),
      label('analytics.last'),
    ],
    rows: result.pairs.map((pair) => {
      const times = pair.occasions.map((occasion) => occasion.aAt).sort();
      return [
        `${pair.a.number} — ${pair.b.number}`,
        String(pair.occasions.length),
        [...new Set(pair.occasions.map((occasion) => occasion.cell))].join('、'),
        minuteOf(times[0] ?? null),
        minuteOf(times.at(-1) ?? null),
      ];
    }),
  };
}

/** Who was on a base station in a period: each phone, its sightings, first and last. */
export function cellPresenceTable(result: CellPresenceResult, label: Label): BriefingTable {
  return {
    kind: 'table',
    columns: [
      label('analytics.number'),
      label('analytics.colocation.sightings'),
      label('analytics.first'),
      label('analytics.last'),
    ],
    rows: result.rows.map((row) => [
      row.number,
      String(row.sightings),
      minuteOf(row.firstAt),
      minuteOf(row.lastAt),
    ]),
  };
}

/**
 * A traced account's path with the arrows the money's way: 甲 → 乙 → 丙 where the trace went
 * forward, 丙 ← 乙 ← 甲 where it went back to where the money came from (a → there had read as
 * 丙 paying 乙 and 乙 paying 甲, the opposite of what happened).
 */
export function moneyPathText(direction: MoneyTraceResult['direction'], path: string[]): string {
  return path.join(direction === 'out' ? ' → ' : ' ← ');
}

export function moneyTraceTable(result: MoneyTraceResult, label: Label): BriefingTable {
  return {
    kind: 'table',
    columns: [
      label('analytics.money.hop'),
      label('analytics.money.account'),
      label('analytics.money.reached'),
      label('analytics.money.inTotal'),
      label('analytics.money.outTotal'),
      label('analytics.money.path'),
      label('analytics.money.alerts'),
    ],
    rows: result.accounts.map((account) => [
      String(account.hop),
      account.holderName ? `${account.accountNo}（${account.holderName}）` : account.accountNo,
      yuan(account.reachedFen),
      yuan(account.inFen),
      yuan(account.outFen),
      moneyPathText(result.direction, account.path),
      account.alerts.map((alert) => label(`analytics.money.${alert}`)).join('、'),
    ]),
  };
}
