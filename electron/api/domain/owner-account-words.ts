/**
 * The words a bill's own account is named with where the bill gives its owner by a nickname or
 * a name alone (老王（微信昵称，文件3f2a1b9c0d4e）, 王芳（户名，文件…）): the import writes them,
 * the same-account reading (`nickname-ties.ts`) reads them back.
 */
export const nicknameWord = '微信昵称';

/** What a name alone is said to be in the account's name, by whose export gave it. */
export const ownerNameWords = {
  alipay: '支付宝姓名',
  wechat: '微信姓名',
  jd: '京东姓名',
  meituan: '美团姓名',
  douyin: '抖音支付姓名',
  unionpay: '云闪付姓名',
  bestpay: '翼支付姓名',
  duxiaoman: '度小满姓名',
  pinduoduo: '拼多多姓名',
  bank: '户名',
} as const;

/** 老王（微信昵称，文件3f2a1b9c0d4e）: a bill's own account known by a nickname alone. */
const nicknameOwnerAccount = new RegExp(`^(.+)（${nicknameWord}，文件[0-9a-f]{12}）$`);

/** The nickname of a bill's own account known by it alone (老王), or null for any other account. */
export const nicknameOfOwner = (accountNo: string): string | null =>
  nicknameOwnerAccount.exec(accountNo)?.[1] ?? null;

const namedAlone = new RegExp(
  `（(?:${[nicknameWord, ...Object.values(ownerNameWords)].join('|')})，文件[0-9a-f]{12}）$`,
);

/** Whether an account is a bill's own one known by a nickname or a name alone, any platform's. */
export const namedAloneOwner = (accountNo: string): boolean => namedAlone.test(accountNo);
