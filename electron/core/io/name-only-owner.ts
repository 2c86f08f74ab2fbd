import { createHash } from 'node:crypto';

/**
 * How a payment bill names an owner it gives no account or ID for: by a WeChat nickname
 * (微信昵称：[老王]) or by a name (姓名：张三 above an Alipay bill).
 */
export type OwnerKnownBy = 'nickname' | 'name';

/**
 * What keys a name-only owner to one file: the first 12 hex digits of the file's SHA-256, or,
 * where the file was not hashed (a plan made from rows in hand), of the lines its header was
 * looked for in.
 */
export function fileKeyOf(sha256: string | undefined, headText: string): string {
  return (sha256 || createHash('sha256').update(headText).digest('hex')).slice(0, 12);
}

/**
 * The own account of a bill whose owner is known only by a nickname or a name: named by it and
 * by the file (老王（微信昵称，文件3f2a1b9c0d4e）), so two people who chose the same nickname
 * are two accounts, never one (a nickname is no identifier; two suspects had been merged). An
 * own account the user gives (an account number, a WeChat ID) takes its place.
 */
export function nameOnlyOwner(
  name: string,
  knownBy: OwnerKnownBy,
  platform: 'alipay' | 'wechat',
  fileKey: string,
): string {
  const what =
    knownBy === 'nickname' ? '微信昵称' : platform === 'alipay' ? '支付宝姓名' : '微信姓名';
  return `${name.replace(/\s+/g, '')}（${what}，文件${fileKey}）`;
}

/** A bill's owner known by a name alone, as its heading gives it, and the file's key. */
export interface NameOnlyOwner {
  by: OwnerKnownBy;
  name: string;
  fileKey: string;
}

/**
 * A party the bill names by a name alone (交易对方 小李), under such an owner: this file's 小李,
 * said without the owner's whole label inside it (小李（老王对方，文件3f2a1b9c0d4e）).
 */
export function nameOnlyParty(name: string, owner: NameOnlyOwner): string {
  return `${name}（${owner.name.replace(/\s+/g, '')}对方，文件${owner.fileKey}）`;
}
