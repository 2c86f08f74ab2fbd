/**
 * Issue 13's speed targets on a generated encrypted workspace: 1,000,000 call records over 100
 * target phones and 200,000 transactions. Run: `npx tsx tests/bench/analytics-bench.ts`.
 * Prints p50/p95/max per query and the query plan of each query's statements (the indexes).
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { commonContacts } from '../../electron/core/analytics/common-contacts';
import { colocation } from '../../electron/core/analytics/colocation';
import { contactProfile } from '../../electron/core/analytics/contact-profile';
import { moneyTrace } from '../../electron/core/analytics/money-trace';
import { openDatabase } from '../../electron/core/db/open-database';
import { makeTempDir, migrationsFolder } from '../helpers/test-core';
import { time } from './timing';

const targets = 100;
const contactsPerTarget = 300;
const sharedContacts = 2_000;
const callRecords = 1_000_000;
const accounts = 20_000;
const transfers = 200_000;
const yearStart = Date.parse('2026-01-01T00:00:00.000Z');
const yearMs = 365 * 86_400_000;

// mulberry32: a 32-bit generator in integer arithmetic. (The LCG used before multiplied in
// floating point past 2^53, lost its low bits and cycled: 200,000 transfers fell on ~6,000
// account pairs, 33 transfers each, instead of spreading over the 20,000 accounts.)
let seed = 42;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const pick = (n: number) => Math.floor(random() * n);

const opened = openDatabase({
  file: path.join(makeTempDir('quanlian-analytics-bench-'), 'bench.db'),
  key: crypto.randomBytes(32),
  migrationsFolder,
  create: true,
});
if (!opened.ok) throw new Error(opened.failure);
const { sqlite, db } = opened;
sqlite.pragma('synchronous = OFF');

const started = performance.now();
const stamp = '2026-01-01T00:00:00.000Z';
const entity = sqlite.prepare(
  `INSERT INTO entities (id, kind, label, created_at, updated_at) VALUES (?, ?, ?, '${stamp}', '${stamp}')`,
);
const phone = sqlite.prepare('INSERT INTO phones (entity_id, number) VALUES (?, ?)');
const account = sqlite.prepare(
  `INSERT INTO accounts (entity_id, account_type, account_no) VALUES (?, 'bank', ?)`,
);
const relation = sqlite.prepare(
  `INSERT INTO relations (id, from_entity_id, to_entity_id, type, created_at, updated_at) VALUES (?, ?, ?, ?, '${stamp}', '${stamp}')`,
);
const call = sqlite.prepare(
  `INSERT INTO call_records (relation_num, kind, started_unix, duration_seconds, base_station, own_end, import_num) VALUES ((SELECT num FROM relations WHERE id = ?), ?, ?, ?, ?, ?, 0)`,
);
const transfer = sqlite.prepare(
  `INSERT INTO money_transfers (relation_id, account_id, direction, at, amount_fen, import_id) VALUES (?, ?, 'out', ?, ?, 'bench')`,
);
const targetIds: string[] = [];
const pairs: { relation: string; end: 1 | 2 }[] = [];
sqlite.transaction(() => {
  for (let n = 0; n < targets; n += 1) {
    const id = `t${n}`;
    targetIds.push(id);
    entity.run(id, 'phone', `1390000${String(n).padStart(4, '0')}`);
    phone.run(id, `1390000${String(n).padStart(4, '0')}`);
  }
  const contactCount = targets * contactsPerTarget + sharedContacts;
  for (let n = 0; n < contactCount; n += 1) {
    const number = `137${String(n).padStart(8, '0')}`;
    entity.run(`c${n}`, 'phone', number);
    phone.run(`c${n}`, number);
  }
  for (const [index, target] of targetIds.entries())
    for (let k = 0; k < contactsPerTarget; k += 1) {
      // Mostly the target's own contacts, some from the shared pool (the common contacts).
      const contact =
        k < 20
          ? `c${targets * contactsPerTarget + pick(sharedContacts)}`
          : `c${index * contactsPerTarget + k}`;
      for (const [from, to] of [
        [target, contact],
        [contact, target],
      ]) {
        const id = `r${pairs.length}`;
        relation.run(id, from, to, 'calls');
        pairs.push({ relation: id, end: from === target ? 1 : 2 });
      }
    }
  for (let n = 0; n < callRecords; n += 1) {
    const pair = pairs[pick(pairs.length)]!;
    const at = Math.floor((yearStart + pick(yearMs)) / 1000);
    call.run(pair.relation, random() < 0.2 ? 'sms' : 'call', at, pick(600), `25${pick(4)}-${pick(40)}`, pair.end);
  }
  const accountIds: string[] = [];
  for (let n = 0; n < accounts; n += 1) {
    accountIds.push(`a${n}`);
    entity.run(`a${n}`, 'account', `6222${String(n).padStart(15, '0')}`);
    account.run(`a${n}`, `6222${String(n).padStart(15, '0')}`);
  }
  const links = new Map<string, string>();
  for (let n = 0; n < transfers; n += 1) {
    // Account a0 takes part in 1,000 transactions; the rest are spread at random.
    const from = n < 500 ? 'a0' : accountIds[pick(accounts)]!;
    const to = n >= 500 && n < 1000 ? 'a0' : accountIds[pick(accounts)]!;
    if (from === to) continue;
    let id = links.get(`${from}>${to}`);
    if (!id) {
      id = `m${links.size}`;
      links.set(`${from}>${to}`, id);
      relation.run(id, from, to, 'finances');
    }
    transfer.run(id, from, new Date(yearStart + pick(yearMs)).toISOString(), 100 * (1 + pick(100_000)));
  }
})(); // prettier-ignore
sqlite.exec('ANALYZE');
console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const fmt = (t: { p50: number; p95: number; max: number }) =>
  `p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms, max ${t.max.toFixed(1)} ms`;
const ten = (n: number) => Array.from({ length: 10 }, (_, k) => targetIds[(n * 10 + k) % targets]!);
const common = time(20, (n) =>
  commonContacts(db, {
    phones: ten(n),
    minTargets: 2,
    includeService: false,
    limit: 200,
    offset: 0,
  }),
);
console.log(`common contacts of 10 phones (1M records): ${fmt(common)}`);
const profile = time(20, (n) =>
  contactProfile(db, { phone: targetIds[n % targets]!, limit: 20, includeService: false, from: '2026-03-01', to: '2026-08-31', compareFrom: '2026-09-01', compareTo: '2026-12-31' }),
); // prettier-ignore
console.log(`contact profile with a compared period: ${fmt(profile)}`);
const colo = time(5, (n) =>
  colocation(db, { phones: ten(n).slice(0, 5), windowMinutes: 10, minOccasions: 1, companions: false, from: '2026-03-01', to: '2026-03-31', limit: 200 }),
); // prettier-ignore
console.log(`co-location of 5 phones over a month: ${fmt(colo)}`);
const money = time(20, () =>
  moneyTrace(db, { account: 'a0', hops: 3, direction: 'out', structuringThresholdFen: 5_000_000, structuringMarginPercent: 10, structuringMinCount: 3, limit: 500 }),
); // prettier-ignore
console.log(`money trace, 3 hops from an account with 1,000 transactions: ${fmt(money)}`);
const reached = moneyTrace(db, { account: 'a0', hops: 3, direction: 'out', structuringThresholdFen: 5_000_000, structuringMarginPercent: 10, structuringMinCount: 3, limit: 500 }); // prettier-ignore
console.log(`  (reached ${reached.total} accounts)`);

const plan = (label: string, statement: string, ...args: unknown[]) =>
  console.log(
    `${label}:\n  ${(sqlite.prepare(`EXPLAIN QUERY PLAN ${statement}`).all(...args) as { detail: string }[]).map((row) => row.detail).join('\n  ')}`,
  );
plan(
  'common contacts / profile (per side)',
  `SELECT c.started_unix FROM relations r JOIN call_records c ON c.relation_num = r.num WHERE r.from_entity_id IN ('t1','t2') AND r.type = 'calls' AND r.deleted_at IS NULL AND c.started_unix >= ?`,
  1_767_225_600,
);
plan(
  'co-location neighbours',
  `SELECT DISTINCT CASE c.own_end WHEN 1 THEN r.from_entity_id ELSE r.to_entity_id END, c.started_unix FROM call_records c JOIN relations r ON r.num = c.relation_num WHERE c.base_station = ? AND c.started_unix >= ? AND c.started_unix <= ? AND c.own_end IS NOT NULL`,
  '250-1', 1_772_323_200, 1_772_409_600,
); // prettier-ignore
plan(
  'money ledgers (a chunk of accounts per query; one JSON array per account and side)',
  `SELECT j.value,
     (SELECT json_group_array(json_array(m.payee_id, 1, m.id, m.direction = 'out', m.at, m.amount_fen))
       FROM money_transfers m WHERE m.payer_id = j.value),
     (SELECT json_group_array(json_array(m.payer_id, 0, m.id, m.direction = 'out', m.at, m.amount_fen))
       FROM money_transfers m WHERE m.payee_id = j.value AND m.payer_id <> m.payee_id),
     (SELECT json_group_array(json_array(NULL, m.direction = 'out', m.id, m.direction = 'out', m.at, m.amount_fen))
       FROM money_transfers m WHERE m.account_id = j.value AND m.relation_id IS NULL)
   FROM json_each(?) j`,
  '["a0","a1"]',
); // prettier-ignore
sqlite.close();
