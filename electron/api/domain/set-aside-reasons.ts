/**
 * Why a statement's row that reads as a transfer is set aside as moving no money: the payment
 * did not go through (失败, 关闭, 撤销, 未支付); it was refunded or sent back whole; the money
 * stayed between the holder's own accounts (不计收支, 零钱提现, one card on both ends); it is
 * a refund whose payment is not in the file, or was closed; or it is a card's pre-authorisation
 * hold or its release (预授权, 预授权撤销), the completion being the payment; or it failed
 * on a statement whose ways are read from its balances and nothing says its way (not kept as
 * an attempt: a transfer is stored one way or the other, under its relation).
 */
export const setAsideReasons = [
  'notCompleted',
  'refunded',
  'ownAccounts',
  'refundUnpaired',
  'preAuthorisation',
  'failedWayUnknown',
] as const;
export type SetAsideReason = (typeof setAsideReasons)[number];

/** A row set aside, by its line in the file, and why. */
export interface SetAsideRow {
  line: number;
  reason: SetAsideReason;
}
