import type { TransferRecord } from './import-plan';

/**
 * Each other number of a statement's own account (交易账号 beside 交易卡号) → the account it is
 * read as, followed to the end of a chain (卡号 X with 账号 Y, Y with Z: all X). A number given as
 * the other number of two accounts is no alias of either; numbers printed either way round on
 * different rows keep the first way read.
 */
export function accountAliasMap(records: readonly TransferRecord[]): Map<string, string> {
  const accountOf = new Map<string, string>();
  const shared = new Set<string>();
  for (const record of records) {
    const alias = record.accountAlias;
    if (!alias) continue;
    const seen = accountOf.get(alias);
    if (seen === undefined) accountOf.set(alias, record.account);
    else if (seen !== record.account) shared.add(alias);
  }
  for (const alias of shared) accountOf.delete(alias);
  // The first way read is met first: its reverse goes.
  for (const [alias, account] of accountOf)
    if (accountOf.get(account) === alias) accountOf.delete(account);
  for (const [alias, account] of accountOf) {
    let root = account;
    for (let hops = 0; accountOf.has(root) && hops < 8; hops += 1) root = accountOf.get(root)!;
    if (accountOf.has(root) || root === alias) accountOf.delete(alias);
    else accountOf.set(alias, root);
  }
  return accountOf;
}

/**
 * A statement that names its account by two numbers (交易卡号 and 交易账号; 对公 statements, 查控
 * feedback): other banks' statements name it by either, so both must lead to one account or
 * the money through it is split in two and counted twice. Within the file, a row naming the
 * other number (a counterpart, a section keyed by it) is read as the account's. Returns each
 * account's other numbers.
 */
export function foldAccountAliases(records: TransferRecord[]): Map<string, string[]> {
  const accountOf = accountAliasMap(records);
  if (!accountOf.size) return new Map();
  for (const record of records) {
    record.account = accountOf.get(record.account) ?? record.account;
    if (!record.counterpart) continue;
    const counterpart = accountOf.get(record.counterpart) ?? record.counterpart;
    // Money between the account's two numbers stayed in the account: no counterpart.
    record.counterpart = counterpart === record.account ? null : counterpart;
  }
  const aliases = new Map<string, string[]>();
  for (const [alias, account] of accountOf) {
    const list = aliases.get(account);
    if (list) list.push(alias);
    else aliases.set(account, [alias]);
  }
  return aliases;
}
