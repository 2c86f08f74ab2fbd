import { createHash } from 'node:crypto';
import { nicknameWord, ownerNameWords } from '../../api/domain/owner-account-words';

/**
 * How a bill or statement names an owner it gives no account or ID for: by a WeChat nickname
 * (微信昵称：[老王]) or by a name (姓名：张三 above an Alipay or 京东 bill, 户名：张三 above a bank
 * statement).
 */
export type OwnerKnownBy = 'nickname' | 'name';

/**
 * Whose export names the owner so: a payment platform's bill, or a bank's statement ('bank').
 * The word each is said by in the account's name (kindWords) tells them apart.
 */
export type NameOnlyPlatform =
  | 'alipay'
  | 'wechat'
  | 'jd'
  | 'meituan'
  | 'douyin'
  | 'unionpay'
  | 'bestpay'
  | 'duxiaoman'
  | 'pinduoduo'
  | 'bank';

/** A bill's owner known by a name alone, as its heading gives it, and the file's key. */
export interface NameOnlyOwner {
  by: OwnerKnownBy;
  name: string;
  platform: NameOnlyPlatform;
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

/** What a name alone is said to be in the account's name, by whose export gave it. */
const nameWords: Record<NameOnlyPlatform, string> = ownerNameWords;

/**
 * The own account of a bill whose owner is known only by a nickname or a name: named by it and
 * by the file (老王（微信昵称，文件3f2a1b9c0d4e）, 王芳（户名，文件…）), so two people who chose
 * the same nickname, or share a name, are two accounts, never one (a name is no identifier; two
 * suspects had been merged). An own account the user gives (an account number, a WeChat ID)
 * takes its place.
 */
export function nameOnlyOwner(owner: NameOnlyOwner): string {
  const what = owner.by === 'nickname' ? nicknameWord : nameWords[owner.platform];
  return `${owner.name.replace(/\s+/g, '')}（${what}，文件${owner.fileKey}）`;
}

/**
 * A party the bill names by a name alone (交易对方 小李), under such an owner: this file's 小李,
 * said without the owner's whole label inside it (小李（老王对方，文件3f2a1b9c0d4e）).
 */
export function nameOnlyParty(name: string, owner: NameOnlyOwner): string {
  return `${name}（${owner.name.replace(/\s+/g, '')}对方，文件${owner.fileKey}）`;
}

/** 账号：<name>（<what it is>，文件<key>）, as nameOnlyOwner wrote it, of any platform. */
const ownerHeading = new RegExp(
  `账号[:：]\\s*([^\\s,，（]+)（(${[nicknameWord, ...Object.values(nameWords)].join('|')})，文件([0-9a-f]{12})）`,
);

/**
 * Such an owner as the rejected-rows file heads itself (账号：老王（微信昵称，文件3f2a1b9c0d4e）):
 * the rows corrected and imported again go to the bill's own account and parties, as its
 * other rows did.
 */
export function nameOnlyOwnerIn(text: string): NameOnlyOwner | null {
  const found = ownerHeading.exec(text);
  if (!found) return null;
  const [, name, what, fileKey] = found;
  const named = Object.entries(nameWords).find(([, word]) => word === what);
  return {
    by: what === nicknameWord ? 'nickname' : 'name',
    name: name!,
    platform: named ? (named[0] as NameOnlyPlatform) : 'wechat',
    fileKey: fileKey!,
  };
}
