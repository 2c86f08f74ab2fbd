import { sql } from 'drizzle-orm';
import type { MapStation } from '../../api/schemas/map-schemas';
import type { Executor } from '../db/database-types';
import { periodOf, unixPeriodCondition } from '../analytics/analytics-scope';
import { workspaceTimeZone } from '../settings/settings-service';

/** Phones named per station; the rest are counted. */
const phonesNamed = 20;

/**
 * The base stations a call list placed (cell_sites) that the case's phones (every phone, without
 * a case) were seen on in the period: by their calls and texts as the list's target, and by
 * their data sessions. Each at its position with its address and the phones seen there, most
 * sightings first. A cell placed by two imports stands where the earlier import put it.
 */
export function placedStations(
  db: Executor,
  query: { caseId?: string; from?: string; to?: string },
): MapStation[] {
  const sites = new Map<string, { lng: number; lat: number; address: string | null }>();
  for (const site of db.all<{ cell: string; lng: number; lat: number; address: string | null }>(
    sql`SELECT s.cell, s.longitude AS lng, s.latitude AS lat, s.address
      FROM cell_sites s JOIN imports i ON i.id = s.import_id ORDER BY i.num, s.cell`,
  ))
    if (!sites.has(site.cell)) sites.set(site.cell, site);
  if (!sites.size) return [];
  const period = periodOf(query, workspaceTimeZone(db));
  const placed = sql`(SELECT cell FROM cell_sites)`;
  const inCase = query.caseId
    ? sql`AND x.id IN (SELECT entity_id FROM case_entities WHERE case_id = ${query.caseId})`
    : sql``;
  const seen = db.all<{ cell: string; number: string; sightings: number }>(sql`
    SELECT x.cell, p.number, COUNT(*) AS sightings FROM (
      SELECT c.base_station AS cell,
        CASE c.own_end WHEN 1 THEN r.from_entity_id ELSE r.to_entity_id END AS id
      FROM call_records c JOIN relations r ON r.num = c.relation_num
      WHERE c.base_station IN ${placed} AND c.own_end IS NOT NULL
        AND (r.deleted_at IS NULL OR r.merged_away = 1)
        AND ${unixPeriodCondition(sql`c.started_unix`, period)}
        -- A second export of a row counted already on the same phone's list is no sighting.
        AND (c.copy_of IS NULL OR NOT EXISTS (SELECT 1 FROM call_records o
          WHERE o.id = c.copy_of AND o.own_end = c.own_end AND o.base_station = c.base_station))
      UNION ALL
      SELECT d.base_station, d.phone_id FROM data_sessions d
      WHERE d.base_station IN ${placed} AND d.copy_of IS NULL
        AND ${unixPeriodCondition(sql`d.started_unix`, period)}
    ) x JOIN entities e ON e.id = x.id AND e.deleted_at IS NULL AND e.merged_into_id IS NULL
      JOIN phones p ON p.entity_id = x.id
    WHERE 1 = 1 ${inCase}
    GROUP BY x.cell, x.id
    ORDER BY x.cell, sightings DESC, p.number`);
  const stations = new Map<string, MapStation>();
  for (const row of seen) {
    let station = stations.get(row.cell);
    if (!station) {
      const site = sites.get(row.cell)!;
      station = { cell: row.cell, ...site, phones: [], phoneCount: 0, sightings: 0 };
      stations.set(row.cell, station);
    }
    if (station.phones.length < phonesNamed)
      station.phones.push({ number: row.number, sightings: row.sightings });
    station.phoneCount += 1;
    station.sightings += row.sightings;
  }
  return [...stations.values()].sort(
    (a, b) => b.sightings - a.sightings || a.cell.localeCompare(b.cell),
  );
}
