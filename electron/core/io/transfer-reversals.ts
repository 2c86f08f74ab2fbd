import { accountAliasMap } from './account-aliases';
import type { TransferRecord } from './import-plan';

/**
 * Words of a row that undoes another on the statement: a reversal (冲正, 冲销, 冲回, 冲账, 反交易), a
 * correction (抹账), a void (撤销: 消费撤销), a remittance or cheque bounced back (退汇, 退票,
 * 转账退回, 来账退回), a WeChat transfer or red packet nobody took (转帐退款, 红包退款). A refund
 * (退款, 退货) is money that moved back later, and money a person gives back (退回借款) is a
 * transfer of its own: neither undoes one.
 */
const reversalWords =
  /冲正|冲销|冲回|冲[账帐]|抹[账帐]|撤销|反交易|退汇|退票|(?:转账|转帐|汇款|汇兑|来账|往账|转出|汇出|划款|代付|付款)退回|(?:转账|转帐|红包)(?:退款|退还)/;

/** Whether a row's type or summary names it a reversal of another. */
export function namesReversal(...texts: (string | null | undefined)[]): boolean {
  return texts.some((text) => !!text && reversalWords.test(text));
}

/**
 * The longest a bank takes to reverse a transfer on the statement (an 抹账 of a posting error
 * may come weeks later), in one file or across two imports alike (a statement split by month
 * must not count what one file would not). Where either row names no counterpart, only the
 * amount ties them: a week.
 */
export const reversalWindowMs = 90 * 86_400_000;
export const unnamedWindowMs = 7 * 86_400_000;
/** A reversal printed a moment before its transfer (the same posting, seconds apart). */
export const printedBeforeMs = 60_000;

/**
 * Pairs each reversal with the transfer it undoes and marks both as cancelling (`offsetOf`:
 * the other's line): neither moved money, so neither is counted in a relation, a total or an
 * analysis (a 冲正 read as money back doubled both ways and made a 快进快出 out of a failed
 * transfer). The transfer undone is on the same account, the other way, for the same amount,
 * with the same counterpart (or one of the two naming none, as a bank's 冲正 row often does:
 * then within a week), at or before the reversal (or a minute after) and within the window; of
 * several, the latest. A reversal whose
 * transfer is not on the statement (before its period) is looked for in the statements imported
 * before (`stored-reversals.ts`), and is money of no one's where none holds it: the transfer it
 * undoes moved none either.
 */
export function offsetReversals(records: TransferRecord[]): void {
  const reversals = records
    .filter((record) => record.reversal)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.line - b.line);
  if (!reversals.length) return;
  // Candidates by account (either of its numbers), way and amount, each list in file order.
  const aliases = accountAliasMap(records);
  const keyOf = (record: TransferRecord, direction: string) =>
    `${aliases.get(record.account) ?? record.account}|${direction}|${record.amountFen}`;
  const candidates = new Map<string, TransferRecord[]>();
  for (const record of records)
    if (!record.reversal) {
      const key = keyOf(record, record.direction);
      const list = candidates.get(key);
      if (list) list.push(record);
      else candidates.set(key, [record]);
    }
  // A reversal naming its transfer's serial (原交易流水号) takes that one first.
  for (const reversal of reversals) {
    const named = namedTransfer(reversal, candidates.get(keyOf(reversal, undoneWay(reversal))));
    if (!named) continue;
    named.offsetOf = reversal.line;
    reversal.offsetOf = named.line;
  }
  for (const reversal of reversals) {
    if (reversal.offsetOf !== null) continue;
    const undone = undoneWay(reversal);
    const at = Date.parse(reversal.at);
    // A row giving its day alone may be any time that day; a transfer printed after the
    // reversal is taken only where none before it matches.
    const due = at + (reversal.dayOnly ? 86_400_000 : 0);
    const latest = due + (reversal.dayOnly ? 0 : printedBeforeMs);
    let best: TransferRecord | null = null;
    let bestRank: [number, number, number] = [-1, 0, 0];
    for (const record of candidates.get(keyOf(reversal, undone)) ?? []) {
      if (record.offsetOf !== null || !mayUndo(reversal, record)) continue;
      const when = Date.parse(record.at);
      if (when > latest) continue;
      // Before the reversal first, then the latest, then the later line.
      const rank: [number, number, number] = [when <= due ? 1 : 0, when, record.line];
      if (ranksAbove(rank, bestRank)) [best, bestRank] = [record, rank];
    }
    if (!best) continue;
    best.offsetOf = reversal.line;
    reversal.offsetOf = best.line;
  }
}

const undoneWay = (reversal: TransferRecord) => (reversal.direction === 'out' ? 'in' : 'out');

/**
 * Whether a reversal may undo a transfer by its counterpart and time: the same counterpart (or
 * one of the two naming none), and not before the window (a quarter, or a week where only the
 * amount ties them). A serial (原交易流水号) is held to it too: serials repeat across systems.
 */
function mayUndo(reversal: TransferRecord, record: TransferRecord): boolean {
  const named = !!record.counterpart && !!reversal.counterpart;
  if (named && record.counterpart !== reversal.counterpart) return false;
  const window = named ? reversalWindowMs : unnamedWindowMs;
  return Date.parse(reversal.at) - Date.parse(record.at) <= window;
}

/**
 * The transfer a reversal names by its serial (原交易流水号 S1: the row whose 交易流水号 is S1),
 * on the same account, the other way, for the same amount, not paired yet, at or before it,
 * to the same counterpart within the window (`mayUndo`); of two transfers alike the latest had been taken, though the bank said which.
 */
function namedTransfer(
  reversal: TransferRecord,
  candidates: readonly TransferRecord[] | undefined,
): TransferRecord | null {
  const serial = reversal.originalReference?.trim();
  if (!serial) return null;
  const latest = Date.parse(reversal.at) + (reversal.dayOnly ? 86_400_000 : 0) + printedBeforeMs;
  return (
    candidates?.find(
      (record) =>
        record.offsetOf === null &&
        record.reference?.trim() === serial &&
        Date.parse(record.at) <= latest &&
        mayUndo(reversal, record),
    ) ?? null
  );
}

function ranksAbove(rank: readonly number[], other: readonly number[]): boolean {
  const at = rank.findIndex((value, index) => value !== other[index]);
  return at >= 0 && rank[at]! > other[at]!;
}
