import { sql, type SQL } from 'drizzle-orm';
import type {
  TimelineLine,
  TimelineMark,
  TimelineResult,
} from '../../api/schemas/analytics-schemas';
import { zonedDay, zonedDayStart } from '../../api/domain/time-zone';
import { AppError } from '../app-error';
import type { Executor } from '../db/database-types';
import { isoOfUnix } from '../db/unix-time';
import { workspaceTimeZone } from '../settings/settings-service';
import {
  inList,
  periodCondition,
  periodOf,
  unixPeriodCondition,
  type Period,
} from './analytics-scope';

interface TimelineQuery {
  entityIds?: string[];
  caseId?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** More lines than a screen can tell apart; a case with more shows its first ones. */
const maxLines = 80;

/**
 * A stored date or instant as a UTC ISO instant: a bare day (YYYY-MM-DD) is 00:00 of that day
 * in the workspace's zone (China time by default), so day facts and imported records sort on
 * one axis and a period of days takes the same days. The zone's offset is taken at the
 * period's start (or today): SQLite knows no zones, and a day fact has no time to shift by.
 */
function instant(column: SQL, period: Period): SQL {
  const day = zonedDay(period.from ?? new Date().toISOString(), period.zone);
  const aheadMinutes =
    (Date.parse(`${day}T00:00:00.000Z`) - Date.parse(zonedDayStart(day, period.zone))) / 60_000;
  return sql`(CASE WHEN length(${column}) = 10
    THEN strftime('%Y-%m-%dT%H:%M:%fZ', ${column}, ${`${-aheadMinutes} minutes`}) ELSE ${column} END)`;
}

function precisionOf(column: SQL): SQL {
  return sql`(CASE WHEN length(${column}) = 10 THEN 'day' ELSE 'minute' END)`;
}

/** The live entity a (possibly merged) entity stands for, with its line label. */
function resolveLine(db: Executor, id: string): TimelineLine {
  let current = id;
  for (let step = 0; step < 16; step += 1) {
    const row = db.get<{ id: string; kind: string; label: string; merged: string | null }>(
      sql`SELECT id, kind, label, merged_into_id AS merged FROM entities
          WHERE id = ${current} AND deleted_at IS NULL`,
    );
    if (!row) break;
    if (!row.merged) return { id: row.id, kind: row.kind, label: row.label };
    current = row.merged;
  }
  throw new AppError('analytics.entityNotFound', 'The entity is not in the workspace', {
    entity: id,
  });
}

/**
 * The lines of a case: the case itself, its suspects (each followed by the phones and
 * accounts they own or use), then the case's other phones and accounts.
 */
function caseLines(db: Executor, caseId: string): TimelineLine[] {
  const found = db.get<{ caseNo: string; title: string }>(
    sql`SELECT case_no AS caseNo, title FROM cases WHERE id = ${caseId} AND deleted_at IS NULL`,
  );
  if (!found) throw new AppError('cases.notFound', 'Case not found');
  const live = sql`e.deleted_at IS NULL AND e.merged_into_id IS NULL`;
  const suspects = db.all<TimelineLine>(sql`
    SELECT e.id AS id, e.kind AS kind, e.label AS label FROM case_entities ce
    JOIN entities e ON e.id = ce.entity_id
    WHERE ce.case_id = ${caseId} AND ce.role_in_case = 'suspect' AND ${live}
      AND e.kind = 'person'
    ORDER BY e.label, e.id`);
  const lines: TimelineLine[] = [{ id: caseId, kind: 'case', label: found.caseNo }];
  const seen = new Set<string>([caseId]);
  const add = (line: TimelineLine) => {
    if (seen.has(line.id)) return;
    seen.add(line.id);
    lines.push(line);
  };
  for (const suspect of suspects) {
    add(suspect);
    const held = db.all<TimelineLine>(sql`
      SELECT e.id AS id, e.kind AS kind, e.label AS label FROM entities e
      WHERE ${live} AND e.kind IN ('phone', 'account') AND e.id IN (
        SELECT to_entity_id FROM relations WHERE from_entity_id = ${suspect.id}
          AND type IN ('owns', 'uses') AND deleted_at IS NULL
        UNION SELECT from_entity_id FROM relations WHERE to_entity_id = ${suspect.id}
          AND type IN ('owns', 'uses') AND deleted_at IS NULL)
      ORDER BY e.kind DESC, e.label, e.id`);
    held.forEach(add);
  }
  const others = db.all<TimelineLine>(sql`
    SELECT e.id AS id, e.kind AS kind, e.label AS label FROM case_entities ce
    JOIN entities e ON e.id = ce.entity_id
    WHERE ce.case_id = ${caseId} AND ${live} AND e.kind IN ('phone', 'account')
    ORDER BY e.kind DESC, e.label, e.id`);
  others.forEach(add);
  return lines.slice(0, maxLines);
}

/**
 * Every mark source as one SELECT of (id, kind, at, precision, lineId, toLineId, label, detail,
 * count), each already limited to the lines and the period (so the period reaches the indexes:
 * relations by endpoint, then records by relation and time).
 */
function markSources(lineIds: string[], caseId: string | undefined, period: Period): SQL {
  const ids = inList(lineIds);
  const caseLine = caseId ?? '';
  const transferAt = sql`m.at`;
  const relationAt = instant(sql`r.started_on`, period);
  const seizureAt = sql`s.seized_at`;
  const measureAt = instant(sql`cm.taken_on`, period);
  const caughtAt = instant(sql`ce.caught_on`, period);
  const eventAt = instant(sql`ev.occurred_at`, period);
  // The line a call or transfer sits on (the first end that is a line) and the other line.
  const lineEnd = sql`CASE WHEN r.from_entity_id IN (${ids}) THEN r.from_entity_id ELSE r.to_entity_id END`;
  const otherLine = sql`CASE WHEN r.from_entity_id IN (${ids}) AND r.to_entity_id IN (${ids})
    AND r.to_entity_id <> r.from_entity_id THEN r.to_entity_id END`;
  const farLabel = sql`(SELECT label FROM entities WHERE id = CASE
    WHEN r.from_entity_id IN (${ids}) THEN r.to_entity_id ELSE r.from_entity_id END)`;
  const touching = sql`(r.from_entity_id IN (${ids}) OR r.to_entity_id IN (${ids}))
    AND r.deleted_at IS NULL`;
  const sources: SQL[] = [
    // Calls and messages; one row per call even when both parties' lists hold it.
    sql`SELECT 'call:' || MIN(c.id) AS id, CASE WHEN c.kind = 'sms' THEN 'sms' ELSE 'call' END AS kind,
        ${isoOfUnix(sql`c.started_unix`)} AS at, 'minute' AS precision, ${lineEnd} AS lineId,
        ${otherLine} AS toLineId, ${farLabel} AS label,
        CAST(MAX(c.duration_seconds) AS TEXT) AS detail, NULL AS count
      FROM relations r JOIN call_records c ON c.relation_num = r.num
      WHERE r.type = 'calls' AND ${touching} AND c.copy_of IS NULL
        AND ${unixPeriodCondition(sql`c.started_unix`, period)}
      GROUP BY c.relation_num, c.started_unix, c.kind`,
    // Calls and messages whose other number the carrier printed as unknown (隐藏号码): on the
    // phone's line, with no far end (an empty label).
    sql`SELECT 'alone:' || d.id, d.kind, ${isoOfUnix(sql`d.started_unix`)}, 'minute', d.phone_id,
        NULL, '', CAST(d.duration_seconds AS TEXT), NULL
      FROM data_sessions d
      WHERE d.phone_id IN (${ids}) AND d.kind IN ('call', 'sms') AND d.copy_of IS NULL
        AND ${unixPeriodCondition(sql`d.started_unix`, period)}`,
    // Transfers; the payer's and the payee's statements hold the same one.
    sql`SELECT 'transfer:' || MIN(m.id), 'transfer', m.at, 'minute', ${lineEnd}, ${otherLine},
        ${farLabel}, CAST(m.amount_fen AS TEXT), NULL
      FROM relations r JOIN money_transfers m ON m.relation_id = r.id
      WHERE r.type = 'finances' AND ${touching} AND m.copy_of IS NULL AND m.offset_of IS NULL
        AND ${periodCondition(transferAt, period)}
      GROUP BY m.relation_id, m.at, m.amount_fen`,
    // Calls and payments entered by hand (no detail records): one mark at their start.
    sql`SELECT 'relation:' || r.id, CASE WHEN r.type = 'calls' THEN 'call' ELSE 'transfer' END,
        ${relationAt}, ${precisionOf(sql`r.started_on`)}, ${lineEnd}, ${otherLine}, ${farLabel},
        CASE WHEN r.type = 'finances' THEN CAST(r.amount_fen AS TEXT)
          ELSE CAST(r.duration_seconds AS TEXT) END,
        COALESCE(r.event_count, 0) + COALESCE(r.message_count, 0)
      FROM relations r
      WHERE r.type IN ('calls', 'finances') AND ${touching} AND r.started_on IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM call_records WHERE relation_num = r.num)
        AND NOT EXISTS (SELECT 1 FROM money_transfers WHERE relation_id = r.id)
        AND ${periodCondition(relationAt, period)}`,
    // Seizures: on the line of the person they were taken from, else on the case's line.
    sql`SELECT 'seizure:' || s.id, 'seizure', s.seized_at, 'minute',
        CASE WHEN s.from_entity_id IN (${ids}) THEN s.from_entity_id ELSE ${caseLine} END, NULL,
        s.drug_type, s.quantity_value || ' ' || s.quantity_unit, NULL
      FROM seizures s
      WHERE s.deleted_at IS NULL AND ${periodCondition(seizureAt, period)}
        AND (s.from_entity_id IN (${ids}) OR s.case_id = ${caseLine})`,
    // Coercive measures with their dates (刑拘, 逮捕 …), of the case when it is a case timeline.
    sql`SELECT 'measure:' || cm.id, 'measure', ${measureAt}, 'day', cm.entity_id, NULL,
        cm.measure, NULL, NULL
      FROM case_measures cm
      WHERE cm.entity_id IN (${ids}) AND cm.taken_on IS NOT NULL AND cm.measure <> 'none'
        AND (${caseId === undefined ? 1 : 0} = 1 OR cm.case_id = ${caseLine}) AND ${periodCondition(measureAt, period)}`,
    // 到案/抓获 dates.
    sql`SELECT 'caught:' || ce.id, 'caught', ${caughtAt}, 'day', ce.entity_id, NULL,
        ce.role_in_case, NULL, NULL
      FROM case_entities ce
      WHERE ce.entity_id IN (${ids}) AND ce.caught_on IS NOT NULL
        AND (${caseId === undefined ? 1 : 0} = 1 OR ce.case_id = ${caseLine}) AND ${periodCondition(caughtAt, period)}`,
    // Events: on each line they name; a case event naming none of them on the case's line.
    sql`SELECT 'event:' || ev.id || ':' || ee.entity_id, 'event', ${eventAt},
        ${precisionOf(sql`ev.occurred_at`)}, ee.entity_id, NULL, ev.title, ev.kind, NULL
      FROM event_entities ee JOIN events ev ON ev.id = ee.event_id
      WHERE ee.entity_id IN (${ids}) AND ev.deleted_at IS NULL AND ${periodCondition(eventAt, period)}`,
  ];
  if (caseId !== undefined) {
    sources.push(sql`SELECT 'event:' || ev.id, 'event', ${eventAt},
        ${precisionOf(sql`ev.occurred_at`)}, ${caseId}, NULL, ev.title, ev.kind, NULL
      FROM events ev
      WHERE ev.case_id = ${caseId} AND ev.deleted_at IS NULL AND ${periodCondition(eventAt, period)}
        AND NOT EXISTS (SELECT 1 FROM event_entities ee
          WHERE ee.event_id = ev.id AND ee.entity_id IN (${ids}))`);
    // Case status dates: 受案, 立案, 破案, 移送起诉, 结案.
    for (const [column, name] of [
      ['accepted_on', 'accepted'],
      ['opened_on', 'opened'],
      ['solved_on', 'solved'],
      ['prosecuted_on', 'prosecuted'],
      ['closed_on', 'closed'],
    ] as const) {
      const on = sql.raw(`k.${column}`);
      sources.push(sql`SELECT ${`status:${name}`}, 'status', ${instant(on, period)}, 'day', k.id, NULL,
          ${name}, NULL, NULL
        FROM cases k WHERE k.id = ${caseId} AND ${on} IS NOT NULL
          AND ${periodCondition(instant(on, period), period)}`);
    }
  }
  return sql.join(sources, sql` UNION ALL `);
}

/**
 * The timeline of entities or of a case: its lines, and the marks on them in time order (one
 * page of them, with the total in the period). Ties in time keep a fixed order by mark ID.
 */
export function timeline(db: Executor, input: TimelineQuery): TimelineResult {
  const lines: TimelineLine[] = [];
  const seen = new Set<string>();
  const add = (line: TimelineLine) => {
    if (seen.has(line.id)) return;
    seen.add(line.id);
    lines.push(line);
  };
  if (input.caseId) caseLines(db, input.caseId).forEach(add);
  for (const id of input.entityIds ?? []) add(resolveLine(db, id));
  const entityLines = lines.filter((line) => line.kind !== 'case').map((line) => line.id);
  // An empty IN () is not SQL: a line ID no row carries stands in.
  const lineIds = entityLines.length ? entityLines : [''];
  const period = periodOf(input, workspaceTimeZone(db));
  const marks = markSources(lineIds, input.caseId, period);
  const summary = db.get<{ total: number; first: string | null; last: string | null }>(
    sql`SELECT count(*) AS total, MIN(at) AS first, MAX(at) AS last FROM (${marks})`,
  )!;
  const page = db.all<TimelineMark>(
    sql`SELECT * FROM (${marks}) ORDER BY at, id LIMIT ${input.limit} OFFSET ${input.offset}`,
  );
  return {
    lines,
    marks: page.map((mark) => ({ ...mark, count: mark.count ?? null })),
    total: summary.total,
    first: summary.first,
    last: summary.last,
  };
}
