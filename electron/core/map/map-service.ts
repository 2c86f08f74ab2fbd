import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  MapData,
  mapDataInput,
  mapExportInput,
  mapLocatePlaceInput,
} from '../../api/schemas/map-schemas';
import { AppError } from '../app-error';
import { assertCaseExists } from '../membership/case-guards';
import type { Executor } from '../db/database-types';
import type { UnlockedWorkspace } from '../vault/unlocked-workspace';
import { aggregateFlows, type SeizedAmount } from './map-flows';
import { householdRegion, regionOfText, type MapRegion } from './map-regions';
import { provinceOfCode, provinces } from './province-table';
import { prefecturePoint } from './prefecture-points';
import { placedStations } from './map-stations';

type MapQuery = z.output<typeof mapDataInput>;

interface PlaceRow {
  entityId: string;
  name: string;
  locationType: string;
  region: string | null;
  address: string | null;
  lat: number;
  lng: number;
}

interface Located {
  region: MapRegion | null;
  lng: number | null;
  lat: number | null;
}

const live = (alias: string) =>
  sql.raw(`${alias}.deleted_at IS NULL AND ${alias}.merged_into_id IS NULL`);

/** `AND <column> IN the case`, or nothing for the whole workspace. */
function inCase(column: SQL, caseId: string | undefined): SQL {
  return caseId
    ? sql`AND ${column} IN (SELECT entity_id FROM case_entities WHERE case_id = ${caseId})`
    : sql``;
}

/** `AND substr(<column>, 1, 10)` within the period (dates inclusive). */
function inPeriod(column: SQL, query: MapQuery): SQL {
  return sql`${query.from ? sql`AND substr(${column}, 1, 10) >= ${query.from}` : sql``}
    ${query.to ? sql`AND substr(${column}, 1, 10) <= ${query.to}` : sql``}`;
}

function locatedPlaces(db: Executor, caseId?: string): PlaceRow[] {
  return db.all<PlaceRow>(sql`
    SELECT l.entity_id AS entityId, l.name, l.location_type AS locationType, l.region, l.address,
      l.latitude AS lat, l.longitude AS lng
    FROM locations l JOIN entities e ON e.id = l.entity_id
    WHERE ${live('e')} AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL
      ${inCase(sql`l.entity_id`, caseId)}
    ORDER BY l.name, l.entity_id`);
}

/**
 * Resolves regions and points for one map: prefectures named in the records (households,
 * place texts with a province) are recognised again in texts that leave the province out
 * (滨江市江干区… → 浙江/滨江市); a region's point is the mean of its located places, else the
 * provincial capital.
 */
class RegionResolver {
  private readonly prefectures = new Map<string, MapRegion>();
  private readonly placeRegions = new Map<string, MapRegion | null>();
  readonly used = new Map<string, MapRegion>();

  constructor(
    private readonly places: PlaceRow[],
    households: (MapRegion | null)[],
  ) {
    for (const region of households) this.learn(region);
    for (const place of places)
      this.learn(regionOfText(place.region) ?? regionOfText(place.address));
    for (const place of places) {
      this.placeRegions.set(
        place.entityId,
        this.ofText(place.region) ?? this.ofText(place.address) ?? this.ofText(place.name),
      );
    }
  }

  private learn(region: MapRegion | null) {
    if (region?.prefectureName && !this.prefectures.has(region.prefectureName))
      this.prefectures.set(region.prefectureName, region);
  }

  use(region: MapRegion | null): MapRegion | null {
    if (region) this.used.set(region.key, region);
    return region;
  }

  /** The region a text names, with or without its province. */
  ofText(text: string | null | undefined): MapRegion | null {
    if (!text) return null;
    const named = regionOfText(text);
    if (named) return named;
    for (const [name, region] of this.prefectures) if (text.includes(name)) return region;
    return null;
  }

  ofPlace(entityId: string): MapRegion | null {
    return this.placeRegions.get(entityId) ?? null;
  }

  /** A place text: a located place of that name, else the point of the region it names. */
  locateText(text: string | null | undefined): Located {
    if (!text) return { region: null, lng: null, lat: null };
    const place = this.places.find((candidate) => candidate.name === text.trim());
    if (place)
      return { region: this.use(this.ofPlace(place.entityId)), lng: place.lng, lat: place.lat };
    const region = this.use(this.ofText(text));
    if (!region) return { region: null, lng: null, lat: null };
    const point = this.point(region);
    return { region, lng: point.lng, lat: point.lat };
  }

  point(region: MapRegion): {
    lng: number;
    lat: number;
    locatedBy: 'places' | 'prefecture' | 'capital';
  } {
    const inRegion = this.places.filter(
      (place) => this.ofPlace(place.entityId)?.key === region.key,
    );
    if (inRegion.length) {
      const mean = (values: number[]) =>
        Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 1e6) / 1e6;
      return {
        lng: mean(inRegion.map((place) => place.lng)),
        lat: mean(inRegion.map((place) => place.lat)),
        locatedBy: 'places',
      };
    }
    // A prefecture with no located place: its centre (瑞丽 and 昆明 had both stood on the
    // province's capital, the flow between them of no length).
    const prefecture = region.prefectureName
      ? prefecturePoint(region.provinceCode, region.prefectureName)
      : null;
    if (prefecture) return { ...prefecture, locatedBy: 'prefecture' };
    const capital = provinceOfCode(region.provinceCode)!;
    return { lng: capital.lng, lat: capital.lat, locatedBy: 'capital' };
  }
}

/**
 * The map of a case (or of all cases) in a period: located places, seizures by place, people
 * by 户籍地 and place of arrest, supply relations as flows between regions, and the base stations
 * call lists placed where the case's phones were.
 */
export function mapData(db: Executor, query: MapQuery): MapData {
  if (query.caseId) assertCaseExists(db, query.caseId);
  const caseFilter = (column: SQL) => (query.caseId ? sql`AND ${column} = ${query.caseId}` : sql``);

  const allPlaces = locatedPlaces(db);
  const casePlaces = query.caseId ? locatedPlaces(db, query.caseId) : allPlaces;

  const persons = db.all<{
    entityId: string;
    name: string;
    idNumber: string | null;
    household: string | null;
  }>(sql`
    SELECT p.entity_id AS entityId, p.name, p.id_number AS idNumber, p.household
    FROM persons p JOIN entities e ON e.id = p.entity_id
    WHERE ${live('e')} ${inCase(sql`p.entity_id`, query.caseId)}
    ORDER BY p.name, p.entity_id`);
  const households = new Map(
    persons.map((person) => [person.entityId, householdRegion(person.idNumber, person.household)]),
  );
  const resolver = new RegionResolver(allPlaces, [...households.values()]);

  const seizureRows = db.all<{
    id: string;
    seizedAt: string;
    drugType: string;
    amount: number;
    normalisedUnit: string;
    quantityUnit: string;
    caseNo: string;
    place: string | null;
    locationId: string | null;
    fromEntityId: string | null;
  }>(sql`
    SELECT s.id, s.seized_at AS seizedAt, s.drug_type AS drugType,
      s.quantity_normalised AS amount, s.normalised_unit AS normalisedUnit,
      s.quantity_unit AS quantityUnit, c.case_no AS caseNo, s.place,
      s.location_entity_id AS locationId, s.from_entity_id AS fromEntityId
    FROM seizures s JOIN cases c ON c.id = s.case_id
    WHERE s.deleted_at IS NULL ${caseFilter(sql`s.case_id`)} ${inPeriod(sql`s.seized_at`, query)}
    ORDER BY s.seized_at, s.id`);
  const placeById = new Map(allPlaces.map((place) => [place.entityId, place]));
  const seizures = seizureRows.map((row) => {
    const place = row.locationId ? placeById.get(row.locationId) : undefined;
    const located: Located = place
      ? { region: resolver.use(resolver.ofPlace(place.entityId)), lng: place.lng, lat: place.lat }
      : resolver.locateText(row.place);
    return {
      id: row.id,
      seizedAt: row.seizedAt,
      drugType: row.drugType,
      amount: row.amount,
      normalisedUnit: row.normalisedUnit,
      quantityUnit: row.quantityUnit,
      caseNo: row.caseNo,
      place: place?.name ?? row.place,
      lng: located.lng,
      lat: located.lat,
      provinceCode: located.region?.provinceCode ?? null,
      locationId: place?.entityId ?? null,
    };
  });
  const seizedFrom = new Map<string, SeizedAmount[]>();
  for (const row of seizureRows) {
    if (!row.fromEntityId) continue;
    const list = seizedFrom.get(row.fromEntityId) ?? [];
    list.push({ drugType: row.drugType, normalisedUnit: row.normalisedUnit, amount: row.amount });
    seizedFrom.set(row.fromEntityId, list);
  }

  // The first arrest of each person in the period; its place is a linked located place, else its text.
  const arrests = db.all<{ entityId: string; eventId: string; place: string | null }>(sql`
    SELECT ee.entity_id AS entityId, ev.id AS eventId, ev.place
    FROM events ev JOIN event_entities ee ON ee.event_id = ev.id
    WHERE ev.deleted_at IS NULL AND ev.kind = 'arrest' ${caseFilter(sql`ev.case_id`)}
      ${inPeriod(sql`ev.occurred_at`, query)}
    ORDER BY ev.occurred_at, ev.id`);
  const eventPlaces = new Map<string, PlaceRow>();
  for (const arrest of arrests) {
    const place = placeById.get(arrest.entityId);
    if (place && !eventPlaces.has(arrest.eventId)) eventPlaces.set(arrest.eventId, place);
  }
  const arrestOf = new Map<string, { place: string | null } & Located>();
  for (const arrest of arrests) {
    if (arrestOf.has(arrest.entityId) || placeById.has(arrest.entityId)) continue;
    const place = eventPlaces.get(arrest.eventId);
    arrestOf.set(
      arrest.entityId,
      place
        ? {
            place: place.name,
            region: resolver.use(resolver.ofPlace(place.entityId)),
            lng: place.lng,
            lat: place.lat,
          }
        : { place: arrest.place, ...resolver.locateText(arrest.place) },
    );
  }

  const people = persons.map((person) => {
    const arrest = arrestOf.get(person.entityId);
    return {
      entityId: person.entityId,
      name: person.name,
      householdKey: resolver.use(households.get(person.entityId) ?? null)?.key ?? null,
      arrestPlace: arrest?.place ?? null,
      arrestKey: arrest?.region?.key ?? null,
      arrestLng: arrest?.lng ?? null,
      arrestLat: arrest?.lat ?? null,
    };
  });

  // Supply relations overlapping the period (undated ones are kept: their period is unknown). One
  // with no end ran until either party was caught, or the case was solved or closed: it had been
  // drawn in any later period too (a flow in 2030 of a ring taken in 2026).
  const ranUntil = sql`COALESCE(r.ended_on,
    (SELECT MIN(ce.caught_on) FROM case_entities ce
      WHERE ce.entity_id IN (r.from_entity_id, r.to_entity_id) AND ce.caught_on IS NOT NULL),
    (SELECT COALESCE(k.solved_on, k.closed_on) FROM cases k WHERE k.id = r.case_id))`;
  const links = db.all<{
    fromEntityId: string;
    toEntityId: string;
    fromIdNumber: string | null;
    fromHousehold: string | null;
    fromAddress: string | null;
    toIdNumber: string | null;
    toHousehold: string | null;
    toAddress: string | null;
  }>(sql`
    SELECT r.from_entity_id AS fromEntityId, r.to_entity_id AS toEntityId,
      pf.id_number AS fromIdNumber, pf.household AS fromHousehold,
      COALESCE(ofr.address, lf.region, lf.address) AS fromAddress,
      pt.id_number AS toIdNumber, pt.household AS toHousehold,
      COALESCE(oto.address, lt.region, lt.address) AS toAddress
    FROM relations r
      JOIN entities ef ON ef.id = r.from_entity_id AND ${live('ef')}
      JOIN entities et ON et.id = r.to_entity_id AND ${live('et')}
      LEFT JOIN persons pf ON pf.entity_id = r.from_entity_id
      LEFT JOIN persons pt ON pt.entity_id = r.to_entity_id
      LEFT JOIN organisations ofr ON ofr.entity_id = r.from_entity_id
      LEFT JOIN organisations oto ON oto.entity_id = r.to_entity_id
      LEFT JOIN locations lf ON lf.entity_id = r.from_entity_id
      LEFT JOIN locations lt ON lt.entity_id = r.to_entity_id
    WHERE r.deleted_at IS NULL AND r.type = 'supplies' ${caseFilter(sql`r.case_id`)}
      ${query.to ? sql`AND (r.started_on IS NULL OR r.started_on <= ${query.to})` : sql``}
      ${query.from ? sql`AND (${ranUntil} IS NULL OR substr(${ranUntil}, 1, 10) >= ${query.from})` : sql``}
    ORDER BY r.id`);
  const regionOf = new Map<string, MapRegion>();
  const note = (
    entityId: string,
    idNumber: string | null,
    household: string | null,
    address: string | null,
  ) => {
    if (regionOf.has(entityId)) return;
    const region =
      households.get(entityId) ??
      (idNumber || household ? householdRegion(idNumber, household) : null) ??
      resolver.ofText(address);
    if (region) regionOf.set(entityId, region);
  };
  for (const link of links) {
    note(link.fromEntityId, link.fromIdNumber, link.fromHousehold, link.fromAddress);
    note(link.toEntityId, link.toIdNumber, link.toHousehold, link.toAddress);
  }
  const aggregate = aggregateFlows(links, regionOf, seizedFrom);
  const regionsByKey = new Map([...regionOf.values()].map((region) => [region.key, region]));
  for (const flow of aggregate.flows) {
    resolver.use(regionsByKey.get(flow.fromKey)!);
    resolver.use(regionsByKey.get(flow.toKey)!);
  }

  const seizuresAt = new Map<string, number>();
  for (const seizure of seizures)
    if (seizure.locationId)
      seizuresAt.set(seizure.locationId, (seizuresAt.get(seizure.locationId) ?? 0) + 1);
  const placesOut = casePlaces.map((place) => ({
    entityId: place.entityId,
    name: place.name,
    locationType: place.locationType,
    region: resolver.use(resolver.ofPlace(place.entityId))?.key ?? null,
    lng: place.lng,
    lat: place.lat,
    seizures: seizuresAt.get(place.entityId) ?? 0,
  }));

  const counts = new Map<
    string,
    { places: number; seizures: number; households: number; arrests: number }
  >();
  const bump = (
    code: string | null | undefined,
    field: 'places' | 'seizures' | 'households' | 'arrests',
  ) => {
    if (!code) return;
    const entry = counts.get(code) ?? { places: 0, seizures: 0, households: 0, arrests: 0 };
    entry[field] += 1;
    counts.set(code, entry);
  };
  const provinceOfKey = (key: string | null) => (key ? key.slice(0, 6) : null);
  for (const place of placesOut) bump(provinceOfKey(place.region), 'places');
  for (const seizure of seizures) bump(seizure.provinceCode, 'seizures');
  for (const person of people) {
    bump(provinceOfKey(person.householdKey), 'households');
    bump(provinceOfKey(person.arrestKey), 'arrests');
  }

  return {
    caseId: query.caseId ?? null,
    regions: [...resolver.used.values()]
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((region) => ({ ...region, ...resolver.point(region) })),
    provinces: provinces
      .filter((province) => counts.has(province.code))
      .map((province) => ({
        code: province.code,
        mapName: province.mapName,
        ...counts.get(province.code)!,
      })),
    places: placesOut,
    seizures: seizures.map(({ locationId: _unused, ...seizure }) => seizure),
    people,
    flows: aggregate.flows,
    stations: placedStations(db, query),
    localLinks: aggregate.local,
    unplacedLinks: aggregate.unplaced,
  };
}

/** Sets the coordinates of a location entity, typed or picked on the map; audited. */
export function locatePlace(
  workspace: UnlockedWorkspace,
  input: z.output<typeof mapLocatePlaceInput>,
): { ok: true } {
  return workspace.write(
    (tx) => {
      const found = tx.get<{ entityId: string }>(sql`
        SELECT l.entity_id AS entityId FROM locations l JOIN entities e ON e.id = l.entity_id
        WHERE l.entity_id = ${input.entityId} AND ${live('e')}`);
      if (!found) throw new AppError('entities.notFound', 'No such place');
      const now = workspace.now();
      tx.run(sql`UPDATE locations SET latitude = ${input.lat}, longitude = ${input.lng}
        WHERE entity_id = ${input.entityId}`);
      tx.run(sql`UPDATE entities SET updated_at = ${now}, updated_by = ${workspace.user.id}
        WHERE id = ${input.entityId}`);
      return { ok: true as const };
    },
    {
      action: 'map.placeLocated',
      targetType: 'entity',
      targetId: input.entityId,
      details: { lat: input.lat, lng: input.lng },
    },
  );
}

/** The map leaves the workspace as an SVG or PNG drawn by the view: recorded before the file is made. */
export function recordMapExport(
  workspace: UnlockedWorkspace,
  input: z.output<typeof mapExportInput>,
): { ok: true } {
  if (input.caseId) assertCaseExists(workspace.db, input.caseId);
  workspace.audit({
    action: 'map.exported',
    targetType: input.caseId ? 'case' : 'workspace',
    targetId: input.caseId ?? null,
    details: {
      caseId: input.caseId ?? null,
      format: input.format,
      from: input.from ?? null,
      to: input.to ?? null,
      classification: input.classification,
    },
  });
  return { ok: true };
}
