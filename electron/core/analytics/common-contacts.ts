import { sql } from 'drizzle-orm';
import { phoneNumberType, serviceNumberTypes } from '../../api/domain/identifiers';
import type { CommonContact, CommonContactsResult } from '../../api/schemas/analytics-schemas';
import type { Executor } from '../db/database-types';
import { isoOfUnix } from '../db/unix-time';
import {
  inList,
  unixPeriodCondition,
  periodOf,
  resolvePhone,
  suspectPhones,
  type PhoneRow,
} from './analytics-scope';
import { workspaceTimeZone } from '../settings/settings-service';

/** Far-end types that are not people: left out of 话单碰撞 unless asked for. */
export const serviceTypes = serviceNumberTypes;

interface CommonContactsQuery {
  phones?: string[];
  caseId?: string;
  minTargets: number;
  from?: string;
  to?: string;
  includeService: boolean;
  limit: number;
  offset: number;
}

interface PairRow {
  target: string;
  other: string;
  number: string;
  outgoing: number;
  calls: number;
  messages: number;
  duration: number;
  firstAt: string;
  lastAt: string;
}

/** The target phones of a query: the named ones, then the case's suspects' phones, once each. */
function targetPhones(db: Executor, input: { phones?: string[]; caseId?: string }): PhoneRow[] {
  const targets = new Map<string, PhoneRow>();
  for (const ref of input.phones ?? []) {
    const phone = resolvePhone(db, ref);
    targets.set(phone.id, phone);
  }
  if (input.caseId)
    for (const phone of suspectPhones(db, input.caseId)) targets.set(phone.id, phone);
  return [...targets.values()];
}

/**
 * 话单碰撞: the numbers in touch with at least `minTargets` of the target phones, with what
 * passed between each of them and each target (calls, messages, seconds, direction, first and
 * last contact). One grouped query over the two traversal indexes of `relations` and
 * `call_records_relation_idx` (covering); ordered by how many targets, then how many contacts.
 * A call in both parties' lists counts once: the copies the import marked are left out, and
 * rows of one relation at one second and kind (older imports, the parts of a long text) are one.
 */
export function commonContacts(db: Executor, input: CommonContactsQuery): CommonContactsResult {
  const targets = targetPhones(db, input);
  if (!targets.length) return { targets: [], rows: [], total: 0 };
  const period = periodOf(input, workspaceTimeZone(db));
  const ids = inList(targets.map((phone) => phone.id));
  const when = unixPeriodCondition(sql`c.started_unix`, period);
  // Only numbers linked to at least `minTargets` targets can be common contacts: found from the
  // relations alone (a few thousand rows), so the records read are only theirs (a few percent
  // of the targets' records). The count is checked again on the records of the period below.
  const pairs = db.all<PairRow>(sql`
    WITH links AS (
      SELECT r.from_entity_id AS target, r.to_entity_id AS other FROM relations r
      WHERE r.from_entity_id IN (${ids}) AND r.type = 'calls' AND r.deleted_at IS NULL
      UNION
      SELECT r.to_entity_id, r.from_entity_id FROM relations r
      WHERE r.to_entity_id IN (${ids}) AND r.type = 'calls' AND r.deleted_at IS NULL
    ),
    candidates AS (
      SELECT other FROM links WHERE other <> target
      GROUP BY other HAVING COUNT(*) >= ${input.minTargets}
    ),
    hits AS (
      SELECT r.from_entity_id AS target, r.to_entity_id AS other, 1 AS outgoing, c.kind AS kind,
             c.started_unix AS started_at, MAX(c.duration_seconds) AS duration_seconds
      FROM relations r JOIN call_records c ON c.relation_num = r.num
      WHERE r.from_entity_id IN (${ids}) AND r.to_entity_id IN (SELECT other FROM candidates)
        AND r.type = 'calls' AND r.deleted_at IS NULL AND ${when} AND c.copy_of IS NULL
      GROUP BY c.relation_num, c.started_unix, c.kind
      UNION ALL
      SELECT r.to_entity_id, r.from_entity_id, 0, c.kind, c.started_unix, MAX(c.duration_seconds)
      FROM relations r JOIN call_records c ON c.relation_num = r.num
      WHERE r.to_entity_id IN (${ids}) AND r.from_entity_id IN (SELECT other FROM candidates)
        AND r.type = 'calls' AND r.deleted_at IS NULL AND ${when} AND c.copy_of IS NULL
      GROUP BY c.relation_num, c.started_unix, c.kind
    )
    SELECT h.target AS target, h.other AS other, p.number AS number,
           SUM(h.outgoing) AS outgoing,
           SUM(h.kind <> 'sms') AS calls, SUM(h.kind = 'sms') AS messages,
           SUM(h.duration_seconds) AS duration,
           ${isoOfUnix(sql`MIN(h.started_at)`)} AS firstAt, ${isoOfUnix(sql`MAX(h.started_at)`)} AS lastAt
    FROM hits h
    JOIN entities e ON e.id = h.other AND e.deleted_at IS NULL
    JOIN phones p ON p.entity_id = h.other
    WHERE h.other <> h.target
    GROUP BY h.target, h.other`);

  const numberOf = new Map(targets.map((phone) => [phone.id, phone.number]));
  const byContact = new Map<string, CommonContact>();
  for (const pair of pairs) {
    const numberType = phoneNumberType(pair.number);
    if (!input.includeService && serviceTypes.has(numberType)) continue;
    let contact = byContact.get(pair.other);
    if (!contact) {
      contact = {
        id: pair.other,
        number: pair.number,
        numberType,
        targetCount: 0,
        calls: 0,
        messages: 0,
        durationSeconds: 0,
        firstAt: pair.firstAt,
        lastAt: pair.lastAt,
        perTarget: [],
      };
      byContact.set(pair.other, contact);
    }
    const total = pair.calls + pair.messages;
    contact.targetCount += 1;
    contact.calls += pair.calls;
    contact.messages += pair.messages;
    contact.durationSeconds += pair.duration;
    if (pair.firstAt < contact.firstAt) contact.firstAt = pair.firstAt;
    if (pair.lastAt > contact.lastAt) contact.lastAt = pair.lastAt;
    contact.perTarget.push({
      targetId: pair.target,
      targetNumber: numberOf.get(pair.target)!,
      calls: pair.calls,
      messages: pair.messages,
      durationSeconds: pair.duration,
      outgoing: pair.outgoing,
      incoming: total - pair.outgoing,
      firstAt: pair.firstAt,
      lastAt: pair.lastAt,
    });
  }
  const found = [...byContact.values()]
    .filter((contact) => contact.targetCount >= input.minTargets)
    .sort(
      (a, b) =>
        b.targetCount - a.targetCount ||
        b.calls + b.messages - (a.calls + a.messages) ||
        a.number.localeCompare(b.number),
    );
  for (const contact of found)
    contact.perTarget.sort((a, b) => a.targetNumber.localeCompare(b.targetNumber));
  return {
    targets: targets.map((phone) => ({ id: phone.id, number: phone.number })),
    rows: found.slice(input.offset, input.offset + input.limit),
    total: found.length,
  };
}
