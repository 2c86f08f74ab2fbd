import { createHash } from 'node:crypto';

/**
 * How a payment bill names an owner it gives no account or ID for: by a WeChat nickname
 * (微信昵称：[老王]) or by a name (姓名：张三 above an Alipay bill).
 */
export type OwnerKnownBy = 'nickname' | 'name';

/** A bill's owner known by a name alone, as its heading gives it, and the file's key. */
export interface NameOnlyOwner {
  by: OwnerKnownBy;
  name: string;
  platform: 'alipay' | 'wechat';
  fileKey: string;
}

/**
 * What keys a name-only owner to one file: the first 12 hex digits of the file's SHA-256, or,
 * where the file was not hashed (a plan made from rows in hand), of the lines its header was
 * looked for in.
 */
export function fileKeyOf(sha256: string | undefined, headText: string): string {
  return (sha256 || createHash('sha256').update(headText).digest('hex')).slice(0, 12);
}

const kindWords = { nickname: '微信昵称', alipayName: '支付宝姓名', wechatName: '微信姓名' };

/**
 * The own account of a bill whose owner is known only by a nickname or a name: named by it and
 * by the file (老王（微信昵称，文件3f2a1b9c0d4e）), so two people who chose the same nickname
 * are two accounts, never one (a nickname is no identifier; two suspects had been merged). An
 * own account the user gives (an account number, a WeChat ID) takes its place.
 */
export function nameOnlyOwner(owner: NameOnlyOwner): string {
  const what =
    owner.by === 'nickname'
      ? kindWords.nickname
      : owner.platform === 'alipay'
        ? kindWords.alipayName
        : kindWords.wechatName;
  return `${owner.name.replace(/\s+/g, '')}（${what}，文件${owner.fileKey}）`;
}

/**
 * A party the bill names by a name alone (交易对方 小李), under such an owner: this file's 小李,
 * said without the owner's whole label inside it (小李（老王对方，文件3f2a1b9c0d4e）).
 */
export function nameOnlyParty(name: string, owner: NameOnlyOwner): string {
  return `${name}（${owner.name.replace(/\s+/g, '')}对方，文件${owner.fileKey}）`;
}

/**
 * Such an owner as the rejected-rows file heads itself (账号：老王（微信昵称，文件3f2a1b9c0d4e）):
 * the rows corrected and imported again go to the bill's own account and parties, as its
 * other rows did.
 */
export function nameOnlyOwnerIn(text: string): NameOnlyOwner | null {
  const found =
    /账号[:：]\s*([^\s,，（]+)（(微信昵称|支付宝姓名|微信姓名)，文件([0-9a-f]{12})）/.exec(text);
  if (!found) return null;
  const [, name, what, fileKey] = found;
  return {
    by: what === kindWords.nickname ? 'nickname' : 'name',
    name: name!,
    platform: what === kindWords.alipayName ? 'alipay' : 'wechat',
    fileKey: fileKey!,
  };
}
