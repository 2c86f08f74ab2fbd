import type { MapData } from '../../../../electron/api/schemas/map-schemas';
import { escapeMarkup } from '../../components/markup-text';

/** The texts the map draws, already translated (the option builder stays free of i18n). */
export interface MapTexts {
  title: string;
  subtitle: string;
  /** The classification mark at the top right (内部/秘密/机密); empty for none. */
  classification?: string;
  places: string;
  seizures: string;
  households: string;
  arrests: string;
  flows: string;
  outflows: string;
  /** Base stations placed by the call lists' coordinates. */
  stations: string;
  /** The phones seen on a base station, in its tooltip. */
  phonesSeen: (count: number) => string;
  /** Said of a region drawn at its provincial capital, for want of a located place in it. */
  atCapital: string;
  people: (count: number) => string;
  links: (count: number) => string;
  drug: (code: string) => string;
  amount: (amount: number, unit: string) => string;
}

/** The mark as the map's second title: bold red at the top right, as on a printed document. */
export function classificationTitle(mark: string) {
  return {
    text: mark,
    right: 24,
    top: 12,
    zlevel: titleLayer,
    textStyle: { fontSize: 20, fontWeight: 'bold' as const, color: '#cf1322' },
  };
}

/**
 * The title block's layer: above the map and its flows (their own layer, 2), on a white band,
 * so a zoomed map passes under it, not through the title and the classification mark (printed,
 * the mark had sat on the map).
 */
const titleLayer = 3;
const titleBandHeight = 64;

/** Layer names double as legend entries: clicking one hides or shows the layer. */
type MapLayer =
  'places' | 'seizures' | 'households' | 'arrests' | 'flows' | 'outflows' | 'stations';

const colours: Record<MapLayer, string> = {
  places: '#2f54eb',
  seizures: '#cf1322',
  households: '#389e0d',
  arrests: '#d46b08',
  flows: '#c41d7f',
  outflows: '#08979c',
  stations: '#531dab',
};

/** Stations labelled with their address up to this many; more are named on hover only. */
const labelledStations = 30;

/** An autonomous prefecture by its usual short name: 德宏傣族景颇族自治州 → 德宏州. */
const autonomousPrefecture =
  /^(.+?)(?:(?:傣|景颇|哈尼|彝|壮|苗|白|藏|傈僳|布依|侗|土家|朝鲜|蒙古|回|哈萨克|柯尔克孜|羌|纳西|黎|瑶|土|水|仫佬|拉祜|佤|畲|东乡|京|独龙|怒|普米|阿昌|德昂|布朗|基诺)族)+自治州$/;

function regionLabel(data: MapData, key: string): string {
  const region = data.regions.find((candidate) => candidate.key === key);
  if (!region) return key;
  return region.prefectureName?.replace(autonomousPrefecture, '$1州') ?? region.provinceName;
}

function point(data: MapData, key: string): [number, number] | null {
  const region = data.regions.find((candidate) => candidate.key === key);
  return region ? [region.lng, region.lat] : null;
}

/** People per region key, with their names for the tooltip. */
function byRegion(entries: { key: string | null; name: string }[]) {
  const groups = new Map<string, string[]>();
  for (const entry of entries) {
    if (!entry.key) continue;
    groups.set(entry.key, [...(groups.get(entry.key) ?? []), entry.name]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/**
 * The ECharts option of the map: provinces drawn from the shipped boundary data ('china',
 * registered by china-map.ts), the provinces the case touches shaded, then one series per layer.
 * Pure, so the picture depends on the data and the texts only.
 */
export function buildMapOption(data: MapData, texts: MapTexts) {
  const name = (layer: MapLayer) => texts[layer];
  const flowLabel = (flow: MapData['flows'][number]) =>
    [
      `${regionLabel(data, flow.fromKey)} → ${regionLabel(data, flow.toKey)}`,
      texts.links(flow.links),
      ...flow.seized.map(
        (s) => `${texts.drug(s.drugType)} ${texts.amount(s.amount, s.normalisedUnit)}`,
      ),
    ].join(' · ');
  const households = byRegion(data.people.map((p) => ({ key: p.householdKey, name: p.name })));
  const arrests = byRegion(data.people.map((p) => ({ key: p.arrestKey, name: p.name })));
  const outflows = new Map<string, { from: string; to: string; names: string[] }>();
  const placedSeizures = data.seizures.filter(
    (seizure) => seizure.lng !== null && seizure.lat !== null,
  );
  for (const person of data.people) {
    if (!person.householdKey || !person.arrestKey || person.householdKey === person.arrestKey)
      continue;
    const key = `${person.householdKey}→${person.arrestKey}`;
    const entry = outflows.get(key) ?? {
      from: person.householdKey,
      to: person.arrestKey,
      names: [],
    };
    entry.names.push(person.name);
    outflows.set(key, entry);
  }
  const regionPoint = (key: string, names: string[]) => {
    const region = data.regions.find((candidate) => candidate.key === key);
    const approximate = region?.locatedBy === 'capital' && region.prefectureName;
    return {
      name: `${regionLabel(data, key)}：${texts.people(names.length)}`,
      value: [...point(data, key)!, names.length],
      tooltip: `${names.join('、')}${approximate ? `（${texts.atCapital}）` : ''}`,
    };
  };
  const flowLines = data.flows.flatMap((flow) => {
    const from = point(data, flow.fromKey);
    const to = point(data, flow.toKey);
    if (!from || !to) return [];
    // A flow between neighbouring points keeps its tooltip but draws no label over them.
    const short = Math.hypot(to[0] - from[0], to[1] - from[1]) < 3;
    return [
      {
        name: flowLabel(flow),
        coords: [from, to],
        lineStyle: { width: Math.min(2 + flow.links, 8) },
        ...(short ? { label: { show: false } } : {}),
      },
    ];
  });
  const drawn: Record<MapLayer, boolean> = {
    flows: flowLines.length > 0,
    outflows: outflows.size > 0,
    places: data.places.length > 0,
    seizures: placedSeizures.length > 0,
    households: households.length > 0,
    arrests: arrests.length > 0,
    stations: data.stations.length > 0,
  };

  return {
    animation: false,
    backgroundColor: '#ffffff',
    // The title block, and the classification mark opposite it (second title, so an export
    // can set the mark without redrawing the map: see classificationTitle).
    title: [
      {
        text: texts.title,
        subtext: texts.subtitle,
        left: 16,
        top: 12,
        zlevel: titleLayer,
        textStyle: { fontSize: 16 },
        subtextStyle: { fontSize: 12 },
      },
      classificationTitle(texts.classification ?? ''),
    ],
    graphic: [
      {
        type: 'rect',
        left: 0,
        top: 0,
        zlevel: titleLayer,
        z: 0,
        silent: true,
        shape: { width: 10_000, height: titleBandHeight },
        style: { fill: '#ffffff' },
      },
    ],
    // At the bottom right, over the sea, on white: at the left it had covered Yunnan.
    legend: {
      orient: 'vertical',
      right: 16,
      bottom: 16,
      zlevel: titleLayer,
      backgroundColor: 'rgba(255,255,255,0.92)',
      padding: 8,
      // The layers drawn only: a legend entry with nothing on the map (a seizure without
      // coordinates) had sent the reader looking for it.
      data: (
        ['flows', 'outflows', 'places', 'seizures', 'households', 'arrests', 'stations'] as const
      )
        .filter((layer) => drawn[layer])
        .map(name),
    },
    tooltip: {
      trigger: 'item',
      // ECharts puts a formatter's string in as HTML: names are case data, so they are escaped.
      formatter: (params: { name: string; data?: { tooltip?: string } }) =>
        params.data?.tooltip
          ? `${escapeMarkup(params.name)}<br/>${escapeMarkup(params.data.tooltip)}`
          : escapeMarkup(params.name),
    },
    geo: {
      map: 'china',
      roam: true,
      // Centred on the data's regions when there are any, the whole country otherwise.
      ...(data.regions.length || data.stations.length ? mapView(data) : {}),
      label: { show: true, fontSize: 11, color: '#595959' },
      itemStyle: { areaColor: '#f5f7fa', borderColor: '#8c99a6', borderWidth: 0.8 },
      emphasis: { label: { show: true }, itemStyle: { areaColor: '#e6f4ff' } },
      regions: data.provinces.map((province) => ({
        name: province.mapName,
        itemStyle: { areaColor: '#dbe9f7', borderColor: '#5b7fa6' },
        label: { color: '#1f1f1f', fontWeight: 'bold' },
      })),
    },
    series: [
      {
        name: name('flows'),
        type: 'lines',
        coordinateSystem: 'geo',
        zlevel: 2,
        symbol: ['none', 'arrow'],
        symbolSize: 12,
        lineStyle: { color: colours.flows, curveness: 0.25, opacity: 0.9 },
        label: {
          show: true,
          position: 'middle',
          fontSize: 12,
          color: colours.flows,
          formatter: '{b}',
        },
        data: flowLines,
      },
      {
        name: name('outflows'),
        type: 'lines',
        coordinateSystem: 'geo',
        symbol: ['none', 'arrow'],
        symbolSize: 8,
        lineStyle: { color: colours.outflows, type: 'dashed', curveness: -0.2, width: 1.5 },
        data: [...outflows.values()].map((entry) => ({
          name: `${regionLabel(data, entry.from)} → ${regionLabel(data, entry.to)}：${texts.people(entry.names.length)}`,
          coords: [point(data, entry.from)!, point(data, entry.to)!],
          tooltip: entry.names.join('、'),
        })),
      },
      {
        name: name('places'),
        type: 'scatter',
        coordinateSystem: 'geo',
        symbol: 'pin',
        symbolSize: 22,
        itemStyle: { color: colours.places },
        label: { show: true, position: 'right', fontSize: 11, formatter: '{b}' },
        labelLayout: { hideOverlap: true },
        data: data.places.map((place) => ({
          name: place.name,
          value: [place.lng, place.lat],
          entityId: place.entityId,
        })),
      },
      {
        name: name('seizures'),
        type: 'scatter',
        coordinateSystem: 'geo',
        symbol: 'diamond',
        symbolSize: 12,
        // Over the people's markers at the same place (a seizure in 滨江 had been under them).
        z: 5,
        itemStyle: { color: colours.seizures, borderColor: '#fff', borderWidth: 1 },
        data: placedSeizures.map((seizure) => ({
          name: `${seizure.place ?? ''} ${texts.drug(seizure.drugType)}`,
          value: [seizure.lng!, seizure.lat!],
          tooltip: `${seizure.seizedAt.slice(0, 10)} ${texts.amount(seizure.amount, seizure.normalisedUnit)}`,
        })),
      },
      {
        name: name('households'),
        type: 'scatter',
        coordinateSystem: 'geo',
        symbol: 'circle',
        symbolSize: (value: number[]) => 8 + Math.sqrt(value[2] ?? 1) * 4,
        // 户籍地 left of the point and 抓获地 right of it: one region's two are told apart.
        symbolOffset: [-7, 0],
        itemStyle: { color: colours.households, opacity: 0.75 },
        label: { show: true, position: 'bottom', fontSize: 11, formatter: '{b}' },
        labelLayout: { hideOverlap: true },
        data: households.map(([key, names]) => regionPoint(key, names)),
      },
      {
        name: name('arrests'),
        type: 'scatter',
        coordinateSystem: 'geo',
        symbol: 'triangle',
        symbolSize: (value: number[]) => 8 + Math.sqrt(value[2] ?? 1) * 3,
        symbolOffset: [7, 0],
        itemStyle: { color: colours.arrests, opacity: 0.85 },
        data: arrests.map(([key, names]) => regionPoint(key, names)),
      },
      {
        name: name('stations'),
        type: 'scatter',
        coordinateSystem: 'geo',
        symbol: 'triangle',
        symbolSize: 10,
        symbolRotate: 180,
        itemStyle: { color: colours.stations, borderColor: '#fff', borderWidth: 1 },
        label: {
          show: data.stations.length <= labelledStations,
          position: 'right',
          fontSize: 11,
          color: colours.stations,
          formatter: '{b}',
        },
        labelLayout: { hideOverlap: true },
        data: data.stations.map((station) => ({
          name: station.address ?? station.cell,
          value: [station.lng, station.lat],
          tooltip: stationTooltip(station, texts),
        })),
      },
    ],
  };
}

/**
 * The box ECharts draws the South China Sea islands in (南海诸岛, beside Taiwan): a view that
 * shows part of it shows all of it (cut at the edge, the printed map is one a case file may not
 * carry); a regional view that reaches nowhere near it leaves it out.
 */
const southSeaInset = { west: 125.5, east: 131, south: 19.5, north: 25.5 };

/**
 * The centre and zoom that show the data's regions and base stations (the South China Sea box
 * whole or not at all).
 */
export function mapView(data: MapData): { center: [number, number]; zoom: number } {
  const points = [
    ...data.regions.map((region) => [region.lng, region.lat] as const),
    ...data.stations.map((station) => [station.lng, station.lat] as const),
  ];
  const view = fit(points);
  const [lng, lat] = view.center;
  // At zoom 1 the whole map (62° of longitude, about 40° of latitude) fits the view; a window
  // wider or taller than the map shows more beside it, so the reach is taken generously (a
  // regional view taking the box in is only a little wider).
  const halfWidth = 62 / view.zoom;
  const halfHeight = 30 / view.zoom;
  const showsInset =
    lng + halfWidth > southSeaInset.west &&
    lng - halfWidth < southSeaInset.east &&
    lat - halfHeight < southSeaInset.north &&
    lat + halfHeight > southSeaInset.south;
  return showsInset
    ? fit([
        ...points,
        [southSeaInset.east, southSeaInset.south],
        [southSeaInset.west, southSeaInset.north],
      ])
    : view;
}

/** A base station's key, then the phones seen there (how often), the rest counted. */
function stationTooltip(station: MapData['stations'][number], texts: MapTexts): string {
  const named = station.phones.map((phone) => `${phone.number}（${phone.sightings}）`).join('、');
  const more = station.phoneCount > station.phones.length ? '…' : '';
  return `${station.cell} · ${texts.phonesSeen(station.phoneCount)}：${named}${more}`;
}

/** Zoom so the points fill the view, never closer than a few provinces. */
function fit(points: (readonly [number, number])[]): { center: [number, number]; zoom: number } {
  const lngs = points.map(([lng]) => lng);
  const lats = points.map(([, lat]) => lat);
  const span = Math.max(
    Math.max(...lngs) - Math.min(...lngs),
    (Math.max(...lats) - Math.min(...lats)) * 1.4,
    8,
  );
  return {
    center: [
      (Math.min(...lngs) + Math.max(...lngs)) / 2,
      (Math.min(...lats) + Math.max(...lats)) / 2,
    ],
    // The whole country spans about 62° of longitude at zoom 1.
    zoom: Math.max(1, Math.min(6, (62 / span) * 0.8)),
  };
}
