import { sql } from 'drizzle-orm';
import { phoneNumberType } from '../../api/domain/identifiers';
import type {
  ContactProfileResult,
  PeriodProfile,
  ProfileContact,
} from '../../api/schemas/analytics-schemas';
import type { Executor } from '../db/database-types';
import { isoOfUnix } from '../db/unix-time';
import { periodOf, resolvePhone, unixPeriodCondition, type Period } from './analytics-scope';
import { serviceTypes } from './common-contacts';
import { workspaceTimeZone } from '../settings/settings-service';
import { zonedParts } from '../../api/domain/time-zone';

interface ContactProfileQuery {
  phone: string;
  from?: string;
  to?: string;
  compareFrom?: string;
  compareTo?: string;
  limit: number;
  includeService: boolean;
}

interface Hit {
  other: string;
  number: string;
  outgoing: number;
  sms: number;
  at: string;
  duration: number;
}

/** Every call and message of the phone in the period, either way; one in both lists once (copies left out). */
function hitsOf(db: Executor, phoneId: string, period: Period): Hit[] {
  const when = unixPeriodCondition(sql`c.started_unix`, period);
  return db.all<Hit>(sql`
    WITH hits AS (
      SELECT r.to_entity_id AS other, 1 AS outgoing, c.kind AS kind, c.started_unix AS at,
             MAX(c.duration_seconds) AS duration
      FROM relations r JOIN call_records c ON c.relation_num = r.num
      WHERE r.from_entity_id = ${phoneId} AND r.type = 'calls' AND r.deleted_at IS NULL AND ${when} AND c.copy_of IS NULL
      GROUP BY c.relation_num, c.started_unix, c.kind
      UNION ALL
      SELECT r.from_entity_id, 0, c.kind, c.started_unix, MAX(c.duration_seconds)
      FROM relations r JOIN call_records c ON c.relation_num = r.num
      WHERE r.to_entity_id = ${phoneId} AND r.type = 'calls' AND r.deleted_at IS NULL AND ${when} AND c.copy_of IS NULL
      GROUP BY c.relation_num, c.started_unix, c.kind
      UNION ALL
      -- Calls and texts whose other number is not known (隐藏号码): no contact ('').
      SELECT '', 1 - d.incoming, d.kind, d.started_unix, d.duration_seconds
      FROM data_sessions d
      WHERE d.phone_id = ${phoneId} AND d.kind IN ('call', 'sms') AND d.copy_of IS NULL
        AND ${unixPeriodCondition(sql`d.started_unix`, period)}
    )
    SELECT h.other AS other, COALESCE(p.number, '') AS number, h.outgoing AS outgoing,
           h.kind = 'sms' AS sms, ${isoOfUnix(sql`h.at`)} AS at, h.duration AS duration
    FROM hits h LEFT JOIN phones p ON p.entity_id = h.other
    WHERE h.other <> ${phoneId} AND (h.other = '' OR p.entity_id IS NOT NULL) ORDER BY h.at`);
}

/** When each contact was first in touch with the phone, over all records. */
function firstContacts(db: Executor, phoneId: string): Map<string, string> {
  const rows = db.all<{ other: string; firstAt: string }>(sql`
    SELECT other, ${isoOfUnix(sql`MIN(at)`)} AS firstAt FROM (
      SELECT r.to_entity_id AS other, MIN(c.started_unix) AS at
      FROM relations r JOIN call_records c ON c.relation_num = r.num
      WHERE r.from_entity_id = ${phoneId} AND r.type = 'calls' AND r.deleted_at IS NULL
      GROUP BY r.to_entity_id
      UNION ALL
      SELECT r.from_entity_id, MIN(c.started_unix)
      FROM relations r JOIN call_records c ON c.relation_num = r.num
      WHERE r.to_entity_id = ${phoneId} AND r.type = 'calls' AND r.deleted_at IS NULL
      GROUP BY r.from_entity_id
    ) GROUP BY other`);
  return new Map(rows.map((row) => [row.other, row.firstAt]));
}

function profileOf(
  hits: Hit[],
  period: Period,
  firsts: () => Map<string, string>,
  query: ContactProfileQuery,
): PeriodProfile {
  const contacts = new Map<string, ProfileContact>();
  const heatmap = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const daily = new Map<string, { day: string; calls: number; messages: number }>();
  let calls = 0;
  let messages = 0;
  let durationSeconds = 0;
  let nightEvents = 0;
  let withheld = 0;
  for (const hit of hits) {
    let contact = hit.other ? contacts.get(hit.other) : undefined;
    if (!hit.other) withheld += 1;
    else if (!contact) {
      contact = {
        id: hit.other,
        number: hit.number,
        numberType: phoneNumberType(hit.number),
        calls: 0,
        messages: 0,
        durationSeconds: 0,
        outgoing: 0,
        incoming: 0,
        firstAt: hit.at,
        lastAt: hit.at,
      };
      contacts.set(hit.other, contact);
    }
    if (contact) {
      if (hit.sms) contact.messages += 1;
      else contact.calls += 1;
      contact.durationSeconds += hit.duration;
      if (hit.outgoing) contact.outgoing += 1;
      else contact.incoming += 1;
      contact.lastAt = hit.at;
    }
    if (hit.sms) messages += 1;
    else calls += 1;
    durationSeconds += hit.duration;
    // Night, weekday and day are the workspace zone's wall clock.
    const local = zonedParts(hit.at, period.zone);
    const hour = Number(local.hour);
    if (hour >= 22 || hour < 6) nightEvents += 1;
    const day = `${local.year}-${local.month}-${local.day}`;
    heatmap[(new Date(`${day}T00:00:00.000Z`).getUTCDay() + 6) % 7]![hour]! += 1;
    const count = daily.get(day) ?? { day, calls: 0, messages: 0 };
    if (hit.sms) count.messages += 1;
    else count.calls += 1;
    daily.set(day, count);
  }
  const people = [...contacts.values()].filter(
    (contact) => query.includeService || !serviceTypes.has(contact.numberType),
  );
  const top = (key: (contact: ProfileContact) => number) =>
    [...people]
      .sort((a, b) => key(b) - key(a) || a.number.localeCompare(b.number))
      .slice(0, query.limit);
  const firstSeen = period.from ? firsts() : null;
  return {
    from: period.from,
    to: period.to,
    calls,
    messages,
    durationSeconds,
    // Counted as the lists are: service numbers (10086) left out unless asked for.
    contacts: people.length,
    firstAt: hits[0]?.at ?? null,
    lastAt: hits.at(-1)?.at ?? null,
    activeDays: daily.size,
    nightEvents,
    withheld,
    topByCount: top((contact) => contact.calls + contact.messages),
    topByDuration: top((contact) => contact.durationSeconds),
    newContacts: firstSeen
      ? people
          .filter((contact) => firstSeen.get(contact.id)! >= period.from!)
          .sort((a, b) => a.firstAt.localeCompare(b.firstAt) || a.number.localeCompare(b.number))
          .slice(0, query.limit)
      : [],
    heatmap,
    daily: [...daily.values()],
  };
}

/**
 * A phone's contact profile for a period: totals, top contacts by count and by duration, new
 * contacts, night activity, active days, the hour × weekday heat matrix and the daily
 * histogram (in the workspace's zone); with a second period, the same for it and who came and went.
 */
export function contactProfile(db: Executor, query: ContactProfileQuery): ContactProfileResult {
  const phone = resolvePhone(db, query.phone);
  let firsts: Map<string, string> | undefined;
  const firstSeen = () => (firsts ??= firstContacts(db, phone.id));
  const period = periodOf(query, workspaceTimeZone(db));
  const hits = hitsOf(db, phone.id, period);
  const first = profileOf(hits, period, firstSeen, query);
  if (query.compareFrom === undefined && query.compareTo === undefined)
    return { phone, period: first, compare: null };
  const otherPeriod = periodOf({ from: query.compareFrom, to: query.compareTo }, period.zone);
  const otherHits = hitsOf(db, phone.id, otherPeriod);
  const second = profileOf(otherHits, otherPeriod, firstSeen, query);
  const numbers = (hits: Hit[]) =>
    new Set(
      hits
        .filter((hit) => query.includeService || !serviceTypes.has(phoneNumberType(hit.number)))
        .map((hit) => hit.number),
    );
  const before = numbers(hits);
  const after = numbers(otherHits);
  return {
    phone,
    period: first,
    compare: {
      ...second,
      gained: [...after].filter((number) => !before.has(number)).sort(),
      lost: [...before].filter((number) => !after.has(number)).sort(),
    },
  };
}
