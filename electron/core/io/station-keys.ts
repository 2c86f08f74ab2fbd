import { canonicalCell, cellKeyIn, hexColumn } from '../../api/domain/cell-ids';
import type { CallColumns } from './call-columns';

/**
 * Whether a list writes its LAC and CI in hex is a question about the whole file, not its first
 * rows: a hex list whose first rows happen to show digits only (a target that stayed on cells
 * like 2310-5749) had those rows read as decimal and the rest as hex, one cell under two keys.
 * So a call list's rows carry their cell as written, `mark LAC NUL CI`, and once the whole file
 * is read (both halves of a split one put together) every distinct pair is made its key with
 * one decision per kind of column.
 *
 * The mark is one control character: which columns the pair came from and what their headers
 * say of the radix (LAC(十六进制), ECI(16进制)). Without a word in the header, a column whose
 * digits run longer than its field holds in hex (a LAC or TAC is 16 bits, four hex digits; a
 * CI or ECI at most 28, seven) is decimal; a column of five values or more is decided by them
 * (hexColumn), one of fewer together with the other column.
 */

/**
 * The columns a cell came from: two (LAC and CI…), or one holding both (基站 5749-2310), whose
 * one header says the radix of both parts.
 */
type CellColumns = 'lacCi' | 'stationCi' | 'tacEci' | 'whole';
const columnKinds: CellColumns[] = ['lacCi', 'stationCi', 'tacEci'];
/** The first mark of a whole column's cells (after the 27 of the pairs of columns). */
const wholeMarks = 28;

/** What a header says of its column's radix: hex, decimal, or nothing. */
type Radix = 'hex' | 'decimal' | null;
const radixes: Radix[] = [null, 'hex', 'decimal'];

/** The radix a LAC or CI header names (LAC(十六进制), CI(HEX), ECI（10进制）). */
export function headerRadix(header: string): Radix {
  if (/十六进制|16进制|hex|\(16\)|（16）/i.test(header)) return 'hex';
  if (/十进制|10进制|dec|\(10\)|（10）/i.test(header)) return 'decimal';
  return null;
}

/** The mark of cells from these columns with these headers (one character, below a space). */
export function cellMark(columns: CellColumns, lac: Radix, ci: Radix): string {
  if (columns === 'whole') return String.fromCharCode(wholeMarks + radixes.indexOf(lac));
  return String.fromCharCode(
    1 + columnKinds.indexOf(columns) * 9 + radixes.indexOf(lac) * 3 + radixes.indexOf(ci),
  );
}

function markOf(code: number): { columns: CellColumns; lac: Radix; ci: Radix } {
  if (code >= wholeMarks) {
    const radix = radixes[code - wholeMarks]!;
    return { columns: 'whole', lac: radix, ci: radix };
  }
  const rest = (code - 1) % 9;
  return {
    columns: columnKinds[Math.floor((code - 1) / 9)]!,
    lac: radixes[Math.floor(rest / 3)]!,
    ci: radixes[rest % 3]!,
  };
}

/**
 * A 基站号 column beside a 小区号 that holds eNodeB IDs (电信's 4G lists): a value past 16 bits
 * (no LAC is) and every 小区号 a local cell (under 256). Each pair is then the ECI, the small
 * eNodeBs' too: read pair by pair, 12345-1 had stayed a LAC-CI pair while 654321-2 became an
 * ECI, one network under two kinds of key.
 */
function eNodeBColumn(nodes: string[], cells: string[]): boolean {
  const number = (text: string) => (/^\d{1,8}$/.test(text) ? Number(text) : Number.NaN);
  return (
    nodes.some((node) => number(node) > 0xffff && number(node) <= 0xfffff) &&
    nodes.every((node) => number(node) <= 0xfffff) &&
    cells.every((cell) => number(cell) < 256)
  );
}

/**
 * A 基站号 column beside a 小区号 that holds gNodeB IDs (5G): a value past an eNodeB's 20 bits
 * (at most the 24 the Chinese carriers give a gNodeB) or a 小区号 past an eNodeB cell's 8, and
 * every 小区号 under 4096. Each pair is then the NCI (gNodeB × 4096 + cell), the smaller IDs'
 * too: one network under one kind of key.
 */
function gNodeBColumn(nodes: string[], cells: string[]): boolean {
  const number = (text: string) => (/^\d{1,8}$/.test(text) ? Number(text) : Number.NaN);
  return (
    nodes.every((node) => number(node) > 0xffff && number(node) <= 0xffffff) &&
    cells.every((cell) => number(cell) < 4096) &&
    (nodes.some((node) => number(node) > 0xfffff) || cells.some((cell) => number(cell) > 255))
  );
}

/** A cell as the row writes it, to be keyed when the file is read (settleStations). */
export function writtenCell(lac: string, ci: string, mark: string): string {
  return `${mark}${lac}\u0000${ci}`;
}

/** Digits only, no leading zero, at most 15: a decimal part of a cell that is its own key. */
function plainDecimal(text: string): boolean {
  const length = text.length;
  if (!length || length > 15 || text.charCodeAt(0) === 48) return false;
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** Distinct values from which a column's radix is its own to say. */
const columnSaysAlone = 5;

/** Hex digits a LAC/TAC (16 bits) and a CI/ECI/NCI (28 and 36 bits) take at most. */
const hexDigitsAtMost = { lac: 4, ci: 9 };

/** A column of digits longer than its field holds in hex: decimal, whatever else says. */
function beyondHex(values: string[], most: number): boolean {
  return values.some((value) => /^\d+$/.test(value) && value.replace(/^0+/, '').length > most);
}

/** Distinct pairs with a letter A–F (or 0x) in either part. */
function letteredPairs(cells: { lac: string; ci: string }[]): number {
  const lettered = new Set<string>();
  for (const { lac, ci } of cells)
    if (/[a-f]|^0x/i.test(lac) || /[a-f]|^0x/i.test(ci)) lettered.add(`${lac}-${ci}`);
  return lettered.size;
}

/**
 * The cells of a whole call list made keys, LAC-CI in decimal (cell-ids), in place. A list
 * already settled is left as it is.
 */
export function settleStations(columns: CallColumns): void {
  const { texts } = columns;
  const written = new Map<string, { at: number; lac: string; ci: string }[]>();
  texts.forEach((text, index) => {
    const code = text.charCodeAt(0);
    if (!(code >= 1 && code < wholeMarks + 3)) return;
    const cut = text.indexOf('\u0000', 1);
    if (cut < 0) return;
    const cell = { at: index + 1, lac: text.slice(1, cut), ci: text.slice(cut + 1) };
    const same = written.get(text[0]!);
    if (same) same.push(cell);
    else written.set(text[0]!, [cell]);
  });
  if (!written.size) return;
  const indexOf = new Map(texts.map((text, index) => [text, index + 1]));
  const keyed = new Uint32Array(texts.length + 1);
  for (const [mark, cells] of written) {
    const said = markOf(mark.charCodeAt(0));
    const lacs = cells.map((cell) => cell.lac);
    const cis = cells.map((cell) => cell.ci);
    // A column with values enough says by them alone (a decimal TAC beside a hex ECI); one of
    // a few values (a target that stayed in one LAC) goes with the whole pair's.
    // A part longer than hex allows (a LAC of five digits) shows the pair decimal: one hex
    // pair among a few decimal ones (62D5-27F7 beside 25301-10231) had made every CI hex.
    const together =
      !beyondHex(lacs, hexDigitsAtMost.lac) &&
      !beyondHex(cis, hexDigitsAtMost.ci) &&
      hexColumn([...lacs, ...cis]);
    const alone = (values: string[]) =>
      new Set(values).size >= columnSaysAlone ? hexColumn(values) : together;
    // A column holding both parts (基站 5749-5A3D) is hex where most of its pairs show a letter
    // (5749-2310 among them is hex too); a handful of hex pairs (a CGI of another tool among
    // decimal pairs) are read so one by one.
    const wholeHex =
      said.columns === 'whole' &&
      !said.lac &&
      !beyondHex(lacs, hexDigitsAtMost.lac) &&
      !beyondHex(cis, hexDigitsAtMost.ci) &&
      letteredPairs(cells) * 2 >= new Set(cells.map(({ lac, ci }) => `${lac}-${ci}`)).size;
    const lacHex = said.lac
      ? said.lac === 'hex'
      : said.columns === 'whole'
        ? wholeHex
        : !beyondHex(lacs, hexDigitsAtMost.lac) && alone(lacs);
    const ciHex = said.ci
      ? said.ci === 'hex'
      : said.columns === 'whole'
        ? wholeHex
        : !beyondHex(cis, hexDigitsAtMost.ci) && alone(cis);
    const decimal = !lacHex && !ciHex;
    const nodes = decimal && said.columns === 'stationCi' && eNodeBColumn(lacs, cis);
    const gNodeBs = decimal && said.columns === 'stationCi' && gNodeBColumn(lacs, cis);
    for (const { at, lac, ci } of cells) {
      // Most lists: both parts plain decimal, the key as it stands (a million rows may hold a
      // hundred thousand cells).
      const key = nodes
        ? String(Number(lac) * 256 + Number(ci))
        : gNodeBs
          ? String(Number(lac) * 4096 + Number(ci))
          : decimal && plainDecimal(lac) && plainDecimal(ci)
            ? canonicalCell(lac, ci)
            : cellKeyIn(lac, ci, lacHex, ciHex);
      // The key takes the written text's place, or the place of the same key before it.
      let to = indexOf.get(key);
      if (to === undefined) indexOf.set(key, (to = at));
      keyed[at] = to;
      // Nothing written is left in the table: settling again finds nothing to do.
      texts[at - 1] = key;
    }
  }
  const cells = columns.baseStation;
  for (let index = 0; index < columns.length; index += 1) {
    const to = keyed[cells[index]!]!;
    if (to) cells[index] = to;
  }
  // A site goes with its cell's key; two written forms of one cell are one site, the first.
  const placed = new Set<number>();
  columns.sites = columns.sites.filter((site) => {
    site.cell = keyed[site.cell] || site.cell;
    if (placed.has(site.cell)) return false;
    placed.add(site.cell);
    return true;
  });
}
