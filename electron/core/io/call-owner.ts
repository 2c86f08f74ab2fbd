import type { CallColumns } from './call-columns';

/**
 * A list of 主叫号码/被叫号码 that names its target nowhere (no 本机号码, no number above the
 * header or in the file's name) is still one phone's list when one number is an end of every
 * record: that number is the target, and each row's IMEI, IMSI and cell are its handset's. A list
 * of many phones (a tower dump, 基站调单) has no such number and keeps no owner: its IMEIs stay
 * on the records as printed, linked to no phone.
 */
export function settleListOwner(columns: CallColumns): void {
  const { length, own, caller, callee } = columns;
  if (length < 2) return;
  for (let index = 0; index < length; index += 1) if (own[index]) return;
  let first = caller[0]!;
  let second = callee[0]!;
  for (let index = 1; index < length && (first || second); index += 1) {
    const [from, to] = [caller[index], callee[index]];
    if (first !== from && first !== to) first = 0;
    if (second !== from && second !== to) second = 0;
  }
  // Every record between the same two numbers names neither as the target; a list of a
  // phone's data sessions alone (each row's two ends one number) names it.
  const target = first && second && first !== second ? 0 : first || second;
  if (target) own.fill(target, 0, length);
}
