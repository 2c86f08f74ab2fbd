/**
 * A bank's own accounts as statements print them for the other side of its charges and payments
 * to the customer (个人活期储蓄利息支出, 手续费收入, 短信服务费, 利息税): no one's money. Read as
 * counterparts, every customer of the bank paid one 手续费收入 account, and two strangers were
 * linked through it (a path, a shared counterparty) as though they had paid one person.
 */
const bankOwnName =
  /利息支出|利息收入|应付利息|利息税|手续费(?:收入|支出)?$|手续费收入|(?:短信|通知|账户|小额账户|年|工本|挂失|汇划|邮电)(?:服务|管理)?费(?:收入)?$|(?:服务|管理)费收入|^结息$/;

/** Whether a counterpart's name is a bank's own income or expense account. */
export function isBankOwnAccount(name: string | null): boolean {
  return !!name && bankOwnName.test(name.replace(/\s+/g, ''));
}
