import type { ImportPreview } from '../schemas/import-schemas';
import { yuanText } from './yuan-text';

/** Seconds as h:mm:ss, the way a carrier's totals line writes call time. */
function clockText(seconds: number): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${Math.floor(seconds / 3600)}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

type MoneyWords = Record<'inRows' | 'inYuan' | 'outRows' | 'outYuan' | 'cancelling', string>;
type CallWords = Record<
  | 'callsOut'
  | 'callsIn'
  | 'forwarded'
  | 'messagesOut'
  | 'messagesIn'
  | 'other'
  | 'callSeconds'
  | 'duration',
  string
>;

/** One totals line to put in words: its text's key in the import catalogue and its values. */
type TotalsLine =
  { key: 'moneyTotals'; values: MoneyWords } | { key: 'callTotals'; values: CallWords };

/**
 * The valid rows' totals in words, to hold against the file's own 合计 line before importing;
 * `say` fills the import text of that key (the CLI's catalogue, the window's i18next).
 */
export function planTotalsTexts(
  preview: Pick<ImportPreview, 'moneyTotals' | 'callTotals'>,
  say: (line: TotalsLine) => string,
): string[] {
  const money = preview.moneyTotals;
  const calls = preview.callTotals;
  return [
    ...(money
      ? [
          say({
            key: 'moneyTotals',
            values: {
              inRows: String(money.inRows),
              inYuan: yuanText(money.inFen),
              outRows: String(money.outRows),
              outYuan: yuanText(money.outFen),
              cancelling: String(money.cancellingRows),
            },
          }),
        ]
      : []),
    ...(calls
      ? [
          say({
            key: 'callTotals',
            values: {
              callsOut: String(calls.callsOut),
              callsIn: String(calls.callsIn),
              forwarded: String(calls.forwarded),
              messagesOut: String(calls.messagesOut),
              messagesIn: String(calls.messagesIn),
              other: String(calls.other),
              callSeconds: String(calls.callSeconds),
              duration: clockText(calls.callSeconds),
            },
          }),
        ]
      : []),
  ];
}
