import { phoneEventKindOf, type CallColumns } from './call-columns';

/**
 * A call list's columns parted into its calls and messages between two numbers (what relations
 * count) and the indexes of its events with one phone alone (on no relation): its mobile-data
 * sessions, and calls and texts whose other number the carrier printed as unknown (text index
 * 0 for their caller or callee). The columns are returned as they are when the list has none.
 */
export function splitDataSessions(records: CallColumns): {
  calls: CallColumns;
  sessions: number[];
} {
  const sessions: number[] = [];
  const alone = (index: number) => {
    const kind = phoneEventKindOf[records.kind[index]!];
    return kind === 'data' || kind === 'signal' || !records.caller[index] || !records.callee[index];
  };
  for (let index = 0; index < records.length; index += 1) if (alone(index)) sessions.push(index);
  if (!sessions.length) return { calls: records, sessions };
  const length = records.length - sessions.length;
  const keep = new Uint32Array(length);
  let kept = 0;
  for (let index = 0; index < records.length; index += 1) if (!alone(index)) keep[kept++] = index;
  const pick = <T extends Uint8Array | Uint32Array | Float64Array>(column: T): T => {
    const picked = new (column.constructor as new (size: number) => T)(length);
    for (let at = 0; at < length; at += 1) picked[at] = column[keep[at]!]!;
    return picked;
  };
  return {
    calls: {
      length,
      texts: records.texts,
      line: pick(records.line),
      caller: pick(records.caller),
      callee: pick(records.callee),
      kind: pick(records.kind),
      startedUnix: pick(records.startedUnix),
      durationSeconds: pick(records.durationSeconds),
      baseStation: pick(records.baseStation),
      own: pick(records.own),
      imei: pick(records.imei),
      imsi: pick(records.imsi),
      farType: pick(records.farType),
      sites: records.sites,
    },
    sessions,
  };
}
