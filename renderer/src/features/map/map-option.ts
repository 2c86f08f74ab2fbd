import type { MapData } from '../../../../electron/api/schemas/map-schemas';
import { escapeMarkup } from '../../components/markup-text';
import { besideCurve, flowCurvePoints, flowLabelAnchor } from './flow-label';
import type { ProvinceLabel } from './province-labels';
import {
  aroundPoint,
  besideMarker,
  markerRoom,
  type LabelSpots,
  type ScreenRect,
} from './marker-room';
import { fanOut, groupNear, type MapScale } from './marker-groups';
import { legendBoxStyle, legendPlace, legendTextStyle, type Projection } from './map-legend';

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
  /** A seizure's quantity as the app writes it elsewhere (25.619 千克, 300 片). */
  quantity: (amount: number, normalisedUnit: string, enteredUnit: string) => string;
  /** A stored instant as its local day. */
  date: (iso: string) => string;
  /** A seizure's case, in its tooltip. */
  caseNo: (caseNo: string) => string;
  /** A marker standing for several seizures, in its tooltip's first line. */
  seizureCount: (count: number) => string;
  /** A marker standing for several places: the first one's name and how many more. */
  placeGroup: (first: string, more: number) => string;
  /** A name and what is said of it (滨江市：23人 / 滨江市: 23 people). */
  named: (name: string, what: string) => string;
  /** Names in a row (李某、王某 / 李某, 王某). */
  list: (items: readonly string[]) => string;
  /** A text and a word on it in brackets (13987650001（3） / 13987650001 (3)). */
  aside: (text: string, aside: string) => string;
  /** A province's name as the UI's language writes it, from the map's Chinese one. */
  province: (mapName: string) => string;
}

/** The mark as the map's second title: bold red at the top right, as on a printed document. */
function classificationTitle(mark: string) {
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

/** The bend of a supply flow's curve (ECharts' curveness), and of a 户籍地 → 抓获地 line. */
const flowCurveness = 0.25;
const outflowCurveness = -0.2;

/**
 * Points along the curves, at most `curvePointBudget` in all (every label is weighed against
 * each: a workspace's hundreds of flows would have slowed every drawing), as unseen guards.
 */
function curveGuards(
  curves: (readonly [readonly (readonly [number, number])[], number])[],
  pixelsPerDegree: number,
) {
  const points = curves.flatMap(([[from, to], curveness]) =>
    flowCurvePoints(from!, to!, curveness, pixelsPerDegree),
  );
  const every = Math.ceil(points.length / curvePointBudget);
  return points
    .filter((_, index) => index % every === 0)
    .map((value) => ({ value, symbol: 'rect', symbolSize: 4 }));
}
const curvePointBudget = 2_000;

/** Pixels per degree of latitude where the view is not measured yet (all China at 1366×768). */
const defaultScale = 20;

/**
 * Labels that collide are dropped, the smaller marker's first: ECharts ranks a label by the
 * area of the marker it belongs to. A flow's label stands on an unseen marker this large, so it
 * outranks every place, person and base station; a province's name stands on none and gives
 * way to all of them.
 */
const flowLabelRank = 40;

/** Room kept around each label, in pixels: names that touched read as one. */
const labelMargin = 4;

/**
 * A label moved off its marker (no room beside it) is tied to it by a thin line: labels move,
 * markers stay on their places.
 */
const leaderLine = { show: true, lineStyle: { color: '#8c8c8c', width: 1 } };

/**
 * The leader line from a marker to its label: none (a line of no length) for a label beside
 * it, else from the marker's edge to the label's nearest point.
 */
function leaderPoints(marker: ScreenRect, label: ScreenRect): [number, number][] {
  const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);
  const centre = { x: marker.x + marker.width / 2, y: marker.y + marker.height / 2 };
  const end: [number, number] = [
    clamp(centre.x, label.x, label.x + label.width),
    clamp(centre.y, label.y, label.y + label.height),
  ];
  const start: [number, number] = [
    clamp(end[0], marker.x, marker.x + marker.width),
    clamp(end[1], marker.y, marker.y + marker.height),
  ];
  const far = Math.hypot(end[0] - start[0], end[1] - start[1]) > farLabel;
  return far ? [start, start, end] : [start, start, start];
}

/** A label's centre moved so its box (`width` × `height`) lies inside the chart, where sized. */
function insideChart(
  centre: { x: number; y: number },
  width: number,
  height: number,
  size: { width: number; height: number } | undefined,
) {
  if (!size) return centre;
  const within = (at: number, half: number, span: number) =>
    Math.min(Math.max(at, half), Math.max(half, span - half));
  return {
    x: within(centre.x, width / 2, size.width),
    y: within(centre.y, height / 2, size.height),
  };
}

/** A label further than this from its marker (pixels) is tied to it by a leader line. */
const farLabel = 10;

/** Beside the marker, then further out where that covers another marker. */
function besideOrFurther(first: 'right' | 'below'): LabelSpots {
  const rings = [5, 18, 34, 52].map((gap) => besideMarker(gap, first));
  return (own, label) => rings.flatMap((ring) => ring(own, label));
}

/**
 * A label that collides gives way (hideOverlap); one the title band (`band` pixels) would cover
 * (the map panned or zoomed under it) is not drawn: it goes off the picture (a label can only
 * be moved). Printed half covered, 甘肃 had read 日肃.
 */
function declutterBelow(band: number) {
  return (params: { labelRect: { y: number } }) =>
    params.labelRect.y < band ? { x: offPicture, y: offPicture } : { hideOverlap: true };
}
const offPicture = -10_000;

/** Where the South China Sea box's name is written, inside the box ECharts draws. */
const southSeaName: ProvinceLabel = { name: '南海诸岛', lng: 129, lat: 19.3 };

/** An autonomous prefecture by its usual short name: 德宏傣族景颇族自治州 → 德宏州. */
const autonomousPrefecture =
  /^(.+?)(?:(?:傣|景颇|哈尼|彝|壮|苗|白|藏|傈僳|布依|侗|土家|朝鲜|蒙古|回|哈萨克|柯尔克孜|羌|纳西|黎|瑶|土|水|仫佬|拉祜|佤|畲|东乡|京|独龙|怒|普米|阿昌|德昂|布朗|基诺)族)+自治州$/;

function regionLabel(data: MapData, key: string, texts: MapTexts): string {
  const region = data.regions.find((candidate) => candidate.key === key);
  if (!region) return key;
  return (
    region.prefectureName?.replace(autonomousPrefecture, '$1州') ??
    texts.province(region.provinceName)
  );
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
export function buildMapOption(
  data: MapData,
  texts: MapTexts,
  provinceNames: readonly ProvinceLabel[] = [],
  /** The title band's height over the map; 0 where the title stands above it (the page). */
  band = titleBandHeight,
  /** The view as drawn now (MapChart measures it): markers are grouped at its scale. */
  view?: MapView,
) {
  const name = (layer: MapLayer) => texts[layer];
  const declutter = declutterBelow(band);
  // Labels clear of every marker but their own (marker-room.ts): the first free spot. Where
  // each would cover one, a province's name is not drawn; the data's stays where ECharts puts
  // it, giving way to any label it overlaps (a base station's name on a place's spot to the
  // place's). None under the title band.
  // The legend's box too, once the layers drawn are known (below).
  const blocked: ScreenRect[] = [];
  const room = markerRoom(blocked);
  const clearOfMarkers =
    (spots: LabelSpots, crowded: 'hide' | 'stay') =>
    (params: { rect: ScreenRect; labelRect: ScreenRect }) => {
      const spot = room.spot(params.rect, params.labelRect, spots(params.rect, params.labelRect));
      if (!spot && crowded === 'stay') return declutter({ labelRect: params.labelRect });
      if (!spot) return { x: offPicture, y: offPicture };
      if (spot.y < band) return { x: offPicture, y: offPicture };
      // Clear of every marker and of the labels placed before it (the room keeps them): the
      // data's labels need not give way (ECharts' own check had also weighed the leader lines
      // and hidden 滨江市's count for its line); a province's name still gives way to any.
      return {
        x: spot.x,
        y: spot.y,
        align: 'left' as const,
        verticalAlign: 'top' as const,
        hideOverlap: crowded === 'hide',
        labelLinePoints: leaderPoints(params.rect, { ...params.labelRect, ...spot }),
      };
    };
  const flowLabel = (flow: MapData['flows'][number]) =>
    [
      `${regionLabel(data, flow.fromKey, texts)} → ${regionLabel(data, flow.toKey, texts)}`,
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
      name: texts.named(regionLabel(data, key, texts), texts.people(names.length)),
      value: [...point(data, key)!, names.length],
      tooltip: approximate ? texts.aside(texts.list(names), texts.atCapital) : texts.list(names),
    };
  };
  // Two lines (the regions, then the links and amounts) beside the curve: see flow-label.ts.
  const flowLabelLines = (flow: MapData['flows'][number]) =>
    [
      `${regionLabel(data, flow.fromKey, texts)} → ${regionLabel(data, flow.toKey, texts)}`,
      [
        texts.links(flow.links),
        ...flow.seized.map(
          (s) => `${texts.drug(s.drugType)} ${texts.amount(s.amount, s.normalisedUnit)}`,
        ),
      ].join(' · '),
    ].join('\n');
  const flowLines: { name: string; coords: [number, number][]; lineStyle: object }[] = [];
  const flowLabels: { name: string; value: [number, number]; text: string }[] = [];
  const flowNormals: [number, number][] = [];
  for (const flow of data.flows) {
    const from = point(data, flow.fromKey);
    const to = point(data, flow.toKey);
    if (!from || !to) continue;
    flowLines.push({
      name: flowLabel(flow),
      coords: [from, to],
      lineStyle: { width: Math.min(2 + flow.links, 8) },
    });
    // A flow between neighbouring points keeps its tooltip but draws no label over them.
    if (Math.hypot(to[0] - from[0], to[1] - from[1]) < 3) continue;
    const anchor = flowLabelAnchor(from, to, flowCurveness);
    flowLabels.push({ name: flowLabel(flow), value: anchor.apex, text: flowLabelLines(flow) });
    flowNormals.push(anchor.normal);
  }
  // Markers stay on their places (marker-groups.ts): a layer's markers that would overlap are
  // one marker with a count, listed on hover; the layers' markers at one spot are fanned out a
  // few pixels round it. Only the labels move further.
  const scale = view?.scale ?? null;
  const placeGroups = groupNear(data.places, scale);
  const seizureGroups = groupNear(
    placedSeizures.map((seizure) => ({ ...seizure, lng: seizure.lng!, lat: seizure.lat! })),
    scale,
  );
  const householdPoints = households.map(([key, names]) => regionPoint(key, names));
  const arrestPoints = arrests.map(([key, names]) => regionPoint(key, names));
  const markerLists = [
    placeGroups.map((group) => [group.lng, group.lat]),
    seizureGroups.map((group) => [group.lng, group.lat]),
    householdPoints.map((item) => item.value),
    arrestPoints.map((item) => item.value),
  ];
  const offsets = fanOut(
    markerLists.flat().map((value) => ({ lng: value[0]!, lat: value[1]! })),
    scale,
  );
  const [placeOffsets, seizureOffsets, householdOffsets, arrestOffsets] = markerLists.map(
    (list, index) => {
      const start = markerLists.slice(0, index).reduce((sum, each) => sum + each.length, 0);
      return offsets.slice(start, start + list.length);
    },
  ) as [number, number][][];
  const householdSize = (count: number) => Math.min(8 + Math.sqrt(count) * 4, 30);
  const arrestSize = (count: number) => 8 + Math.sqrt(count) * 3;
  // A diamond standing for several seizures is larger, its count written in it.
  const seizureSize = (count: number) => (count > 1 ? 20 : 12);
  const seizureLine = (seizure: (typeof placedSeizures)[number]) =>
    [
      `${texts.drug(seizure.drugType)} ${texts.quantity(seizure.amount, seizure.normalisedUnit, seizure.quantityUnit)}`,
      seizure.place,
      texts.date(seizure.seizedAt),
      texts.caseNo(seizure.caseNo),
    ]
      .filter(Boolean)
      .join(' · ');
  // The first guard starts each layout (marker-room.ts): one stands off the map, unseen, so
  // there is a first one whatever the data.
  const guards = [
    { value: [0, 0], symbol: 'rect', symbolSize: 0 },
    ...placeGroups.map((group, index) => ({
      value: [group.lng, group.lat],
      symbol: 'pin',
      symbolSize: 22,
      symbolOffset: placeOffsets[index],
    })),
    ...seizureGroups.map((group, index) => ({
      value: [group.lng, group.lat],
      symbol: 'diamond',
      symbolSize: seizureSize(group.members.length),
      symbolOffset: seizureOffsets[index],
    })),
    ...householdPoints.map((item, index) => ({
      value: item.value.slice(0, 2),
      symbol: 'circle',
      symbolSize: householdSize(item.value[2]!),
      symbolOffset: householdOffsets[index],
    })),
    ...arrestPoints.map((item, index) => ({
      value: item.value.slice(0, 2),
      symbol: 'triangle',
      symbolSize: arrestSize(item.value[2]!),
      symbolOffset: arrestOffsets[index],
    })),
    ...data.stations.map((station) => ({
      value: [station.lng, station.lat],
      symbol: 'triangle',
      symbolSize: 10,
      symbolRotate: 180,
    })),
    // The curves of the flows and of 户籍地 → 抓获地, as points labels keep off.
    ...curveGuards(
      [
        ...flowLines.map((line) => [line.coords, flowCurveness] as const),
        ...[...outflows.values()].map(
          (entry) =>
            [[point(data, entry.from)!, point(data, entry.to)!], outflowCurveness] as const,
        ),
      ],
      scale?.y ?? defaultScale,
    ),
  ];
  const drawn: Record<MapLayer, boolean> = {
    flows: flowLines.length > 0,
    outflows: outflows.size > 0,
    places: data.places.length > 0,
    seizures: placedSeizures.length > 0,
    households: households.length > 0,
    arrests: arrests.length > 0,
    stations: data.stations.length > 0,
  };
  const legendEntries = (
    ['flows', 'outflows', 'places', 'seizures', 'households', 'arrests', 'stations'] as const
  )
    .filter((layer) => drawn[layer])
    .map(name);
  const legend = view?.size ? legendPlace(legendEntries, view.size, band, view.project) : null;
  if (view?.size && legend) {
    // And beyond the chart's edges: a name cut by the edge had read 南海 for 南海诸岛.
    const { width, height } = view.size;
    const far = 100_000;
    blocked.push(
      legend.box,
      { x: -far, y: height, width: 2 * far, height: far },
      { x: width, y: -far, width: far, height: 2 * far },
      { x: -far, y: -far, width: far, height: 2 * far },
    );
  }

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
      ...(legend?.position ?? { right: 16, bottom: 16 }),
      zlevel: titleLayer,
      // Its box from the entries' text as measured here, not ECharts' guess at it.
      ...legendBoxStyle,
      textStyle: legendTextStyle(legendEntries),
      // Opaque, framed: the South China Sea box zoomed under it had shown through.
      backgroundColor: '#ffffff',
      borderColor: '#d9d9d9',
      borderWidth: 1,
      // The layers drawn only: a legend entry with nothing on the map (a seizure without
      // coordinates) had sent the reader looking for it.
      data: legendEntries,
    },
    tooltip: {
      trigger: 'item',
      // ECharts puts a formatter's string in as HTML: names are case data, so they are escaped.
      // A tooltip of several lines (a group's members) is one line each.
      formatter: (params: { name: string; data?: { tooltip?: string | string[] } }) =>
        [params.name, ...[params.data?.tooltip ?? []].flat()].map(escapeMarkup).join('<br/>'),
    },
    geo: {
      map: 'china',
      roam: true,
      // Centred on the data's regions when there are any, the whole country otherwise.
      ...(view
        ? { center: view.center, zoom: view.zoom }
        : data.regions.length || data.stations.length
          ? mapView(data)
          : {}),
      // The provinces' names are a series of their own (below), so they give way to the data's.
      label: { show: false },
      itemStyle: { areaColor: '#f5f7fa', borderColor: '#8c99a6', borderWidth: 0.8 },
      emphasis: {
        label: { show: true, formatter: (params: { name: string }) => texts.province(params.name) },
        itemStyle: { areaColor: '#e6f4ff' },
      },
      regions: data.provinces.map((province) => ({
        name: province.mapName,
        itemStyle: { areaColor: '#dbe9f7', borderColor: '#5b7fa6' },
        label: { color: '#1f1f1f', fontWeight: 'bold' },
      })),
    },
    series: [
      {
        // Unseen guards, one per marker (its shape, size and offset), laid out before every
        // label: they report where the markers are (marker-room.ts). First, so their layout
        // comes first.
        name: 'markerGuards',
        type: 'scatter',
        coordinateSystem: 'geo',
        silent: true,
        itemStyle: { color: 'transparent' },
        label: { show: true, formatter: ' ', fontSize: 1 },
        labelLayout: (params: { dataIndex: number; rect: ScreenRect }) => room.record(params),
        data: guards,
      },
      {
        name: name('flows'),
        type: 'lines',
        coordinateSystem: 'geo',
        zlevel: 2,
        symbol: ['none', 'arrow'],
        symbolSize: 12,
        lineStyle: { color: colours.flows, curveness: flowCurveness, opacity: 0.9 },
        data: flowLines,
      },
      {
        // Named as the flows, so the legend shows and hides the labels with their curves.
        name: name('flows'),
        type: 'scatter',
        coordinateSystem: 'geo',
        zlevel: 2,
        silent: true,
        symbol: 'rect',
        symbolSize: flowLabelRank,
        // Unseen by its colour: an opacity would be the label's too.
        itemStyle: { color: 'transparent' },
        label: {
          show: true,
          position: 'inside',
          fontSize: 12,
          lineHeight: 16,
          color: colours.flows,
          opacity: 1,
          backgroundColor: 'rgba(255,255,255,0.88)',
          padding: [2, 4],
          borderRadius: 3,
          minMargin: labelMargin,
          formatter: (params: { data: { text: string } }) => params.data.text,
        },
        labelLayout: (params: {
          dataIndex: number;
          rect: { x: number; y: number; width: number; height: number };
          labelRect: { width: number; height: number };
        }) => {
          // Beside the curve, further out where that would cover a marker.
          const apex = {
            x: params.rect.x + params.rect.width / 2,
            y: params.rect.y + params.rect.height / 2,
          };
          const { width, height } = params.labelRect;
          const centres = [0, 8, 16, 24, 32, 48].map((further) =>
            besideCurve(apex, flowNormals[params.dataIndex]!, width, height, labelMargin + further),
          );
          const corner = room.spot(
            params.rect,
            params.labelRect,
            centres.map((at) => ({ x: at.x - width / 2, y: at.y - height / 2 })),
          );
          // With no free spot, the nearest one, kept inside the chart: a label cut at the
          // edge had lost its quantity.
          const centre = corner
            ? { x: corner.x + width / 2, y: corner.y + height / 2 }
            : insideChart(centres[0]!, width, height, view?.size);
          return {
            ...declutter({ labelRect: { y: centre.y - params.labelRect.height / 2 } }),
            ...(centre.y - params.labelRect.height / 2 < band ? {} : centre),
            align: 'center',
            verticalAlign: 'middle',
          };
        },
        data: flowLabels,
      },
      {
        name: name('outflows'),
        type: 'lines',
        coordinateSystem: 'geo',
        symbol: ['none', 'arrow'],
        symbolSize: 8,
        lineStyle: {
          color: colours.outflows,
          type: 'dashed',
          curveness: outflowCurveness,
          width: 1.5,
        },
        data: [...outflows.values()].map((entry) => ({
          name: texts.named(
            `${regionLabel(data, entry.from, texts)} → ${regionLabel(data, entry.to, texts)}`,
            texts.people(entry.names.length),
          ),
          coords: [point(data, entry.from)!, point(data, entry.to)!],
          tooltip: texts.list(entry.names),
        })),
      },
      {
        name: name('places'),
        type: 'scatter',
        coordinateSystem: 'geo',
        symbol: 'pin',
        symbolSize: 22,
        itemStyle: { color: colours.places },
        label: {
          show: true,
          position: 'right',
          fontSize: 11,
          minMargin: labelMargin,
          formatter: '{b}',
        },
        labelLayout: clearOfMarkers(besideOrFurther('right'), 'stay'),
        labelLine: leaderLine,
        data: placeGroups.map((group, index) => ({
          name:
            group.members.length > 1
              ? texts.placeGroup(group.members[0]!.name, group.members.length - 1)
              : group.members[0]!.name,
          value: [group.lng, group.lat],
          entityId: group.members[0]!.entityId,
          symbolOffset: placeOffsets[index],
          ...(group.members.length > 1
            ? { tooltip: group.members.map((place) => place.name) }
            : {}),
        })),
      },
      {
        name: name('seizures'),
        type: 'scatter',
        coordinateSystem: 'geo',
        symbol: 'diamond',
        // Over the people's markers at the same place (a seizure in 滨江 had been under them).
        z: 5,
        itemStyle: { color: colours.seizures, borderColor: '#fff', borderWidth: 1 },
        // A group's count, in its diamond (shown by the group's own label option).
        label: {
          show: false,
          position: 'inside',
          fontSize: 11,
          fontWeight: 'bold',
          color: '#ffffff',
          formatter: (params: { value: number[] }) => String(params.value[2]),
        },
        // One seizure: its drug and quantity, then where, when and in which case; several at
        // one spot: how many, then each on a line.
        data: seizureGroups.map((group, index) => {
          const [first] = group.members;
          const single = group.members.length === 1;
          return {
            name: single
              ? `${texts.drug(first!.drugType)} ${texts.quantity(first!.amount, first!.normalisedUnit, first!.quantityUnit)}`
              : texts.seizureCount(group.members.length),
            value: [group.lng, group.lat, group.members.length],
            symbolSize: seizureSize(group.members.length),
            symbolOffset: seizureOffsets[index],
            tooltip: single
              ? [first!.place, texts.date(first!.seizedAt), texts.caseNo(first!.caseNo)]
                  .filter(Boolean)
                  .join(' · ')
              : group.members.map(seizureLine),
            label: { show: !single },
          };
        }),
      },
      {
        name: name('households'),
        type: 'scatter',
        coordinateSystem: 'geo',
        symbol: 'circle',
        // Under the flows' labels' rank (see flowLabelRank) however many people.
        symbolSize: (value: number[]) => householdSize(value[2] ?? 1),
        itemStyle: { color: colours.households, opacity: 0.75 },
        label: {
          show: true,
          position: 'bottom',
          fontSize: 11,
          minMargin: labelMargin,
          formatter: '{b}',
        },
        labelLayout: clearOfMarkers(besideOrFurther('below'), 'stay'),
        labelLine: leaderLine,
        data: householdPoints.map((item, index) => ({
          ...item,
          symbolOffset: householdOffsets[index],
        })),
      },
      {
        name: name('arrests'),
        type: 'scatter',
        coordinateSystem: 'geo',
        symbol: 'triangle',
        symbolSize: (value: number[]) => arrestSize(value[2] ?? 1),
        itemStyle: { color: colours.arrests, opacity: 0.85 },
        data: arrestPoints.map((item, index) => ({ ...item, symbolOffset: arrestOffsets[index] })),
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
          minMargin: labelMargin,
          formatter: '{b}',
        },
        labelLayout: clearOfMarkers(besideOrFurther('right'), 'stay'),
        labelLine: leaderLine,
        data: data.stations.map((station) => ({
          name: station.address ?? station.cell,
          value: [station.lng, station.lat],
          tooltip: stationTooltip(station, texts),
        })),
      },
      // Last: the provinces' names take the room the data's labels leave (marker-room.ts).
      {
        name: 'provinceNames',
        type: 'scatter',
        coordinateSystem: 'geo',
        silent: true,
        symbolSize: 0,
        label: {
          show: true,
          position: 'inside',
          fontSize: 11,
          color: '#595959',
          minMargin: labelMargin,
          formatter: '{b}',
        },
        labelLayout: clearOfMarkers(aroundPoint, 'hide'),
        data: [...provinceNames, southSeaName].map((province) => ({
          name: texts.province(province.name),
          value: [province.lng, province.lat],
          ...(data.provinces.some((shaded) => shaded.mapName === province.name)
            ? { label: { color: '#1f1f1f', fontWeight: 'bold' } }
            : {}),
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
  const named = texts.list(
    station.phones.map((phone) => texts.aside(phone.number, String(phone.sightings))),
  );
  const more = station.phoneCount > station.phones.length ? '…' : '';
  return `${station.cell} · ${texts.named(texts.phonesSeen(station.phoneCount), named)}${more}`;
}

/** Where the map is centred, how far zoomed, and its scale on screen then. */
export interface MapView {
  center: [number, number];
  zoom: number;
  scale: MapScale;
  /** The chart's size in pixels, where known: the legend's box is kept clear of labels. */
  size?: { width: number; height: number };
  /** Where a longitude and latitude are drawn, where known: the legend keeps off 南海诸岛. */
  project?: Projection;
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
