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
  '网联',
  '银联',
  '清算',
  '备付金',
  '内部户',
  '过渡户',
  '暂收',
  '暂付',
  '待结算',
  '待划转',
  '拉卡拉',
  '快钱',
  '易宝支付',
  '汇付',
  '通联支付',
  '连连',
  '京东支付',
  '网银在线',
  '云闪付',
  '翼支付',
  '和包',
  '壹钱包',
  '苏宁支付',
  '度小满',
  '美团支付',
  '抖音支付',
  '合利宝',
  '盛付通',
  '宝付',
  '支付科技',
  '支付服务',
  '支付有限公司',
  '支付技术',
  '网络支付',
];

const likeAny = (column: SQL): SQL =>
  sql.join(
    institutionWords.map((word) => sql`${column} LIKE ${`%${word}%`}`),
    sql` OR `,
  );

/**
 * The accounts named as payment institutions or clearing accounts, by their holder's name or
 * the account's label. Read once a trace, a scan of the accounts (tens of milliseconds for a
 * hundred thousand).
 */
export function paymentInstitutions(db: Executor): Set<string> {
  const rows = db.values<[string]>(sql`
    SELECT a.entity_id FROM accounts a JOIN entities e ON e.id = a.entity_id
    WHERE e.deleted_at IS NULL
      AND ((a.holder_name IS NOT NULL AND (${likeAny(sql`a.holder_name`)})) OR ${likeAny(sql`e.label`)})`);
  return new Set(rows.map(([id]) => id));
}

/** Alipay and WeChat accounts: a wallet's row naming a card is the twin of the card's row. */
export function walletAccounts(db: Executor): Set<string> {
  const rows = db.values<[string]>(sql`
    SELECT a.entity_id FROM accounts a JOIN entities e ON e.id = a.entity_id
    WHERE e.deleted_at IS NULL AND a.account_type IN ('alipay', 'wechat')`);
  return new Set(rows.map(([id]) => id));
}
