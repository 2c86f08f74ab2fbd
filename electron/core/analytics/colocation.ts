import { sql } from 'drizzle-orm';
import { typedCell } from '../../api/domain/cell-ids';
import type { CellPresenceResult, ColocationResult } from '../../api/schemas/analytics-schemas';
import type { Executor } from '../db/database-types';
import { isoOfUnix, unixSecondsFrom, unixToIso } from '../db/unix-time';
import { inList, periodOf, resolvePhone, unixPeriodCondition } from './analytics-scope';
import { workspaceTimeZone } from '../settings/settings-service';
import { mayShareCell, phoneNetworks } from './phone-networks';

interface ColocationQuery {
  phones: string[];
  windowMinutes: number;
  minOccasions: number;
  companions: boolean;
  from?: string;
  to?: string;
  limit: number;
}

interface Match {
  a: string;
  b: string;
  cell: string;
  aAt: string;
  bAt: string;
}

/** The phone a call record was seen with: the end of its relation that is the list's target. */
const ownPhone = sql`CASE c.own_end WHEN 1 THEN r.from_entity_id ELSE r.to_entity_id END`;

/**
 * A call record's relation stands: live, or hidden by a merge because its two ends became one
 * phone (that phone's sightings still are, also after it was merged on into another). A
 * relation a user deleted is no evidence, whatever was merged after.
 */
const standing = sql`(r.deleted_at IS NULL OR r.merged_away = 1)`;

/**
 * A call record that is not a second export of a row already counted on the same phone's list
 * (marked at import: `copy_of` with the same target end and cell). One export printing minutes
 * alone had put the phone on the cell twice, 30 s apart; the other party's row of a call (a
 * copy at the other end, or on another cell) is where that party was, and stays.
 */
const notOwnCopy = sql`(c.copy_of IS NULL OR NOT EXISTS (
  SELECT 1 FROM call_records o WHERE o.id = c.copy_of AND o.own_end = c.own_end
    AND o.base_station = c.base_station))`;

/**
 * The longest a data session is taken to last when looking for those that overlap an instant:
 * bounds the index range read (a carrier closes a session within a day).
 */
const longestSession = 86_400;

/**
 * The instants of two sightings nearest each other: the same instant where their spans meet
 * (a data session lasts; a call is its start), else the two ends that face each other.
 */
function nearestInstants(a: [number, number], b: [number, number]): [number, number] {
  if (a[1] < b[0]) return [a[1], b[0]];
  if (b[1] < a[0]) return [a[0], b[1]];
  const meet = Math.max(a[0], b[0]);
  return [meet, meet];
}

/**
 * A data session's phone is live (a merge moved its sessions to the phone it was merged into), and
 * the row is no copy of one an earlier import holds.
 */
const livePhone = sql`d.copy_of IS NULL AND EXISTS (SELECT 1 FROM entities e WHERE e.id = d.phone_id AND e.deleted_at IS NULL)`;

/**
 * 同基站伴随: pairs of phones seen on the same base station (LAC-CI) within the window, with
 * each occasion. A phone is seen on a cell by the rows of its own call list (`own_end`) and by
 * its mobile-data sessions (上网), which place it between its calls.
 * The target phones' sightings come through the relation indexes; who else was on each cell
 * around each sighting through `call_records_cell_idx`. Sightings of one pair on one cell
 * less than a window after the last one count as one occasion, shown by its closest two
 * sightings. Both phones' sightings must lie in the period.
 */
export function colocation(db: Executor, query: ColocationQuery): ColocationResult {
  const targets = new Map(query.phones.map((ref) => resolvePhone(db, ref)).map((p) => [p.id, p]));
  const ids = inList([...targets.keys()]);
  const period = periodOf(query, workspaceTimeZone(db));
  // One rule for both phones: a sighting counts when it lies in the period, the other phone's as
  // the target's (the other's had been read unbounded, so a pair of two targets was found or
  // missed at a period's edge by which of them had the lower ID).
  const when = unixPeriodCondition(sql`c.started_unix`, period);
  const sessionsWhen = unixPeriodCondition(sql`d.started_unix`, period);
  // A sighting is a span: a call's start, or a data session from its start to its end.
  const sightings = db.all<{ phone: string; cell: string; at: number; until: number }>(sql`
    SELECT r.from_entity_id AS phone, c.base_station AS cell, c.started_unix AS at,
      c.started_unix AS until
    FROM relations r JOIN call_records c ON c.relation_num = r.num
    WHERE r.from_entity_id IN (${ids}) AND r.type = 'calls' AND ${standing}
      AND c.own_end = 1 AND c.base_station IS NOT NULL AND ${when} AND ${notOwnCopy}
    UNION
    SELECT r.to_entity_id, c.base_station, c.started_unix, c.started_unix
    FROM relations r JOIN call_records c ON c.relation_num = r.num
    WHERE r.to_entity_id IN (${ids}) AND r.type = 'calls' AND ${standing}
      AND c.own_end = 2 AND c.base_station IS NOT NULL AND ${when} AND ${notOwnCopy}
    UNION
    SELECT d.phone_id, d.base_station, d.started_unix, d.started_unix + d.duration_seconds
    FROM data_sessions d
    WHERE d.phone_id IN (${ids}) AND d.base_station IS NOT NULL
      AND ${sessionsWhen} AND ${livePhone}
    ORDER BY 3`);
  const window = query.windowMinutes * 60_000;
  const windowSeconds = query.windowMinutes * 60;
  const anyone = query.companions || targets.size === 1;
  const matches: Match[] = [];
  const seen = new Set<string>();
  for (const sighting of sightings) {
    const [from, to] = [sighting.at - windowSeconds, sighting.until + windowSeconds];
    const near = db.all<{ phone: string; at: number; until: number }>(sql`
      SELECT DISTINCT ${ownPhone} AS phone, c.started_unix AS at, c.started_unix AS until
      FROM call_records c JOIN relations r ON r.num = c.relation_num
      WHERE c.base_station = ${sighting.cell}
        AND c.started_unix >= ${from} AND c.started_unix <= ${to} AND c.own_end IS NOT NULL
        AND ${when} AND ${standing} AND ${notOwnCopy}
      UNION
      SELECT d.phone_id, d.started_unix, d.started_unix + d.duration_seconds FROM data_sessions d
      WHERE d.base_station = ${sighting.cell}
        AND d.started_unix >= ${from - longestSession} AND d.started_unix <= ${to}
        AND d.started_unix + d.duration_seconds >= ${from} AND ${sessionsWhen} AND ${livePhone}`);
    for (const other of near) {
      if (other.phone === sighting.phone) continue;
      const isTarget = targets.has(other.phone);
      if (!anyone && !isTarget) continue;
      // A pair of two targets is found from both sides: keep it once, lower ID first.
      if (isTarget && other.phone < sighting.phone) continue;
      const key = `${sighting.phone}|${other.phone}|${sighting.cell}|${sighting.at}|${other.at}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const [aAt, bAt] = nearestInstants([sighting.at, sighting.until], [other.at, other.until]);
      matches.push({
        a: sighting.phone,
        b: other.phone,
        cell: sighting.cell,
        aAt: unixToIso(aAt),
        bAt: unixToIso(bAt),
      });
    }
  }

  const byPair = new Map<
    string,
    { a: string; b: string; occasions: ColocationResult['pairs'][number]['occasions'] }
  >();
  const lastOf = new Map<string, string>();
  /** Each pair's and cell's occasion under way. */
  const currentOf = new Map<string, ColocationResult['pairs'][number]['occasions'][number]>();
  matches.sort((x, y) => (x.aAt < y.aAt ? -1 : x.aAt > y.aAt ? 1 : x.bAt < y.bAt ? -1 : 1));
  for (const match of matches) {
    const pairKey = `${match.a}|${match.b}`;
    const cellKey = `${pairKey}|${match.cell}`;
    const start = match.aAt < match.bAt ? match.aAt : match.bAt;
    const end = match.aAt < match.bAt ? match.bAt : match.aAt;
    const last = lastOf.get(cellKey);
    lastOf.set(cellKey, last && last > end ? last : end);
    const gapSeconds = Math.round(Math.abs(Date.parse(match.bAt) - Date.parse(match.aAt)) / 1000);
    const current = currentOf.get(cellKey);
    if (current && last && Date.parse(start) - Date.parse(last) <= window) {
      // The occasion shows its closest pair of sightings, not its first (600 s apart where
      // the two phones were on the cell 1 s apart a little later).
      if (gapSeconds < current.gapSeconds)
        Object.assign(current, { aAt: match.aAt, bAt: match.bAt, gapSeconds });
      continue;
    }
    const pair = byPair.get(pairKey) ?? { a: match.a, b: match.b, occasions: [] };
    const occasion = { cell: match.cell, aAt: match.aAt, bAt: match.bAt, gapSeconds };
    pair.occasions.push(occasion);
    currentOf.set(cellKey, occasion);
    byPair.set(pairKey, pair);
  }
  // A cell is one network's: phones of 移动 and of 联通 on "the same" LAC-CI were in two places.
  const networks = phoneNetworks(db, [
    ...new Set([...byPair.values()].flatMap((pair) => [pair.a, pair.b])),
  ]);
  const found = [...byPair.values()].filter(
    (pair) =>
      pair.occasions.length >= query.minOccasions &&
      mayShareCell(networks.get(pair.a), networks.get(pair.b)),
  );
  const numbers = new Map<string, string>();
  const others = [...new Set(found.map((pair) => pair.b))];
  for (let at = 0; at < others.length; at += 500)
    for (const row of db.all<{ id: string; number: string }>(
      sql`SELECT entity_id AS id, number FROM phones WHERE entity_id IN (${inList(others.slice(at, at + 500))})`,
    ))
      numbers.set(row.id, row.number);
  const numberOf = (id: string) => targets.get(id)?.number ?? numbers.get(id) ?? id;
  const pairs = found
    .map((pair) => {
      // Two target phones read in number order; a target and a companion, target first.
      const swap = targets.has(pair.b) && numberOf(pair.a) > numberOf(pair.b);
      const [a, b] = swap ? [pair.b, pair.a] : [pair.a, pair.b];
      return {
        a: { id: a, number: numberOf(a) },
        b: { id: b, number: numberOf(b) },
        occasions: swap
          ? pair.occasions.map((item) => ({ ...item, aAt: item.bAt, bAt: item.aAt }))
          : pair.occasions,
      };
    })
    .sort(
      (x, y) =>
        y.occasions.length - x.occasions.length ||
        x.a.number.localeCompare(y.a.number) ||
        x.b.number.localeCompare(y.b.number),
    );
  return { pairs: pairs.slice(0, query.limit), total: pairs.length };
}

/**
 * Who was on a base station between two instants: each phone with its sightings (cell index),
 * by its calls and messages and by its data sessions.
 */
export function cellPresence(
  db: Executor,
  query: { cell: string; from: string; to: string; limit: number },
): CellPresenceResult {
  const period = periodOf(query, workspaceTimeZone(db));
  const cells = sql`${query.cell.replace(/\s/g, '')}, ${typedCell(query.cell)}`;
  const [fromUnix, toUnix] = [period.from, period.to].map((iso) =>
    iso === null ? null : unixSecondsFrom(iso),
  );
  const sessionOverlaps = sql.join(
    [
      sql`1 = 1`,
      ...(toUnix === null ? [] : [sql`d.started_unix < ${toUnix}`]),
      ...(fromUnix === null
        ? []
        : [
            sql`d.started_unix >= ${fromUnix - longestSession}`,
            sql`d.started_unix + d.duration_seconds >= ${fromUnix}`,
          ]),
    ],
    sql` AND `,
  );
  const rows = db.all<{
    id: string;
    number: string;
    sightings: number;
    firstAt: string;
    lastAt: string;
  }>(sql`
    SELECT x.id AS id, p.number AS number, COUNT(*) AS sightings,
           ${isoOfUnix(sql`MIN(x.at)`)} AS firstAt, ${isoOfUnix(sql`MAX(x.until)`)} AS lastAt
    FROM (
      -- One sighting per phone and instant: the same call in both parties' lists is one; in
      -- two overlapping exports of one list (one printing minutes alone), the row counted.
      SELECT DISTINCT ${ownPhone} AS id, c.started_unix AS at, c.started_unix AS until
      FROM call_records c JOIN relations r ON r.num = c.relation_num
      WHERE c.base_station IN (${cells})
        AND ${unixPeriodCondition(sql`c.started_unix`, period)} AND c.own_end IS NOT NULL
        AND ${standing} AND ${notOwnCopy}
      UNION
      -- A data session that was on between the two instants, begun before them or not.
      SELECT d.phone_id, d.started_unix, d.started_unix + d.duration_seconds FROM data_sessions d
      WHERE d.base_station IN (${cells}) AND ${sessionOverlaps} AND ${livePhone}
    ) x JOIN phones p ON p.entity_id = x.id
    GROUP BY x.id ORDER BY MIN(x.at), p.number`);
  // Where the earliest import that placed the cell put it.
  const site =
    db.get<{ address: string | null; lng: number; lat: number }>(sql`
      SELECT s.address, s.longitude AS lng, s.latitude AS lat
      FROM cell_sites s JOIN imports i ON i.id = s.import_id
      WHERE s.cell IN (${cells}) ORDER BY i.num LIMIT 1`) ?? null;
  return { site, rows: rows.slice(0, query.limit), total: rows.length };
}
