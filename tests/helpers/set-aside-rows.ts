/** The rows an import set aside as `line reason` (7 refunded), in file order. */
export function setAsideRows(rows: { line: number; reason: string }[] | undefined): string[] {
  return (rows ?? []).map((row) => `${row.line} ${row.reason}`);
}
