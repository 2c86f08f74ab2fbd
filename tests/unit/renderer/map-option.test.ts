import { describe, expect, it } from 'vitest';
import type { MapData } from '../../../electron/api/schemas/map-schemas';
import {
  buildMapOption,
  mapView,
  type MapTexts,
} from '../../../renderer/src/features/map/map-option';
import { formatAmount } from '../../../renderer/src/features/map/map-format';
import { provinceName } from '../../../electron/api/domain/province-names';

const texts: MapTexts = {
  title: 'A1 案',
  subtitle: '全部时间',
  places: '地点',
  seizures: '缴获',
  households: '户籍地',
  arrests: '抓获地',
  flows: '供货流向',
  outflows: '户籍地→抓获地',
  stations: '基站（话单）',
  phonesSeen: (count) => `在此出现的号码${count}个`,
  atCapital: '按省会标注',
  people: (count) => `${count}人`,
  links: (count) => `${count}条`,
  drug: (code) => (code === 'methamphetamine' ? '冰毒' : code),
  amount: formatAmount,
  quantity: (amount, unit) => `${formatAmount(amount, unit)}`,
  date: (iso) => iso.slice(0, 10),
  caseNo: (caseNo) => `案件编号 ${caseNo}`,
  seizureCount: (count) => `${count}起缴获`,
  placeGroup: (first, more) => `${first}等${more + 1}处`,
  named: (name, what) => `${name}：${what}`,
  list: (items) => items.join('、'),
  aside: (text, aside) => `${text}（${aside}）`,
  province: (mapName) => mapName,
};

const region = (key: string, lng: number, lat: number, prefectureName: string | null) => ({
  key,
  provinceCode: key.slice(0, 6),
  provinceName: key.startsWith('53') ? '云南' : '浙江',
  prefectureName,
  lng,
  lat,
  locatedBy: 'places' as const,
});

const data: MapData = {
  caseId: 'c1',
  regions: [
    region('330000/滨江市', 120.2, 30.28, '滨江市'),
    region('530000/昆明市', 102.74, 25.02, '昆明市'),
    { ...region('530000/瑞丽市', 102.71, 25.04, '瑞丽市'), locatedBy: 'capital' },
  ],
  provinces: [
    { code: '330000', mapName: '浙江', places: 1, seizures: 1, households: 1, arrests: 1 },
    { code: '530000', mapName: '云南', places: 0, seizures: 0, households: 2, arrests: 0 },
  ],
  places: [
    {
      entityId: 'l1',
      name: '<img src=x onerror=alert(1)>',
      locationType: 'stash_house',
      region: '330000/滨江市',
      lng: 120.3,
      lat: 30.3,
      seizures: 1,
    },
  ],
  seizures: [],
  people: [
    {
      entityId: 'p1',
      name: '李某',
      householdKey: '530000/昆明市',
      arrestPlace: '滨江市城东区',
      arrestKey: '330000/滨江市',
      arrestLng: 120.2,
      arrestLat: 30.28,
    },
    {
      entityId: 'p2',
      name: '岩某',
      householdKey: '530000/瑞丽市',
      arrestPlace: null,
      arrestKey: null,
      arrestLng: null,
      arrestLat: null,
    },
  ],
  flows: [
    {
      fromKey: '530000/昆明市',
      toKey: '330000/滨江市',
      links: 2,
      buyers: 2,
      seized: [{ drugType: 'methamphetamine', normalisedUnit: 'mg', amount: 26_000_000 }],
    },
    { fromKey: '530000/瑞丽市', toKey: '530000/昆明市', links: 1, buyers: 1, seized: [] },
  ],
  stations: [],
  localLinks: 0,
  unplacedLinks: 0,
};

/** The view of all China at about 1366×768: 1° of longitude 17 px on screen, of latitude 22. */
const allChinaView = { center: [110, 32] as [number, number], zoom: 1, scale: { x: 17, y: 22 } };

describe('map option', () => {
  const option = buildMapOption(data, texts, [], undefined, allChinaView);
  const series = (name: string) => option.series.find((entry) => entry.name === name)!;

  it('draws each flow from the supplier region to the buyer region, labelled with links and quantity', () => {
    expect(series('供货流向').data).toEqual([
      {
        name: '昆明市 → 滨江市 · 2条 · 冰毒 26 kg',
        coords: [
          [102.74, 25.02],
          [120.2, 30.28],
        ],
        lineStyle: { width: 4 },
      },
      {
        name: '瑞丽市 → 昆明市 · 1条',
        coords: [
          [102.71, 25.04],
          [102.74, 25.02],
        ],
        lineStyle: { width: 3 },
      },
    ]);
    // The labels on two lines, at the curves' middles (see flow-label.ts); none for the flow
    // between neighbouring points.
    const labels = option.series.filter((entry) => entry.name === '供货流向')[1]!;
    expect(labels.type).toBe('scatter');
    expect(labels.data).toEqual([
      {
        name: '昆明市 → 滨江市 · 2条 · 冰毒 26 kg',
        value: [expect.closeTo(110.593333, 6), expect.closeTo(29.286875, 6)],
        text: '昆明市 → 滨江市\n2条 · 冰毒 26 kg',
      },
    ]);
  });

  it('draws the title block at the left and the classification mark, in red, at the right', () => {
    expect(buildMapOption(data, { ...texts, classification: '机密' }).title).toEqual([
      {
        text: 'A1 案',
        subtext: '全部时间',
        left: 16,
        top: 12,
        zlevel: 3,
        textStyle: { fontSize: 16 },
        subtextStyle: { fontSize: 12 },
      },
      {
        text: '机密',
        right: 24,
        top: 12,
        zlevel: 3,
        textStyle: { fontSize: 20, fontWeight: 'bold', color: '#cf1322' },
      },
    ]);
    expect(option.title[1]!.text).toBe('');
    // On a white band over the map and its flows (layer 2), the legend at the bottom right.
    expect(buildMapOption(data, texts).graphic).toEqual([
      {
        type: 'rect',
        left: 0,
        top: 0,
        zlevel: 3,
        z: 0,
        silent: true,
        shape: { width: 10_000, height: 64 },
        style: { fill: '#ffffff' },
      },
    ]);
    expect(option.legend).toMatchObject({ right: 16, bottom: 16, zlevel: 3 });
    // The layers drawn only: no seizure has coordinates here, so 缴获 is not in the legend.
    expect((option.legend as { data: string[] }).data).toEqual([
      '供货流向',
      '户籍地→抓获地',
      '地点',
      '户籍地',
      '抓获地',
    ]);
  });

  it('shades the provinces of the case and links 户籍地 to the place of arrest', () => {
    expect(option.geo.regions.map((entry) => entry.name)).toEqual(['浙江', '云南']);
    expect(series('户籍地→抓获地').data).toEqual([
      {
        name: '昆明市 → 滨江市：1人',
        coords: [
          [102.74, 25.02],
          [120.2, 30.28],
        ],
        tooltip: '李某',
      },
    ]);
  });

  it('groups people by 户籍地 and says when a region is drawn at its provincial capital', () => {
    expect(series('户籍地').data).toEqual([
      {
        name: '昆明市：1人',
        value: [102.74, 25.02, 1],
        tooltip: '李某',
        symbolOffset: [7, 0],
      },
      {
        name: '瑞丽市：1人',
        value: [102.71, 25.04, 1],
        tooltip: '岩某（按省会标注）',
        symbolOffset: [-7, 0],
      },
    ]);
  });

  it('names an autonomous prefecture short, and draws seizures over a region’s people, its 户籍地 and 抓获地 apart', () => {
    const prefecture = buildMapOption(
      {
        ...data,
        regions: [
          ...data.regions,
          region('530000/德宏傣族景颇族自治州', 98.13, 24.59, '德宏傣族景颇族自治州'),
        ],
        flows: [
          {
            fromKey: '530000/德宏傣族景颇族自治州',
            toKey: '530000/昆明市',
            links: 1,
            buyers: 1,
            seized: [],
          },
        ],
      },
      texts,
    );
    const flows = prefecture.series.find((entry) => entry.name === '供货流向')!;
    expect((flows.data as { name: string }[]).map((flow) => flow.name)).toEqual([
      '德宏州 → 昆明市 · 1条',
    ]);
    const z = (name: string) => (series(name) as { z?: number }).z ?? 2;
    expect(z('缴获')).toBeGreaterThan(Math.max(z('户籍地'), z('抓获地')));
    // 滨江's place and 抓获地 go round their spot, the place first (at the right).
    const offsets = (name: string) =>
      (series(name).data as { symbolOffset: number[] }[]).map((item) => item.symbolOffset);
    expect([offsets('地点'), offsets('抓获地')]).toEqual([[[7, 0]], [[-7, 0]]]);
  });

  it('shows the South China Sea box whole or not at all', () => {
    // 昆明 to 滨江 reaches the east coast: the view takes in the box beside Taiwan whole.
    const national = mapView(data);
    const [lng, lat] = national.center;
    expect(lng + 31 / national.zoom).toBeGreaterThanOrEqual(131);
    expect(lat - 20 / national.zoom).toBeLessThanOrEqual(19.5);
    // A case in Yunnan alone stays close, the box far out of view.
    const yunnan = mapView({
      ...data,
      regions: data.regions.filter((r) => r.key.startsWith('53')),
    });
    expect(yunnan.zoom).toBe(6);
    expect(yunnan.center[0] + 31 / yunnan.zoom).toBeLessThan(125.5);
  });

  it('places the base stations the call lists give, named by their address, with the phones seen there on hover', () => {
    const withStations = buildMapOption(
      {
        ...data,
        stations: [
          {
            cell: '102.7123,25.0406',
            lng: 102.712251,
            lat: 25.040609,
            address: '昆明市五华区',
            phones: [
              { number: '13987650001', sightings: 3 },
              { number: '13812345678', sightings: 1 },
            ],
            phoneCount: 2,
            sightings: 4,
          },
          {
            cell: '4123-12345',
            lng: 102.833,
            lat: 24.88,
            address: null,
            phones: [{ number: '13987650001', sightings: 1 }],
            phoneCount: 1,
            sightings: 1,
          },
        ],
      },
      texts,
    );
    const stations = withStations.series.find((entry) => entry.name === '基站（话单）')!;
    expect(stations.data).toEqual([
      {
        name: '昆明市五华区',
        value: [102.712251, 25.040609],
        tooltip: '102.7123,25.0406 · 在此出现的号码2个：13987650001（3）、13812345678（1）',
      },
      {
        name: '4123-12345',
        value: [102.833, 24.88],
        tooltip: '4123-12345 · 在此出现的号码1个：13987650001（1）',
      },
    ]);
    expect(withStations.legend.data).toContain('基站（话单）');
    expect(option.legend.data).not.toContain('基站（话单）');
  });

  it('escapes case data in the HTML tooltip', () => {
    const formatter = option.tooltip.formatter;
    expect(formatter({ name: '<img src=x onerror=alert(1)>', data: { tooltip: 'a&b' } })).toBe(
      '&lt;img src=x onerror=alert(1)&gt;<br/>a&amp;b',
    );
  });

  it('keeps every marker on its place: grouped with a count, or a few pixels round it', () => {
    // The demo's seizures and places in 滨江 (杭州), its 户籍地 and 抓获地: drawn on a ring of
    // 55 px they had stood in 安徽, 江西, 江苏 and the sea.
    const place = (name: string, lng: number, lat: number) => ({
      entityId: name,
      name,
      locationType: 'stash_house',
      region: '330000/滨江市',
      lng,
      lat,
      seizures: 0,
    });
    const seizure = (id: string, place: string, lng: number, lat: number) => ({
      id,
      seizedAt: '2026-06-28T02:40:00.000Z',
      drugType: 'methamphetamine',
      amount: 25_619_000,
      normalisedUnit: 'mg',
      quantityUnit: 'kg',
      caseNo: 'A3301052026030015',
      place,
      lng,
      lat,
      provinceCode: '330000',
    });
    const hangzhou: MapData = {
      ...data,
      places: [
        place('城东物流园仓库', 120.2986, 30.3012),
        place('城西污水处理厂', 120.0512, 30.2488),
        place('恒泰公司仓库', 120.3561, 30.3147),
        place('西苑新村', 120.1033, 30.2714),
      ],
      seizures: [
        seizure('s1', '城东物流园仓库', 120.2986, 30.3012),
        seizure('s2', '滨江市江干区刘某住处', 120.2, 30.28),
        seizure('s3', '滨江市余杭区吴某租住处', 120.2, 30.28),
        seizure('s4', '恒泰公司仓库', 120.3561, 30.3147),
        seizure('s5', '西苑新村', 120.1033, 30.2714),
      ],
    };
    const drawn = buildMapOption(hangzhou, texts, [], undefined, allChinaView);
    const layer = (name: string) =>
      drawn.series.find((entry) => entry.name === name)!.data as {
        name: string;
        value: number[];
        symbolOffset: [number, number];
        tooltip?: string | string[];
      }[];
    // One pin for the four places, one diamond for the five seizures, each standing on its
    // first member's coordinates; then the people's markers of 滨江 and 昆明.
    expect(layer('地点').map((item) => [item.name, item.value, item.tooltip])).toEqual([
      [
        '城东物流园仓库等4处',
        [120.2986, 30.3012],
        ['城东物流园仓库', '城西污水处理厂', '恒泰公司仓库', '西苑新村'],
      ],
    ]);
    expect(layer('缴获').map((item) => [item.name, item.value])).toEqual([
      ['5起缴获', [120.2986, 30.3012, 5]],
    ]);
    // No marker further than 7 px from its place on screen (offsets to a tenth of a pixel).
    const markers = ['地点', '缴获', '户籍地', '抓获地'].flatMap(layer);
    expect(markers).toHaveLength(5);
    for (const marker of markers)
      expect(Math.hypot(...marker.symbolOffset)).toBeLessThanOrEqual(7.05);
    // And where the data is seen closer, each place is its own marker, on its coordinates.
    const zoomed = buildMapOption(hangzhou, texts, [], undefined, {
      ...allChinaView,
      scale: { x: 400, y: 520 },
    });
    const pins = zoomed.series.find((entry) => entry.name === '地点')!.data as {
      name: string;
      value: number[];
    }[];
    expect(pins.map((pin) => [pin.name, pin.value])).toEqual(
      hangzhou.places.map((each) => [each.name, [each.lng, each.lat]]),
    );
  });

  it('keeps labels off the flows’ curves through a bounded number of points', () => {
    const guards = (flows: MapData['flows']) =>
      (
        buildMapOption({ ...data, flows }, texts).series.find(
          (entry) => entry.name === 'markerGuards',
        )!.data as unknown[]
      ).length;
    const flow = data.flows[0]!;
    // One flow 昆明 → 滨江: points along it (a count had been written across the flow).
    expect(guards([flow]) - guards([])).toBeGreaterThan(30);
    // Three hundred flows: 2,000 points at most, whatever their number.
    expect(guards(Array.from({ length: 300 }, () => flow)) - guards([])).toBeLessThanOrEqual(2_000);
  });

  it("says in a seizure's tooltip what was seized, how much, where, when and in which case", () => {
    const seized = buildMapOption(
      {
        ...data,
        seizures: [
          {
            id: 's1',
            seizedAt: '2026-07-02T06:30:00.000Z',
            drugType: 'methamphetamine',
            amount: 28_000_000_000,
            normalisedUnit: 'mg',
            quantityUnit: 't',
            caseNo: 'A3301052026070031',
            place: '恒泰公司仓库',
            lng: 120.3561,
            lat: 30.3147,
            provinceCode: '330000',
          },
        ],
      },
      { ...texts, quantity: () => '28 吨' },
    );
    const [item] = seized.series.find((entry) => entry.name === '缴获')!.data as {
      name: string;
      tooltip: string;
    }[];
    expect(seized.tooltip.formatter({ name: item!.name, data: item })).toBe(
      '冰毒 28 吨<br/>恒泰公司仓库 · 2026-07-02 · 案件编号 A3301052026070031',
    );
  });

  it('writes the provinces and the words round the data in the UI’s language', () => {
    const english = buildMapOption(
      data,
      {
        ...texts,
        people: (count) => (count === 1 ? '1 person' : `${count} people`),
        named: (name, what) => `${name}: ${what}`,
        list: (items) => items.join(', '),
        aside: (text, aside) => `${text} (${aside})`,
        atCapital: 'no located place: shown at the provincial capital',
        province: (mapName) => provinceName(mapName, 'en'),
      },
      [
        { name: '浙江', lng: 120.1, lat: 29.2 },
        { name: '内蒙古', lng: 111, lat: 43 },
      ],
    );
    const names = (name: string) =>
      (english.series.find((entry) => entry.name === name)!.data as { name: string }[]).map(
        (item) => item.name,
      );
    expect(names('provinceNames')).toEqual([
      'Zhejiang',
      'Inner Mongolia',
      'South China Sea Islands',
    ]);
    // The city as recorded, the words round it in English (it had read 滨江市：people: 23).
    expect(names('户籍地')).toEqual(['昆明市: 1 person', '瑞丽市: 1 person']);
    // Brackets and commas of the language too (they had been Chinese: 岩某（…）、).
    const households = english.series.find((entry) => entry.name === '户籍地')!.data as {
      tooltip: string;
    }[];
    expect(households.map((item) => item.tooltip)).toEqual([
      '李某',
      '岩某 (no located place: shown at the provincial capital)',
    ]);
  });

  it('names the 34 provincial-level divisions in English, Pinyin', () => {
    const features = [
      '北京',
      '天津',
      '河北',
      '山西',
      '内蒙古',
      '辽宁',
      '吉林',
      '黑龙江',
      '上海',
      '江苏',
      '浙江',
      '安徽',
      '福建',
      '江西',
      '山东',
      '河南',
      '湖北',
      '湖南',
      '广东',
      '广西',
      '海南',
      '重庆',
      '四川',
      '贵州',
      '云南',
      '西藏',
      '陕西',
      '甘肃',
      '青海',
      '宁夏',
      '新疆',
      '台湾',
      '香港',
      '澳门',
    ];
    expect(features.map((name) => provinceName(name, 'en'))).toEqual([
      'Beijing',
      'Tianjin',
      'Hebei',
      'Shanxi',
      'Inner Mongolia',
      'Liaoning',
      'Jilin',
      'Heilongjiang',
      'Shanghai',
      'Jiangsu',
      'Zhejiang',
      'Anhui',
      'Fujian',
      'Jiangxi',
      'Shandong',
      'Henan',
      'Hubei',
      'Hunan',
      'Guangdong',
      'Guangxi',
      'Hainan',
      'Chongqing',
      'Sichuan',
      'Guizhou',
      'Yunnan',
      'Xizang',
      'Shaanxi',
      'Gansu',
      'Qinghai',
      'Ningxia',
      'Xinjiang',
      'Taiwan',
      'Hong Kong',
      'Macao',
    ]);
    expect(provinceName('云南', 'zh-CN')).toBe('云南');
  });

  it('writes amounts exactly in kg, g and L', () => {
    expect(formatAmount(25_619_000, 'mg')).toBe('25.619 kg');
    expect(formatAmount(118_600, 'mg')).toBe('118.6 g');
    expect(formatAmount(1_500, 'ml')).toBe('1.5 L');
    expect(formatAmount(12, 'count')).toBe('12');
  });
});
