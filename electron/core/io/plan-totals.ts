import { callKinds } from './call-columns';
import type { ImportRecords } from './import-plan';

/**
 * A statement's valid rows by direction as the file books them (cancelling 冲正 pairs
 * included, as a bank's 合计 line adds them), and the cancelling rows apart: what an
 * investigator holds against the file's own 借方/贷方合计 before importing.
 */
interface MoneyTotals {
  inRows: number;
  inFen: number;
  outRows: number;
  outFen: number;
  /** Rows among them that cancel with another (a transfer and its 冲正): counted as no money. */
  cancellingRows: number;
}

/** A call list's valid rows by kind and way, and the calls' seconds: what its 合计 line says. */
interface CallTotals {
  callsOut: number;
  callsIn: number;
  forwarded: number;
  messagesOut: number;
  messagesIn: number;
  /** Mobile-data sessions and signalling: no call. */
  other: number;
  callSeconds: number;
}

export function moneyTotalsOf(data: ImportRecords): MoneyTotals | null {
  if (data.template !== 'transactions') return null;
  const totals: MoneyTotals = { inRows: 0, inFen: 0, outRows: 0, outFen: 0, cancellingRows: 0 };
  for (const record of data.records) {
    // A failed or declined transfer (kept as an attempt) is no booking the 合计 adds.
    if (record.attempt) continue;
    if (record.direction === 'in') {
      totals.inRows += 1;
      totals.inFen += record.amountFen;
    } else {
      totals.outRows += 1;
      totals.outFen += record.amountFen;
    }
    if (record.offsetOf !== null) totals.cancellingRows += 1;
  }
  return totals;
}

/** A call's seconds; none written (NaN) adds none. */
const secondsOf = (seconds: number) => (Number.isFinite(seconds) ? seconds : 0);

/** Each row once, by its first record (a forwarded call may give two records of one line). */
export function callTotalsOf(data: ImportRecords): CallTotals | null {
  if (data.template !== 'calls') return null;
  const { length, line, kind, own, caller, durationSeconds } = data.records;
  const totals: CallTotals = {
    callsOut: 0,
    callsIn: 0,
    forwarded: 0,
    messagesOut: 0,
    messagesIn: 0,
    other: 0,
    callSeconds: 0,
  };
  for (let index = 0; index < length; index += 1) {
    if (index && line[index] === line[index - 1]) continue;
    // A list of both parties (主叫号码, 被叫号码: no own number) is each caller's: placed.
    const outgoing = own[index] === 0 || own[index] === caller[index];
    switch (callKinds[kind[index]!]) {
      case 'call':
        if (outgoing) totals.callsOut += 1;
        else totals.callsIn += 1;
        totals.callSeconds += secondsOf(durationSeconds[index]!);
        break;
      case 'forwarded':
        totals.forwarded += 1;
        totals.callSeconds += secondsOf(durationSeconds[index]!);
        break;
      case 'sms':
        if (outgoing) totals.messagesOut += 1;
        else totals.messagesIn += 1;
        break;
      default:
        totals.other += 1;
    }
  }
  return { ...totals, callSeconds: Math.round(totals.callSeconds) };
}
