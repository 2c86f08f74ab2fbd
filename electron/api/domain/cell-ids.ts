/**
 * Base stations as carriers print them, made one key, "LAC-CI" in decimal: 同基站伴随 and
 * "who was on this cell" compare the lists of different carriers and tools, which write the
 * same cell as 22345-23101, 5A3C-5A3D, 0x5A3C/0x5A3D, LAC:22345 CI:23101 or the CGI
 * 460-00-22345-23101.
 */

/** A value written in hexadecimal: with 0x, or with a letter A–F among hex digits. */
const hexLike = /^(?:0x[0-9a-f]+|[0-9a-f]*[a-f][0-9a-f]*)$/i;

const hexDigits = /^(?:0x)?[0-9a-f]+$/i;

/**
 * Whether a list's LAC and CI values (each distinct value once) are hexadecimal: every value
 * that is a number is hex digits, and at least a tenth of them carry a letter A–F or 0x. In
 * hex, five values in six of four digits or more show a letter; a list in decimal with a
 * handful of hex pairs among its values (lists of two tools put together) is decimal, its hex
 * pairs read as such one by one (cellKey). Words for nothing (-, 未知, N/A) are no value.
 */
export function hexColumn(values: Iterable<string>): boolean {
  let numbers = 0;
  let lettered = 0;
  for (const value of new Set(values)) {
    const hex = hexDigits.test(value);
    if (!hex && !/\d/.test(value)) continue;
    if (!hex) return false;
    numbers += 1;
    if (hexLike.test(value)) lettered += 1;
  }
  return lettered > 0 && lettered * 10 >= numbers;
}

/** One part of a cell (LAC, TAC, CI or ECI) in decimal; as written when it is no number. */
function cellPart(value: string, hex: boolean): string {
  const text = value.trim();
  if (hex || /^0x/i.test(text)) {
    const digits = text.replace(/^0x/i, '');
    return /^[0-9a-f]{1,12}$/i.test(digits) ? String(Number.parseInt(digits, 16)) : text;
  }
  return decimalNumber(text) ?? text;
}

/** Digits in decimal, without leading zeros; a spreadsheet's float of them (9763.0) too. */
function decimalNumber(text: string): string | null {
  const decimal = /^(\d{1,15})(?:\.0+)?$/.exec(text);
  return decimal ? String(Number(decimal[1])) : null;
}

/** The largest LAC or 2G/3G cell number (16 bits). */
const sixteenBits = 0xffff;
/** The largest eNodeB ID (20 bits). */
const eNodeBMost = 0xfffff;
/** The largest gNodeB ID as the Chinese carriers give it (24 bits), and its cells (12 bits). */
const gNodeBMost = 0xffffff;
const nrCellsPerNode = 4096;

/**
 * One key per cell, whichever of its numbers a list prints. A cell number over 16 bits is an
 * ECI (4G), an NCI (5G) or a 3G UC-ID, unique in its carrier's network: the key is that number
 * alone, as lists print it with its TAC, without, or as eNodeB and cell. A first part over 16
 * bits is no LAC or TAC: beside a cell under 256 it is an eNodeB, and the two are that ECI
 * (eNodeB × 256 + cell); past 20 bits, or beside a cell of 256 to 4095, a gNodeB, and the two
 * the NCI (gNodeB × 4096 + cell). Otherwise LAC-CI. Parts in decimal; parts that are no number stay as
 * written.
 */
export function canonicalCell(lac: string, ci: string): string {
  if (!/^\d{1,15}$/.test(lac) || !/^\d{1,15}$/.test(ci)) return `${lac}-${ci}`;
  const [area, cell] = [Number(lac), Number(ci)];
  if (cell > sixteenBits) return String(cell);
  if (area > sixteenBits && area <= eNodeBMost && cell <= 255) return String(area * 256 + cell);
  // Past an eNodeB's 20 bits, or a cell past its 8: a gNodeB (5G) and its cell, the NCI.
  const nci = nciOf(area, cell);
  if (area > sixteenBits && nci !== null) return nci;
  return `${area}-${cell}`;
}

/** The NCI of a gNodeB (24 bits) and its cell (12 bits); null past those. */
function nciOf(node: number, cell: number): string | null {
  return node <= gNodeBMost && cell < nrCellsPerNode ? String(node * nrCellsPerNode + cell) : null;
}

/** Words that name a 5G cell (gNB, gNodeB, NR, 5G), and none that names a 4G one beside them. */
export function namesFiveG(text: string): boolean {
  return /gnb|gnodeb|\bnr|nr\b|5g|nci/i.test(text) && !/4g|lte|enb|enodeb|eci|e-utran/i.test(text);
}

/** A 5G cell's notation: a word for it before its numbers (gNB:567890 cell:1, NR 567890-1). */
const nrNotation = /^\s*(?:gnodeb|gnb|nr|5g|nci)/i;
/** The words of that notation, apart from the numbers (none of them hex digits alone). */
const nrWords = /gnodeb|gnb|nrcgi|ncgi|nci|nr|5g|cellid|cell|ci|id|[:：=;；]/gi;

/**
 * A 5G cell in a base station column, as its notation (gNB:567890 cell:1, NR 567890-1, 5G:…,
 * gNB-cell 567890-1, NCI:2326077441) or its column's header (5G基站) says: the NCI in decimal,
 * a gNodeB and its cell made one (gNodeB × 4096 + cell), a TAC before an NCI left out. Null
 * where nothing says 5G or the numbers are no 5G cell (then read as any other cell is).
 */
export function nrCell(text: string, headerSaysFiveG: boolean): string | null {
  if (!headerSaysFiveG && !nrNotation.test(text)) return null;
  const numbers = text
    .replace(nrWords, ' ')
    .replace(/[－—–‐]/g, '-')
    .replace(/^[\s\-_/,，|]+|[\s\-_/,，|]+$/g, '');
  const parts = splitStation(numbers);
  if (!parts) {
    const alone = /^\d{8,12}$/.test(numbers) ? numbers : null;
    return alone && Number(alone) > eNodeBMost ? String(Number(alone)) : null;
  }
  const hex = hexLike.test(parts[0]) || hexLike.test(parts[1]);
  const [node, cell] = [Number(cellPart(parts[0], hex)), Number(cellPart(parts[1], hex))];
  if (!Number.isSafeInteger(node) || !Number.isSafeInteger(cell)) return null;
  // A TAC before the NCI (NR 6488123-2326077441): the NCI alone.
  if (cell > sixteenBits) return String(cell);
  return node > 0 ? nciOf(node, cell) : null;
}

/** The ECGI without its eNodeB split (460-00-123456905, 46000-75BCD89): the ECI. */
const ecgi = /^4[0-9]{2}[-_ ]?\d{2,3}[-_ ]((?:0x)?[0-9a-f]{6,12})$/i;

/** A cell given as one number or its ECGI: that number in decimal; null when it is neither. */
export function cellAlone(text: string): string | null {
  const value = text.trim();
  const whole = ecgi.exec(value)?.[1];
  if (whole) return cellPart(whole, hexLike.test(whole));
  return decimalNumber(value);
}

/**
 * A base station cell given whole, split into its LAC and CI: "22345-23101", "22345/23101",
 * "LAC:22345 CI:23101", the CGI "460-00-22345-23101" (MCC-MNC-LAC-CI); null when it is none of
 * these (a name, one number).
 */
export function splitStation(text: string): [string, string] | null {
  // Dashes as a Chinese input method types them (－, —) are dashes.
  const value = text.trim().replace(/[－—–‐]/g, '-');
  // MCC and MNC apart (460-00-…) or together (46000-…).
  const cgi = /^4[0-9]{2}(?:[-_ ]?\d{2,3})[-_ ]((?:0x)?[0-9a-f]+)[-_ ]((?:0x)?[0-9a-f]+)$/i.exec(
    value,
  );
  if (cgi) return [cgi[1]!, cgi[2]!];
  const labelled =
    /^(?:lac|tac)[:：=]?\s*((?:0x)?[0-9a-f]+)[\s,，;/_-]*(?:ci|eci|cellid|cid)[:：=]?\s*((?:0x)?[0-9a-f]+)$/i.exec(
      value,
    );
  if (labelled) return [labelled[1]!, labelled[2]!];
  const pair = /^((?:0x)?[0-9a-f]+)(?:\s*[-_/,，:：|]\s*|\s+)((?:0x)?[0-9a-f]+)$/i.exec(value);
  return pair ? [pair[1]!, pair[2]!] : null;
}

/**
 * The key of a cell from its LAC and CI, each in decimal. A pair that says it is hex (0x, a
 * letter A–F in either part) is read so as a whole, even in a column taken as decimal: never
 * one part in each radix.
 */
export function cellKey(lac: string, ci: string, hex: boolean): string {
  return cellKeyIn(lac, ci, hex, hex);
}

/**
 * The key of a cell whose LAC and CI columns may differ in radix (a TAC in decimal beside an
 * ECI in hex). Where neither column is hex, a pair that says it is hex is read so as a whole.
 */
export function cellKeyIn(lac: string, ci: string, lacHex: boolean, ciHex: boolean): string {
  const pairHex = !lacHex && !ciHex && (hexLike.test(lac.trim()) || hexLike.test(ci.trim()));
  return canonicalCell(cellPart(lac, lacHex || pairHex), cellPart(ci, ciHex || pairHex));
}

/**
 * A base station as typed in a search (a cell presence query): any of the forms above, its
 * parts read as hexadecimal only when they say so (a letter A–F, 0x).
 */
export function typedCell(text: string): string {
  const position = typedPosition.exec(text.trim());
  if (position) return positionCell(Number(position[1]), Number(position[2]));
  const nr = nrCell(text, false);
  if (nr !== null) return nr;
  const parts = splitStation(text);
  if (!parts) return cellAlone(text) ?? text.trim();
  return cellKey(parts[0], parts[1], false);
}

/** A position typed as longitude, latitude in decimal degrees (102.7123, 25.0406). */
const typedPosition = /^(-?\d{1,3}\.\d+)\s*[,，]\s*(-?\d{1,2}\.\d+)$/;

/**
 * The key of a cell a list places by its coordinates alone (基站经度/基站纬度, no LAC or CI):
 * "longitude,latitude" to four decimals, about 10 m. Finer than towers stand apart (a site's
 * sectors share its mast's coordinates, and are one place to the phones on them), coarser than
 * the digits lists print (102.712251 in one platform's export, 102.71225 in another's, a
 * spreadsheet's float), so the same tower is one key across rows and files. Never a LAC-CI key:
 * it has a point in each part.
 */
export function positionCell(longitude: number, latitude: number): string {
  return `${longitude.toFixed(4)},${latitude.toFixed(4)}`;
}
