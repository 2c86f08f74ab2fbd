/**
 * The field separator of a delimited text file, found from its first lines: carriers' and
 * banks' systems write commas (CSV), tabs (TXT, and Excel's "Unicode text"), and some write
 * semicolons or vertical bars. Each candidate is counted on each line outside quoted cells; the
 * separator is the one with the same count on the most lines (a table's rows have one width,
 * a preamble's lines do not), then the higher count, then the order below (commas first: a
 * WeChat bill's cells end in tabs, fewer per line than its commas).
 */
const csvSeparators = [',', '\t', ';', '|'] as const;
export type CsvSeparator = (typeof csvSeparators)[number];

/** Lines and characters looked at, at most. */
const sampleLines = 50;
const sampleChars = 1 << 16;

export function detectSeparator(text: string): CsvSeparator {
  const sample = text.slice(0, sampleChars);
  const codes = csvSeparators.map((separator) => separator.charCodeAt(0));
  // Per candidate: how many lines have each non-zero count.
  const widths = csvSeparators.map(() => new Map<number, number>());
  const counts = codes.map(() => 0);
  let quoted = false;
  // At a cell's start (a line's, or after a candidate), where a quote opens a quoted cell; a
  // quote elsewhere is data, as the reader takes it (含"引号).
  let cellStart = true;
  let lines = 0;
  let blank = true;
  const endLine = () => {
    if (!blank) {
      lines += 1;
      counts.forEach((count, index) => {
        if (count > 0) widths[index]!.set(count, (widths[index]!.get(count) ?? 0) + 1);
      });
    }
    counts.fill(0);
    blank = true;
  };
  for (let at = 0; at < sample.length && lines < sampleLines; at += 1) {
    const code = sample.charCodeAt(at);
    if (quoted) {
      // A doubled quote is one quote inside the cell.
      if (code === 34) {
        if (sample.charCodeAt(at + 1) === 34) at += 1;
        else quoted = false;
      }
      continue;
    }
    if (code === 10 || code === 13) {
      endLine();
      cellStart = true;
      continue;
    }
    if (code === 32) continue;
    blank = false;
    if (code === 34 && cellStart) {
      quoted = true;
      cellStart = false;
      continue;
    }
    const index = codes.indexOf(code);
    if (index >= 0) counts[index]! += 1;
    cellStart = index >= 0;
  }
  if (lines < sampleLines) endLine();
  let best: { separator: CsvSeparator; lines: number; count: number } = {
    separator: ',',
    lines: 0,
    count: 0,
  };
  csvSeparators.forEach((separator, index) => {
    for (const [count, agreeing] of widths[index]!) {
      if (agreeing > best.lines || (agreeing === best.lines && count > best.count))
        best = { separator, lines: agreeing, count };
    }
  });
  return best.separator;
}
