/**
 * The headers of a column holding the other party's account and name together, as banks name
 * it: either word first, joined by a slash, 及, 和, 与 or 、 (对方账号/户名, 对方户名及账号,
 * 收/付方账号/户名, 对手帐号、名称). Only an account number runs into the name word unjoined
 * (收/付方账号户名): 对方账户名称 is the account's name, a column of names alone.
 */
export function accountAndNameHeaders(): string[] {
  const sides = ['对方', '对手', '对手方', '交易对方', '交易对手', '收/付方', '收付方'];
  const accounts = ['账号', '帐号', '卡号', '账户', '帐户'];
  const names = ['户名', '名称', '姓名'];
  const joins = ['/', '及', '和', '与', '、'];
  const headers: string[] = [];
  for (const side of sides)
    for (const account of accounts)
      for (const name of names) {
        for (const join of joins)
          headers.push(`${side}${account}${join}${name}`, `${side}${name}${join}${account}`);
        if (!account.endsWith('户')) headers.push(`${side}${account}${name}`);
      }
  return headers;
}
