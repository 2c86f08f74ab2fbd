/**
 * One call, two rows: a call between two target phones is in both their lists (the caller's
 * row and the callee's), and a list exported twice over overlapping periods holds its common
 * calls twice. Every row is kept (each is a line of a file), but a call is counted once: a row
 * that is another row's call is its copy and adds nothing to the relation's counts.
 */
export interface CallRow {
  /** The row's ID in `call_records` (0 for a row not written yet). */
  id: number;
  /** Start, Unix seconds. */
  at: number;
  sms: boolean;
  seconds: number;
  /** The list's target phone as an end of the relation: 1 caller, 2 callee, 0 unknown. */
  ownEnd: number;
  /** The import's number. */
  importNum: number;
}

/**
 * How far apart two lists may start one call. Two carriers' switches log the same call a few
 * seconds apart (the caller's and the callee's clocks, set-up time); one carrier's lists agree
 * to the second.
 */
export const copyWindowSeconds = 5;

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
 * Two rows of one import are one call only when they come from the two parties' lists (a file
 * of both lists merged): two rows of one list are two calls, or two parts of one long text
 * message, as the carrier counts them.
 */
function fromOtherList(held: CallRow, row: CallRow): boolean {
  if (held.importNum !== row.importNum) return true;
  return held.ownEnd !== 0 && row.ownEnd !== 0 && held.ownEnd !== row.ownEnd;
}

/** Index of the first row at or after `at` in rows sorted by time. */
function firstFrom(rows: readonly CallRow[], at: number): number {
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
 * Pairs rows of one relation with held rows of the same call, one to one: each row, in time
 * order, takes the nearest held row in time (then the closest duration) not taken yet. `held`
 * must be sorted by time. Returns, per row of `rows`, the index of its held row, or -1 where
 * it is a call of its own.
 */
export function matchCallCopies(held: readonly CallRow[], rows: readonly CallRow[]): Int32Array {
  const matched = new Int32Array(rows.length).fill(-1);
  if (!held.length || !rows.length) return matched;
  const taken = new Uint8Array(held.length);
  const order = rows.map((_, index) => index).sort((a, b) => rows[a]!.at - rows[b]!.at || a - b);
  for (const index of order) {
    const row = rows[index]!;
    let best = -1;
    let bestGap = Infinity;
    for (
      let at = firstFrom(held, row.at - copyWindowSeconds);
      at < held.length && held[at]!.at <= row.at + copyWindowSeconds;
      at += 1
    ) {
      const candidate = held[at]!;
      if (taken[at] || candidate.sms !== row.sms) continue;
      if (!durationsAgree(candidate.seconds, row.seconds) || !fromOtherList(candidate, row))
        continue;
      // Nearest start first; at one distance, the closer duration.
      const gap =
        Math.abs(candidate.at - row.at) * 100_000 + Math.abs(candidate.seconds - row.seconds);
      if (gap < bestGap) {
        best = at;
        bestGap = gap;
      }
    }
    if (best >= 0) {
      taken[best] = 1;
      matched[index] = best;
    }
  }
  return matched;
}
