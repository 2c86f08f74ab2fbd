import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/database-types';

/**
 * Words in the name of an account that is no one's own money: a payment institution's account at
 * the bank (支付宝（中国）网络技术有限公司, 财付通支付科技有限公司, 银联, 网联), a bank's
 * clearing or suspense account (待清算, 内部户, 过渡户, 备付金). Every customer's money passes
 * through one such account: followed as a pool, traced money leaves it for strangers.
 */
const institutionWords = [
  '支付宝',
  '财付通',
  '中国银联',
  '银联商务',
  '清算',
  '备付金',
  '内部户',
  '过渡户',
  '暂收',
  '暂付',
  '待结算',
  '待划转',
  '拉卡拉',
  '易宝支付',
  '通联支付',
  '京东支付',
  '网银在线',
  '云闪付',
  '翼支付',
  '壹钱包',
  '苏宁支付',
  '度小满',
  '美团支付',
  '抖音支付',
  '合利宝',
  '盛付通',
  '汇付天下',
  '支付科技',
  '支付服务',
  '支付有限公司',
  '支付技术',
  '网络支付',
];

/**
 * Institutions whose short name is also a given name (王连连, 刘宝付, 张汇付, 李快钱, 周和包,
 * 张银联): an institution as the whole name or in a company's (连连银通电子支付有限公司, 宝付网络
 * 科技（上海）有限公司, 网联清算, 中国移动和包支付), never in a person's.
 */
const givenNameWords = ['连连', '宝付', '汇付', '快钱', '和包', '银联', '网联'];
const companyWords = /公司|科技|网络|支付|银通|电子|信息|数据|金融|商务|集团|中心/;

/**
 * Whether a holder's name (or an account's label, its number and bracketed notes aside) names a
 * payment institution or a clearing account. A person's name never does, though it holds 连连
 * or 宝付; an institution's short name alone (支付宝, 财付通, 银联, 连连) does.
 */
export function namesInstitution(text: string): boolean {
  const name = text.replace(/[（(][^（）()]*[）)]/g, '').replace(/[\s\d*＊A-Za-z.@_-]+/g, '');
  if (!name) return false;
  if (institutionWords.some((word) => name.includes(word))) return true;
  if (givenNameWords.includes(name)) return true;
  return companyWords.test(name) && givenNameWords.some((word) => name.includes(word));
}

const allWords = [...institutionWords, ...givenNameWords];
const likeAny = (column: SQL): SQL =>
  sql.join(
    allWords.map((word) => sql`${column} LIKE ${`%${word}%`}`),
    sql` OR `,
  );

/**
 * The accounts named as payment institutions or clearing accounts, by their holder's name or
 * the account's label. Read once a trace, a scan of the accounts (tens of milliseconds for a
 * hundred thousand).
 */
export function paymentInstitutions(db: Executor): Set<string> {
  // The words narrow the accounts in SQL; the names are then read whole (namesInstitution).
  const rows = db.values<[string, string | null, string]>(sql`
    SELECT a.entity_id, a.holder_name, e.label FROM accounts a JOIN entities e ON e.id = a.entity_id
    WHERE e.deleted_at IS NULL
      AND ((a.holder_name IS NOT NULL AND (${likeAny(sql`a.holder_name`)})) OR ${likeAny(sql`e.label`)})`);
  return new Set(
    rows
      .filter(
        ([, holder, label]) => (holder && namesInstitution(holder)) || namesInstitution(label),
      )
      .map(([id]) => id),
  );
}

/** Alipay and WeChat accounts: a wallet's row naming a card is the twin of the card's row. */
export function walletAccounts(db: Executor): Set<string> {
  const rows = db.values<[string]>(sql`
    SELECT a.entity_id FROM accounts a JOIN entities e ON e.id = a.entity_id
    WHERE e.deleted_at IS NULL AND a.account_type IN ('alipay', 'wechat')`);
  return new Set(rows.map(([id]) => id));
}
