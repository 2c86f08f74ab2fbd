/**
 * A statement whose heading names its account and holder (账号：44010000000000420001
 * 户名：夏侯一) over rows keyed by the cards drawn on that account (交易卡号 6217…0001, 6217…0009):
 * the rows are the heading account's, each card its other number (an alias, as 交易账号 beside a
 * card is: account-aliases.ts). The other party's statement names either; the rows had gone to
 * accounts of the cards alone, and a transfer the payee's statement gives from 4401… counted
 * twice. Null where the row is no such card: no heading account or holder, the heading's own
 * number, or a row naming a holder of its own.
 */
export function cardUnderHeading(
  card: string | null,
  heading: { account: string | null | undefined; holder: string | null | undefined },
  rowHolder: string | null,
): { account: string; alias: string } | null {
  const { account, holder } = heading;
  if (!card || !account || !holder || card === account) return null;
  if (rowHolder && rowHolder.replace(/\s+/g, '') !== holder.replace(/\s+/g, '')) return null;
  return { account, alias: card };
}
