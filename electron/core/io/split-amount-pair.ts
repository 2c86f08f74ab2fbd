import { debitCreditAliases, headerKey } from '../../api/domain/import-templates';

/** A money column's name without its money word and unit: 支出额(元) is 支出, 入金 is 入. */
function wayWord(header: string): string {
  return headerKey(header)
    .replace(/\((?:元|人民币|rmb)\)$/, '')
    .replace(/(?:发生额|金额|额|金|款)$/, '');
}

const wordsOf = {
  debitAmount: new Set(debitCreditAliases.out.map(headerKey)),
  creditAmount: new Set(debitCreditAliases.in.map(headerKey)),
};

/**
 * A statement's two money columns as a pair where the names know only one (存入金额 known, 取出金额
 * not; 收入 known, 付出 not): the column beside the known one whose name, its money word aside,
 * is a word of the other way. With one side alone every row of the other way had been a bad row
 * ("金额格式不正确"), or, with --skip-invalid, every outflow left out.
 */
export function completeSplitAmounts(
  headers: string[],
  mapping: Record<string, number>,
): Record<string, number> {
  if (mapping['amount'] !== undefined || mapping['amountInFen'] !== undefined) return mapping;
  const known = (['debitAmount', 'creditAmount'] as const).filter(
    (key) => mapping[key] !== undefined,
  );
  if (known.length !== 1) return mapping;
  const missing = known[0] === 'debitAmount' ? 'creditAmount' : 'debitAmount';
  const taken = new Set(Object.values(mapping));
  const beside = mapping[known[0]]!;
  for (const column of [beside + 1, beside - 1]) {
    const header = headers[column];
    if (header === undefined || taken.has(column)) continue;
    if (wordsOf[missing].has(wayWord(header))) return { ...mapping, [missing]: column };
  }
  return mapping;
}
