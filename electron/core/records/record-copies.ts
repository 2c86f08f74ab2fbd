import { chinaDayNumber, chinaMidnightOfDay } from '../../api/domain/china-time';

/**
 * One event, two rows: a call between two target phones is in both their lists (the caller's
 * row and the callee's), a transfer between two accounts in both statements (money out on the
 * payer's, in on the payee's), and a list or statement exported twice over overlapping periods
 * holds its common rows twice. Every row is kept (each is a line of a file), but an event is
 * counted once: a row that is another row's event is its copy and adds nothing to the
 * relation's counts.
 */
interface CopyRow {
  /** The row's ID in its table (0 for a row not written yet). */
  id: number;
  /** Unix seconds. */
  at: number;
}

/** When two rows of one relation are one event. */
interface CopyRule<Row extends CopyRow> {
  /** The farthest apart in time two timed rows of one event can be, in seconds. */
  windowSeconds: number;
  /** A row that gives the day alone (a statement's 交易日期): it may be any time that day. */
  dayAlone?(row: Row): boolean;
  /**
   * `nextDay`: the pass after every same-day pairing, where a row of the day alone may be the
   * other bank's booking of a transfer made across midnight.
   */
  sameEvent(held: Row, row: Row, nextDay?: boolean): boolean;
  /**
   * Whether the row's figures are truer than the held row's, so the row counts and the held
   * row becomes its copy (a list's seconds against another's billed minutes).
   */
  truer?(held: Row, row: Row): boolean;
  /**
   * Two timed rows farther apart than the window that may still be one event, paired once
   * every row within the window has its partner: a transfer the payee's bank booked hours
   * later, or the next morning. `lateSeconds` bounds how far apart.
   */
  late?: { lateSeconds: number; sameEvent(held: Row, row: Row): boolean };
}

export interface CallRow extends CopyRow {
  sms: boolean;
  seconds: number;
  /** The list's target phone as an end of the relation: 1 caller, 2 callee, 0 unknown. */
  ownEnd: number;
  /** The import's number. */
  importNum: number;
}

/**
 * How far apart two lists may start one call. Two carriers' switches log the same call seconds
 * apart (the caller's and the callee's clocks, set-up time: up to 20 s between two carriers, where
 * 5 s had counted such calls twice); one carrier's lists agree to the second.
 */
const callWindowSeconds = 20;
/**
 * A text in the sender's list is logged when sent, in the receiver's when delivered: seconds,
 * at times a minute or two, later.
 */
const textWindowSeconds = 120;
/**
 * How long after it was sent a text may reach the receiver's list: an SMS centre holds a text
 * for a phone out of reach or busy and delivers it minutes later (5 minutes had counted one text
 * twice).
 */
const textLateSeconds = 30 * 60;

/**
 * Whether two starts can be one: within the window, or, where one is on a whole minute (a list
 * saved through Excel keeps 2026/4/1 8:00, its seconds dropped), the other within that minute
 * (and the window around it).
 */
function startsAgree(a: number, b: number, window: number): boolean {
  if (Math.abs(a - b) <= window) return true;
  const [early, late] = a < b ? [a, b] : [b, a];
  return early % 60 === 0 && late - early < 60 + window;
}

/**
 * Durations of one call in two lists: equal within two seconds (rounding of the two switches),
 * or one of them the other's billed time, rounded up to whole minutes (计费时长).
 */
function durationsAgree(a: number, b: number): boolean {
  if (Math.abs(a - b) <= 2) return true;
  const [shorter, longer] = a < b ? [a, b] : [b, a];
  return longer % 60 === 0 && Math.ceil(shorter / 60) * 60 === longer;
}

/**
 * Whether two rows end together: one list timing the call from the ring, the other from the
 * answer (13:00:00 for 95 s and 13:00:20 for 75 s are one call).
 */
function endsAgree(held: CallRow, row: CallRow): boolean {
  return Math.abs(held.at + held.seconds - (row.at + row.seconds)) <= 3;
}

/**
 * Calls: same kind (call or text), starts agreeing (a text's within two minutes, or, once those
 * are paired, delivered up to half an hour after it was sent), durations agreeing (or the
 * ends: one list timing from the ring), and from another list. Two rows of one
 * import are one call only when they come from the two parties' lists (a file of both lists
 * merged): two rows of one list are two calls, or two parts of one long text message, as the
 * carrier counts them.
 */
export const callCopyRule: CopyRule<CallRow> = {
  windowSeconds: Math.max(textWindowSeconds, 60 + callWindowSeconds),
  sameEvent(held, row) {
    if (held.sms !== row.sms) return false;
    if (!durationsAgree(held.seconds, row.seconds) && (held.sms || !endsAgree(held, row)))
      return false;
    if (!startsAgree(held.at, row.at, held.sms ? textWindowSeconds : callWindowSeconds))
      return false;
    return (
      held.importNum !== row.importNum ||
      (held.ownEnd !== 0 && row.ownEnd !== 0 && held.ownEnd !== row.ownEnd)
    );
  },
  // Talk time is added up from the seconds one list gives, not another's billed minutes:
  // which list came first must not change it.
  // (A whole minute within two seconds of the other list's figure is that call's length.)
  truer: (held, row) =>
    held.seconds % 60 === 0 && row.seconds % 60 !== 0 && held.seconds - row.seconds > 2,
  // Once every text within the window has its twin: the sender's row and the receiver's, the
  // delivery after the sending, as late as an SMS centre holds a text. Rows are paired one to
  // one, earliest first, so two texts both lists show stay two however close together.
  late: {
    lateSeconds: textLateSeconds,
    sameEvent(held, row) {
      if (!held.sms || !row.sms || !durationsAgree(held.seconds, row.seconds)) return false;
      if (held.ownEnd === 0 || row.ownEnd === 0 || held.ownEnd === row.ownEnd) return false;
      const [sent, delivered] = held.ownEnd === 1 ? [held, row] : [row, held];
      return (
        delivered.at >= sent.at - textWindowSeconds && delivered.at - sent.at <= textLateSeconds
      );
    },
  },
};

export interface TransferRow extends CopyRow {
  amountFen: number;
  /** Whose statement the row is on (the account's entity ID). */
  accountId: string;
  /** The import's ID. */
  importId: string;
  /** Money out of the statement's account (the payer's row); false for money in. */
  out: boolean;
  /**
   * The row's statement gives the day alone (交易日期, every row of it at midnight): the row
   * may be any time that day. A row at midnight on a statement with times is at midnight.
   */
  dayOnly: boolean;
}

/**
 * How far apart two banks may book one transfer: the payee's bank seconds or minutes later (a
 * 跨行 transfer through the batch system often 3–10 minutes; two minutes had counted such a
 * transfer twice). Rows are paired one to one, earliest first, so equal transfers close
 * together stay as many as the statements show.
 */
export const transferWindowSeconds = 30 * 60;
const daySeconds = 86_400;
/** How many days after the debit the payee's bank may book a transfer (a weekend, a hold). */
const lateDays = 4;

/** The first and last instant (Unix seconds) of a statement's rows: one account in one import. */
export type StatementSpan = (importId: string, accountId: string) => [number, number] | undefined;

/**
 * Transfers: the same amount, booked within half an hour (or on the same day, where a statement
 * gives the day alone), on another statement or in another import. Two rows of one statement
 * in one import are two transfers, however alike. Once every same-day pairing is made, a row
 * of the day alone may pair with the day next to it: a transfer made minutes before midnight
 * that the other bank booked on the next day (or, both days alone, a day later).
 *
 * With the statements' spans, a transfer between two banks booked by the payee's bank later is
 * one too: the interbank system passes it on an hour or more later, one sent after hours the
 * next morning (16:50 credited at 09:10), an ATM transfer held 24 hours, a large one sent on a
 * Friday on Monday. The payer's debit and the payee's credit (timed, or of the day alone) pair,
 * once every nearer pairing is made, when the credit is not before the debit (less the window)
 * and by noon of the fourth day after it, and one
 * statement runs past the other row's time (the payer's on after the credit, or the payee's
 * from before the debit): a debit that ends one statement and a credit that begins another
 * are two transfers as likely as one, each with its other row outside the other statement,
 * and stay two.
 */
export function transferCopyRule(spanOf?: StatementSpan): CopyRule<TransferRow> {
  return {
    windowSeconds: transferWindowSeconds,
    dayAlone: (row) => row.dayOnly,
    sameEvent(held, row, nextDay = false) {
      if (held.amountFen !== row.amountFen) return false;
      if (held.importId === row.importId && held.accountId === row.accountId) return false;
      if (!held.dayOnly && !row.dayOnly) return Math.abs(held.at - row.at) <= transferWindowSeconds;
      const [heldDay, rowDay] = [chinaDayNumber(held.at), chinaDayNumber(row.at)];
      if (!nextDay || Math.abs(heldDay - rowDay) !== 1) return heldDay === rowDay;
      if (held.dayOnly && row.dayOnly) return true;
      // The timed row within the window of the midnight between the two days.
      const timed = held.dayOnly ? row : held;
      const midnight = chinaMidnightOfDay(Math.max(heldDay, rowDay));
      return Math.abs(timed.at - midnight) <= transferWindowSeconds;
    },
    ...(spanOf && {
      late: {
        lateSeconds: lateDays * daySeconds + 12 * 3_600,
        sameEvent(held: TransferRow, row: TransferRow) {
          if (held.amountFen !== row.amountFen || held.out === row.out) return false;
          if (held.accountId === row.accountId) return false;
          const [debit, credit] = held.out ? [held, row] : [row, held];
          const lastNoon = chinaMidnightOfDay(chinaDayNumber(debit.at) + lateDays) + 12 * 3_600;
          if (credit.at < debit.at - transferWindowSeconds || credit.at > lastNoon) return false;
          const paying = spanOf(debit.importId, debit.accountId);
          const paid = spanOf(credit.importId, credit.accountId);
          return !!paying && !!paid && (paying[1] >= credit.at || paid[0] <= debit.at);
        },
      },
    }),
  };
}

/** Index of the first row at or after `at` in rows sorted by time. */
function firstFrom(rows: readonly CopyRow[], at: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rows[middle]!.at < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Pairs rows of one relation with held rows of the same event, one to one, as many as can be:
 * first the timed rows, each in time order taking the earliest held row still free within its
 * window (with windows of one width, taking the earliest never leaves a later row without the
 * partner it needed: a nearest-first choice did, when a clock ran ahead); then rows where
 * either side gives the day alone, the first free one of that day, then those of the day
 * next to it the rule allows (a booking across midnight); last, once every nearer pairing is
 * made, rows the rule allows later (a credit booked days after). `held` must be sorted by
 * time. Returns, per row of `rows`, the index of its held row, or -1 where it is an event of
 * its own.
 */
export function matchCopies<Row extends CopyRow>(
  held: readonly Row[],
  rows: readonly Row[],
  rule: CopyRule<Row>,
): Int32Array {
  const matched = new Int32Array(rows.length).fill(-1);
  if (!held.length || !rows.length) return matched;
  const taken = new Uint8Array(held.length);
  const order = rows.map((_, index) => index).sort((a, b) => rows[a]!.at - rows[b]!.at || a - b);
  const dayAlone = rule.dayAlone ?? (() => false);
  const take = (
    index: number,
    window: number,
    fits: (candidate: Row) => boolean,
    nextDay = false,
    same: (held: Row, row: Row, nextDay: boolean) => boolean = rule.sameEvent,
  ) => {
    const row = rows[index]!;
    for (
      let at = firstFrom(held, row.at - window);
      at < held.length && held[at]!.at <= row.at + window;
      at += 1
    ) {
      const candidate = held[at]!;
      if (taken[at] || !fits(candidate) || !same(candidate, row, nextDay)) continue;
      taken[at] = 1;
      matched[index] = at;
      return;
    }
  };
  for (const index of order)
    if (!dayAlone(rows[index]!))
      take(index, rule.windowSeconds, (candidate) => !dayAlone(candidate));
  if (rule.dayAlone)
    for (const nextDay of [false, true])
      for (const index of order)
        if (matched[index]! < 0)
          take(
            index,
            2 * daySeconds,
            (candidate) => dayAlone(candidate) || dayAlone(rows[index]!),
            nextDay,
          );
  const late = rule.late;
  if (late)
    for (const index of order)
      if (matched[index]! < 0) take(index, late.lateSeconds, () => true, false, late.sameEvent);
  return matched;
}
