import { sql } from 'drizzle-orm';
import type { MoneyTraceResult, TracedAccount } from '../../api/schemas/analytics-schemas';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import {
  inList,
  periodCondition,
  periodOf,
  personAccounts,
  resolveAccount,
  type AccountRow,
  type Period,
} from './analytics-scope';
import { workspaceTimeZone } from '../settings/settings-service';
import { transferWindowSeconds } from '../records/record-copies';
import { isChinaMidnight } from '../../api/domain/china-time';
import { paymentInstitutions, walletAccounts } from './payment-institutions';
import { returnedFen, type TracedSend } from './money-loops';

interface MoneyTraceQuery {
  account?: string;
  personId?: string;
  hops: number;
  direction: 'out' | 'in';
  from?: string;
  to?: string;
  structuringThresholdFen: number;
  structuringMarginPercent: number;
  structuringMinCount: number;
  limit: number;
}

/** One movement on an account's ledger, duplicates from both statements merged. */
interface LedgerEvent {
  /**
   * The same on both accounts' ledgers (the smallest row id of the transfer's rows), so a
   * transfer leaving one account is found arriving at the other; null for cash.
   */
  key: number | null;
  at: string;
  amountFen: number;
  flow: 'in' | 'out';
  counterpart: string | null;
}

const dayMs = 86_400_000;
/** At least this share of an inflow leaving within a day is 快进快出. */
const fastShare = 0.8;
/**
 * A credit under 100 yuan (a quarter's interest, a fee refunded) is no 快进快出 however soon the
 * account pays out: the bank's 1.23 yuan of interest before a 2 yuan fee had raised the alert.
 */
const fastInLeastFen = 10_000;
/** A round amount: whole thousands of yuan. */
const roundFen = 100_000;

/**
 * A ledger row as the query returns it, in JSON (a trace reads tens of thousands; one JSON
 * array per account parses faster than a row object each): the other account (null for cash),
 * whether the account paid (1), the transfer row's id, whether the statement shows it as money
 * out (1), instant and amount.
 */
type LedgerRow = [string | null, number, number, number, string, number];
const rowAt = 4;

/** Accounts per ledger query. */
const ledgerChunk = 500;

/**
 * The movements of many accounts in the period, one query per `ledgerChunk` accounts (a
 * trace reads hundreds of ledgers a hop; a statement each cost more in preparing than in
 * reading). Each account's transfers are two ranges of the covering `money_transfers_payer_idx`
 * and `money_transfers_payee_idx` (payer and payee follow the live `finances` relation); cash
 * rows (no relation) come through `money_transfers_cash_idx`. Copies (a transfer's row on the
 * other statement, marked at import) are left out.
 */
function loadLedgers(
  db: Executor,
  accountIds: string[],
  period: Period,
  into: Map<string, LedgerEvent[]>,
  institutions: Set<string>,
  wallets: Set<string>,
): void {
  const when = periodCondition(sql`m.at`, period);
  for (let at = 0; at < accountIds.length; at += ledgerChunk) {
    const chunk = accountIds.slice(at, at + ledgerChunk);
    // One JSON parameter rather than hundreds: the statement's text stays the same.
    const ledgers = db.values<[string, string, string, string]>(sql`
      SELECT j.value,
        (SELECT json_group_array(json_array(m.payee_id, 1, m.id, m.direction = 'out', m.at, m.amount_fen))
          FROM money_transfers m WHERE m.payer_id = j.value AND m.copy_of IS NULL AND m.offset_of IS NULL AND ${when}),
        (SELECT json_group_array(json_array(m.payer_id, 0, m.id, m.direction = 'out', m.at, m.amount_fen))
          FROM money_transfers m WHERE m.payee_id = j.value AND m.payer_id <> m.payee_id
            AND m.copy_of IS NULL AND m.offset_of IS NULL AND ${when}),
        (SELECT json_group_array(json_array(NULL, m.direction = 'out', m.id, m.direction = 'out', m.at, m.amount_fen))
          FROM money_transfers m WHERE m.account_id = j.value AND m.relation_id IS NULL
            AND m.copy_of IS NULL AND m.offset_of IS NULL AND ${when})
      FROM json_each(${JSON.stringify(chunk)}) j`);
    for (const [id, paid, received, cash] of ledgers)
      into.set(
        id,
        withoutInstitutionTwins(
          ledgerEvents([
            ...(JSON.parse(paid) as LedgerRow[]),
            ...(JSON.parse(received) as LedgerRow[]),
            ...(JSON.parse(cash) as LedgerRow[]),
          ]),
          institutions,
          wallets,
        ),
      );
  }
}

/** Time order; at one instant the row's id, so both accounts' ledgers pair rows alike. */
const byInstant = (a: LedgerRow, b: LedgerRow) =>
  a[rowAt] < b[rowAt] ? -1 : a[rowAt] > b[rowAt] ? 1 : a[2] - b[2];

/**
 * How far apart two banks may book one transfer, as the import's copy matching allows. Rows of
 * one pair, side and amount within it are the same transfers.
 */
const mirrorWindowMs = transferWindowSeconds * 1000;
/**
 * A row at midnight China time is a statement that gives the day alone (交易日期 20250301): the
 * other bank's row of that transfer may be at any time of the day.
 */
const chinaMidnight = (ms: number) => isChinaMidnight(ms / 1_000);
const windowOf = (ms: number) => (chinaMidnight(ms) ? dayMs - 1 : mirrorWindowMs);

interface MergedRows {
  row: LedgerRow;
  ms: number;
  out: number;
  in: number;
  key: number;
}

/**
 * One account's rows as its ledger, in time order, inflows first at the same instant (money
 * that arrives in a second may leave in it). A transfer between two accounts whose statements
 * were both imported appears once from each side (out on the payer's, in on the payee's),
 * booked at the same instant or up to half an hour apart (the same day, where one statement
 * gives the day alone): a row shown as money out and one shown
 * as money in, with the same counterpart, side and amount, within the window, are one transfer
 * at the first one's instant; rows shown the same way are as many transfers. The pairing
 * depends on the rows alone, so both accounts' ledgers merge a transfer alike, with one key.
 */
function ledgerEvents(rows: LedgerRow[]): LedgerEvent[] {
  // Three runs each in time order (the index order): the sort merges them.
  rows.sort(byInstant);
  const events: LedgerEvent[] = [];
  const pending: MergedRows[] = [];
  /** Emits the groups begun more than the window before `ms`, inflows first at an instant. */
  const flush = (ms: number) => {
    let closed = 0;
    while (closed < pending.length && pending[closed]!.ms + windowOf(pending[closed]!.ms) < ms)
      closed += 1;
    const outflows: LedgerEvent[] = [];
    for (let index = 0; index < closed; index += 1) {
      const { row, out, in: incoming, key } = pending[index]!;
      const [other, paid, , , at, amountFen] = row;
      const event: LedgerEvent = {
        key: other === null ? null : key,
        at,
        amountFen: other === null ? amountFen : amountFen * Math.max(out, incoming),
        flow: paid ? 'out' : 'in',
        counterpart: other,
      };
      (paid ? outflows : events).push(event);
      if (pending[index + 1]?.row[rowAt] !== at || index + 1 === closed) {
        events.push(...outflows);
        outflows.length = 0;
      }
    }
    pending.splice(0, closed);
  };
  for (const row of rows) {
    const ms = Date.parse(row[rowAt]);
    flush(ms);
    const [other, paid, id, shownOut, , amountFen] = row;
    const same =
      other === null
        ? undefined
        : pending.find(
            (group) =>
              group.row[0] === other &&
              group.row[1] === paid &&
              group.row[5] === amountFen &&
              ms - group.ms <= windowOf(group.ms) &&
              // A row pairs with one the other statement shows: two of one side are two.
              (shownOut ? group.in > group.out : group.out > group.in),
          );
    if (same) {
      if (shownOut) same.out += 1;
      else same.in += 1;
      same.key = Math.min(same.key, id);
    } else pending.push({ row, ms, out: shownOut, in: 1 - shownOut, key: id });
  }
  flush(Infinity);
  return dayAloneLast(events);
}

/**
 * A card's row to or from a payment institution (快捷支付 to 支付宝, 提现 from 财付通) is the bank's
 * side of a wallet's row that names the card (the wallet's 充值 from it, its 提现 to it): the
 * same money, the same way, the same amount, within the copy window. Where the wallet's row is
 * there, the bank's is left out: counted twice, the card had paid out more than it held, and
 * the money had gone both into the wallet and into the institution's pool. The twin is a row
 * whose other side is a wallet (an Alipay or WeChat account); without one, the bank's row stays.
 */
function withoutInstitutionTwins(
  events: LedgerEvent[],
  institutions: Set<string>,
  wallets: Set<string>,
): LedgerEvent[] {
  const viaInstitution = (event: LedgerEvent) =>
    event.counterpart !== null && institutions.has(event.counterpart);
  if (!events.some(viaInstitution)) return events;
  const twins = new Map<string, number[]>();
  const twinKey = (event: LedgerEvent) => `${event.flow}|${event.amountFen}`;
  // Only a wallet's row is the bank row's twin: a payment of the same amount to a person is
  // another payment (the card paid 李四 1,000 and 支付宝 1,000: 2,000 out).
  events.forEach((event, index) => {
    if (event.counterpart === null || !wallets.has(event.counterpart)) return;
    if (viaInstitution(event)) return;
    const same = twins.get(twinKey(event)) ?? [];
    same.push(index);
    twins.set(twinKey(event), same);
  });
  const dropped = new Set<number>();
  const used = new Set<number>();
  events.forEach((event, index) => {
    if (!viaInstitution(event)) return;
    const ms = Date.parse(event.at);
    let nearest: number | undefined;
    let nearestGap = Infinity;
    for (const other of twins.get(twinKey(event)) ?? []) {
      if (used.has(other)) continue;
      const otherMs = Date.parse(events[other]!.at);
      const gap = Math.abs(otherMs - ms);
      if (gap <= windowOf(Math.min(ms, otherMs)) && gap < nearestGap) {
        nearest = other;
        nearestGap = gap;
      }
    }
    if (nearest === undefined) return;
    used.add(nearest);
    dropped.add(index);
  });
  return dropped.size ? events.filter((_, index) => !dropped.has(index)) : events;
}

/**
 * Money out on a day a statement gives alone (its row at midnight China time) may have left at
 * any time that day: it is read at the day's end, after that day's money in, so a trace follows
 * money that came in at 10:00 into a payment of that day (read at midnight, it had left before
 * the money came, and the trace stopped there).
 */
function dayAloneLast(events: LedgerEvent[]): LedgerEvent[] {
  const readAt = (event: LedgerEvent) => {
    const ms = Date.parse(event.at);
    return event.flow === 'out' && chinaMidnight(ms) ? ms + dayMs - 1 : ms;
  };
  if (!events.some((event) => readAt(event) !== Date.parse(event.at))) return events;
  // A stable sort: events at one instant keep their order (money in first).
  return events
    .map((event, index) => ({ event, index, at: readAt(event) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((item) => item.event);
}

/**
 * Forward pro-rata tracing through one account (the proportional method): the account's
 * balance is a pool; traced money entering it mixes with the rest, and every later outflow
 * carries the traced share of the pool at that moment. Money that left before the traced money
 * arrived carries none of it; an outflow larger than the known balance drew on money from
 * before the statement, so it takes at most what the pool holds.
 */
function passForward(
  events: LedgerEvent[],
  traced: Map<number, number>,
): { event: LedgerEvent; tracedFen: number }[] {
  let pool = 0;
  let taint = 0;
  const leaving: { event: LedgerEvent; tracedFen: number }[] = [];
  for (const event of events) {
    if (event.flow === 'in') {
      pool += event.amountFen;
      taint += (event.key !== null && traced.get(event.key)) || 0;
      continue;
    }
    const share = Math.min(event.amountFen, pool);
    if (share <= 0) continue;
    const carried = (taint * share) / pool;
    taint -= carried;
    pool -= share;
    if (carried > 0) leaving.push({ event, tracedFen: carried });
  }
  return leaving;
}

/**
 * The same method read backwards: each outflow is made of the earlier inflows still in the
 * pool, pro rata, so the traced part of an outflow is attributed to those inflows in those
 * shares. Inflows decay together, so one running factor (`scale`) and one running sum of
 * attribution per unit (`perUnit`) stand for every inflow in the pool: linear in the events.
 */
function passBackward(
  events: LedgerEvent[],
  traced: Map<number, number>,
): { event: LedgerEvent; tracedFen: number }[] {
  let pool = 0;
  let scale = 1;
  let perUnit = 0;
  let members: { event: LedgerEvent; stored: number; since: number }[] = [];
  const sources: { event: LedgerEvent; tracedFen: number }[] = [];
  const settle = () => {
    for (const member of members) {
      const fen = member.stored * (perUnit - member.since);
      if (fen > 0) sources.push({ event: member.event, tracedFen: fen });
    }
    members = [];
    pool = 0;
    scale = 1;
    perUnit = 0;
  };
  for (const event of events) {
    if (event.flow === 'in') {
      members.push({ event, stored: event.amountFen / scale, since: perUnit });
      pool += event.amountFen;
      continue;
    }
    const share = Math.min(event.amountFen, pool);
    if (share <= 0) continue;
    const fen = (event.key !== null && traced.get(event.key)) || 0;
    if (fen > 0) perUnit += ((fen * share) / (pool * event.amountFen)) * scale;
    if (pool - share <= 1e-6) {
      settle();
      continue;
    }
    scale *= (pool - share) / pool;
    pool -= share;
    if (scale < 1e-9) {
      // Keep the numbers in range: fold the factor into every member.
      for (const member of members) {
        member.stored *= scale;
        member.since /= scale;
      }
      perUnit /= scale;
      scale = 1;
    }
  }
  settle();
  return sources;
}

function accountStats(events: LedgerEvent[], query: MoneyTraceQuery) {
  let inFen = 0;
  let outFen = 0;
  const counterparties = new Set<string>();
  const low = Math.ceil(query.structuringThresholdFen * (1 - query.structuringMarginPercent / 100));
  const flags = { fastInFastOut: 0, structuring: 0, roundAmounts: 0 };
  // Each instant parsed once, when a 24-hour window first reaches it.
  const instants: number[] = [];
  const instant = (index: number) => (instants[index] ??= Date.parse(events[index]!.at));
  for (const [index, event] of events.entries()) {
    if (event.flow === 'in') inFen += event.amountFen;
    else outFen += event.amountFen;
    if (event.counterpart) counterparties.add(event.counterpart);
    if (event.amountFen >= low && event.amountFen < query.structuringThresholdFen)
      flags.structuring += 1;
    if (event.amountFen > 0 && event.amountFen % roundFen === 0) flags.roundAmounts += 1;
    if (event.flow === 'in' && event.amountFen >= fastInLeastFen) {
      const until = instant(index) + dayMs;
      let left = 0;
      // Money passed on goes to others: paid back to the party it came from (a refund given at
      // the payment's time, a loan repaid the same day) it went nowhere. An Alipay refund dated
      // at its payment had marked the payer 快进快出 with its own 800 paid beside its 200 back.
      for (let next = index + 1; next < events.length && instant(next) <= until; next += 1) {
        const later = events[next]!;
        if (later.flow === 'out' && (!event.counterpart || later.counterpart !== event.counterpart))
          left += later.amountFen;
      }
      if (left >= fastShare * event.amountFen) flags.fastInFastOut += 1;
    }
  }
  const alerts: TracedAccount['alerts'] = [];
  if (flags.fastInFastOut > 0) alerts.push('fastInFastOut');
  if (flags.structuring >= query.structuringMinCount) alerts.push('structuring');
  if (flags.roundAmounts >= 3 && flags.roundAmounts * 2 >= events.length)
    alerts.push('roundAmounts');
  return {
    inFen,
    outFen,
    netFen: inFen - outFen,
    firstAt: events[0]?.at ?? null,
    lastAt: events.at(-1)?.at ?? null,
    counterparties: counterparties.size,
    flags,
    alerts,
  };
}

function withInstitutionAlert<Stats extends { alerts: TracedAccount['alerts'] }>(
  stats: Stats,
  institution: boolean,
): Stats {
  return institution ? { ...stats, alerts: [...stats.alerts, 'paymentInstitution'] } : stats;
}

/**
 * 资金穿透: follows money from an account (or a person's accounts) up to `hops` transfers
 * forward (where it went) or backward (where it came from), in time order, splitting it pro
 * rata where an account mixes it with other money. Every reached account with its hop, the
 * traced amount (the most it held at one time: money going round a loop is counted once), the
 * path that carried the most of it, one step a hop, its own in/out totals and flags; every
 * link with the traced amount per hop. Money coming back to a start account is not followed
 * again.
 */
export function moneyTrace(db: Executor, query: MoneyTraceQuery): MoneyTraceResult {
  const starts: AccountRow[] = [];
  if (query.account) starts.push(resolveAccount(db, query.account));
  if (query.personId)
    for (const account of personAccounts(db, query.personId))
      if (!starts.some((start) => start.id === account.id)) starts.push(account);
  if (!starts.length)
    throw new AppError('analytics.accountNotFound', 'The person has no account in the workspace', {
      account: query.personId,
    });
  const period = periodOf(query, workspaceTimeZone(db));
  const startIds = new Set(starts.map((start) => start.id));
  const ledgers = new Map<string, LedgerEvent[]>();
  const institutions = paymentInstitutions(db);
  const wallets = walletAccounts(db);
  /** Reads the ledgers not read yet of the accounts about to be walked or shown, together. */
  const readLedgers = (ids: Iterable<string>) =>
    loadLedgers(
      db,
      [...ids].filter((id) => !ledgers.has(id)),
      period,
      ledgers,
      institutions,
      wallets,
    );
  const ledgerOf = (id: string) => ledgers.get(id)!;

  /**
   * Each account's first hop, the traced money that arrived (at every hop), and at each hop it
   * was reached the account that sent it the most.
   */
  const reached = new Map<
    string,
    { hop: number; fen: number; via: Map<number, { from: string; fen: number }> }
  >();
  /** What each account passed on, by hop, for finding the money that came back to it. */
  const sentBy = new Map<string, TracedSend[]>();
  const flows = new Map<
    string,
    {
      fromId: string;
      toId: string;
      hop: number;
      fen: number;
      n: number;
      first: string;
      last: string;
    }
  >();
  for (const start of starts) reached.set(start.id, { hop: 0, fen: 0, via: new Map() });

  // Layer by layer: what each account received at this hop, keyed by transfer.
  let layer = new Map<string, Map<number, number>>();
  const send = (
    next: Map<string, Map<number, number>>,
    from: string,
    event: LedgerEvent,
    fen: number,
    hop: number,
  ) => {
    const to = event.counterpart!;
    if (startIds.has(to)) return;
    const incoming = next.get(to) ?? new Map<number, number>();
    incoming.set(event.key!, (incoming.get(event.key!) ?? 0) + fen);
    next.set(to, incoming);
    const [payer, payee] = query.direction === 'out' ? [from, to] : [to, from];
    const flowKey = `${payer}>${payee}@${hop}`;
    const flow = flows.get(flowKey) ?? {
      fromId: payer,
      toId: payee,
      hop,
      fen: 0,
      n: 0,
      first: event.at,
      last: event.at,
    };
    flow.fen += fen;
    flow.n += 1;
    if (event.at < flow.first) flow.first = event.at;
    if (event.at > flow.last) flow.last = event.at;
    flows.set(flowKey, flow);
    let target = reached.get(to);
    if (!target) {
      target = { hop, fen: 0, via: new Map() };
      reached.set(to, target);
    }
    target.fen += fen;
    const via = target.via.get(hop);
    if (!via || fen > via.fen) target.via.set(hop, { from, fen });
    const sent = sentBy.get(from);
    const item = { hop, to, key: event.key!, fen };
    if (sent) sent.push(item);
    else sentBy.set(from, [item]);
  };

  // Hop 1: everything that left (or entered) a start account is traced in full.
  const leavingStart = query.direction === 'out' ? 'out' : 'in';
  readLedgers(startIds);
  for (const start of starts)
    for (const event of ledgerOf(start.id))
      if (event.flow === leavingStart && event.counterpart) {
        reached.get(start.id)!.fen += event.amountFen;
        send(layer, start.id, event, event.amountFen, 1);
      }
  for (let hop = 2; hop <= query.hops && layer.size; hop += 1) {
    const next = new Map<string, Map<number, number>>();
    // A payment institution's or clearing account pools every customer's money: the trace
    // shows the money reaching it (the institution's own records say where it went) and
    // follows it no further.
    const walked = [...layer].filter(([account]) => !institutions.has(account));
    readLedgers(walked.map(([account]) => account));
    for (const [account, traced] of walked)
      for (const { event, tracedFen } of (query.direction === 'out' ? passForward : passBackward)(
        ledgerOf(account),
        traced,
      ))
        if (event.counterpart) send(next, account, event, tracedFen, hop);
    layer = next;
  }
  // Money that went round a loop arrived again at each pass: what came back is not counted twice.
  const returned = returnedFen(
    sentBy,
    (account, traced) =>
      (query.direction === 'out' ? passForward : passBackward)(ledgerOf(account), traced),
    (account) => institutions.has(account),
    query.hops,
  );

  // Ordered by hop and amount, then cut to the page: account numbers (the last sort key) and
  // statements are read only for the accounts shown and those tied with the page's last one;
  // a wide trace reaches thousands of accounts at its last hop and shows a few hundred.
  const ranked = [...reached.entries()]
    .map(([id, item]) => ({
      id,
      hop: item.hop,
      reachedFen: Math.round(item.fen - (returned.get(id) ?? 0)),
    }))
    .sort((a, b) => a.hop - b.hop || b.reachedFen - a.reachedFen);
  let end = Math.min(query.limit, ranked.length);
  const boundary = ranked[end - 1];
  while (
    boundary &&
    end < ranked.length &&
    ranked[end]!.hop === boundary.hop &&
    ranked[end]!.reachedFen === boundary.reachedFen
  )
    end += 1;
  const labels = new Map<string, AccountRow>();
  const readLabels = (wanted: string[]) => {
    const missing = [...new Set(wanted)].filter((id) => !labels.has(id));
    for (let at = 0; at < missing.length; at += 500)
      for (const row of db.all<AccountRow>(sql`
        SELECT e.id AS id, COALESCE(a.account_no, e.label) AS accountNo, a.holder_name AS holderName
        FROM entities e LEFT JOIN accounts a ON a.entity_id = e.id
        WHERE e.id IN (${inList(missing.slice(at, at + 500))})`))
        labels.set(row.id, row);
  };
  const accountNoOf = (id: string) => labels.get(id)?.accountNo ?? id;
  // One step a hop, back to a start: the sender at each hop received the money at the hop
  // before, so a loop shows as the account again (甲 → 乙 → 丙 → 乙 → 丁 at hop 4).
  const viaChain = (id: string): string[] => {
    const chain = [id];
    for (let step = id, hop = reached.get(id)!.hop; hop > 0; hop -= 1) {
      step = reached.get(step)!.via.get(hop)!.from;
      chain.unshift(step);
    }
    return chain;
  };
  const candidates = ranked.slice(0, end);
  readLabels(candidates.map((account) => account.id));
  const page = candidates
    .map((account) => ({ ...account, accountNo: accountNoOf(account.id) }))
    .sort(
      (a, b) =>
        a.hop - b.hop || b.reachedFen - a.reachedFen || a.accountNo.localeCompare(b.accountNo),
    )
    .slice(0, query.limit);
  const paths = new Map(page.map((account) => [account.id, viaChain(account.id)]));
  readLabels([...paths.values()].flat());
  readLedgers(page.map((account) => account.id));
  return {
    direction: query.direction,
    openingBalances: 'takenAsZero',
    starts: starts.map((start) => start.id),
    accounts: page.map(({ id, accountNo, hop, reachedFen }) => ({
      id,
      accountNo,
      holderName: labels.get(id)?.holderName ?? null,
      hop,
      reachedFen,
      path: paths.get(id)!.map(accountNoOf),
      ...withInstitutionAlert(accountStats(ledgerOf(id), query), institutions.has(id)),
    })),
    flows: [...flows.values()]
      .map((flow) => ({
        fromId: flow.fromId,
        toId: flow.toId,
        hop: flow.hop,
        tracedFen: Math.round(flow.fen),
        transfers: flow.n,
        firstAt: flow.first,
        lastAt: flow.last,
      }))
      .sort((a, b) => a.hop - b.hop || b.tracedFen - a.tracedFen),
    total: ranked.length,
  };
}
