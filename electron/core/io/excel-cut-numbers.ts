/**
 * Account numbers an Excel "Save as CSV" wrote after showing them as numbers: 15 significant
 * digits and zeros after them (6222021234567890123 becomes 6222021234567890000). As text they
 * look like any number, so two cards with the same first 15 digits become one account.
 *
 * Excel cuts a whole column, never one cell: a column is read as cut where every number of it
 * longer than 15 digits ends so, and the zeros are too many for chance (a real card ends in 0
 * one time in ten; three zeros past the 15th digit in all, once in a thousand). A column with
 * one long number ending otherwise was not saved so, and its numbers ending in 0 are real.
 */
const longNumber = /^\d{16,}$/;

/** The zeros past a long number's 15th digit, when only zeros are there; else null. */
function zerosPastFifteen(text: string): number | null {
  if (!longNumber.test(text)) return null;
  const tail = text.slice(15);
  return /^0+$/.test(tail) ? tail.length : null;
}

/** Whether a number is one Excel cut: more than 15 digits, only zeros past the 15th. */
export function cutLikeExcel(text: string): boolean {
  return zerosPastFifteen(text) !== null;
}

/**
 * The columns (of `keys`) whose long numbers Excel cut, from every row's text under each
 * (spaces and dashes inside a number taken out, as the account is read).
 */
export function excelCutColumns<Row>(
  rows: readonly Row[],
  keys: readonly string[],
  textOf: (row: Row, key: string) => string,
): Set<string> {
  const cut = new Set<string>();
  for (const key of keys) {
    const zeros = new Map<string, number>();
    let whole = false;
    for (const row of rows) {
      const text = compactNumber(textOf(row, key));
      if (!longNumber.test(text)) continue;
      const count = zerosPastFifteen(text);
      if (count === null) {
        whole = true;
        break;
      }
      zeros.set(text, count);
    }
    let total = 0;
    for (const count of zeros.values()) total += count;
    if (!whole && total >= 3) cut.add(key);
  }
  return cut;
}

/** A number's digits as the account is read (6222 0212 3456 7890 000, 6222-0212-…). */
export function compactNumber(text: string): string {
  return text.trim().replace(/[\s-]/g, '');
}
