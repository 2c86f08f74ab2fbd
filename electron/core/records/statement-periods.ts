import { chinaMidnightOfDay } from '../../api/domain/china-time';

const daySeconds = 86_400;

/** The first and last instant (Unix seconds) a statement covers. */
type Span = [number, number];

/**
 * A statement's span: its first and last row, widened to the period its heading says it
 * covers (起止日期 2026-04-01至2026-04-30: from the first day's midnight in China to the last
 * second of the last day). Both statements of a transfer say what they cover there; a debit
 * after hours that is the payer's last row is still within the payer's statement when the
 * payee's bank books it the next morning.
 */
export function statementSpan(
  rows: Span | undefined,
  periodFrom: string | null | undefined,
  periodTo: string | null | undefined,
): Span | undefined {
  if (!periodFrom || !periodTo) return rows;
  const [from, to] = [periodFrom, periodTo].map((day) => Date.parse(`${day}T00:00:00Z`));
  if (!Number.isFinite(from) || !Number.isFinite(to)) return rows;
  const period: Span = [
    chinaMidnightOfDay(from! / 1_000 / daySeconds),
    chinaMidnightOfDay(to! / 1_000 / daySeconds + 1) - 1,
  ];
  return rows ? [Math.min(rows[0], period[0]), Math.max(rows[1], period[1])] : period;
}
