import { phoneNumberTypes, type PhoneNumberType } from '../../api/domain/identifiers';

/**
 * A call list's rows: the first three are call records; a mobile-data session and a phone's
 * signalling (位置更新, 开机) are no call.
 */
export const callKinds = ['call', 'forwarded', 'sms', 'data', 'signal'] as const;
export type CallKind = (typeof callKinds)[number];

/**
 * What each kind is as a phone's event of its own (data_sessions), by its index in `callKinds`:
 * a data session or signalling always, a call or text when its other number is unknown (a
 * forwarded one is a call).
 */
export const phoneEventKindOf = callKinds.map((kind) => (kind === 'forwarded' ? 'call' : kind));

/** A call or text message, from the phone that placed it to the one that received it. */
export interface CallRecord {
  line: number;
  /** Null where the carrier printed the number as unknown (隐藏号码): no one's phone. */
  caller: string | null;
  callee: string | null;
  kind: CallKind;
  /** Start, seconds since 1970 UTC. */
  startedUnix: number;
  durationSeconds: number;
  baseStation: string | null;
  /** The target phone of the list (本机), whose handset and SIM the IMEI and IMSI name. */
  own: string | null;
  imei: string | null;
  imsi: string | null;
  /** What the far end is (the number that is not the target's). */
  farType: PhoneNumberType;
}

/**
 * Where a list places one of its cells (基站经度, 基站纬度, 基站地址): the first row that gives
 * it. A list repeats its few cells a million times, so a site is kept once per cell, not per row.
 */
interface CellSite {
  /** The cell's index in the text table (its key once the list is settled, station-keys). */
  cell: number;
  line: number;
  longitude: number;
  latitude: number;
  address: string | null;
}

/**
 * A call list's records column by column, as the planner makes them and the writer reads them:
 * typed arrays and one table of the distinct texts (numbers, base stations, IMEIs, IMSIs),
 * which a call list repeats a million times. They cross from the parser thread as they are
 * (the arrays' buffers moved), and no object is made per record on either side: a million
 * record objects cost more in garbage collection than checking the rows.
 */
export interface CallColumns {
  length: number;
  /** Distinct texts; index 0 of the text columns stands for none, i for `texts[i - 1]`. */
  texts: string[];
  line: Uint32Array;
  caller: Uint32Array;
  callee: Uint32Array;
  /** Index in `callKinds`. */
  kind: Uint8Array;
  /** Unix seconds (no million ISO strings to copy between threads and parse again). */
  startedUnix: Float64Array;
  durationSeconds: Float64Array;
  baseStation: Uint32Array;
  own: Uint32Array;
  imei: Uint32Array;
  imsi: Uint32Array;
  /** Index in `phoneNumberTypes`. */
  farType: Uint8Array;
  /** The cells the list places, one each, in the order first seen. */
  sites: CellSite[];
}

/** Collects records into columns, growing them as records come. */
export function callColumnsBuilder(initialCapacity = 1_024) {
  const indexOf = new Map<string, number>();
  let capacity = initialCapacity;
  const columns: CallColumns = {
    length: 0,
    texts: [],
    line: new Uint32Array(capacity),
    caller: new Uint32Array(capacity),
    callee: new Uint32Array(capacity),
    kind: new Uint8Array(capacity),
    startedUnix: new Float64Array(capacity),
    durationSeconds: new Float64Array(capacity),
    baseStation: new Uint32Array(capacity),
    own: new Uint32Array(capacity),
    imei: new Uint32Array(capacity),
    imsi: new Uint32Array(capacity),
    farType: new Uint8Array(capacity),
    sites: [],
  };
  const grow = () => {
    capacity *= 2;
    const grown = <T extends Uint32Array | Uint8Array | Float64Array>(array: T): T => {
      const larger = new (array.constructor as new (length: number) => T)(capacity);
      larger.set(array);
      return larger;
    };
    columns.line = grown(columns.line);
    columns.caller = grown(columns.caller);
    columns.callee = grown(columns.callee);
    columns.kind = grown(columns.kind);
    columns.startedUnix = grown(columns.startedUnix);
    columns.durationSeconds = grown(columns.durationSeconds);
    columns.baseStation = grown(columns.baseStation);
    columns.own = grown(columns.own);
    columns.imei = grown(columns.imei);
    columns.imsi = grown(columns.imsi);
    columns.farType = grown(columns.farType);
  };
  const text = (value: string | null): number => {
    if (value === null) return 0;
    let at = indexOf.get(value);
    if (at === undefined) {
      columns.texts.push(value);
      indexOf.set(value, (at = columns.texts.length));
    }
    return at;
  };
  /**
   * `text` for one column, answering a value equal to the row before's without the map: a
   * list's target number and IMEI repeat row after row (comparing two short strings is cheaper
   * than hashing a new one).
   */
  const columnText = () => {
    let last: string | null = null;
    let lastAt = 0;
    return (value: string | null): number => {
      if (value === last) return lastAt;
      last = value;
      return (lastAt = text(value));
    };
  };
  const [callerText, calleeText, cellText, ownText, imeiText, imsiText] = Array.from(
    { length: 6 },
    columnText,
  );
  const placed = new Set<number>();
  let lastSite = 0;
  const kindIndex = new Map(callKinds.map((kind, index) => [kind, index]));
  const typeIndex = new Map(phoneNumberTypes.map((type, index) => [type, index]));
  return {
    columns,
    add(record: CallRecord): void {
      const at = columns.length;
      if (at === capacity) grow();
      columns.line[at] = record.line;
      columns.caller[at] = callerText!(record.caller);
      columns.callee[at] = calleeText!(record.callee);
      columns.kind[at] = kindIndex.get(record.kind)!;
      columns.startedUnix[at] = record.startedUnix;
      columns.durationSeconds[at] = record.durationSeconds;
      columns.baseStation[at] = cellText!(record.baseStation);
      columns.own[at] = ownText!(record.own);
      columns.imei[at] = imeiText!(record.imei);
      columns.imsi[at] = imsiText!(record.imsi);
      columns.farType[at] = typeIndex.get(record.farType)!;
      columns.length = at + 1;
    },
    /**
     * The index of a cell not placed yet, to `place` it; 0 for one placed already (the row
     * before's cell, the usual case, answered without a lookup). A cell is placed by its first
     * row that gives where it is.
     */
    unplaced(cell: string): number {
      const at = cellText!(cell);
      if (at === lastSite) return 0;
      if (!placed.has(at)) return at;
      lastSite = at;
      return 0;
    },
    place(site: CellSite): void {
      lastSite = site.cell;
      placed.add(site.cell);
      columns.sites.push(site);
    },
  };
}

/** The text behind an index of a text column (null for 0). */
export function textAt(columns: CallColumns, index: number): string | null {
  return index ? columns.texts[index - 1]! : null;
}

/** One record as an object (the preview's sample; tests). */
export function callRecordAt(columns: CallColumns, index: number): CallRecord {
  return {
    line: columns.line[index]!,
    caller: textAt(columns, columns.caller[index]!)!,
    callee: textAt(columns, columns.callee[index]!)!,
    kind: callKinds[columns.kind[index]!]!,
    startedUnix: columns.startedUnix[index]!,
    durationSeconds: columns.durationSeconds[index]!,
    baseStation: textAt(columns, columns.baseStation[index]!),
    own: textAt(columns, columns.own[index]!),
    imei: textAt(columns, columns.imei[index]!),
    imsi: textAt(columns, columns.imsi[index]!),
    farType: phoneNumberTypes[columns.farType[index]!]!,
  };
}

/** The columns' buffers, to move to the other thread instead of copying them. */
export function callColumnBuffers(columns: CallColumns): ArrayBuffer[] {
  return [
    columns.line,
    columns.caller,
    columns.callee,
    columns.kind,
    columns.startedUnix,
    columns.durationSeconds,
    columns.baseStation,
    columns.own,
    columns.imei,
    columns.imsi,
    columns.farType,
  ].map((array) => array.buffer as ArrayBuffer);
}

/**
 * Two plans' call records as one, column after column; the second's texts added to the first's
 * table in order of appearance (a file's halves, rows read again under a legend found below).
 */
export function joinCallColumns(first: CallColumns, second: CallColumns): CallColumns {
  const length = first.length + second.length;
  const texts = first.texts.slice();
  const indexOf = new Map(texts.map((text, index) => [text, index + 1]));
  const renumbered = new Uint32Array(second.texts.length + 1);
  second.texts.forEach((text, index) => {
    let at = indexOf.get(text);
    if (at === undefined) {
      texts.push(text);
      indexOf.set(text, (at = texts.length));
    }
    renumbered[index + 1] = at;
  });
  const values = <T extends Uint8Array | Uint32Array | Float64Array>(a: T, b: T): T => {
    const joined = new (a.constructor as new (size: number) => T)(length);
    joined.set(a.subarray(0, first.length));
    joined.set(b.subarray(0, second.length), first.length);
    return joined;
  };
  const textIndexes = (a: Uint32Array, b: Uint32Array): Uint32Array => {
    const joined = new Uint32Array(length);
    joined.set(a.subarray(0, first.length));
    for (let index = 0; index < second.length; index += 1)
      joined[first.length + index] = renumbered[b[index]!]!;
    return joined;
  };
  return {
    length,
    texts,
    line: values(first.line, second.line),
    caller: textIndexes(first.caller, second.caller),
    callee: textIndexes(first.callee, second.callee),
    kind: values(first.kind, second.kind),
    startedUnix: values(first.startedUnix, second.startedUnix),
    durationSeconds: values(first.durationSeconds, second.durationSeconds),
    baseStation: textIndexes(first.baseStation, second.baseStation),
    own: textIndexes(first.own, second.own),
    imei: textIndexes(first.imei, second.imei),
    imsi: textIndexes(first.imsi, second.imsi),
    farType: values(first.farType, second.farType),
    sites: joinSites(first.sites, second.sites, renumbered),
  };
}

/** The second half's sites after the first's, in the joined text table; a cell placed once. */
function joinSites(first: CellSite[], second: CellSite[], renumbered: Uint32Array): CellSite[] {
  const placed = new Set(first.map((site) => site.cell));
  const sites = first.slice();
  for (const site of second) {
    const cell = renumbered[site.cell]!;
    if (placed.has(cell)) continue;
    placed.add(cell);
    sites.push({ ...site, cell });
  }
  return sites;
}
