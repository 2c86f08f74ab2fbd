import { cellKey, hexColumn } from '../../api/domain/cell-ids';
import type { CallColumns } from './call-columns';

/**
 * Whether a list writes its LAC and CI in hex is a question about the whole file, not its first
 * rows: a hex list whose first rows happen to show digits only (a target that stayed on cells
 * like 2310-5749) had those rows read as decimal and the rest as hex, one cell under two keys.
 * So a call list's rows carry their cell as written, `mark LAC NUL CI`, and once the whole file
 * is read (both halves of a split one put together) every distinct pair is made its key with
 * one decision per kind of column.
 */

/** A LAC column beside a CI column. */
const pairMark = '\u0000';
/** A 基站号 column beside a 小区号 (CI) one. */
const stationMark = '\u0001';

/** A cell as the row writes it, to be keyed when the file is read (settleStations). */
export function writtenCell(lac: string, ci: string, station = false): string {
  return `${station ? stationMark : pairMark}${lac}\u0000${ci}`;
}

/**
 * The cells of a whole call list made keys, LAC-CI in decimal (cell-ids), in place: each kind
 * of column in hex when its values say so (hexColumn). A list already settled is left as it is.
 */
export function settleStations(columns: CallColumns): void {
  const { texts } = columns;
  const written: { at: number; mark: string; lac: string; ci: string }[] = [];
  texts.forEach((text, index) => {
    const mark = text[0];
    if (mark !== pairMark && mark !== stationMark) return;
    const cut = text.indexOf('\u0000', 1);
    written.push({ at: index + 1, mark, lac: text.slice(1, cut), ci: text.slice(cut + 1) });
  });
  if (!written.length) return;
  const hexIn = new Map(
    [pairMark, stationMark].map((mark) => [
      mark,
      hexColumn(
        written.filter((cell) => cell.mark === mark).flatMap((cell) => [cell.lac, cell.ci]),
      ),
    ]),
  );
  const indexOf = new Map(texts.map((text, index) => [text, index + 1]));
  const keyed = new Uint32Array(texts.length + 1);
  for (const { at, mark, lac, ci } of written) {
    const key = cellKey(lac, ci, hexIn.get(mark)!);
    let to = indexOf.get(key);
    if (to === undefined) {
      texts.push(key);
      indexOf.set(key, (to = texts.length));
    }
    keyed[at] = to;
    // Nothing written is left in the table: settling again finds nothing to do.
    texts[at - 1] = key;
  }
  const cells = columns.baseStation;
  for (let index = 0; index < columns.length; index += 1) {
    const to = keyed[cells[index]!]!;
    if (to) cells[index] = to;
  }
}
